package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived's scheduling cures (issue 14) as the kernel shows them for the running daemon's
 * threads in /proc: the VRRP loop's and the checker loop's thread found by name, every other
 * thread left alone, and what the kernel keeps per process (RLIMIT_RTTIME, locked memory).
 */
class SchedulingIT {
    private static final String VIP = "10.214.0.100/24";
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_RR = 2;

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

    @Test
    void theLoopThreadsRunAsConfiguredAndTheOtherThreadsAsBefore() throws Exception {
        Daemon d = dl.start(a, """
                global_defs {
                    vrrp_rt_priority 10
                    vrrp_rlimit_rttime 200000
                    vrrp_no_swap
                    vrrp_cpu_affinity 0
                    checker_priority 5
                    checker_cpu_affinity 0
                }
                """ + DaemonLab.vrrpInstance("VI_1", 61, 100, "    state MASTER\n    advert_int 0.1\n", VIP));
        d.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        long pid = d.pid();
        String vrrp = awaitThread(pid, "vrrp", d);
        String checker = awaitThread(pid, "checker", d);
        DaemonLab.await("the checker loop's nice value", 5_000, () -> stat(pid, checker).nice == 5, d);

        Stat v = stat(pid, vrrp);
        assertEquals(SCHED_RR, v.policy, "vrrp_rt_priority: SCHED_RR");
        assertEquals(10, v.rtPriority);
        assertEquals("0", status(pid + "/task/" + vrrp, "Cpus_allowed_list"));
        Stat c = stat(pid, checker);
        assertEquals(SCHED_OTHER, c.policy);
        assertEquals(5, c.nice, "checker_priority");
        assertEquals("0", status(pid + "/task/" + checker, "Cpus_allowed_list"));

        for (String other : List.of("VM Thread", "Signal Dispatch")) {
            Stat o = stat(pid, thread(pid, other).orElseThrow(() -> new AssertionError(other)));
            assertEquals(SCHED_OTHER, o.policy, other + " is not real-time");
            assertEquals(0, o.nice, other);
        }
        // VmLck counts whole locked mappings; smaps_rollup's Locked the pages actually held
        assertTrue(kb(status(String.valueOf(pid), "VmLck")) > 0, "vrrp_no_swap: mlockall");
        String rollup = read(Path.of("/proc/" + pid + "/smaps_rollup"));
        long locked = kb(field(rollup, "Locked"));
        long resident = kb(field(rollup, "Rss"));
        assertTrue(locked > 0 && locked <= resident, "Locked " + locked + " kB of Rss " + resident + " kB");
        assertTrue(read(Path.of("/proc/" + pid + "/smaps")).matches("(?s).*VmFlags:[a-z ]* lf.*"),
                "locked on fault (MCL_ONFAULT): the JVM's reserves are not made resident");
        assertTrue(limits(pid).matches("(?s).*Max realtime timeout\\s+100000\\s+200000\\s+us.*"), limits(pid));
        assertTrue(d.isAlive(), d::output);
        assertTrue(dl.hasAddress(a, VIP));
    }

    @Test
    void theDefaultRealtimeLimitIsSetAndTheLoopLivesWithinItThroughDumpsAndAReload() throws Exception {
        // keepalived's 10 ms default had the kernel kill the daemon at its first USR1 (cold code)
        Daemon d = dl.start(a, "global_defs {\n    vrrp_rt_priority 10\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 61, 100, "    state MASTER\n    advert_int 0.1\n", VIP));
        d.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        long pid = d.pid();
        assertEquals(SCHED_RR, stat(pid, awaitThread(pid, "vrrp", d)).policy);
        assertTrue(limits(pid).matches("(?s).*Max realtime timeout\\s+500000\\s+1000000\\s+us.*"), limits(pid));
        // the loop's heaviest turns, each run for the first time, on the real-time thread
        d.signal("USR1");
        DaemonLab.await("keepalived.data", 10_000, () -> Files.exists(d.tmpdir().resolve("keepalived.data")), d);
        d.signal("HUP");
        d.awaitLogged("Reloading", 10_000);
        d.signal("USR2");
        DaemonLab.await("keepalived.stats", 10_000, () -> Files.exists(d.tmpdir().resolve("keepalived.stats")), d);
        assertTrue(d.isAlive(), d::output);
        assertTrue(d.linesContaining("rlimit_rttime may need to be increased").isEmpty(), d::output);
    }

    @Test
    void withoutTheCapabilitiesItSaysWhatItCouldNotDoAndRunsOn() throws Exception {
        // a known RLIMIT_MEMLOCK, which mlockall needs CAP_IPC_LOCK to exceed
        List<String> cmd = new ArrayList<>(List.of("prlimit", "--memlock=65536:65536", "setpriv",
                "--bounding-set=-sys_nice,-ipc_lock", "--inh-caps=-sys_nice,-ipc_lock"));
        cmd.addAll(DaemonLab.jarCommand("-n", "-l", "-D"));
        Daemon d = dl.start(a, "a", """
                global_defs {
                    vrrp_rt_priority 10
                    vrrp_priority -5
                    vrrp_no_swap
                }
                """ + DaemonLab.vrrpInstance("VI_1", 61, 100, "    state MASTER\n    advert_int 0.1\n", VIP), cmd);
        d.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        d.awaitLogged("child process: cannot raise priority", 5_000);
        d.awaitLogged("Unable to lock process in memory - Cannot allocate memory", 5_000);
        Stat v = stat(d.pid(), awaitThread(d.pid(), "vrrp", d));
        assertEquals(SCHED_OTHER, v.policy);
        DaemonLab.await("the VIP, all the same", 5_000, () -> dl.hasAddress(a, VIP), d);
    }

    /** Fields 19 (nice), 40 (rt_priority) and 41 (policy) of /proc/PID/task/TID/stat. */
    private record Stat(int nice, int rtPriority, int policy) {
    }

    private static Stat stat(long pid, String tid) {
        String s = read(Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" "); // f[0] is field 3
        return new Stat(Integer.parseInt(f[19 - 3]), Integer.parseInt(f[40 - 3]), Integer.parseInt(f[41 - 3]));
    }

    private static String status(String procPath, String key) {
        return field(read(Path.of("/proc/" + procPath + "/status")), key);
    }

    /** The value of {@code KEY:} in a /proc file of such lines. */
    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        throw new AssertionError(key + " not in " + text);
    }

    private static long kb(String value) {
        return Long.parseLong(value.replace("kB", "").strip());
    }

    private static String limits(long pid) {
        return read(Path.of("/proc/" + pid + "/limits"));
    }

    private static String awaitThread(long pid, String name, Daemon d) {
        DaemonLab.await("a thread named " + name, 10_000, () -> thread(pid, name).isPresent(), d);
        return thread(pid, name).orElseThrow();
    }

    /** The task whose /proc/PID/task/TID/comm is {@code name}. */
    private static Optional<String> thread(long pid, String name) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks) {
                if (read(t.resolve("comm")).strip().equals(name)) {
                    return Optional.of(t.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
