package io.javakeepalived.sys.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeepalivedSignalTest {

    @Test
    void eachSignalCarriesKeepalivedsRequest() {
        assertEquals(Optional.of(SignalRequest.RELOAD), KeepalivedSignal.requestFor(1));
        assertEquals(Optional.of(SignalRequest.STOP), KeepalivedSignal.requestFor(2));
        assertEquals(Optional.of(SignalRequest.STOP), KeepalivedSignal.requestFor(15));
        assertEquals(Optional.of(SignalRequest.DATA), KeepalivedSignal.requestFor(10));
        assertEquals(Optional.of(SignalRequest.STATS), KeepalivedSignal.requestFor(12));
        assertEquals(Optional.of(SignalRequest.JSON), KeepalivedSignal.requestFor(36));
        assertEquals(Optional.of(SignalRequest.STATS_CLEAR), KeepalivedSignal.requestFor(63));
    }

    @Test
    void otherSignalsCarryNothing() {
        for (int n : new int[] {0, 3, 9, 11, 14, 17, 19, 34, 35, 37, 62, 64, 65, -1}) {
            assertEquals(Optional.empty(), KeepalivedSignal.requestFor(n), "signal " + n);
        }
    }

    @Test
    void everyRequestHasASignalAndNumbersAreDistinct() {
        Set<SignalRequest> carried = Arrays.stream(KeepalivedSignal.values()).map(KeepalivedSignal::request)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SignalRequest.class)));
        assertEquals(EnumSet.allOf(SignalRequest.class), carried);
        assertEquals(KeepalivedSignal.values().length,
                Arrays.stream(KeepalivedSignal.values()).mapToInt(KeepalivedSignal::number).distinct().count());
    }

    @Test
    void onlyTheRealTimeSignalsLackAJdkName() {
        for (KeepalivedSignal s : KeepalivedSignal.values()) {
            assertEquals(!s.realTime(), s.jdkName().isPresent(), s.toString());
            s.jdkName().ifPresent(name -> assertEquals("SIG" + name, s.signalName()));
        }
        assertTrue(KeepalivedSignal.RTMIN_PLUS_2.realTime());
        assertTrue(KeepalivedSignal.RTMAX_MINUS_1.realTime());
        assertFalse(KeepalivedSignal.USR2.realTime());
        assertEquals(Optional.of("HUP"), KeepalivedSignal.HUP.jdkName());
    }

    @Test
    void namesForTheLog() {
        assertEquals("SIGRTMIN+2(36)", KeepalivedSignal.RTMIN_PLUS_2.toString());
        assertEquals("SIGRTMAX-1", KeepalivedSignal.RTMAX_MINUS_1.signalName());
        assertEquals(Optional.of(KeepalivedSignal.INT), KeepalivedSignal.ofNumber(2));
    }
}
