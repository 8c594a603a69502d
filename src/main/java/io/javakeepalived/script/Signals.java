package io.javakeepalived.script;

/** The Linux signal numbers the runner sends. */
final class Signals {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private Signals() {
    }
}
