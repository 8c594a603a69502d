package io.javakeepalived.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@link VipDropTable} over a NETLINK_NETFILTER socket, in the network namespace it was opened in.
 * The kernel runs a batch inside {@code sendto()}, so every answer is queued by the time it
 * returns: the socket is non-blocking and the answers are read until it is empty, never waited
 * for. The first error fails the call, naming the message, e.g.
 * {@code add chain ip keepalived in: Operation not permitted}. Not thread-safe (loop thread).
 */
public final class NfTablesVipDrop implements VipDropTable {
    private final VipDropRules rules;
    private final NetlinkSocket sock;
    private final NativeBuffer tx = new NativeBuffer(16 * 1024);
    private final NativeBuffer rx = new NativeBuffer(NetlinkSocket.BUFFER);
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private NfTablesVipDrop(VipDropRules rules, NetlinkSocket sock) {
        this.rules = rules;
        this.sock = sock;
    }

    public static NfTablesVipDrop open(VipDropRules rules) throws ErrnoException {
        return new NfTablesVipDrop(rules, new NetlinkSocket(Sys.NETLINK_NETFILTER, 0, true, 0, 0));
    }

    @Override
    public boolean install() throws IOException {
        boolean existed = tableExists();
        run(VipDropRuleset.install(newBatch(), rules));
        return existed;
    }

    @Override
    public void drop(List<Inet4Address> addresses) throws IOException {
        if (!addresses.isEmpty()) {
            run(VipDropRuleset.elements(newBatch(), rules, true, addresses));
        }
    }

    @Override
    public void accept(List<Inet4Address> addresses) throws IOException {
        if (!addresses.isEmpty()) {
            run(VipDropRuleset.elements(newBatch(), rules, false, addresses));
        }
    }

    @Override
    public void delete() throws IOException {
        try {
            run(VipDropRuleset.deleteTable(newBatch(), rules));
        } catch (ErrnoException e) {
            if (!e.targetMissing()) {
                throw e;
            }
        }
    }

    private boolean tableExists() throws IOException {
        int s = nextSeq();
        int len = NfTablesCodec.table(tx.buf, 0, s, NfTablesCodec.NFT_MSG_GETTABLE, NfTablesCodec.NFPROTO_IPV4,
                rules.table());
        sock.send(tx, len, "get table ip " + rules.table());
        boolean[] found = {false};
        ErrnoException failure = drain((b, off) -> {
            if (RtnlCodec.msgSeq(b, off) != s) {
                return null;
            }
            if (RtnlCodec.msgType(b, off) == NfTablesCodec.type(NfTablesCodec.NFT_MSG_NEWTABLE)) {
                found[0] = true;
            }
            int err = errorOf(b, off);
            return err != 0 && err != Errno.ENOENT
                    ? new ErrnoException("get table ip " + rules.table(), err, RtnlCodec.extAckMessage(b, off)) : null;
        });
        if (failure != null) {
            throw failure;
        }
        return found[0];
    }

    private NfBatch newBatch() throws IOException {
        if (closed) {
            throw new IOException("nf_tables socket is closed");
        }
        tx.buf.clear();
        return new NfBatch(tx.buf, nextSeq());
    }

    private void run(NfBatch batch) throws IOException {
        int len = batch.finish();
        seq = batch.seqAfter();
        sock.send(tx, len, "nf_tables batch");
        ErrnoException failure = drain((b, off) -> {
            int s = RtnlCodec.msgSeq(b, off);
            int err = batch.owns(s) ? errorOf(b, off) : 0;
            return err != 0 ? new ErrnoException(batch.describe(s), err, RtnlCodec.extAckMessage(b, off)) : null;
        });
        if (failure != null) {
            throw failure;
        }
    }

    private interface Answer {
        /** A failure the message at {@code off} reports, or null. */
        ErrnoException check(ByteBuffer b, int off);
    }

    /** Reads every queued answer; returns the first failure among them, or null. */
    private ErrnoException drain(Answer answer) throws ErrnoException {
        ErrnoException first = null;
        for (int n = sock.receive(rx); n >= 0; n = sock.receive(rx)) {
            ByteBuffer b = rx.buf;
            for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
                int mlen = RtnlCodec.msgLen(b, off);
                if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                    break;
                }
                ErrnoException e = answer.check(b, off);
                first = first != null ? first : e;
                off += RtnlCodec.align(mlen);
            }
        }
        return first;
    }

    /** The errno an NLMSG_ERROR carries; 0 for an ACK or another message. */
    private static int errorOf(ByteBuffer b, int off) {
        return RtnlCodec.msgType(b, off) == RtnlCodec.NLMSG_ERROR ? RtnlCodec.errorCode(b, off) : 0;
    }

    private int nextSeq() {
        seq = seq >= 0x3fffffff ? 1 : seq + 1;
        return seq;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            sock.close();
        }
    }
}
