package io.javakeepalived.cli;

import static io.javakeepalived.cli.getopt.Flag.Argument.NONE;
import static io.javakeepalived.cli.getopt.Flag.Argument.OPTIONAL;
import static io.javakeepalived.cli.getopt.Flag.Argument.REQUIRED;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.javakeepalived.cli.getopt.Flag;
import io.javakeepalived.cli.getopt.GetoptLong;
import io.javakeepalived.metrics.ListenAddress;

/**
 * keepalived's command line, flag for flag (its getopt_long table, plus javakeepalived's own
 * {@code --strict} and {@code --metrics-listen}), read into what it asks for. Flags we accept but do
 * not act on yet are listed by {@link #compatibilityOnly()}: a warning, never a failure.
 *
 * <p>Parsed by {@link GetoptLong} rather than a library: picocli cost ~150 ms of every start (up to
 * 450 ms on a loaded host), ~170 classes that class-data sharing cannot archive (compiled for Java 5).
 */
final class KeepalivedOptions {

    static final Path DEFAULT_CONFIG = Path.of("/etc/javakeepalived/keepalived.conf");

    /** keepalived 2.2.7's flags in its own order, with the long names it spells ({@code vrrp_pid}). */
    private static final GetoptLong PARSER = new GetoptLong(List.of(
            Flag.of('f', "use-file", REQUIRED),
            Flag.of('P', "vrrp", NONE),
            Flag.of('C', "check", NONE),
            Flag.of('B', "no_bfd", NONE),
            Flag.longOnly("all", NONE),
            Flag.of('l', "log-console", NONE),
            Flag.of('D', "log-detail", NONE),
            Flag.of('S', "log-facility", REQUIRED),
            Flag.of('g', "log-file", OPTIONAL),
            Flag.of('e', "all-config", NONE),
            Flag.of('G', "no-syslog", NONE),
            Flag.of('u', "umask", REQUIRED),
            Flag.of('X', "release-vips", NONE),
            Flag.of('V', "dont-release-vrrp", NONE),
            Flag.of('I', "dont-release-ipvs", NONE),
            Flag.of('R', "dont-respawn", NONE),
            Flag.of('n', "dont-fork", NONE),
            Flag.of('d', "dump-conf", NONE),
            Flag.of('p', "pid", REQUIRED),
            Flag.of('r', "vrrp_pid", REQUIRED),
            Flag.of('c', "checkers_pid", REQUIRED),
            Flag.of('a', "address-monitoring", NONE),
            Flag.of('b', "bfd_pid", REQUIRED),
            Flag.of('x', "snmp", NONE),
            Flag.of('A', "snmp-agent-socket", REQUIRED),
            Flag.of('m', "core-dump", NONE),
            Flag.of('M', "core-dump-pattern", OPTIONAL),
            Flag.of('s', "namespace", REQUIRED),
            Flag.of('i', "config-id", REQUIRED),
            Flag.longOnly("signum", REQUIRED),
            Flag.of('t', "config-test", OPTIONAL),
            Flag.longOnly("config-fd", REQUIRED),
            Flag.longOnly("strict", NONE),
            Flag.longOnly("metrics-listen", REQUIRED),
            Flag.of('v', "version", NONE),
            Flag.of('h', "help", NONE)));

    Path configFile = DEFAULT_CONFIG;
    boolean vrrpOnly;
    boolean checkerOnly;
    boolean logConsole;
    boolean logDetail;
    String logFacility;
    /** {@code -g}: null when absent, "" when given without a file. */
    String logFile;
    boolean dontFork;
    boolean dumpConf;
    Path pidFile;
    Path vrrpPidFile;
    Path checkersPidFile;
    String configId;
    /** {@code -t}: null when absent, "" when given without a log file. */
    String configTest;
    boolean strict;
    String signum;
    InetSocketAddress metricsListen;
    boolean releaseVips;
    boolean dontReleaseVrrp;
    boolean dontReleaseIpvs;
    boolean version;
    boolean help;
    boolean noSyslog;

    // keepalived flags accepted so existing command lines keep working; not implemented (said on stderr).
    boolean noBfd;
    boolean all;
    String umask;
    boolean dontRespawn;
    String bfdPid;
    boolean addressMonitoring;
    boolean snmp;
    String snmpAgentSocket;
    String namespace;
    boolean coreDump;
    String coreDumpPattern;
    boolean allConfig;
    String configFd;

