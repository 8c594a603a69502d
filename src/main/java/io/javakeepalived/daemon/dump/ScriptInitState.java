package io.javakeepalived.daemon.dump;

/** A track script's start-up phase, as keepalived.data's {@code Init state} shows it. */
public enum ScriptInitState {
    /** Past start-up (keepalived prints {@code unknown} for this). */
    DONE("unknown"),
    /** No result yet. */
    INIT("INIT"),
    /** Failed during start-up. */
    INIT_FAILED("INIT/FAILED"),
    /** Start-up after a reload. */
    INIT_RELOAD("INIT/RELOAD");

    private final String text;

    ScriptInitState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
