package io.javakeepalived.sys.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.sys.signal.SignalCoverage.Handling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalCoverageTest {

    @Test
    void describeIsOneLogLine() {
        SignalCoverage ok = new SignalCoverage(KeepalivedSignal.RTMIN_PLUS_2, Handling.DELIVERED, "HotSpot user handler", "");
        assertEquals("SIGRTMIN+2(36) JSON: DELIVERED via HotSpot user handler", ok.describe());
        assertFalse(ok.hasWarning());
        SignalCoverage lost = new SignalCoverage(KeepalivedSignal.RTMIN_PLUS_2, Handling.IGNORED, "SIG_IGN through libc",
                "request lost");
        assertEquals("SIGRTMIN+2(36) JSON: IGNORED via SIG_IGN through libc; request lost", lost.describe());
        assertTrue(lost.hasWarning());
    }

    @Test
    void noNulls() {
        assertThrows(NullPointerException.class, () -> new SignalCoverage(KeepalivedSignal.HUP, Handling.IGNORED, "x", null));
    }

    @Test
    void theManualSourceBehavesLikeTheContractSays() {
        ManualSignalSource source = new ManualSignalSource();
        source.send(KeepalivedSignal.USR2);
        source.send(KeepalivedSignal.TERM);
        assertEquals(List.of(KeepalivedSignal.TERM), source.earlyStops());
        List<SignalRequest> loop = new ArrayList<>();
        source.start(loop::add);
        source.send(KeepalivedSignal.TERM);
        assertEquals(List.of(SignalRequest.STATS, SignalRequest.STOP), loop);
        assertEquals(KeepalivedSignal.values().length, source.coverage().size());
    }
}
