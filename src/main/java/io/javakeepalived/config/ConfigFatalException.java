package io.javakeepalived.config;

/**
 * A configuration problem keepalived treats as fatal (exit 2): it stops reading at once.
 * The message is already in operator form, {@code FILE:LINE: what is wrong, what was
 * expected}; callers print {@link #getMessage()} and never the stack trace.
 */
public final class ConfigFatalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    public ConfigFatalException(Diagnostic diagnostic) {
        super(diagnostic.toString(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public ConfigFatalException(SourceLocation location, String message) {
        this(new Diagnostic(ConfigErrorKind.FATAL, location, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
