package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalMasksTest {

    /** From a probe started by a shell with INT ignored, after install (see JvmSignalSourceIT). */
    private static final String STATUS = String.join("\n",
            "Name:\tjava",
            "SigQ:\t1/96365",
            "SigPnd:\t0000000000000000",
            "ShdPnd:\t0000000000000000",
            "SigBlk:\t0000000000000004",
            "SigIgn:\t0000000000000002",
            "SigCgt:\t4000000901005ecd",
            "CapInh:\t0000000000000000",
            "");

    @Test
    void bitNMinusOneIsSignalN() {
        SignalMasks m = SignalMasks.parse(STATUS);
        assertTrue(m.isIgnored(2));
        assertFalse(m.isCaught(2));
        assertTrue(m.isBlocked(3));
        for (int caught : new int[] {1, 10, 12, 15, 36, 63}) {
            assertTrue(m.isCaught(caught), "signal " + caught);
            assertFalse(m.isDefault(caught), "signal " + caught);
        }
        assertTrue(m.isDefault(37));
        assertTrue(m.isDefault(64));
    }

    @Test
    void signal64IsTheTopBit() {
        SignalMasks m = SignalMasks.parse("SigBlk:\t0\nSigIgn:\t8000000000000000\nSigCgt:\t0\n");
        assertTrue(m.isIgnored(64));
        assertFalse(m.isIgnored(63));
    }

    @Test
    void outOfRangeAndMissingLinesAreErrors() {
        SignalMasks m = SignalMasks.parse(STATUS);
        assertThrows(IllegalArgumentException.class, () -> m.isCaught(0));
        assertThrows(IllegalArgumentException.class, () -> m.isCaught(65));
        assertThrows(IllegalArgumentException.class, () -> SignalMasks.parse("Name:\tjava\n"));
    }

    @Test
    void readsThisProcess() {
        // Every JVM catches SIGSEGV (11) for its own use.
        assertTrue(SignalMasks.ofSelf().isCaught(11));
    }
}
