package io.javakeepalived.cli;

/** The version line {@code -v} prints and the log's start-up line uses. */
public final class Version {
    /** The keepalived release whose configuration, wire protocol and operator interface we follow. */
    public static final String KEEPALIVED_COMPATIBLE = "2.2.7";

    private Version() {
    }

    public static String number() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    public static String line() {
        return "javakeepalived " + number() + " (keepalived " + KEEPALIVED_COMPATIBLE + " compatible)";
    }
}
