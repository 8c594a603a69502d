package io.javakeepalived.check;

import io.javakeepalived.check.probe.ServiceNames;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.dns.DnsProbe;
import io.javakeepalived.check.probe.file.FileProbe;
import io.javakeepalived.check.probe.http.HttpCheck;
import io.javakeepalived.check.probe.http.TlsClient;
import io.javakeepalived.check.probe.http.TlsSetupException;
import io.javakeepalived.check.probe.misc.MiscProbe;
import io.javakeepalived.check.probe.ping.PingProbe;
import io.javakeepalived.check.probe.smtp.SmtpProbe;
import io.javakeepalived.check.probe.tcp.TcpProbe;
import io.javakeepalived.check.probe.udp.UdpProbe;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.script.ScriptRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Configured checker → how to run it: every kind but BFD_CHECK (there is no BFD process), which
 * is reported as not implemented and does not count for its real server. PING_CHECK needs the
 * daemon's ICMP echo port and SSL_GET the global SSL block's TLS context; without them those
 * checkers are not run either, and the reason is logged.
 */
public final class Probes implements CheckPlanner {

    /** How often a FILE_CHECK looks at its file: keepalived reacts to inotify, we poll like track_file. */
    static final Duration FILE_POLL = Duration.ofMillis(500);

    /** What an attempt may take beyond its own timeouts before the engine gives up on it. */
    static final Duration ATTEMPT_SLACK = Duration.ofSeconds(5);

    /** Steps of an SMTP_CHECK attempt, each with its own connect_timeout (connect, 3 replies, 2 writes). */
    static final int SMTP_STEPS = 6;

    private final ScriptRunner scripts;
    private final KeepalivedConfig config;
    private final Supplier<Optional<IcmpEcho>> echo;
    private final Consumer<String> log;
    /** Built once per configuration, and only if an SSL_GET needs it: it reads the SSL block's files. */
    private Optional<TlsClient> tls;
    private boolean tlsTried;

    /**
     * @param scripts runs MISC_CHECK scripts (the daemon's runner, with enable_script_security)
     * @param config  for FILE_CHECK's track_file definitions and the SSL block
     * @param echo    the daemon's ICMP echo port for PING_CHECK (empty: this daemon has none), asked
     *                for when a PING_CHECK is planned, so a reload that adds the first one can open it
     * @param log     where what keepalived says while reading checkers goes (url warnings, SSL errors)
     */
    public Probes(ScriptRunner scripts, KeepalivedConfig config, Supplier<Optional<IcmpEcho>> echo,
            Consumer<String> log) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.config = Objects.requireNonNull(config, "config");
        this.echo = Objects.requireNonNull(echo, "echo");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The same probes for another configuration (a reload). */
    public Probes with(KeepalivedConfig next) {
        return new Probes(scripts, next, echo, log);
    }

    /** How to run {@code checker}, or empty if this build cannot run its kind yet. */
    @Override
    public Optional<CheckPlan> plan(Checker checker, RealServer rs, VirtualServer vs) {
        String service = ServiceNames.realServer(rs, vs);
        if (checker instanceof Checker.Tcp t) {
            return plain(CheckerKind.TCP, t.timing(), () -> new TcpProbe(t.connection(), service),
                    t.connection().connectTimeout());
        }
        if (checker instanceof Checker.Http h) {
            return http(h, rs, vs);
        }
        if (checker instanceof Checker.Smtp m) {
            return plain(CheckerKind.SMTP, m.timing(), () -> new SmtpProbe(m),
                    m.connection().connectTimeout().multipliedBy(SMTP_STEPS));
        }
        if (checker instanceof Checker.Dns d) {
            // the query is written at once, then the answer has connect_timeout
            return plain(CheckerKind.DNS, d.timing(), () -> new DnsProbe(d, service), d.connection().connectTimeout());
        }
        if (checker instanceof Checker.Udp u) {
            return plain(CheckerKind.UDP, u.timing(), () -> new UdpProbe(u, service), u.connection().connectTimeout());
        }
        if (checker instanceof Checker.Ping p) {
            Optional<IcmpEcho> maybePort = echo.get();
            if (maybePort.isEmpty()) {
                log.accept("PING_CHECK for service " + service + " cannot run: no ICMP echo socket");
                return Optional.empty();
            }
            IcmpEcho port = maybePort.get();
            return plain(CheckerKind.PING, p.timing(), () -> new PingProbe(p, service, port),
                    p.connection().connectTimeout());
        }
        if (checker instanceof Checker.Misc m) {
            return Optional.of(misc(m, rs, vs));
        }
        if (checker instanceof Checker.File f) {
            return file(f, rs);
        }
        return Optional.empty(); // BFD_CHECK: accepted, not implemented
    }

    /** A kind whose probe needs nothing of the checker's standing and ends within {@code longest}. */
    private static Optional<CheckPlan> plain(CheckerKind kind, Checker.Timing timing,
                                             Supplier<Probe> probe,
                                             Duration longest) {
        return Optional.of(new CheckPlan(kind, timing, standing -> probe.get(), longest.plus(ATTEMPT_SLACK), ""));
    }

    private Optional<CheckPlan> http(Checker.Http h, RealServer rs, VirtualServer vs) {
        Optional<TlsClient> context = Optional.empty();
        if (h.ssl()) {
            context = tls();
            if (context.isEmpty()) {
                return Optional.empty();
            }
        }
        HttpCheck check = HttpCheck.of(vs, rs, h, context);
        check.warnings().forEach(log);
        return Optional.of(new CheckPlan(h.ssl() ? CheckerKind.SSL : CheckerKind.HTTP, h.timing(), check::newProbe,
                check.longestAttempt().plus(ATTEMPT_SLACK), ""));
    }

    private Optional<TlsClient> tls() {
        if (!tlsTried) {
            tlsTried = true;
            try {
                tls = Optional.of(TlsClient.from(config.ssl()));
            } catch (TlsSetupException e) {
                log.accept(e.getMessage() + " - SSL_GET checkers are not run");
                tls = Optional.empty();
            }
        }
        return tls;
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
                standing -> new MiscProbe(scripts, label, m.script(), timeout, m.dynamic(), rs.weight()),
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
                standing -> new FileProbe(path, f.weight(), f.reverse(), rs.weight()), ATTEMPT_SLACK, ""));
    }
}
