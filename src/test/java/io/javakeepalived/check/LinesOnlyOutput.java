package io.javakeepalived.check;

import io.javakeepalived.config.model.ScriptCommand;

import java.util.function.Consumer;

/** A {@link HealthOutput} for tests that look at the log lines only: no scripts run, no mail sent. */
final class LinesOnlyOutput implements HealthOutput {
    private final Consumer<String> lines;

    LinesOnlyOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void log(String line) {
        lines.accept(line);
    }

    @Override
    public void runScript(String label, ScriptCommand command) {
    }

    @Override
    public void mailRealServer(String realServer, String virtualServer, boolean up, String body) {
    }

    @Override
    public void mailQuorum(String virtualServer, boolean up, String body) {
    }
}
