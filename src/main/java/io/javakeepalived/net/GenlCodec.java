package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * Generic netlink framing on top of {@link RtnlCodec}'s: the 4-byte genlmsghdr after the netlink
 * header, and the controller's CTRL_CMD_GETFAMILY that turns a family name ("IPVS") into the
 * message type its requests carry. Pure.
 *
 * <pre>
 * struct genlmsghdr { u8 cmd; u8 version; u16 reserved; }   4 bytes
 * </pre>
 */
final class GenlCodec {
    private GenlCodec() {}

    static final int GENL_HDRLEN = 4;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_NEWFAMILY = 1;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    /** The controller version libnl's genl_ctrl_resolve sends. */
    static final int CTRL_VERSION = 1;

    /** Starts a generic netlink message; returns the offset of its first attribute. */
    static int begin(ByteBuffer b, int off, int family, int flags, int seq, int cmd, int version) {
        int p = RtnlCodec.begin(b, off, family, flags, seq);
        b.put(p, (byte) cmd);
        b.put(p + 1, (byte) version);
        b.putShort(p + 2, (short) 0);
        return p + GENL_HDRLEN;
    }

    /** The command byte of the generic netlink message at {@code off}. */
    static int command(ByteBuffer b, int off) {
        return b.get(off + RtnlCodec.NLMSG_HDRLEN) & 0xff;
    }

    /** The offset of the first attribute of the generic netlink message at {@code off}. */
    static int attributes(int off) {
        return off + RtnlCodec.NLMSG_HDRLEN + GENL_HDRLEN;
    }

    /** CTRL_CMD_GETFAMILY for {@code name}, with NLM_F_ACK. */
    static int encodeGetFamily(ByteBuffer b, int off, int seq, String name) {
        int p = begin(b, off, GENL_ID_CTRL, RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_ACK, seq, CTRL_CMD_GETFAMILY,
                CTRL_VERSION);
        p = RtnlCodec.putString(b, p, CTRL_ATTR_FAMILY_NAME, name);
        RtnlCodec.end(b, off, p);
        return p - off;
    }

    /** The family id in a CTRL_CMD_NEWFAMILY reply at {@code off}, or -1 if it has none. */
    static int decodeFamilyId(ByteBuffer b, int off) {
        int end = off + RtnlCodec.msgLen(b, off);
        for (NlaCursor c = new NlaCursor(b, attributes(off), end); c.next(); ) {
            if (c.type() == CTRL_ATTR_FAMILY_ID && c.dataLength() >= 2) {
                return b.getShort(c.dataOffset()) & 0xffff;
            }
        }
        return -1;
    }
}
