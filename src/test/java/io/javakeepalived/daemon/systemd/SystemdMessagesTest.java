package io.javakeepalived.daemon.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.VrrpState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sd_notify messages the loop's news turn into, the status line, and the watchdog settings. */
class SystemdMessagesTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final LogCapture log = new LogCapture("systemd");
    private final ServiceNotifier notifier = new ServiceNotifier(Optional.of(transport), log.logger);

    private static Map<String, VrrpState> states(Object... nameState) {
        Map<String, VrrpState> m = new LinkedHashMap<>();
        for (int i = 0; i < nameState.length; i += 2) {
            m.put((String) nameState[i], (VrrpState) nameState[i + 1]);
        }
        return m;
    }

    @Test
    void summaryCountsStatesMasterFirst() {
        assertEquals("2 MASTER, 1 BACKUP", StateSummary.of(states("a", VrrpState.BACKUP, "b", VrrpState.MASTER,
                "c", VrrpState.MASTER)));
        assertEquals("1 BACKUP, 1 FAULT", StateSummary.of(states("a", VrrpState.FAULT, "b", VrrpState.BACKUP)));
        assertEquals("no VRRP instance", StateSummary.of(Map.of()));
    }

    @Test
    void lifeCycleMessagesInOrder() {
        SystemdLoopListener l = new SystemdLoopListener(notifier, () -> 123_456_789_000L);
        l.started(states("VI_1", VrrpState.BACKUP, "VI_2", VrrpState.MASTER));
        l.statesChanged(states("VI_1", VrrpState.BACKUP, "VI_2", VrrpState.MASTER)); // same summary: nothing
        l.statesChanged(states("VI_1", VrrpState.MASTER, "VI_2", VrrpState.MASTER));
        l.reloading();
        l.reloaded(true, states("VI_1", VrrpState.MASTER, "VI_2", VrrpState.MASTER));
        l.stopping();
        assertEquals(List.of(
                "READY=1\nSTATUS=1 MASTER, 1 BACKUP",
                "STATUS=2 MASTER",
                "RELOADING=1\nMONOTONIC_USEC=123456789\nSTATUS=Reloading the configuration",
                "READY=1\nSTATUS=2 MASTER",
                "STOPPING=1\nSTATUS=Stopping: releasing the virtual addresses"), transport.sent());
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNothingFails() {
        ServiceNotifier none = ServiceNotifier.none(log.logger);
        new SystemdLoopListener(none, System::nanoTime).started(Map.of());
        none.watchdog();
        assertEquals(List.of(), log.lines());
    }

    @Test
    void aFailingSocketIsLoggedOnceUntilItWorksAgain() {
        transport.failing = true;
        notifier.watchdog();
        notifier.watchdog();
        notifier.status("1 MASTER");
        assertEquals(List.of("WARN Cannot notify systemd at @test: Connection refused"), log.lines());
        transport.failing = false;
        notifier.watchdog();
        transport.failing = true;
        notifier.watchdog();
        assertEquals(2, log.lines().size());
    }

    @Test
    void watchdogSettingsAsSdWatchdogEnabledReadsThem() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), WatchdogSettings.timeout(Map.of("WATCHDOG_USEC", "10000000"), 42));
        assertEquals(Optional.of(Duration.ofSeconds(10)),
                WatchdogSettings.timeout(Map.of("WATCHDOG_USEC", "10000000", "WATCHDOG_PID", "42"), 42));
        assertTrue(WatchdogSettings.timeout(Map.of("WATCHDOG_USEC", "10000000", "WATCHDOG_PID", "41"), 42).isEmpty(),
                "meant for another process");
        assertTrue(WatchdogSettings.timeout(Map.of(), 42).isEmpty());
        assertTrue(WatchdogSettings.timeout(Map.of("WATCHDOG_USEC", "0"), 42).isEmpty());
        assertTrue(WatchdogSettings.timeout(Map.of("WATCHDOG_USEC", "x"), 42).isEmpty());
    }

    @Test
    void noWatchdogWithoutNotifySocket() {
        SystemdService s = SystemdService.of(Optional.empty(), Map.of("WATCHDOG_USEC", "2000000"), 1, log.logger);
        s.startWatchdog(List.of(new Heartbeat("VRRP loop", () -> { }, () -> 0)));
        s.close();
        assertEquals(List.of(), log.lines());
    }
}
