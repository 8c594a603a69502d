package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Request/answer over one netlink socket: a request that waits for its ACK or error, and a dump
 * that collects the replies up to NLMSG_DONE (asked again when the kernel flags it interrupted).
 * Shared by rtnetlink and generic netlink (IPVS), so the sequence matching, the timeouts and the
 * extended-ACK texts live in one place. Not thread-safe: its owners synchronize.
 */
final class NetlinkExchange implements Closeable {
    private static final int DUMP_RETRIES = 5;

    /** Writes one request into {@code b} at 0 with sequence number {@code seq}; returns its length. */
    interface Encoder {
        int encode(ByteBuffer b, int seq) throws IOException;
    }

    /** One reply message of a dump, at {@code off}. */
    interface Handler {
        void on(ByteBuffer b, int off) throws IOException;
    }

    /** What a request was, for its error message: computed only when it failed. */
    interface What {
        String get();
    }

    private final NetlinkSocket sock;
    private final NativeBuffer tx;
    private final NativeBuffer rx = new NativeBuffer(NetlinkSocket.BUFFER);
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    NetlinkExchange(NetlinkSocket sock, int requestBuffer) {
        this.sock = sock;
        this.tx = new NativeBuffer(requestBuffer);
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    /** Sends the request and waits for its ACK; the kernel's error becomes an {@link ErrnoException}. */
    void request(Encoder encoder, What what) throws IOException {
        request(encoder, what, null);
    }

    /**
     * Sends a request that asks for an answer and its ACK (CTRL_CMD_GETFAMILY, IPVS_CMD_GET_CONFIG):
     * the answer, every message with the request's sequence number before the ACK, goes to
     * {@code answer} (may be null).
     */
    void request(Encoder encoder, What what, Handler answer) throws IOException {
        ensureOpen();
        int s = nextSeq();
        int len = encoder.encode(tx.buf, s);
        sock.send(tx, len, "request " + RtnlCodec.msgType(tx.buf, 0));
        while (true) {
            int n = sock.receive(rx);
            if (n < 0) {
                throw new ErrnoException(what.get() + " (no answer from the kernel)", Errno.ETIMEDOUT);
            }
            ByteBuffer b = rx.buf;
            for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
                int mlen = RtnlCodec.msgLen(b, off);
                if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                    break;
                }
                if (RtnlCodec.msgSeq(b, off) == s && RtnlCodec.msgType(b, off) == RtnlCodec.NLMSG_ERROR) {
                    int err = RtnlCodec.errorCode(b, off);
                    if (err != 0) {
                        String ext = RtnlCodec.extAckMessage(b, off);
                        // describing may dump links for the interface name: rx is no longer needed here
                        throw new ErrnoException(what.get(), err, ext);
                    }
                    return;
                }
                if (answer != null && RtnlCodec.msgSeq(b, off) == s) {
                    answer.on(b, off);
                }
                off += RtnlCodec.align(mlen);
            }
        }
    }

    /**
     * Sends the dump request and hands every reply of {@code replyType} to {@code h}; when the
     * kernel says the dump was interrupted (NLM_F_DUMP_INTR) it calls {@code reset} and asks again.
     */
    void dump(Encoder encoder, int replyType, String what, Handler h, Runnable reset) throws IOException {
        ensureOpen();
        for (int attempt = 0; attempt < DUMP_RETRIES; attempt++) {
            reset.run();
            int s = nextSeq();
            int len = encoder.encode(tx.buf, s);
            sock.send(tx, len, what);
            if (!receiveDump(s, replyType, what, h)) {
                return;
            }
        }
        throw new ErrnoException(what + " (dump interrupted " + DUMP_RETRIES + " times)", Errno.EBUSY);
    }

    /** Reads one dump to its end; true if the kernel flagged it interrupted. */
    private boolean receiveDump(int s, int replyType, String what, Handler h) throws IOException {
        boolean interrupted = false;
        while (true) {
            int n = sock.receive(rx);
            if (n < 0) {
                throw new ErrnoException(what + " (no answer from the kernel)", Errno.ETIMEDOUT);
            }
            ByteBuffer b = rx.buf;
            for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
                int mlen = RtnlCodec.msgLen(b, off);
                if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                    break;
                }
                if (RtnlCodec.msgSeq(b, off) == s) {
                    int type = RtnlCodec.msgType(b, off);
                    if ((RtnlCodec.msgFlags(b, off) & RtnlCodec.NLM_F_DUMP_INTR) != 0) {
                        interrupted = true;
                    }
                    if (type == RtnlCodec.NLMSG_DONE) {
                        return interrupted;
                    } else if (type == RtnlCodec.NLMSG_ERROR) {
                        int err = RtnlCodec.errorCode(b, off);
                        throw new ErrnoException(what, err, RtnlCodec.extAckMessage(b, off));
                    } else if (type == replyType) {
                        h.on(b, off);
                    }
                }
                off += RtnlCodec.align(mlen);
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("netlink socket is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sock.close();
        }
    }
}
