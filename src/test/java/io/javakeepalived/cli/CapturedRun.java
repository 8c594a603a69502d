package io.javakeepalived.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line run in-process with its stdout and stderr captured, as an operator's terminal shows them. */
final class CapturedRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code javakeepalived ARGS}; returns its exit code. */
    int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
