package io.javakeepalived.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.javakeepalived.config.syntax.ConfigReader;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.sys.signal.SignalSource;
import io.javakeepalived.log.LogOptions;
import io.javakeepalived.log.SyslogFacility;
import java.util.function.Supplier;

/**
 * Does what the command line asked for: print the version or a signal number, check or dump the
 * configuration, or run the daemon. The flags themselves are read by {@link KeepalivedOptions}.
 */
public final class KeepalivedCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<? extends SignalSource> signals;
    private final List<String> commandLine;
    private final KeepalivedOptions options;

    /**
     * @param options     the parsed command line, free of usage errors
     * @param signals     the daemon's signal source, asked for only when the daemon runs
     *                    ({@code main} has normally installed it already)
     * @param commandLine the arguments, for the start-up log line
     */
    KeepalivedCommand(KeepalivedOptions options, PrintStream out, PrintStream err,
                      Supplier<? extends SignalSource> signals, List<String> commandLine) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.signals = signals;
        this.commandLine = List.copyOf(commandLine);
    }

    /** Returns the exit code. */
    int run() {
        KeepalivedOptions o = options;
        if (o.version) {
            out.println(Version.line());
            // keepalived-exporter's --ka.json looks for "--enable-json" in this output
            out.println("State dumps: keepalived.data (USR1), keepalived.stats (USR2), keepalived.json "
                    + "(SIGRTMIN+2, as keepalived built with --enable-json)");
            return 0;
        }
        if (o.signum != null) {
            return printSignalNumber(o.signum);
        }
        for (String flag : o.compatibilityOnly()) {
            err.println("javakeepalived: option " + flag + " is accepted for compatibility but not implemented");
        }
        if (o.logFacility != null && SyslogFacility.parseKeepalivedArgument(o.logFacility).isEmpty()) {
            // keepalived reports and carries on with the default facility.
            err.println("Invalid log facility '" + o.logFacility + "'");
        }
        String id = o.configId != null ? o.configId : ConfigReader.defaultConfigId();
        if (o.configTest != null) {
            return new ConfigCheck(o.configFile, id, out, err).run(o.configTest.isEmpty() ? null : Path.of(o.configTest),
                    o.dumpConf, o.strict);
        }
        if (o.dumpConf) {
            return new ConfigCheck(o.configFile, id, out, err).run(null, true);
        }
        // keepalived logs to the console only with -n -l; -l alone forks and so has no console.
        // We never fork (systemd runs us in the foreground), so -l alone means the console too.
        LogOptions logging = LogOptions.fromSwitches(o.logConsole, o.logDetail, o.noSyslog, o.logFacility, o.logFile);
        return new DaemonRun(o.configFile, id, logging, o.pidFile, o.vrrpPidFile, signals, commandLine)
                .metricsListen(o.metricsListen).keepVipsAtStop(o.dontReleaseVrrp)
                .keepIpvsAtStop(o.dontReleaseIpvs).umask(o.umask)
                // keepalived: -P and -C each name a subsystem to run; neither (or both) runs both
                .runLvs(!o.vrrpOnly || o.checkerOnly).runVrrp(!o.checkerOnly || o.vrrpOnly).run();
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
}
