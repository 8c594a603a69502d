package io.javakeepalived.script;

import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link ScriptRun} ended. {@code output} is the tail of what the script wrote to
 * stdout and stderr (empty when output is not captured), trailing newline removed.
 */
public sealed interface ScriptResult {

    /** Only exit status 0 is a success. */
    default boolean succeeded() {
        return this instanceof Exited e && e.status() == 0;
    }

    /** The captured output tail, or empty. */
    String output();

    /** Short wording for logs: {@code exited with status 1}, {@code timed out}, ... */
    String describe();

    /** The process exited by itself. */
    record Exited(long pid, int status, Duration elapsed, String output) implements ScriptResult {
        public Exited {
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String describe() {
            return "exited with status " + status;
        }
    }

    /** A signal the runner did not send ended the process. */
    record Signaled(long pid, int signal, boolean coreDumped, Duration elapsed, String output)
            implements ScriptResult {
        public Signaled {
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String describe() {
            return "killed by signal " + signal + (coreDumped ? " (core dumped)" : "");
        }
    }

    /**
     * The run outlived its timeout and the runner ended its process group.
     *
     * @param lastSignal SIGTERM (15) if that sufficed, SIGKILL (9) if it was needed, 0 when there
     *                   was no process to signal (an open test that hung)
     */
    record TimedOut(long pid, int lastSignal, Duration elapsed, String output) implements ScriptResult {
        public TimedOut {
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String describe() {
            if (lastSignal == 0) {
                return "timed out after " + Durations.text(elapsed);
            }
            return "timed out after " + Durations.text(elapsed) + " (process group sent "
                    + (lastSignal == Signals.SIGKILL ? "SIGTERM, then SIGKILL)" : "SIGTERM)");
        }
    }

    /** Nothing was started; {@code reason} says why (not found, not executable, refused ...). */
    record NotRun(String reason) implements ScriptResult {
        public NotRun {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String output() {
            return "";
        }

        @Override
        public String describe() {
            return "not run: " + reason;
        }
    }
}
