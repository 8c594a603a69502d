package io.javakeepalived.vrrp.packet;

/** The individual checks shared by {@link VrrpCodec#decode} and {@link AdvertValidator}; null = passed. */
final class Checks {

    private Checks() {
    }

    /** #8: keepalived's {@code buflen != expected_len}. */
    static Rejection length(ReceivedPacket p, boolean withAh) {
        int expected = p.expectedLength(withAh);
        int got = p.receivedLength();
        if (got == expected) {
            return null;
        }
        return new Rejection(RejectReason.LENGTH, "vrrp packet too " + (got > expected ? "long" : "short")
                + ", length " + got + " and expect " + expected);
    }

    /** #11 */
    static Rejection invalidAuthType(ReceivedPacket p) {
        return new Rejection(RejectReason.INVALID_AUTH_TYPE, "Invalid auth type: " + p.authTypeField());
    }

    /** #16 */
    static Rejection type(ReceivedPacket p) {
        if (p.type() == VrrpCodec.TYPE_ADVERTISEMENT) {
            return null;
        }
        return new Rejection(RejectReason.INVALID_TYPE,
                "Invalid packet type. " + p.type() + " and expect " + VrrpCodec.TYPE_ADVERTISEMENT);
    }

    /** #18 (IPv4 only) */
    static Rejection totalLength(ReceivedPacket p) {
        if (p.family() != IpFamily.IPV4 || p.ipTotalLength() == p.receivedLength()) {
            return null;
        }
        return new Rejection(RejectReason.IP_TOTAL_LENGTH, "ip_tot_len mismatch against received length. "
                + p.ipTotalLength() + " and received " + p.receivedLength());
    }

    /** #19 message */
    static Rejection checksumError(int version) {
        return new Rejection(RejectReason.CHECKSUM, "Invalid VRRPv" + version + " checksum");
    }

    /**
     * Checksum as RFC and keepalived's defaults have it: v2 over IPv4 without pseudo-header, v3
     * over IPv4 with the IPv4 pseudo-header, IPv6 with the IPv6 pseudo-header (only when the
     * destination is known).
     */
    static boolean standardChecksumOk(ReceivedPacket p) {
        if (p.family() == IpFamily.IPV4) {
            return p.version() == 2
                    ? p.checksumVerifies(0)
                    : p.checksumVerifies(pseudo(p, p.destination()));
        }
        return p.destination() == null || p.checksumVerifies(pseudo(p, p.destination()));
    }

    static long pseudo(ReceivedPacket p, java.net.InetAddress destination) {
        return p.pseudoSum(destination);
    }
}
