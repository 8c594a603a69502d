package io.javakeepalived.script;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A runner whose runs end when the test says; records what was started, in order. */
public final class FakeRunner implements ScriptRunner {
    /** One started run and the future the test completes. */
    public record Started(ScriptRun run, CompletableFuture<ScriptResult> result) {
        public void exit(int status) {
            result.complete(new ScriptResult.Exited(1, status, java.time.Duration.ofMillis(5), ""));
        }
    }

    private final List<Started> started = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<ScriptResult> run(ScriptRun run) {
        Started s = new Started(run, new CompletableFuture<>());
        started.add(s);
        return s.result();
    }

    public synchronized List<Started> started() {
        return List.copyOf(started);
    }

    public synchronized Started last() {
        return started.get(started.size() - 1);
    }

    /** The runs not yet ended. */
    public synchronized List<Started> running() {
        return started.stream().filter(s -> !s.result().isDone()).toList();
    }

    /** "label argv..." of every run started, in order. */
    public synchronized List<String> lines() {
        return started.stream().map(s -> s.run().label() + " " + String.join(" ", s.run().argv())).toList();
    }
}
