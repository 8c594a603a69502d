package io.javakeepalived.daemon.dump;

/** Whether a track script is running, as keepalived.data's {@code State} (read by exporters) shows it. */
public enum ScriptRunState {
    IDLE("idle"),
    RUNNING("running"),
    REQUESTED_TERMINATION("requested termination"),
    FORCING_TERMINATION("forcing termination");

    private final String text;

    ScriptRunState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
