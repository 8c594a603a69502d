package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.sys.signal.KeepalivedSignal;
import org.junit.jupiter.api.Test;

/** libc through jnr, in this test JVM; only signals nobody uses (37..60) are touched. */
class NativeSignalsTest {

    @Test
    void theRealTimeNumbersAreKeepalivedsOnThisLibc() {
        assertEquals(KeepalivedSignal.RTMIN_PLUS_2.number(), NativeSignals.sigRtMin() + 2);
        assertEquals(KeepalivedSignal.RTMAX_MINUS_1.number(), NativeSignals.sigRtMax() - 1);
    }

    @Test
    void ignoredSignalsAreHarmless() {
        int sig = 57;
        assertTrue(NativeSignals.isDefault(sig));
        NativeSignals.ignore(sig);
        assertEquals(1, NativeSignals.handlerAddress(sig));
        assertTrue(SignalMasks.ofSelf().isIgnored(sig));
        NativeSignals.kill(ProcessHandle.current().pid(), sig); // would end this JVM if not ignored
    }

    @Test
    void aDispositionCopiesWholeFromOneSignalToAnother() {
        int from = 11; // the JVM's SIGSEGV handler: a real function
        int to = 58;
        long handler = NativeSignals.handlerAddress(from);
        assertNotEquals(0, handler);
        assertNotEquals(1, handler);
        // Copy to a signal nobody sends, then restore the default.
        NativeSignals.copyDisposition(from, to);
        assertEquals(handler, NativeSignals.handlerAddress(to));
        assertTrue(SignalMasks.ofSelf().isCaught(to));
        NativeSignals.copyDisposition(59, to); // 59 is at SIG_DFL
        assertTrue(NativeSignals.isDefault(to));
    }
}
