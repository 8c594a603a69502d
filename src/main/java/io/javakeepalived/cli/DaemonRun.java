package io.javakeepalived.cli;

import io.javakeepalived.config.ConfigLoader;
import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.config.LoadOptions;
import io.javakeepalived.config.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.GlobalsMapping;
import io.javakeepalived.daemon.ScriptServices;
import io.javakeepalived.daemon.VrrpLoop;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.daemon.signal.SignalCoverage;
import io.javakeepalived.daemon.signal.SignalSource;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.NetNamespace;

import java.io.IOException;
import java.nio.file.Path;

import io.javakeepalived.log.LogSetup.LogHandle;
import io.javakeepalived.log.LogOptions;
import io.javakeepalived.log.LogSetup;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon proper (no {@code -t}/{@code -d}): log set-up, configuration, pid files, the VRRP
 * loop until STOP. Runs in the foreground whatever {@code -n} says (a JVM cannot fork; systemd
 * and the launcher run it in the foreground anyway).
 *
 * <p>Exit status: 0 after a clean stop; a fatal configuration error gives keepalived's 2 with
 * its {@code FILE:LINE: message} lines, a configuration keepalived's VRRP process could not run
 * (missing file, non-existent interface, ...) 4; another daemon using the pid file, or a loop
 * that cannot start, 1.
 */
final class DaemonRun {
    static final Path DEFAULT_PID_FILE = Path.of("/run/javakeepalived.pid");
    static final Path DEFAULT_VRRP_PID_FILE = Path.of("/run/javakeepalived_vrrp.pid");

    private final Path configFile;
    private final String configId;
    private final LogOptions logging;
    private final Path pidFile;
    private final Path vrrpPidFile;
    private final Supplier<? extends SignalSource> signals;
    private final List<String> commandLine;

    DaemonRun(Path configFile, String configId, LogOptions logging, Path pidFile, Path vrrpPidFile,
              Supplier<? extends SignalSource> signals, List<String> commandLine) {
        this.configFile = configFile;
        this.configId = configId;
        this.logging = logging;
        this.pidFile = pidFile != null ? pidFile : DEFAULT_PID_FILE;
        this.vrrpPidFile = vrrpPidFile != null ? vrrpPidFile : DEFAULT_VRRP_PID_FILE;
        this.signals = signals;
        this.commandLine = List.copyOf(commandLine);
    }

    int run() {
        SignalSource source = signals.get();
        LogHandle logs = LogSetup.configure(logging);
        Logger log = LoggerFactory.getLogger("Keepalived");
        logs.problems().forEach(p -> log.error("{}", p));
        log.info("Starting {}", Version.line());
        log.info("Command line: {}", commandLine.stream().map(a -> "'" + a + "'").reduce((x, y) -> x + " " + y)
                .orElse(""));
        log.info("Configuration file {}", configFile);
        for (SignalCoverage c : source.coverage()) {
            if (c.hasWarning()) {
                log.warn("{}", c.describe());
            } else {
                log.debug("{}", c.describe());
            }
        }

        LoadResult result = ConfigLoader.load(configFile, LoadOptions.defaults().withConfigId(configId));
        for (Diagnostic d : result.diagnostics().all()) {
            if (d.kind() == ConfigErrorKind.FATAL || result.fatal()) {
                log.error("{}", d);
            } else {
                log.warn("{}", d);
            }
        }
        for (String note : result.diagnostics().notes()) {
            log.info("{}", note);
        }
        if (result.fatal()) {
            log.error("Stopped - configuration error");
            return ExitCodes.FATAL_PARSE;
        }
        if (result.config().isEmpty()) {
            int code = result.exitCode();
            log.error("Stopped - no usable configuration");
            return code == ExitCodes.OK ? ExitCodes.OK : ExitCodes.CANNOT_RUN;
        }
        KeepalivedConfig config = result.config().get();
        if (!config.vrrpRunnable()) {
            log.error("VRRP cannot run with this configuration: {}", config.vrrpStartFailure().get());
            return ExitCodes.CANNOT_RUN;
        }
        VrrpPlan plan = ConfigMapping.plan(config);
        if (plan.instances().isEmpty()) {
            log.warn("No VRRP instance to run");
        }

        PidFile main = new PidFile(pidFile);
        PidFile vrrp = new PidFile(vrrpPidFile);
        Optional<Long> other = main.runningOther();
        if (other.isPresent()) {
            log.error("daemon is already running (pid {} in {})", other.get(), main.path());
            return 1;
        }
        VrrpLoop loop;
        ScriptServices scripts = ScriptServices.create(config, log);
        try {
            loop = new VrrpLoop(plan, VrrpLoop.Options.defaults().withLogDetail(logging.detail())
                    .withGlobals(GlobalsMapping.of(config)).withNotifySink(scripts.notifySink()));
        } catch (ErrnoException e) {
            log.error("Cannot start the VRRP loop: {}", e.getMessage());
            return 1;
        }
        source.start(loop::post);
        try {
            main.write();
            vrrp.write();
        } catch (IOException e) {
            log.error("Cannot write pid file: {}", e.getMessage());
            vrrp.remove();
            main.remove();
            return 1;
        }
        int status;
        try {
            status = runLoop(loop, () -> scripts.attach(loop), config.topLevel().netNamespace(), log);
            scripts.shutdown(log); // notify_stop and the other queued hooks end (or are killed) first
        } finally {
            vrrp.remove();
            main.remove();
        }
        log.info("Stopped {}", Version.line());
        logs.close();
        return status;
    }

    /**
     * Runs the loop here, or on a thread inside the configured {@code net_namespace}; {@code first}
     * (the checker loop's start) runs just before, on a thread in the same namespace, so the threads
     * it makes and the scripts they start are in it too.
     */
    private static int runLoop(VrrpLoop loop, Runnable first, Optional<String> namespace, Logger log) {
        if (namespace.isEmpty()) {
            first.run();
            return loop.run();
        }
        AtomicInteger status = new AtomicInteger(1);
        Thread[] thread = new Thread[1];
        try {
            NetNamespace.call(namespace.get(), () -> {
                first.run();
                thread[0] = new Thread(() -> status.set(loop.run()), "vrrp");
                thread[0].start();
                return null;
            });
        } catch (IOException e) {
            log.error("Unable to set network namespace {} - exiting: {}", namespace.get(), e.getMessage());
            return 1;
        }
        try {
            thread[0].join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status.get();
    }
}
