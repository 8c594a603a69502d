package io.javakeepalived.vrrp.packet;

/**
 * Outcome of the config-free {@link VrrpCodec#decodeIpv4}/{@link VrrpCodec#decodeIpv6}: a
 * well-formed advert with its receive metadata, or a {@link Rejection}.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, Rejection {

    /** A structurally valid advert (length, version 2|3, auth type, type, IP length and checksum checked). */
    record Decoded(Advert advert, ReceiveMeta meta) implements DecodeResult {
    }
}
