package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.NotifyReceiver;
import io.javakeepalived.testsupport.NotifyReceiver.Message;
import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and the shipped jar under a stand-in for systemd: a bound AF_UNIX datagram socket given as
 * {@code $NOTIFY_SOCKET} and {@code WATCHDOG_USEC=2000000} (WatchdogSec=2s), the daemon in a
 * lab namespace with two instances. What systemd would see: READY=1 once both instances are in
 * their initial state, STATUS= lines as they become master, WATCHDOG=1 about every second,
 * SIGQUIT (the unit's WatchdogSignal) giving a thread dump that shows where the loop is, RELOADING=1
 * then READY=1 on SIGHUP, STOPPING=1 on SIGTERM. That a stalled loop withholds WATCHDOG=1 and says
 * why in the log is {@code WatchdogTest}'s, with a fake loop whose turns stop: the shipped loop has
 * no way to be stalled on purpose.
 */
class SystemdNotifyIT {
    private static final long WATCHDOG_USEC = 2_000_000;
    private static final long PERIOD_MS = WATCHDOG_USEC / 2 / 1000;

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private Node a;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a");
        a = dl.node("a");
    }

    private static String instance(String name, int vrid) {
        return DaemonLab.vrrpInstance(name, vrid, 100, "    state BACKUP\n    advert_int 1\n", "10.213.0." + vrid + "/24");
    }

    private static List<Message> with(List<Message> all, String line) {
        return all.stream().filter(m -> m.has(line)).toList();
    }

    @Test
    void readyStatusWatchdogReloadAndStopReachTheNotifySocketInOrder() throws Exception {
        try (NotifyReceiver systemd = NotifyReceiver.atPath(dir.resolve("notify"))) {
            // as the unit runs it: the launcher (installed as /usr/sbin/javakeepalived) with the
            // variables systemd sets; JAVA_OPTS as /etc/default/javakeepalived would give it
            String javaHome = System.getProperty("java.home");
            Daemon d = dl.start(a, "a", instance("VI_1", 51) + instance("VI_2", 52), List.of(
                    "NOTIFY_SOCKET=" + systemd.address(), "WATCHDOG_USEC=" + WATCHDOG_USEC, "JAVA_HOME=" + javaHome,
                    "JAVAKEEPALIVED_JAR=" + DaemonLab.jar(), "JAVA_OPTS=-XX:+UseSerialGC",
                    Path.of("scripts/javakeepalived").toAbsolutePath().toString(), "--dont-fork", "-l", "-D"));

            Message ready = systemd.await(m -> m.has("READY=1"), 20_000);
            assertNotNull(ready, "READY=1\n" + d.output());
            assertTrue(d.logged("(VI_1) Entering BACKUP STATE (init)") && d.logged("(VI_2) Entering BACKUP STATE (init)"), "READY=1 after both instances started\n"
                    + d.output());
            assertEquals("READY=1\nSTATUS=2 BACKUP", ready.text());
            assertEquals(ready, systemd.messages().get(0), "READY=1 comes first");
            // NotifyAccess=main: the launcher must exec the JVM, so that the sender is the main pid
            assertEquals(Path.of(javaHome, "bin", "java").toRealPath(),
                    Path.of("/proc/" + d.pid() + "/exe").toRealPath(), "the started pid is the JVM itself");
            assertEquals(d.pid() + "", Files.readString(dir.resolve("a.pid")).trim());

            Message twoMasters = systemd.await(m -> m.has("STATUS=2 MASTER"), 10_000);
            assertNotNull(twoMasters, systemd.messages() + "\n" + d.output());
            assertTrue(d.logged("(VI_1) Entering MASTER STATE") && d.logged("(VI_2) Entering MASTER STATE"));

            // WATCHDOG=1 about every WatchdogSec/2
            NetnsLab.sleep(5 * PERIOD_MS + 300);
            List<Message> pings = with(systemd.messages(), "WATCHDOG=1");
            assertTrue(pings.size() >= 4, "pings: " + pings.size() + "\n" + d.output());
            assertTrue(pings.get(0).nanos() > ready.nanos(), "the first ping follows READY=1");
            for (int i = 1; i < pings.size(); i++) {
                long gap = TimeUnit.NANOSECONDS.toMillis(pings.get(i).nanos() - pings.get(i - 1).nanos());
                assertTrue(gap > PERIOD_MS / 2 && gap < PERIOD_MS * 2, "gap " + gap + " ms between pings");
            }
            assertTrue(d.output().contains("systemd watchdog: WatchdogSec 2000 ms, a ping every 1000 ms"), d.output());

            // the unit's WatchdogSignal=SIGQUIT: the journal gets every thread's stack, showing
            // where the loop is, and the daemon stays up for the SIGKILL that follows
            d.signal("QUIT");
            DaemonLab.await("a thread dump", 5_000, () -> d.output().contains("Full thread dump"), d);
            DaemonLab.await("the loop in it", 5_000, () -> d.output().contains("io.javakeepalived.daemon.VrrpLoop.run("), d);
            assertTrue(d.isAlive());
            long resumedAt = System.nanoTime();
            assertNotNull(systemd.await(m -> m.has("WATCHDOG=1") && m.nanos() > resumedAt, 3 * PERIOD_MS),
                    "pings go on after the thread dump\n" + d.output());

            // reload: RELOADING=1 with MONOTONIC_USEC, then READY=1
            int before = systemd.messages().size();
            d.signal("HUP");
            assertNotNull(systemd.await(m -> m.has("READY=1") && m != ready, 5_000), d.output());
            List<String> reload = new ArrayList<>();
            for (Message m : systemd.messages().subList(before, systemd.messages().size())) {
                if (!m.text().equals("WATCHDOG=1")) {
                    reload.add(m.lines().get(0));
                }
            }
            assertEquals(List.of("RELOADING=1", "READY=1"), reload);
            Message reloading = with(systemd.messages(), "RELOADING=1").get(0);
            assertTrue(reloading.lines().get(1).matches("MONOTONIC_USEC=\\d+"), reloading.text());

            // SIGTERM: STOPPING=1, and nothing but watchdog pings after it
            d.terminate();
            assertEquals(0, d.awaitExit(10), d.output());
            List<Message> all = systemd.messages();
            List<Message> stopping = with(all, "STOPPING=1");
            assertEquals(1, stopping.size(), all.toString());
            List<String> after = all.subList(all.indexOf(stopping.get(0)) + 1, all.size()).stream()
                    .map(Message::text).filter(t -> !t.equals("WATCHDOG=1")).toList();
            assertEquals(List.of(), after);
            assertEquals(2, with(all, "READY=1").size(), "READY=1 at start and after the reload");
        }
    }

    /**
     * systemd may give an abstract NOTIFY_SOCKET; abstract names belong to a network namespace.
     * With {@code net_namespace} the VRRP loop (which sends READY=1) runs in another namespace
     * than the one the socket address was meant for: the datagrams must still arrive.
     */
    @Test
    void abstractNotifySocketWorksWhenTheLoopRunsInNetNamespace() throws Exception {
        Path conf = dir.resolve("ns.conf");
        Files.writeString(conf, "net_namespace " + a.ns() + "\n" + instance("VI_1", 51));
        String name = "javakeepalived-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyReceiver systemd = NotifyReceiver.abstractName(name)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    DaemonLab.jar().toString(), "-n", "-l", "-f", conf.toString(),
                    "-p", dir.resolve("ns.pid").toString(), "-r", dir.resolve("ns_vrrp.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("ns.out").toFile());
            pb.environment().put("NOTIFY_SOCKET", systemd.address());
            Process d = pb.start(); // in this (the host's) namespace; its loop enters a.ns()
            try {
                Message ready = systemd.await(m -> m.has("READY=1"), 20_000);
                assertNotNull(ready, Files.readString(dir.resolve("ns.out")));
                assertEquals("READY=1\nSTATUS=1 BACKUP", ready.text());
                d.toHandle().destroy();
                assertTrue(d.waitFor(10, TimeUnit.SECONDS));
                assertNotNull(systemd.await(m -> m.has("STOPPING=1"), 5_000), Files.readString(dir.resolve("ns.out")));
            } finally {
                if (d.isAlive()) {
                    d.destroyForcibly();
                    d.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
