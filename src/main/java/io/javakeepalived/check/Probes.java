package io.javakeepalived.check;

import io.javakeepalived.check.probe.file.FileProbe;
import io.javakeepalived.check.probe.misc.MiscProbe;
import io.javakeepalived.check.probe.tcp.TcpProbe;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.script.ScriptRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configured checker → how to run it. TCP_CHECK, MISC_CHECK and FILE_CHECK run here; the other
 * kinds have their probes written elsewhere and are plugged in below (until then the checker is
 * reported as not implemented and does not count for its real server).
 */
public final class Probes implements CheckPlanner {

    /** How often a FILE_CHECK looks at its file: keepalived reacts to inotify, we poll like track_file. */
    static final Duration FILE_POLL = Duration.ofMillis(500);

    /** What an attempt may take beyond its own timeouts before the engine gives up on it. */
    static final Duration ATTEMPT_SLACK = Duration.ofSeconds(5);

    private final ScriptRunner scripts;
    private final KeepalivedConfig config;

    /**
     * @param scripts runs MISC_CHECK scripts (the daemon's runner, with enable_script_security)
     * @param config  for FILE_CHECK's track_file definitions
     */
    public Probes(ScriptRunner scripts, KeepalivedConfig config) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The same probes for another configuration (a reload). */
    public Probes with(KeepalivedConfig next) {
        return new Probes(scripts, next);
    }

    /** How to run {@code checker}, or empty if this build cannot run its kind yet. */
    @Override
    public Optional<CheckPlan> plan(Checker checker, RealServer rs, VirtualServer vs) {
        if (checker instanceof Checker.Tcp t) {
            return Optional.of(new CheckPlan(CheckerKind.TCP, t.timing(), () -> new TcpProbe(t.connection()),
                    t.connection().connectTimeout().plus(ATTEMPT_SLACK), ""));
        }
        if (checker instanceof Checker.Misc m) {
            return Optional.of(misc(m, rs, vs));
        }
        if (checker instanceof Checker.File f) {
            return file(f, rs);
        }
        // NOT IMPLEMENTED here: HTTP_GET/SSL_GET, SMTP_CHECK, DNS_CHECK, UDP_CHECK and PING_CHECK have
        // their probes in check.probe.{http,smtp,dns,udp,ping}, plugged in at this point; BFD_CHECK
        // stays accepted, not implemented (there is no BFD process).
        return Optional.empty();
    }

    /** The kind of a checker, implemented or not. */
    public static CheckerKind kind(Checker checker) {
        if (checker instanceof Checker.Http h) {
            return h.ssl() ? CheckerKind.SSL : CheckerKind.HTTP;
        }
        if (checker instanceof Checker.Tcp) {
            return CheckerKind.TCP;
        }
        if (checker instanceof Checker.Smtp) {
            return CheckerKind.SMTP;
        }
        if (checker instanceof Checker.Dns) {
            return CheckerKind.DNS;
        }
        if (checker instanceof Checker.Udp) {
            return CheckerKind.UDP;
        }
        if (checker instanceof Checker.Ping) {
            return CheckerKind.PING;
        }
        if (checker instanceof Checker.Misc) {
            return CheckerKind.MISC;
        }
        if (checker instanceof Checker.File) {
            return CheckerKind.FILE;
        }
        return CheckerKind.BFD;
    }

    private CheckPlan misc(Checker.Misc m, RealServer rs, VirtualServer vs) {
        // check_misc.c: misc_timeout, else the virtual server's delay_loop
        Duration timeout = m.timeout().isZero() ? vs.delayLoop() : m.timeout();
        String label = "MISC_CHECK " + ServiceNames.realServer(rs, vs);
        return new CheckPlan(CheckerKind.MISC, m.timing(),
                () -> new MiscProbe(scripts, label, m.script(), timeout, m.dynamic(), rs.weight()),
                timeout.plus(ATTEMPT_SLACK), m.script().program());
    }

    private Optional<CheckPlan> file(Checker.File f, RealServer rs) {
        Optional<TrackFile> tf = config.trackFiles().stream().filter(t -> t.name().equals(f.trackFile())).findFirst();
        if (tf.isEmpty()) {
            return Optional.empty(); // the binder refuses this already; nothing to watch
        }
        Path path = Path.of(tf.get().path());
        // keepalived knows a file's state at once and never retries it
        Checker.Timing timing = new Checker.Timing(0, FILE_POLL, Duration.ZERO, FILE_POLL, false, false);
        return Optional.of(new CheckPlan(CheckerKind.FILE, timing,
                () -> new FileProbe(path, f.weight(), f.reverse(), rs.weight()), ATTEMPT_SLACK, ""));
    }
}
