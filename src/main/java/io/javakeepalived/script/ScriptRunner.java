package io.javakeepalived.script;

import java.util.concurrent.CompletableFuture;

/**
 * Runs scripts without blocking the caller. {@link PosixScriptRunner} is the real one; tests use
 * fakes.
 */
@FunctionalInterface
public interface ScriptRunner {

    /**
     * Starts {@code run} and returns at once. The future completes (never exceptionally) when the
     * run is over: exited, killed, timed out and its process group ended, or not started at all
     * ({@link ScriptResult.NotRun}). It may complete on any thread, or before this returns.
     */
    CompletableFuture<ScriptResult> run(ScriptRun run);
}
