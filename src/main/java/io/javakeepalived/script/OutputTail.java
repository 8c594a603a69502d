package io.javakeepalived.script;

import io.javakeepalived.sys.OutputPipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a script's output pipe until its end and keeps only the last bytes: what the log shows
 * of a failed hook. Memory stays at the tail's size however much is written, nothing goes to
 * disk, and the writer never blocks on a full pipe, because the pipe is read as long as anyone
 * can write to it. A background child that inherited stdout (a daemon a notify_master starts)
 * may write for years: its output is read and dropped on this thread, which ends when the last
 * writer closes its end. Closing the read end earlier would kill such a child with SIGPIPE
 * (keepalived gives scripts /dev/null, where writing always works).
 */
final class OutputTail {

    private final OutputPipe pipe;
    private final byte[] ring;
    private long written;
    private final CountDownLatch ended = new CountDownLatch(1);

    private OutputTail(OutputPipe pipe, int tailBytes) {
        this.pipe = pipe;
        this.ring = new byte[tailBytes];
    }

    /** Starts reading {@code pipe} on a daemon thread named {@code threadName}. */
    static OutputTail drain(OutputPipe pipe, int tailBytes, String threadName) {
        if (tailBytes <= 0) {
            throw new IllegalArgumentException("tailBytes " + tailBytes);
        }
        OutputTail t = new OutputTail(pipe, tailBytes);
        Thread reader = new Thread(t::readToEnd, threadName);
        reader.setDaemon(true);
        reader.start();
        return t;
    }

    private void readToEnd() {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = pipe.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // nothing more can be read; what we have is the tail
        } finally {
            pipe.close();
            ended.countDown();
        }
    }

    synchronized void append(byte[] data, int length) {
        int from = Math.max(0, length - ring.length);
        for (int i = from; i < length; i++) {
            ring[(int) (written % ring.length)] = data[i];
            written++;
        }
    }

    /**
     * Waits until every writer has closed the pipe, at most {@code max} (a script's own output is
     * all there once it and its children have exited; a lingering background child is not waited for).
     */
    boolean awaitEnd(Duration max) {
        try {
            return ended.await(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last bytes read so far as text, surrounding whitespace removed. */
    synchronized String text() {
        int n = (int) Math.min(written, ring.length);
        byte[] out = new byte[n];
        long start = written - n;
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }
}