    /** What is wrong with the command line, a line each without the program name; empty when it parsed. */
    final List<String> usageErrors = new ArrayList<>();

    private KeepalivedOptions() {
    }

    /** Reads {@code args} as keepalived's getopt_long would; problems land in {@link #usageErrors}. */
    static KeepalivedOptions parse(String... args) {
        GetoptLong.Result parsed = PARSER.parse(args);
        KeepalivedOptions options = new KeepalivedOptions();
        options.usageErrors.addAll(parsed.errors());
        for (GetoptLong.Given g : parsed.given()) {
            options.take(g);
        }
        if (!parsed.operands().isEmpty()) {
            // keepalived prints these and carries on; a word the daemon would silently ignore is more
            // likely a mistake (`-t LOG` for `-tLOG`) than meant, so it stays an error as it always was here.
            options.usageErrors.add("Unexpected argument(s): " + String.join(" ", parsed.operands()));
        }
        return options;
    }

    /** True when no daemon runs: a usage error, or a one-shot action (-t, -d, -v, -h, --signum). */
    boolean isOneShot() {
        return !usageErrors.isEmpty() || help || version || signum != null || configTest != null || dumpConf;
    }

    /**
     * Applies one flag; the last of a repeated flag wins. A switch rather than a table of lambdas: each
     * lambda would be bootstrapped on the start path, which is what this class exists to keep short.
     */
    private void take(GetoptLong.Given given) {
        String value = given.value();
        if (given.flag().argument() == REQUIRED && value.isEmpty()) {
            // keepalived: "--use-file=" is a missing parameter, not an empty file name
            usageErrors.add(GetoptLong.missingParameter(given.spelled()));
            return;
        }
        switch (given.flag().name()) {
            case "use-file" -> configFile = Path.of(value);
            case "vrrp" -> vrrpOnly = true;
            case "check" -> checkerOnly = true;
            case "no_bfd" -> noBfd = true;
            case "all" -> all = true;
            case "log-console" -> logConsole = true;
            case "log-detail" -> logDetail = true;
            case "log-facility" -> logFacility = value;
            case "log-file" -> logFile = value == null ? "" : value;
            case "all-config" -> allConfig = true;
            case "no-syslog" -> noSyslog = true;
            case "umask" -> umask = value;
            case "release-vips" -> releaseVips = true;
            case "dont-release-vrrp" -> dontReleaseVrrp = true;
            case "dont-release-ipvs" -> dontReleaseIpvs = true;
            case "dont-respawn" -> dontRespawn = true;
            case "dont-fork" -> dontFork = true;
            case "dump-conf" -> dumpConf = true;
            case "pid" -> pidFile = Path.of(value);
            case "vrrp_pid" -> vrrpPidFile = Path.of(value);
            case "checkers_pid" -> checkersPidFile = Path.of(value);
            case "address-monitoring" -> addressMonitoring = true;
            case "bfd_pid" -> bfdPid = value;
            case "snmp" -> snmp = true;
            case "snmp-agent-socket" -> snmpAgentSocket = value;
            case "core-dump" -> coreDump = true;
            case "core-dump-pattern" -> coreDumpPattern = value == null ? "" : value;
            case "namespace" -> namespace = value;
            case "config-id" -> configId = value;
            case "signum" -> signum = value;
            case "config-test" -> configTest = value == null ? "" : value;
            case "config-fd" -> configFd = value;
            case "strict" -> strict = true;
            case "metrics-listen" -> metricsListen(value);
            case "version" -> version = true;
            case "help" -> help = true;
            default -> throw new IllegalStateException("flag without a meaning: --" + given.flag().name());
        }
    }

    private void metricsListen(String value) {
        try {
            metricsListen = ListenAddress.parse(value);
        } catch (IllegalArgumentException e) {
            usageErrors.add("Invalid value for option '--metrics-listen': " + e.getMessage());
        }
    }

    /** The keepalived flags given on this command line that javakeepalived does not act on yet. */
    List<String> compatibilityOnly() {
        List<String> given = new ArrayList<>();
        addIf(given, noBfd, "-B (--no_bfd)");
        addIf(given, all, "--all");
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

    private static void addIf(List<String> list, boolean present, String flag) {
        if (present) {
            list.add(flag);
        }
    }
}
