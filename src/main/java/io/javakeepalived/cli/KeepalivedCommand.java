package io.javakeepalived.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.javakeepalived.config.syntax.ConfigReader;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.sys.signal.SignalSource;
import io.javakeepalived.log.LogOptions;
import io.javakeepalived.log.SyslogFacility;
import io.javakeepalived.metrics.ListenAddress;
import io.javakeepalived.sys.JvmSignalSource;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * keepalived's command line, flag for flag, so that unit files, init scripts and exporters
 * written for keepalived keep working. Flags we accept but do not act on yet are listed in
 * {@link #compatibilityOnly()} and produce a one-line warning, never a failure.
 */
@Command(name = "javakeepalived",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "keepalived-compatible VRRP high-availability daemon.")
public final class KeepalivedCommand implements Callable<Integer> {

    public static final Path DEFAULT_CONFIG = Path.of("/etc/javakeepalived/keepalived.conf");

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--use-file"}, paramLabel = "FILE",
            description = "Use the specified configuration file (default ${DEFAULT-VALUE}).")
    Path configFile = DEFAULT_CONFIG;

    @Option(names = {"-P", "--vrrp"}, description = "Only run the VRRP subsystem.")
    boolean vrrpOnly;

    @Option(names = {"-C", "--check"}, description = "Only run the health-checker (LVS) subsystem.")
    boolean checkerOnly;

    @Option(names = {"-l", "--log-console"}, description = "Log messages to the console too.")
    boolean logConsole;

    @Option(names = {"-D", "--log-detail"}, description = "Detailed log messages.")
    boolean logDetail;

    @Option(names = {"-S", "--log-facility"}, paramLabel = "FACILITY",
            description = "Syslog facility: 0-7 or local0-local7 (LOCAL0-LOCAL7), or a facility name (default daemon).")
    String logFacility;

    @Option(names = {"-g", "--log-file"}, paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Also log to FILE (default /tmp/keepalived.log).")
    String logFile;

    @Option(names = {"-n", "--dont-fork"}, description = "Stay in the foreground.")
    boolean dontFork;

    @Option(names = {"-d", "--dump-conf"}, description = "Dump the resolved configuration.")
    boolean dumpConf;

    @Option(names = {"-p", "--pid"}, paramLabel = "FILE", description = "Pid file of the main process.")
    Path pidFile;

    @Option(names = {"-r", "--vrrp_pid"}, paramLabel = "FILE", description = "Pid file of the VRRP subsystem.")
    Path vrrpPidFile;

    @Option(names = {"-c", "--checkers_pid"}, paramLabel = "FILE", description = "Pid file of the checker subsystem.")
    Path checkersPidFile;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "Select @ID lines of the configuration (default: host name up to the first '.').")
    String configId;

    @Option(names = {"-t", "--config-test"}, paramLabel = "LOG_FILE", arity = "0..1", fallbackValue = "",
            description = "Check the configuration and exit: 0 ok, 2 fatal parse error, 4 cannot run, "
                    + "5 errors (would run), 6 script security. Messages go to stderr or LOG_FILE.")
    String configTest;

    @Option(names = "--strict",
            description = "With -t: exit 5 when the configuration only has warnings (FILE:LINE: WARNING: ...) "
                    + "that keepalived itself lets through. javakeepalived only.")
    boolean strict;

    @Option(names = "--signum", paramLabel = "SIGFUNC",
            description = "Print the signal number for STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON and exit.")
    String signum;

    @Option(names = "--metrics-listen", paramLabel = "ADDR:PORT", converter = ListenAddressConverter.class,
            description = "Serve Prometheus metrics at http://ADDR:PORT/metrics ([IPV6]:PORT, or :PORT for all "
                    + "addresses). javakeepalived only; off by default.")
    InetSocketAddress metricsListen;

    @Option(names = {"-X", "--release-vips"},
            description = "Remove the VIPs on every exit from MASTER (what javakeepalived always does).")
    boolean releaseVips;

    @Option(names = {"-V", "--dont-release-vrrp"},
            description = "At stop, leave the VIPs up and send no priority-0 advert.")
    boolean dontReleaseVrrp;

    @Option(names = {"-I", "--dont-release-ipvs"},
            description = "At stop, leave the IPVS virtual and real servers in the kernel.")
    boolean dontReleaseIpvs;

    @Option(names = {"-v", "--version"}, description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this help and exit.")
    boolean help;

    // keepalived flags accepted so existing command lines keep working; not implemented (said on stderr).
    @Option(names = {"-B", "--no_bfd"}, hidden = true) boolean noBfd;
    @Option(names = "--all", hidden = true) boolean all;
    @Option(names = {"-G", "--no-syslog"}, hidden = true) boolean noSyslog;
    @Option(names = {"-u", "--umask"}, hidden = true) String umask;
    @Option(names = {"-R", "--dont-respawn"}, hidden = true) boolean dontRespawn;
    @Option(names = {"-b", "--bfd_pid"}, hidden = true) String bfdPid;
    @Option(names = {"-a", "--address-monitoring"}, hidden = true) boolean addressMonitoring;
    @Option(names = {"-x", "--snmp"}, hidden = true) boolean snmp;
    @Option(names = {"-A", "--snmp-agent-socket"}, hidden = true) String snmpAgentSocket;
    @Option(names = {"-s", "--namespace"}, hidden = true) String namespace;
    @Option(names = {"-m", "--core-dump"}, hidden = true) boolean coreDump;
    @Option(names = {"-M", "--core-dump-pattern"}, arity = "0..1", fallbackValue = "", hidden = true) String coreDumpPattern;
    @Option(names = {"-e", "--all-config"}, hidden = true) boolean allConfig;
    @Option(names = "--config-fd", hidden = true) String configFd;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<? extends SignalSource> signals;
    private final List<String> commandLine;

    public KeepalivedCommand(PrintStream out, PrintStream err) {
        this(out, err, JvmSignalSource::install, List.of());
    }

    /**
     * @param signals     the daemon's signal source, asked for only when the daemon runs
     *                    ({@code main} has normally installed it already)
     * @param commandLine the arguments, for the start-up log line
     */
    public KeepalivedCommand(PrintStream out, PrintStream err, Supplier<? extends SignalSource> signals,
                             List<String> commandLine) {
        this.out = out;
        this.err = err;
        this.signals = signals;
        this.commandLine = List.copyOf(commandLine);
    }

    @Override
    public Integer call() {
        if (version) {
            out.println(Version.line());
            // keepalived-exporter's --ka.json looks for "--enable-json" in this output
            out.println("State dumps: keepalived.data (USR1), keepalived.stats (USR2), keepalived.json "
                    + "(SIGRTMIN+2, as keepalived built with --enable-json)");
            return 0;
        }
        if (signum != null) {
            return printSignalNumber(signum);
        }
        for (String flag : compatibilityOnly()) {
            err.println("javakeepalived: option " + flag + " is accepted for compatibility but not implemented");
        }
        if (logFacility != null && SyslogFacility.parseKeepalivedArgument(logFacility).isEmpty()) {
            // keepalived reports and carries on with the default facility.
            err.println("Invalid log facility '" + logFacility + "'");
        }
        String id = configId != null ? configId : ConfigReader.defaultConfigId();
        if (configTest != null) {
            return new ConfigCheck(configFile, id, out, err).run(configTest.isEmpty() ? null : Path.of(configTest), dumpConf,
                    strict);
        }
        if (dumpConf) {
            return new ConfigCheck(configFile, id, out, err).run(null, true);
        }
        // keepalived logs to the console only with -n -l; -l alone forks and so has no console.
        // We never fork (systemd runs us in the foreground), so -l alone means the console too.
        LogOptions logging = LogOptions.fromSwitches(logConsole, logDetail, noSyslog, logFacility, logFile);
        return new DaemonRun(configFile, id, logging, pidFile, vrrpPidFile, signals, commandLine)
                .metricsListen(metricsListen).keepVipsAtStop(dontReleaseVrrp)
                .keepIpvsAtStop(dontReleaseIpvs)
                // keepalived: -P and -C each name a subsystem to run; neither (or both) runs both
                .runLvs(!vrrpOnly || checkerOnly).runVrrp(!checkerOnly || vrrpOnly).run();
    }

    private int printSignalNumber(String name) {
        return SignalRequest.forSignumName(name).map(r -> {
            out.println(r.signum());
            return 0;
        }).orElseGet(() -> {
            err.println("Unknown sigfunc " + name);
            return 1;
        });
    }

    /** The keepalived flags given on this command line that javakeepalived does not act on yet. */
    List<String> compatibilityOnly() {
        List<String> given = new ArrayList<>();
        addIf(given, noBfd, "-B (--no_bfd)");
        addIf(given, all, "--all");
                addIf(given, umask != null, "-u (--umask)");
        addIf(given, dontRespawn, "-R (--dont-respawn)");
        addIf(given, bfdPid != null, "-b (--bfd_pid)");
        addIf(given, addressMonitoring, "-a (--address-monitoring)");
        addIf(given, snmp, "-x (--snmp)");
        addIf(given, snmpAgentSocket != null, "-A (--snmp-agent-socket)");
        addIf(given, namespace != null, "-s (--namespace)");
        addIf(given, coreDump, "-m (--core-dump)");
        addIf(given, coreDumpPattern != null, "-M (--core-dump-pattern)");
        addIf(given, allConfig, "-e (--all-config)");
        addIf(given, configFd != null, "--config-fd");
        return given;
    }

    /** {@code --metrics-listen}'s value; picocli reports a bad one as a usage error. */
    static final class ListenAddressConverter implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            try {
                return ListenAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static void addIf(List<String> list, boolean present, String flag) {
        if (present) {
            list.add(flag);
        }
    }
}
