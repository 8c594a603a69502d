package io.javakeepalived.config;

/** Exit codes of {@code -t} and of fatal start-up errors, as keepalived 2.2.7 uses them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A line keepalived cannot parse at all (e.g. a keyword missing its parameter). */
    public static final int FATAL_PARSE = 2;
    /** Config test: keepalived cannot run this configuration (missing file, bad interface). */
    public static final int CANNOT_RUN = 4;
    /** Config test: errors were reported but keepalived would run. */
    public static final int CONFIG_ERRORS = 5;
    /** Config test: scripts would run as root without enable_script_security. */
    public static final int SCRIPT_SECURITY = 6;

    private ExitCodes() {
    }
}
