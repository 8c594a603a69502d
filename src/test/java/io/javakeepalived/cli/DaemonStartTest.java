package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.sys.signal.SignalCoverage;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.sys.signal.SignalSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's start-up up to the point where it would touch the network: configuration
 * errors end it with keepalived's status before any signal is taken or pid file written.
 * (Running the loop needs a network namespace: DaemonIT.)
 */
class DaemonStartTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Records whether the daemon started delivering requests. */
    static final class FakeSignals implements SignalSource {
        boolean started;

        @Override
        public void start(Consumer<? super SignalRequest> sink) {
            started = true;
        }

        @Override
        public List<SignalCoverage> coverage() {
            return List.of();
        }
    }

    private int run(FakeSignals signals, String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> signals, args);
    }

    @Test
    void missingConfigurationCannotRun() {
        FakeSignals s = new FakeSignals();
        Path pid = dir.resolve("k.pid");
        assertEquals(4, run(s, "-n", "-l", "-f", dir.resolve("absent.conf").toString(), "-p", pid.toString()));
        assertFalse(s.started);
        assertFalse(Files.exists(pid));
    }

    @Test
    void fatalConfigurationErrorIsStatus2() throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n    priority\n}\n");
        FakeSignals s = new FakeSignals();
        Path pid = dir.resolve("k.pid");
        assertEquals(2, run(s, "-n", "-l", "-f", conf.toString(), "-p", pid.toString(), "-r",
                dir.resolve("v.pid").toString()));
        assertFalse(s.started);
        assertFalse(Files.exists(pid));
    }

    @Test
    void aLiveDaemonInThePidFileIsNotDisturbed() throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "global_defs {\n    router_id test\n}\n");
        Path pid = dir.resolve("k.pid");
        Files.writeString(pid, "1\n"); // init: alive, not us
        FakeSignals s = new FakeSignals();
        assertEquals(1, run(s, "-n", "-l", "-f", conf.toString(), "-p", pid.toString(), "-r",
                dir.resolve("v.pid").toString()));
        assertFalse(s.started);
        assertEquals("1\n", Files.readString(pid));
    }

    @Test
    void checkerOnlyReadsItsConfigurationLikeTheWholeDaemon() {
        FakeSignals s = new FakeSignals();
        int whole = run(s, "-f", dir.resolve("absent.conf").toString());
        assertEquals(whole, run(new FakeSignals(), "-C", "-f", dir.resolve("absent.conf").toString()));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("not implemented"));
    }

    @Test
    void oneShotOptionsSkipTheSignalHandlers() {
        assertTrue(Main.isOneShot(new String[] {"-t", "-f", "x"}));
        assertTrue(Main.isOneShot(new String[] {"--config-test=/tmp/log"}));
        assertTrue(Main.isOneShot(new String[] {"--signum=JSON"}));
        assertTrue(Main.isOneShot(new String[] {"-v"}));
        assertFalse(Main.isOneShot(new String[] {"-n", "-l", "-D", "-f", "/etc/javakeepalived/keepalived.conf"}));
        assertFalse(Main.isOneShot(new String[] {}));
    }

    @Test
    void pidFileWrittenReadAndRemovedOnlyIfOurs() throws Exception {
        Path p = dir.resolve("run/sub/x.pid");
        PidFile f = new PidFile(p);
        assertEquals(OptionalLong.empty(), f.read());
        f.write();
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(p));
        assertTrue(f.runningOther().isEmpty(), "our own pid is not another daemon");
        f.remove();
        assertFalse(Files.exists(p));

        PidFile g = new PidFile(p);
        g.write();
        Files.writeString(p, "1\n"); // taken over by someone else: not ours to remove
        g.remove();
        assertTrue(Files.exists(p));
        assertEquals(1L, g.runningOther().orElseThrow());
    }
}
