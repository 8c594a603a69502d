package io.javakeepalived.sys.signal;

import java.util.Objects;

/**
 * How one signal is handled in the running process.
 *
 * @param signal    the keepalived signal
 * @param handling  whether its request reaches the daemon, is dropped, or the signal still kills
 * @param mechanism how the handling was obtained, for the log ("HotSpot user handler", ...)
 * @param warning   why something is not as intended, or "" if all is well
 */
public record SignalCoverage(KeepalivedSignal signal, Handling handling, String mechanism, String warning) {

    /** What the kernel does with the signal now. */
    public enum Handling {
        /** Caught: the request reaches the sink. */
        DELIVERED,
        /** Ignored: harmless, but the request is lost (e.g. no JSON dump). */
        IGNORED,
        /** Neither: the kernel's default action applies, which for all of these ends the process. */
        DEFAULT_ACTION
    }

    public SignalCoverage {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(warning, "warning");
    }

    public boolean hasWarning() {
        return !warning.isEmpty();
    }

    /** One log line: "SIGRTMIN+2(36) JSON: DELIVERED via HotSpot user handler". */
    public String describe() {
        String line = signal + " " + signal.request() + ": " + handling + " via " + mechanism;
        return hasWarning() ? line + "; " + warning : line;
    }
}
