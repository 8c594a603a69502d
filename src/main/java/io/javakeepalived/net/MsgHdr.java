package io.javakeepalived.net;

import jnr.ffi.Struct;

/**
 * {@code struct msghdr} (sendmsg(2), recvmsg(2)) laid over memory we own, with its
 * {@code struct iovec} and the {@code struct cmsghdr} of each control message, so the fields
 * are named instead of written at bare offsets. jnr computes the offsets and padding for the
 * platform (64-bit Linux: name 0, namelen 8, iov 16, iovlen 24, control 32, controllen 40,
 * flags 48). Field writes go straight to the memory and allocate nothing.
 */
final class MsgHdr extends Struct {
    final Pointer name = new Pointer();
    final Unsigned32 namelen = new Unsigned32();
    final Pointer iov = new Pointer();
    final size_t iovlen = new size_t();
    final Pointer control = new Pointer();
    final size_t controllen = new size_t();
    final Signed32 flags = new Signed32();

    /** A msghdr at the start of {@code memory}. */
    MsgHdr(jnr.ffi.Pointer memory) {
        super(Native.RUNTIME);
        useMemory(memory);
    }

    /** {@code struct iovec}: one buffer of a scatter/gather list. */
    static final class IoVec extends Struct {
        final Pointer base = new Pointer();
        final size_t len = new size_t();

        IoVec(jnr.ffi.Pointer memory) {
            super(Native.RUNTIME);
            useMemory(memory);
        }
    }

    /**
     * {@code struct cmsghdr}: the header of one control message; its data follows at
     * {@link #DATA} ({@code CMSG_DATA}), and the next message at {@link #space} of its length.
     */
    static final class CmsgHdr extends Struct {
        /** {@code CMSG_LEN(0)}: the header's size, where the data starts. */
        static final int DATA = 16;

        final size_t len = new size_t();
        final Signed32 level = new Signed32();
        final Signed32 type = new Signed32();

        private static final CmsgHdr LAYOUT = new CmsgHdr();
        /** Where the fields are, for walking received control messages in a buffer without allocating. */
        static final int LEN_AT = (int) LAYOUT.len.offset();
        static final int LEVEL_AT = (int) LAYOUT.level.offset();
        static final int TYPE_AT = (int) LAYOUT.type.offset();

        CmsgHdr(jnr.ffi.Pointer memory) {
            super(Native.RUNTIME);
            useMemory(memory);
        }

        private CmsgHdr() {
            super(Native.RUNTIME);
        }

        /** {@code CMSG_SPACE}: {@code length} rounded up to the 8-byte alignment of the next header. */
        static int space(int length) {
            return (length + 7) & ~7;
        }
    }
}
