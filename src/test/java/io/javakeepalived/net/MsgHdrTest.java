package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The structs' layout is glibc's on 64-bit Linux, as sendmsg/recvmsg read it. */
class MsgHdrTest {

    @Test
    void msghdrFieldsSitWhereTheKernelReadsThem() {
        MsgHdr h = new MsgHdr(new NativeBuffer(64).ptr);
        assertEquals(0, h.name.offset());
        assertEquals(8, h.namelen.offset());
        assertEquals(16, h.iov.offset());
        assertEquals(24, h.iovlen.offset());
        assertEquals(32, h.control.offset());
        assertEquals(40, h.controllen.offset());
        assertEquals(48, h.flags.offset());
    }

    @Test
    void iovecAndCmsghdrToo() {
        MsgHdr.IoVec v = new MsgHdr.IoVec(new NativeBuffer(16).ptr);
        assertEquals(0, v.base.offset());
        assertEquals(8, v.len.offset());
        assertEquals(0, MsgHdr.CmsgHdr.LEN_AT);
        assertEquals(8, MsgHdr.CmsgHdr.LEVEL_AT);
        assertEquals(12, MsgHdr.CmsgHdr.TYPE_AT);
        assertEquals(40, MsgHdr.CmsgHdr.space(MsgHdr.CmsgHdr.DATA + 20));
        assertEquals(24, MsgHdr.CmsgHdr.space(MsgHdr.CmsgHdr.DATA + 4));
    }

    @Test
    void writesLandInTheSharedBuffer() {
        NativeBuffer b = new NativeBuffer(64);
        MsgHdr h = new MsgHdr(b.ptr);
        h.namelen.set(28);
        h.controllen.set(64);
        h.flags.set(-1);
        assertEquals(28, b.buf.getInt(8));
        assertEquals(64, b.buf.getLong(40));
        assertEquals(-1, b.buf.getInt(48));
    }
}
