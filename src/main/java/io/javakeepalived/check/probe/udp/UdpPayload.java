package io.javakeepalived.check.probe.udp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** The datagram a UDP_CHECK sends. */
final class UdpPayload {
    /** keepalived's UDP_BUFSIZE. */
    static final int FILLER_LENGTH = 32;
    private static final String FILLER_TEXT = "keepalived check - ";

    private UdpPayload() {
    }

    /**
     * {@code payload}'s bytes, or without one, what keepalived's set_buf fills its 32-byte buffer
     * with ("keepalived check - keepalived ch") so that no stack content leaks: a server that logs
     * what it receives sees the same as under keepalived.
     */
    static byte[] of(Optional<String> payloadHex) {
        if (payloadHex.isPresent()) {
            return HexFormat.of().parseHex(payloadHex.get());
        }
        byte[] b = new byte[FILLER_LENGTH];
        byte[] text = FILLER_TEXT.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) {
            b[i] = text[i % text.length];
        }
        return b;
    }
}
