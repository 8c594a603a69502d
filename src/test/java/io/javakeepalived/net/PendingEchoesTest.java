package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class PendingEchoesTest {
    private static final byte[] A = {10, 0, 0, 2};
    private static final byte[] B = {10, 0, 0, 3};

    @Test
    void aReplyAnswersOnlyTheRequestToItsSender() {
        PendingEchoes p = new PendingEchoes(100);
        PendingEchoes.Entry a = p.add(A, 0, 1000, o -> { });
        PendingEchoes.Entry b = p.add(B, 0, 1000, o -> { });
        assertNotEquals(a.sequence, b.sequence);
        assertNull(p.answer(a.sequence, B), "a reply from B with A's sequence");
        assertSame(a, p.answer(a.sequence, A));
        assertNull(p.answer(a.sequence, A), "answered once");
        assertEquals(1, p.size());
    }

    @Test
    void sequencesWrapAndSkipThoseStillWaiting() {
        PendingEchoes p = new PendingEchoes(0xffff);
        assertEquals(0xffff, p.add(A, 0, 10, o -> { }).sequence);
        assertEquals(0, p.add(A, 0, 10, o -> { }).sequence);
        PendingEchoes q = new PendingEchoes(5);
        PendingEchoes.Entry waiting = q.add(A, 0, 10, o -> { });
        for (int i = 0; i < 0xffff; i++) {
            q.answer(q.add(A, 0, 10, o -> { }).sequence, A);
        }
        assertNotEquals(waiting.sequence, q.add(A, 0, 10, o -> { }).sequence);
    }

    @Test
    void requestsExpireInDeadlineOrderAndOnlyOnce() {
        PendingEchoes p = new PendingEchoes(0);
        PendingEchoes.Entry late = p.add(A, 0, 300, o -> { });
        PendingEchoes.Entry early = p.add(B, 0, 100, o -> { });
        PendingEchoes.Entry answered = p.add(A, 0, 50, o -> { });
        p.answer(answered.sequence, A);
        assertEquals(100, p.untilNextDeadline(0), "the answered one no longer counts");
        assertEquals(List.of(), p.expire(99));
        assertEquals(List.of(early), p.expire(100));
        assertEquals(List.of(late), p.expire(1000));
        assertEquals(List.of(), p.expire(2000));
        assertEquals(-1, p.untilNextDeadline(2000));
    }

    @Test
    void aCancelledRequestNeitherAnswersNorExpires() {
        PendingEchoes p = new PendingEchoes(0);
        PendingEchoes.Entry e = p.add(A, 0, 10, o -> { });
        p.remove(e);
        assertNull(p.answer(e.sequence, A));
        assertEquals(List.of(), p.expire(100));
    }

    @Test
    void deadlinesSurviveTheNanoTimeWrap() {
        PendingEchoes p = new PendingEchoes(0);
        long now = Long.MAX_VALUE - 10;
        PendingEchoes.Entry e = p.add(A, now, 100, o -> { });
        assertEquals(List.of(), p.expire(now + 50));
        assertEquals(List.of(e), p.expire(now + 100));
    }
}
