package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.sys.signal.KeepalivedSignal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JvmSignalSource} in a real child JVM ({@link SignalProbe}), signalled with kill(2) the
 * way systemd, an operator and keepalived-exporter do. Needs no root.
 */
class JvmSignalSourceIT {

    private static final int HUP = KeepalivedSignal.HUP.number();
    private static final int INT = KeepalivedSignal.INT.number();
    private static final int TERM = KeepalivedSignal.TERM.number();
    private static final int USR1 = KeepalivedSignal.USR1.number();
    private static final int USR2 = KeepalivedSignal.USR2.number();
    private static final int JSON = KeepalivedSignal.RTMIN_PLUS_2.number();
    private static final int STATS_CLEAR = KeepalivedSignal.RTMAX_MINUS_1.number();

    private static ChildJvm probe(String... args) throws Exception {
        ChildJvm child = ChildJvm.start(List.of(), SignalProbe.class, args);
        child.awaitPrefix("INSTALLED ");
        return child;
    }

    private static void assertStopsWithZero(ChildJvm child, int sig) throws Exception {
        child.send(sig);
        child.awaitLine("REQUEST STOP");
        assertEquals(0, child.awaitExit(), child::describe);
    }

    @Test
    void aPlainJvmIsKilledByTheJsonSignal() throws Exception {
        // The hazard this class exists for; if a JDK ever handles it, this tells us.
        try (ChildJvm plain = ChildJvm.start(List.of(), PlainJvmMain.class)) {
            plain.awaitLine("READY");
            plain.send(JSON);
            assertEquals(128 + JSON, plain.awaitExit(), plain::describe);
        }
    }

