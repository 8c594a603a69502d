package io.javakeepalived.check.probe.http;

/** The SSL block names a file that cannot be used; the message says which and why. */
public final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
