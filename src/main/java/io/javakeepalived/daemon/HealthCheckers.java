package io.javakeepalived.daemon;

import io.javakeepalived.check.CheckDataDump;
import io.javakeepalived.check.CheckEngine;
import io.javakeepalived.check.HealthOutput;
import io.javakeepalived.check.HealthSnapshot;
import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.check.LoopProbeIo;
import io.javakeepalived.check.Probes;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.mail.AlertMailer;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.track.CheckerLoop;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

/**
 * The LVS health checkers of one daemon, on the checker loop's thread: started with the loop,
 * replaced on a reload (real servers that stay keep their state), stopped before the loop. Lines
 * go to the {@code Keepalived_healthcheckers} logger, as keepalived's checker process names them;
 * notify and quorum scripts go through the daemon's script runner, alert mails to its mailer, the LVS
 * lines of the notify FIFOs to {@code fifo}.
 */
final class HealthCheckers {

    /** keepalived's checker process's USR1 dump. */
    static final String CHECK_DATA = "keepalived_check.data";

    private final CheckerLoop loop;
    private final CheckEngine engine;
    private final Probes probes;
    /** The configuration the checkers run, for the dump's virtual_server_groups. Checker loop thread. */
    private KeepalivedConfig config;

    private HealthCheckers(CheckerLoop loop, CheckEngine engine, Probes probes, KeepalivedConfig config) {
        this.loop = loop;
        this.engine = engine;
        this.probes = probes;
        this.config = config;
    }

    /** Hands the start to the loop's thread (it runs once the loop is released). */
    static HealthCheckers start(CheckerLoop loop, KeepalivedConfig config, ScriptRunner runner, Duration scriptTimeout,
                                HealthVerdicts verdicts, Supplier<Optional<IcmpEcho>> echo, AlertMailer mailer,
                                Consumer<String> fifo) {
        ScriptLog log = ScriptLog.slf4j("Keepalived_healthcheckers");
        Consumer<String> lvsFifo = Objects.requireNonNull(fifo, "fifo");
        HealthOutput output = new HealthOutput() {
            @Override
            public void log(String line) {
                log.log(ScriptLog.Level.INFO, line);
            }

            @Override
            public void mailRealServer(String realServer, String virtualServer, boolean up, String body) {
                mailer.realServerChanged(realServer, virtualServer, up, body);
            }

            @Override
            public void mailQuorum(String virtualServer, boolean up, String body) {
                mailer.virtualServerQuorum(virtualServer, up, body);
            }

            @Override
            public void runScript(String label, ScriptCommand command) {
                runner.run(new ScriptRun(label, command, scriptTimeout)).thenAccept(r -> {
                    if (!r.succeeded()) {
                        log.log(ScriptLog.Level.WARNING, label + " " + r.describe());
                    }
                });
            }

            @Override
            public void fifo(String line) {
                lvsFifo.accept(line);
            }
        };
        CheckEngine engine = new CheckEngine(new LoopProbeIo(loop, output), output, verdicts,
                warmup -> ThreadLocalRandom.current().nextLong(warmup));
        Probes probes = new Probes(runner, config, echo, output::log);
        HealthCheckers checkers = new HealthCheckers(loop, engine, probes, config);
        if (!config.virtualServers().isEmpty()) {
            loop.execute(() -> engine.start(config, probes));
        }
        return checkers;
    }

    /** The host's addresses now: ha_suspend's checkers wake or sleep (any thread). */
    void hostAddresses(Set<InetAddress> addresses) {
        Set<InetAddress> copy = Set.copyOf(addresses);
        loop.execute(() -> engine.hostAddresses(copy));
    }

    /** A reload was applied: the new configuration's checkers take over (any thread). */
    void reload(KeepalivedConfig next) {
        loop.execute(() -> {
            config = next;
            engine.replace(next, probes.with(next));
        });
    }

    /**
     * SIGUSR1: writes keepalived_check.data beside keepalived.data, from the checker loop's thread
     * (so it sees a consistent state); a failed write is logged.
     */
    void dumpData(DumpFiles files) {
        loop.execute(() -> {
            try {
                files.write(CHECK_DATA, CheckDataDump.render(config.virtualServerGroups(), engine.pools(),
                        engine.dumpEntries()));
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger("Keepalived_healthcheckers").error("Can't open dump file {} ({})", CHECK_DATA,
                        e.toString());
            }
        });
    }

    /**
     * The checkers' standing for the metrics page, taken on the checker loop's thread (which owns
     * it) and handed to {@code answer} there; never blocks the caller.
     */
    void snapshot(Consumer<HealthSnapshot> answer) {
        loop.execute(() -> answer.accept(HealthSnapshot.of(engine.pools())));
    }

    /** Stops every check; runs omega's notifiers (any thread, before the loop closes). */
    void stop() {
        loop.execute(engine::stop);
    }
}
