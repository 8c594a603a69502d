package io.javakeepalived.daemon;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.log.LogMarkers;
import io.javakeepalived.script.Durations;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;

/**
 * global_defs {@code startup_script} and {@code shutdown_script}, run as keepalived 2.2.7's parent
 * process runs them (main.c): the start-up script before anything else starts, and VRRP starts
 * only once it has ended; the shut-down script once VRRP has stopped (priority-0 adverts sent,
 * VIPs released, notify_stop run). Each runs as the user its line names (else script_user), under
 * enable_script_security's check, and is ended at its {@code _timeout} (default 10 s): SIGTERM to
 * its process group, SIGKILL after the runner's grace. Its exit status is only logged: keepalived
 * starts (and exits) whatever the script says. Blocks the calling thread; call it where keepalived
 * waits for it.
 */
public final class StartStopScripts {
    /** Wait this much beyond timeout + kill grace before giving up on the runner itself. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final GlobalDefs globals;
    private final ScriptRunner runner;
    private final Duration killGrace;
    private final Logger log;

    /**
     * @param killGrace how long the runner waits between SIGTERM and SIGKILL at a timeout
     */
    public StartStopScripts(GlobalDefs globals, ScriptRunner runner, Duration killGrace, Logger log) {
        this.globals = Objects.requireNonNull(globals, "globals");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs startup_script, if configured, and returns once it has ended or been killed. */
    public void runStartup() {
        run("startup", globals.startupScript(), globals.startupScriptTimeout());
    }

    /** Runs shutdown_script, if configured, and returns once it has ended or been killed. */
    public void runShutdown() {
        run("shutdown", globals.shutdownScript(), globals.shutdownScriptTimeout());
    }

    private void run(String type, Optional<ScriptCommand> script, int timeoutSeconds) {
        if (script.isEmpty()) {
            return;
        }
        ScriptCommand cmd = script.get();
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        log.info(LogMarkers.DETAIL, "Running {} script {}", type, cmd.program());
        ScriptResult r;
        try {
            r = runner.run(new ScriptRun(type + "_script", cmd, timeout))
                    .get(timeout.plus(killGrace).plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} script {} did not end - carrying on", type, cmd.program());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | RuntimeException e) {
            r = new ScriptResult.NotRun(e.toString());
        }
        report(type, cmd, r);
    }

    /** keepalived's lines (main.c): a failure status at INFO, success only with -D; ours for the rest. */
    private void report(String type, ScriptCommand cmd, ScriptResult r) {
        if (r instanceof ScriptResult.Exited e) {
            if (e.status() != 0) {
                log.info("{} script failed, status {}", type, e.status());
            } else {
                log.info(LogMarkers.DETAIL, "{} script succeeded ({})", type, Durations.text(e.elapsed()));
            }
        } else if (r instanceof ScriptResult.TimedOut t) {
            log.warn("{} script timed out - {}", type, t.describe());
        } else if (r instanceof ScriptResult.NotRun n) {
            log.warn("Call of {} script {} failed: {}", type, cmd.program(), n.reason());
        } else {
            log.warn("{} script {}", type, r.describe());
        }
        if (!r.output().isEmpty()) {
            String output = r.output().replace("\n", " | ");
            if (r.succeeded()) {
                log.info(LogMarkers.DETAIL, "{} script output: {}", type, output);
            } else {
                log.warn("{} script output: {}", type, output);
            }
        }
    }
}
