package io.javakeepalived.net;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One nf_tables transaction being written: BATCH_BEGIN, the messages, BATCH_END, with a sequence
 * number each. The kernel applies all of it or none; it answers every message that fails (and
 * every one that asks for an ACK) with its sequence number, which {@link #describe} turns back
 * into what that message was. Pure: the bytes go to a socket elsewhere.
 */
final class NfBatch {
    /** Writes one message at the offset and returns the offset past it. */
    interface Message {
        int write(ByteBuffer b, int off, int seq);
    }

    private final ByteBuffer buf;
    private final int firstSeq;
    private final List<String> descriptions = new ArrayList<>();
    private int end;

    NfBatch(ByteBuffer buf, int firstSeq) {
        this.buf = buf;
        this.firstSeq = firstSeq;
        end = NfTablesCodec.batchMark(buf, 0, firstSeq, true);
        descriptions.add("batch begin");
    }

    NfBatch add(String description, Message m) {
        end = m.write(buf, end, nextSeq());
        descriptions.add(description);
        return this;
    }

    /** Closes the batch; returns its length in bytes. */
    int finish() {
        end = NfTablesCodec.batchMark(buf, end, nextSeq(), false);
        descriptions.add("batch end");
        return end;
    }

    private int nextSeq() {
        return firstSeq + descriptions.size();
    }

    /** The sequence number just past this batch's last message. */
    int seqAfter() {
        return firstSeq + descriptions.size();
    }

    /** Whether {@code seq} is one of this batch's messages. */
    boolean owns(int seq) {
        return seq - firstSeq >= 0 && seq - firstSeq < descriptions.size();
    }

    /** What the message with {@code seq} asked for, e.g. {@code add chain ip keepalived in}. */
    String describe(int seq) {
        return owns(seq) ? descriptions.get(seq - firstSeq) : "message " + seq;
    }

    /** The count of messages that ask for an ACK (all but the batch frame). */
    int acksExpected() {
        return descriptions.size() - 2;
    }
}
