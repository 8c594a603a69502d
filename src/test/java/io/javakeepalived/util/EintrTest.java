package io.javakeepalived.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class EintrTest {

    /** A system call that answers from a script: (result, errno) per attempt. */
    private static final class ScriptedCall {
        private final Deque<long[]> answers;
        private int errno;
        int calls;

        ScriptedCall(List<long[]> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        long call() {
            calls++;
            long[] a = answers.removeFirst();
            errno = (int) a[1];
            return a[0];
        }

        int errno() {
            return errno;
        }
    }

    @Test
    void interruptedCallsAreMadeAgainUntilTheyAnswer() {
        ScriptedCall c = new ScriptedCall(List.of(new long[] {-1, Eintr.EINTR}, new long[] {-1, Eintr.EINTR},
                new long[] {8, 0}));
        assertEquals(8, Eintr.retrying(c::call, c::errno));
        assertEquals(3, c.calls);
    }

    @Test
    void anyOtherFailureIsReturnedAtOnceWithItsErrno() {
        int eagain = 11;
        ScriptedCall c = new ScriptedCall(List.of(new long[] {-1, Eintr.EINTR}, new long[] {-1, eagain},
                new long[] {8, 0}));
        assertEquals(-1, Eintr.retrying(c::call, c::errno));
        assertEquals(2, c.calls);
        assertEquals(eagain, c.errno());
    }

    @Test
    void successIsNotRepeated() {
        ScriptedCall c = new ScriptedCall(List.of(new long[] {0, Eintr.EINTR}));
        assertEquals(0, Eintr.retrying(c::call, c::errno));
        assertEquals(1, c.calls);
    }
}