    @Test
    void everySignalArrivesAsItsRequestAndTheProcessLives() throws Exception {
        try (ChildJvm child = probe()) {
            child.awaitLine("STARTED");
            for (String coverage : List.of("SIGHUP(1) RELOAD: DELIVERED", "SIGTERM(15) STOP: DELIVERED",
                    "SIGINT(2) STOP: DELIVERED", "SIGUSR1(10) DATA: DELIVERED", "SIGUSR2(12) STATS: DELIVERED",
                    "SIGRTMAX-1(63) STATS_CLEAR: DELIVERED", "SIGRTMIN+2(36) JSON: DELIVERED")) {
                child.awaitPrefix("COVERAGE " + coverage);
            }
            int[] signals = {HUP, USR1, USR2, JSON, STATS_CLEAR};
            String[] requests = {"RELOAD", "DATA", "STATS", "JSON", "STATS_CLEAR"};
            for (int i = 0; i < signals.length; i++) {
                child.send(signals[i]);
                child.awaitCount("REQUEST " + requests[i], 1);
                assertTrue(child.isAlive(), child::describe);
            }
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void intIsStopToo() throws Exception {
        try (ChildJvm child = probe()) {
            child.awaitLine("STARTED");
            assertStopsWithZero(child, INT);
        }
    }

    @Test
    void aBurstOf200MixedSignalsNeitherKillsNorHangs() throws Exception {
        try (ChildJvm child = probe()) {
            child.awaitLine("STARTED");
            int[] mix = {HUP, USR1, USR2, JSON, STATS_CLEAR};
            for (int i = 0; i < 200; i++) {
                child.send(mix[i % mix.length]);
            }
            // Real-time signals queue: each one arrives. Standard ones may merge (kernel).
            child.awaitCount("REQUEST JSON", 40);
            child.awaitCount("REQUEST STATS_CLEAR", 40);
            Thread.sleep(300);
            assertEquals(40, child.count("REQUEST JSON"), child::describe);
            assertEquals(40, child.count("REQUEST STATS_CLEAR"), child::describe);
            for (String merged : List.of("REQUEST RELOAD", "REQUEST DATA", "REQUEST STATS")) {
                int n = child.count(merged);
                assertTrue(n >= 1 && n <= 40, merged + " x " + n + "; " + child.describe());
            }
            assertTrue(child.isAlive(), child::describe);
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void signalsIgnoredAtLaunchAreTakenBack() throws Exception {
        // nohup, a shell's background job or a supervisor can start us with these ignored;
        // HotSpot alone would then leave HUP/INT/TERM ignored: no reload, no stop.
        try (ChildJvm child = ChildJvm.start(List.of("trap '' HUP INT TERM 36 63"), Map.of(), List.of(),
                SignalProbe.class)) {
            child.awaitLine("STARTED");
            child.awaitPrefix("COVERAGE SIGHUP(1) RELOAD: DELIVERED via HotSpot user handler, after undoing SIG_IGN");
            child.awaitPrefix("COVERAGE SIGTERM(15) STOP: DELIVERED via HotSpot user handler, after undoing SIG_IGN");
            child.send(HUP);
            child.awaitLine("REQUEST RELOAD");
            child.send(JSON);
            child.awaitLine("REQUEST JSON");
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void aLauncherTrapCoversStartUpAgainstAJsonStorm() throws Exception {
        try (ChildJvm child = ChildJvm.start(List.of("trap '' 36 63", "echo TRAPPED"), Map.of(), List.of(),
                SignalProbe.class)) {
            // Fire from the moment the launcher's trap is set, through the JVM's boot and install().
            child.awaitLine("TRAPPED");
            int sent = 0;
            while (!child.lines().contains("STARTED") && child.isAlive() && sent < 100_000) {
                child.send(JSON);
                sent++;
                Thread.sleep(0, 200_000);
            }
            child.awaitLine("STARTED");
            assertTrue(sent > 10, "only " + sent + " sent during start-up");
            child.send(JSON);
            child.awaitLine("REQUEST JSON");
            assertTrue(child.isAlive(), child::describe);
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void requestsBeforeStartAreHeldOnceAndDeliveredAtStart() throws Exception {
        try (ChildJvm child = probe("--start-after-ms", "1500")) {
            child.send(USR1);
            child.send(JSON);
            child.send(JSON);
            child.send(HUP);
            child.awaitLine("STARTED");
            child.awaitLine("REQUEST DATA");
            child.awaitLine("REQUEST JSON");
            child.awaitLine("REQUEST RELOAD");
            Thread.sleep(300);
            assertEquals(1, child.count("REQUEST JSON"), child::describe);
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void stopBeforeStartEndsTheProcessAsTheJvmWould() throws Exception {
        try (ChildJvm child = probe("--start-after-ms", "60000")) {
            child.send(TERM);
            assertEquals(128 + TERM, child.awaitExit(), child::describe);
            assertFalse(child.lines().contains("STARTED"), child::describe);
        }
    }

    @Test
    void withoutTheHotSpotPathRealTimeSignalsAreHarmless() throws Exception {
        try (ChildJvm child = probe("--fallback")) {
            child.awaitLine("STARTED");
            child.awaitPrefix("COVERAGE SIGRTMIN+2(36) JSON: IGNORED via SIG_IGN through libc");
            child.awaitPrefix("COVERAGE SIGRTMAX-1(63) STATS_CLEAR: IGNORED via SIG_IGN through libc");
            for (int i = 0; i < 20; i++) {
                child.send(JSON);
                child.send(STATS_CLEAR);
            }
            child.send(USR1);
            child.awaitLine("REQUEST DATA");
            assertTrue(child.isAlive(), child::describe);
            assertEquals(0, child.count("REQUEST JSON"), child::describe);
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void withoutJdkUnsupportedLibcStillMakesRealTimeSignalsHarmless() throws Exception {
        // A runtime image without jdk.unsupported: no sun.misc.Signal, so HotSpot's path fails
        // for real; libc (jnr needs java.logging) ignores 36/63, TERM keeps the JVM's handler.
        List<String> noSunMisc = List.of("--limit-modules", "java.base,java.logging");
        try (ChildJvm child = ChildJvm.start(noSunMisc, SignalProbe.class)) {
            child.awaitLine("STARTED");
            child.awaitPrefix("COVERAGE SIGRTMIN+2(36) JSON: IGNORED via SIG_IGN through libc");
            child.awaitPrefix("COVERAGE SIGTERM(15) STOP: DEFAULT_ACTION via nothing");
            child.send(JSON);
            child.send(STATS_CLEAR);
            child.send(USR1);
            Thread.sleep(300);
            assertTrue(child.isAlive(), child::describe);
            child.send(TERM);
            assertEquals(128 + TERM, child.awaitExit(), child::describe);
        }
    }

    @Test
    void childProcessesStartWithDefaultDispositions() throws Exception {
        // Notify scripts must not inherit ignored or blocked 36/63 (re-exec and SIG_IGN would do that).
        try (ChildJvm child = probe("--child-status")) {
            long ignored = Long.parseUnsignedLong(child.awaitPrefix("CHILD SigIgn:").split("\\s+")[2], 16);
            long blocked = Long.parseUnsignedLong(child.awaitPrefix("CHILD SigBlk:").split("\\s+")[2], 16);
            for (int sig : new int[] {HUP, INT, TERM, USR1, USR2, JSON, STATS_CLEAR}) {
                assertEquals(0, (ignored | blocked) >>> (sig - 1) & 1, "signal " + sig + "; " + child.describe());
            }
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void jfrSamplingArrivesAsStatsUnlessTheSuspendSignalIsMoved() throws Exception {
        List<String> jfr = List.of("-XX:StartFlightRecording=settings=profile");
        try (ChildJvm child = ChildJvm.start(List.of(), Map.of(), jfr, SignalProbe.class, "--busy")) {
            child.awaitPrefix("COVERAGE SIGUSR2(12) STATS: DELIVERED via HotSpot user handler; replaced a handler");
            child.awaitLine("REQUEST STATS"); // nobody sent USR2: HotSpot's sampler did
        }
        Map<String, String> moved = Map.of("_JAVA_SR_SIGNUM", Integer.toString(JvmSignalSource.JVM_SUSPEND_SIGNAL));
        try (ChildJvm child = ChildJvm.start(List.of(), moved, jfr, SignalProbe.class, "--busy")) {
            String coverage = child.awaitPrefix("COVERAGE SIGUSR2(12)");
            assertEquals("COVERAGE SIGUSR2(12) STATS: DELIVERED via HotSpot user handler", coverage);
            child.awaitLine("STARTED");
            Thread.sleep(2000);
            assertEquals(0, child.count("REQUEST STATS"), child::describe);
            child.send(USR2);
            child.awaitLine("REQUEST STATS");
            assertStopsWithZero(child, TERM);
        }
    }

    @Test
    void underXrsNothingIsDeliveredButRealTimeSignalsStayHarmless() throws Exception {
        try (ChildJvm child = ChildJvm.start(List.of("-Xrs"), SignalProbe.class)) {
            child.awaitLine("STARTED");
            child.awaitPrefix("COVERAGE SIGTERM(15) STOP: DEFAULT_ACTION");
            child.awaitPrefix("COVERAGE SIGRTMIN+2(36) JSON: IGNORED");
            child.send(JSON);
            child.send(STATS_CLEAR);
            Thread.sleep(300);
            assertTrue(child.isAlive(), child::describe);
        }
    }
}
