package io.javakeepalived.script;

import io.javakeepalived.sys.OutputPipe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputTailTest {

    /** A pipe that yields {@code total} bytes of numbered lines, then end of file. */
    private static final class Lines implements OutputPipe {
        final AtomicLong left;
        final AtomicBoolean closed = new AtomicBoolean();
        long line;
        byte[] pending = new byte[0];

        Lines(long total) {
            left = new AtomicLong(total);
        }

        @Override
        public int read(byte[] buffer) {
            if (left.get() <= 0) {
                return -1;
            }
            int n = 0;
            while (n < buffer.length && left.get() > 0) {
                if (pending.length == 0) {
                    pending = ("line " + line++ + "\n").getBytes(StandardCharsets.UTF_8);
                }
                buffer[n++] = pending[0];
                pending = java.util.Arrays.copyOfRange(pending, 1, pending.length);
                left.decrementAndGet();
            }
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void keepsOnlyTheLastBytesHoweverMuchIsWritten() {
        Lines pipe = new Lines(3_000_000);
        OutputTail tail = OutputTail.drain(pipe, 64, "t");
        assertTrue(tail.awaitEnd(Duration.ofSeconds(30)));
        StringBuilder all = new StringBuilder();
        for (int i = 0; all.length() < 3_000_000; i++) {
            all.append("line ").append(i).append('\n');
        }
        all.setLength(3_000_000);
        assertEquals(all.substring(all.length() - 64).strip(), tail.text());
        assertTrue(pipe.closed.get(), "closed at its end");
    }

    @Test
    void shortOutputIsKeptWhole() {
        OutputTail tail = OutputTail.drain(new Lines(14), 2048, "t");
        assertTrue(tail.awaitEnd(Duration.ofSeconds(5)));
        assertEquals("line 0\nline 1", tail.text());
    }
}
