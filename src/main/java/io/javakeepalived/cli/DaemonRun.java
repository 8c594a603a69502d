package io.javakeepalived.cli;

import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.LoopOptions;
import io.javakeepalived.daemon.NotifySink;
import io.javakeepalived.daemon.ScriptServices;
import io.javakeepalived.daemon.StaleAddresses;
import io.javakeepalived.daemon.UncaughtFailures;
import io.javakeepalived.daemon.VrrpLoop;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.daemon.sched.ProcessTuning;
import io.javakeepalived.metrics.MetricsServer;
import io.javakeepalived.sys.signal.SignalCoverage;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.sys.signal.SignalSource;
import io.javakeepalived.daemon.systemd.Heartbeat;
import io.javakeepalived.daemon.systemd.SystemdService;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.net.LinuxNetwork;
import io.javakeepalived.net.NetNamespace;
import io.javakeepalived.sys.LinuxThreadScheduler;
import io.javakeepalived.sys.NativeFifos;
import io.javakeepalived.sys.SdNotifySocket;
import io.javakeepalived.sys.ProcessSpawner;
import io.javakeepalived.sys.SystemProcessControl;
import io.javakeepalived.sys.UnixDatagramTransport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import io.javakeepalived.log.LogSetup.LogHandle;
import io.javakeepalived.log.LogOptions;
import io.javakeepalived.log.LogSetup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon proper (no {@code -t}/{@code -d}): log set-up, configuration, pid files, the VRRP
 * loop until STOP. Runs in the foreground whatever {@code -n} says (a JVM cannot fork; systemd
 * and the launcher run it in the foreground anyway).
 *
 * <p>SIGHUP reloads: {@link ConfigReloadSource} reads the same file with the same options on a
 * reload thread and the loop applies the difference; systemd hears of it (RELOADING=1 / READY=1)
 * through the loop's listener.
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
    private InetSocketAddress metricsListen;
    private boolean keepVipsAtStop;
    private boolean keepIpvsAtStop;
    private boolean runLvs = true;
    private boolean runVrrp = true;
    private String umaskOption;

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

    /** Serve the Prometheus endpoint at {@code address} (null: no endpoint, the default). */
    DaemonRun metricsListen(InetSocketAddress address) {
        this.metricsListen = address;
        return this;
    }

    /** {@code -V} (--dont-release-vrrp): leave the VIPs up at stop, send no priority 0. */
    DaemonRun keepVipsAtStop(boolean keep) {
        this.keepVipsAtStop = keep;
        return this;
    }

    /** {@code -I} (--dont-release-ipvs): leave the IPVS table as it is at stop. */
    DaemonRun keepIpvsAtStop(boolean keep) {
        this.keepIpvsAtStop = keep;
        return this;
    }

    /** false for {@code -P} (--vrrp): VRRP only, the IPVS table is not touched. */
    DaemonRun runLvs(boolean run) {
        this.runLvs = run;
        return this;
    }

    /** {@code -u MASK} (--umask): the file-creation mask, over the configuration's {@code umask}; null: none. */
    DaemonRun umask(String mask) {
        this.umaskOption = mask;
        return this;
    }

    /** false for {@code -C} (--check): the health checkers and IPVS only, no VRRP instance runs. */
    DaemonRun runVrrp(boolean run) {
        this.runVrrp = run;
        return this;
    }

    int run() {
        SignalSource source = signals.get();
        LogHandle logs = LogSetup.configure(logging, UnixDatagramTransport::new);
        Logger log = LoggerFactory.getLogger("Keepalived");
        // the VRRP loop runs on this thread, or on "vrrp" inside a net_namespace
        UncaughtFailures.install(Set.of(Thread.currentThread().getName(), "vrrp", "checker"), log);
        logs.problems().forEach(p -> log.error("{}", p));
        log.info("Starting {}", Version.line());
        log.info("Command line: {}", commandLine.stream().map(a -> "'" + a + "'").reduce((x, y) -> x + " " + y)
                .orElse(""));
        log.info("Configuration file {}", configFile);
        ProcessUmask umask = new ProcessUmask(umaskOption, ProcessSpawner::umask, log);
        umask.start();
        OrphanCollection.startIfAdopting(log);
        for (SignalCoverage c : source.coverage()) {
            if (c.hasWarning()) {
                log.warn("{}", c.describe());
            } else {
                log.debug("{}", c.describe());
            }
        }

        LoadOptions loadOptions = LoadOptions.defaults().withConfigId(configId)
                .withInterfaces(HostInterfaces.overRtnetlink());
        LoadResult result = ConfigReloadSource.loadAndLogDiagnostics(configFile, loadOptions, log);
        if (result.fatal()) {
            log.error("Stopped - configuration error");
            return removeStale(ExitCodes.FATAL_PARSE, log);
        }
        if (result.config().isEmpty()) {
            int code = result.exitCode();
            log.error("Stopped - no usable configuration");
            code = code == ExitCodes.OK ? ExitCodes.OK : ExitCodes.CANNOT_RUN;
            // the VIPs of a net_namespace that cannot be entered are not here to remove
            return result.unenterableNamespace().isPresent() ? code : removeStale(code, log);
        }
        // -C: the VRRP loop still turns (signals, reloads), with nothing of VRRP to run
        KeepalivedConfig config = runVrrp ? result.config().get() : result.config().get().withoutVrrp();
        umask.configured(config.global());
        if (!config.vrrpRunnable()) {
            log.error("VRRP cannot run with this configuration: {}", config.vrrpStartFailure().get());
            return removeStale(ExitCodes.CANNOT_RUN, log);
        }
        VrrpPlan plan = ConfigMapping.plan(config);
        if (plan.instances().isEmpty() && runVrrp) {
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
        IpvsRun[] ipvs = new IpvsRun[1];
        SharedIcmpEcho icmpEcho = new SharedIcmpEcho(log);
        ScriptServices scripts = ScriptServices.create(config, new SystemProcessControl(), NativeFifos.system(), log)
                .icmpEcho(icmpEcho);
        try {
            loop = new VrrpLoop(plan, LoopOptions.defaults().withLogDetail(logging.detail())
                    .withGlobals(ConfiguredGlobals.of(config))
                    .withReload(new ConfigReloadSource(configFile, loadOptions, config.topLevel().netNamespace(), log)
                            .checkersOnly(!runVrrp)
                            .runningIncludes(result.diagnostics().includeMatches()))
                    .withNotifySink(syncDaemonsFollow(scripts.notifySink(), ipvs)), new LinuxNetwork());
        } catch (ErrnoException e) {
            log.error("Cannot start the VRRP loop: {}", e.getMessage());
            return 1;
        }
        if (keepVipsAtStop) {
            loop.keepVipsAtStop();
        }
        loop.onReload((loaded, added, kept) -> loaded.config().ifPresent(c -> umask.configured(c.global())));
        ProcessTuning tuning = new ProcessTuning(config.global(), new LinuxThreadScheduler(), log);
        tuning.announce();
        loop.schedule(tuning.vrrpLoop());
        DumpFiles dumpFiles = DumpFiles.fromEnvironment();
        source.start(r -> {
            loop.post(r);
            if (r == SignalRequest.DATA) {
                scripts.dumpCheckers(dumpFiles); // keepalived's checker process answers USR1 too
            }
        });
        try {
            main.write();
            vrrp.write();
        } catch (IOException e) {
            log.error("Cannot write pid file: {}", e.getMessage());
            vrrp.remove();
            main.remove();
            return 1;
        }
        MetricsServer metrics = startMetrics(loop, scripts, log);
        int status;
        SystemdService systemd = SystemdService.of(SdNotifySocket.fromEnvironment(), System.getenv(),
                ProcessHandle.current().pid(), log);
        // the findings read the file again: after the instances have started, not before
        loop.setListener(new AfterStart(systemd.loopListener(),
                () -> ConfigReloadSource.logFindings(configFile, loadOptions, result, log)));
        // the checker loop turns every second by itself: nothing to ping
        systemd.startWatchdog(List.of(new Heartbeat("VRRP loop", loop::ping, loop::lastTurnNanos),
                new Heartbeat("checker loop", () -> { }, scripts::checkerLastTurnNanos)));
        try {
            // keepalived runs startup_script before VRRP starts and waits for it
            status = runLoop(loop, () -> {
                scripts.startStopScripts().runStartup();
                if (runLvs) {
                    // before the checkers: their first verdicts find the table programmed, and on a
                    // reload the table follows the new configuration before new servers are judged
                    ipvs[0] = IpvsRun.start(config, !keepIpvsAtStop, log);
                    loop.onReload((loaded, added, kept) -> loaded.config().ifPresent(ipvs[0]::reloaded));
                }
                scripts.healthCheckers(runLvs ? ipvs[0].verdicts() : HealthVerdicts.NONE, runLvs);
                scripts.attach(loop);
                scripts.checker().execute(tuning.checkerLoop()); // on its thread, at its first turn
                scripts.checker().watchLateness(tuning::checkerTimerFired);
            }, config.topLevel().netNamespace(), log);
            if (ipvs[0] != null) {
                ipvs[0].stop();
            }
            systemd.stopWatchdog();
            scripts.shutdown(log); // notify_stop and the other queued hooks end (or are killed) first
            icmpEcho.close(); // after the checker loop, whose PING_CHECKs and references use it
            inNamespace(config.topLevel().netNamespace(), () -> scripts.startStopScripts().runShutdown(), log);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            systemd.close();
            vrrp.remove();
            main.remove();
        }
        log.info("Stopped {}", Version.line());
        logs.close();
        return status;
    }

    /**
     * The daemon will not run its loop: the VIPs a killed predecessor left go all the same (unless
     * another daemon owns them), as the loop would have removed them first thing.
     */
    private int removeStale(int status, Logger log) {
        if (new PidFile(pidFile).runningOther().isEmpty()) {
            StaleAddresses.remove(new LinuxNetwork(), log);
        }
        return status;
    }

    /**
     * The metrics endpoint, if asked for. A port that cannot be bound is logged and the daemon
     * runs without it: the virtual addresses matter more than their graphs.
     */
    private MetricsServer startMetrics(VrrpLoop loop, ScriptServices scripts, Logger log) {
        if (metricsListen == null) {
            return null;
        }
        try {
            // each loop answers for what it owns: the VRRP loop first, then the checker loop
            MetricsServer m = MetricsServer.start(metricsListen, answer -> loop.requestSnapshot(vrrp -> {
                long asked = System.nanoTime();
                scripts.healthSnapshot(health -> answer.accept(vrrp.withHealth(health, System.nanoTime() - asked)));
            }));
            log.info("Serving metrics on http://{}/metrics", hostPort(m.address()));
            return m;
        } catch (IOException | RuntimeException e) {
            log.error("Cannot serve metrics on {}: {} - running without them", hostPort(metricsListen), e.toString());
            return null;
        }
    }

    /** Runs {@code work} here, or on a thread inside the configured {@code net_namespace}. */
    /**
     * Whether the configuration has a PING_CHECK: only then is the ICMP echo port opened for the
     * checkers (a reload that adds the first PING_CHECK gets a line saying it cannot run).
     */
    private static void inNamespace(Optional<String> namespace, Runnable work, Logger log) {
        if (namespace.isEmpty()) {
            work.run();
            return;
        }
        try {
            NetNamespace.call(namespace.get(), () -> {
                work.run();
                return null;
            });
        } catch (IOException e) {
            log.error("Unable to set network namespace {}: {}", namespace.get(), e.getMessage());
        }
    }

    /**
     * The VRRP loop's notify sink, then the sync daemons (lvs_sync_daemon follows an instance's
     * state). {@code ipvs[0]} is set before the loop runs, on the thread that runs it, or not at all.
     */
    private static NotifySink syncDaemonsFollow(NotifySink sink, IpvsRun[] ipvs) {
        return notify -> {
            sink.dispatch(notify);
            if (ipvs[0] != null) {
                ipvs[0].vrrpNotified(notify);
            }
        };
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
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
