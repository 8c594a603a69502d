package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timer arithmetic, address helpers and settings validation. */
class VrrpTimingTest {

    @Test
    void masterDownIntervalsMatchTheMeasuredFigures() {
        // keepalived-measured.md: 3.648 s prio 90, 3.609 s prio 100, 0.365 s prio 90 at 0.1 s (v3)
        assertEquals(3_648_437_500L, VrrpTiming.masterDownNanos(2, 90, 100, 3));
        assertEquals(3_609_375_000L, VrrpTiming.masterDownNanos(2, 100, 100, 3));
        assertEquals(364_843_750L, VrrpTiming.masterDownNanos(3, 90, 10, 3));
        // keepalived.data: "Master down timer = 3414062 usecs" at prio 150
        assertEquals(3_414_062_500L, VrrpTiming.masterDownNanos(2, 150, 100, 3));
        // v2 skew does not scale with the interval, v3 skew does
        assertEquals(609_375_000L, VrrpTiming.skewNanos(2, 100, 300));
        assertEquals(1_828_125_000L, VrrpTiming.skewNanos(3, 100, 300));
        assertEquals(2 * 2_000_000_000L + 609_375_000L, VrrpTiming.masterDownNanos(2, 100, 200, 2));
    }

    @Test
    void addressesCompareUnsignedAndPrintLikeInetNtop() throws UnknownHostException {
        InetAddress a = InetAddress.getByName("10.77.0.1");
        InetAddress b = InetAddress.getByName("10.77.0.200");
        assertTrue(Addresses.compare(a, b) < 0);
        assertTrue(Addresses.compare(b, a) > 0);
        assertEquals(0, Addresses.compare(a, null));
        assertEquals(0, Addresses.compare(a, InetAddress.getByName("fe80::1")));
        assertEquals("fe80::1", AddressText.ntop(InetAddress.getByName("fe80:0:0:0:0:0:0:1")));
        assertEquals("fd66::100", AddressText.ntop(InetAddress.getByName("fd66::100")));
        assertEquals("1:0:2::3", AddressText.ntop(InetAddress.getByName("1:0:2:0:0:0:0:3")));
        assertEquals("1::2:0:0:3", AddressText.ntop(InetAddress.getByName("1:0:0:0:2:0:0:3")));
        assertEquals("1:2:3:4:5:6:0:8", AddressText.ntop(InetAddress.getByName("1:2:3:4:5:6:0:8")));
        assertEquals("10.77.0.1", AddressText.ntop(a));
    }

    @Test
    void builderDefaultsAreKeepalivedsAndMinGarpChangesOnlyDefaults() {
        InstanceSettings s = InstanceSettings.builder("VI_1", 1).build();
        assertEquals(2, s.version());
        assertEquals(100, s.priority());
        assertEquals(100, s.advertIntervalCs());
        assertEquals(VrrpState.BACKUP, s.initialState());
        assertEquals(3, s.downTimerAdverts());
        assertEquals(5, s.garpMasterRepeat());
        assertEquals(Duration.ofSeconds(5), s.garpMasterDelay());
        assertEquals(Duration.ofSeconds(5), s.garpLowerPrioDelay());
        assertEquals(5, s.garpLowerPrioRepeat());
        assertEquals(Duration.ZERO, s.garpMasterRefresh());

        InstanceSettings m = InstanceSettings.builder("VI_1", 1).minGarp(true).garpMasterDelay(Duration.ofSeconds(2)).build();
        assertEquals(1, m.garpMasterRepeat());
        assertEquals(Duration.ofSeconds(2), m.garpMasterDelay(), "explicit values win over min_garp");
        assertEquals(1, m.garpLowerPrioRepeat());
        assertEquals(m, m.toBuilder().build());
    }

    @Test
    void settingsRejectWhatTheMachineCannotRun() throws UnknownHostException {
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 0).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1).priority(0).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1).version(4).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1).advertIntervalCs(50).build(),
                "v2 intervals are whole seconds");
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1)
                .primaryAddress(InetAddress.getByName("fe80::1")).build(), "IPv6 needs v3");
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1)
                .initialState(VrrpState.FAULT).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_1", 1)
                .preemptDelay(Duration.ofSeconds(-1)).build());
        InstanceSettings v6 = InstanceSettings.builder("VI_6", 1).version(3).advertIntervalCs(5)
                .primaryAddress(InetAddress.getByName("fe80::1")).vips(List.of(Vip.of(InetAddress.getByName("fd66::100"), "eth0"))).build();
        assertEquals(StandardProtocolFamily.INET6, v6.family());
    }
}
