package io.javakeepalived.check.probe.misc;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * MISC_CHECK: runs misc_path through the script runner (which owns the child, its process group
 * and the kill at misc_timeout) and maps how it ended as check_misc.c does: exit 0 passes; with
 * misc_dynamic an exit status 2..255 passes too and sets the weight to status - 2 (and 0 sets it
 * back to the configured weight); anything else fails.
 */
public final class MiscProbe implements Probe {

    private final ScriptRunner runner;
    private final ScriptRun run;
    private final boolean dynamic;
    private final int configuredWeight;
    private volatile boolean aborted;

    /**
     * @param label            how the runner names the run in its lines
     * @param timeout          misc_timeout, or the delay_loop when none is set
     * @param configuredWeight the real server's weight, to return to on exit 0 with misc_dynamic
     */
    public MiscProbe(ScriptRunner runner, String label, ScriptCommand script, Duration timeout, boolean dynamic,
                     int configuredWeight) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.run = new ScriptRun(label, script, timeout);
        this.dynamic = dynamic;
        this.configuredWeight = configuredWeight;
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        runner.run(run).whenComplete((r, x) -> io.handBack(() -> {
            if (!aborted) {
                done.accept(outcome(r != null ? r : new ScriptResult.NotRun(String.valueOf(x))));
            }
        }));
    }

    /** check_misc.c's reading of how the script ended. */
    ProbeResult outcome(ScriptResult r) {
        if (r instanceof ScriptResult.Exited e) {
            int status = e.status();
            if (status == 0) {
                return dynamic ? new ProbeResult.Success(OptionalInt.of(configuredWeight)) : ProbeResult.Success.plain();
            }
            if (dynamic && status >= 2 && status <= 255) {
                return new ProbeResult.Success(OptionalInt.of(status - 2));
            }
            return new ProbeResult.Failure("exited with status " + status);
        }
        if (r instanceof ScriptResult.Signaled s) {
            return new ProbeResult.Failure("due to signal " + s.signal());
        }
        if (r instanceof ScriptResult.TimedOut) {
            return new ProbeResult.Failure("timed out");
        }
        return new ProbeResult.Failure(r.describe());
    }

    /** The script is left to the runner, which kills it at its timeout; its result is dropped. */
    @Override
    public void abort() {
        aborted = true;
    }
}
