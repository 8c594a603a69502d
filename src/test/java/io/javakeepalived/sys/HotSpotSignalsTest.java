package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Unsafe re-aiming in this test JVM, on a real-time signal nobody else uses (50). */
class HotSpotSignalsTest {

    @Test
    void aSignalForANumberTheJdkCannotName() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new sun.misc.Signal("RTMIN+16"));
        sun.misc.Signal s = HotSpotSignals.forNumber(50, "RTMIN+16");
        assertEquals(50, s.getNumber());
        assertEquals("RTMIN+16", s.getName());
        assertEquals("SIGRTMIN+16", s.toString());
    }

    @Test
    void hotSpotDeliversItLikeAnyOtherSignal() throws Exception {
        int sig = 50;
        Semaphore arrived = new Semaphore(0);
        sun.misc.Signal.handle(HotSpotSignals.forNumber(sig, "RTMIN+16"), s -> arrived.release());
        // Only now is it safe to send: had the install failed, the signal would end this JVM.
        assertTrue(SignalMasks.ofSelf().isCaught(sig), "not caught: not sending");
        for (int i = 0; i < 25; i++) {
            NativeSignals.kill(ProcessHandle.current().pid(), sig);
        }
        assertTrue(arrived.tryAcquire(25, 10, TimeUnit.SECONDS), "arrived: " + arrived.availablePermits());
    }
}
