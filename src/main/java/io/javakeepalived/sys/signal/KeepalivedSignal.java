package io.javakeepalived.sys.signal;

import java.util.Optional;

/**
 * The signals keepalived reacts to, with their numbers on Linux/glibc and the request each one
 * carries. This table is the only place these numbers are written down.
 *
 * <p>The real-time ones are what keepalived computes at run time, SIGRTMIN+2 and SIGRTMAX-1;
 * glibc reserves 32 and 33 for itself, so SIGRTMIN is 34 and SIGRTMAX 64 and the numbers are 36
 * and 63, the values {@code keepalived --signum} prints and exporters send.
 * {@code io.javakeepalived.sys.NativeSignalsTest} checks them against libc.
 *
 * <p>Declaration order matters: the first signal of a request is its {@link SignalRequest#signum()}
 * (TERM before INT, so STOP is 15 as in keepalived).
 */
public enum KeepalivedSignal {
    HUP(1, "SIGHUP", SignalRequest.RELOAD),
    TERM(15, "SIGTERM", SignalRequest.STOP),
    INT(2, "SIGINT", SignalRequest.STOP),
    USR1(10, "SIGUSR1", SignalRequest.DATA),
    USR2(12, "SIGUSR2", SignalRequest.STATS),
    RTMAX_MINUS_1(63, "SIGRTMAX-1", SignalRequest.STATS_CLEAR),
    RTMIN_PLUS_2(36, "SIGRTMIN+2", SignalRequest.JSON);

    private final int number;
    private final String signalName;
    private final SignalRequest request;

    KeepalivedSignal(int number, String signalName, SignalRequest request) {
        this.number = number;
        this.signalName = signalName;
        this.request = request;
    }

    /** The signal number on Linux (x86_64 and aarch64 share these). */
    public int number() {
        return number;
    }

    /** The conventional name, e.g. "SIGHUP" or "SIGRTMIN+2". */
    public String signalName() {
        return signalName;
    }

    /** What the daemon is asked to do when it receives this signal. */
    public SignalRequest request() {
        return request;
    }

    /** True for SIGRTMIN..SIGRTMAX: no name in the JDK's signal table, queued rather than merged. */
    public boolean realTime() {
        return number >= 32;
    }

    /**
     * The name {@code sun.misc.Signal} accepts for this signal ("HUP"), or empty for the
     * real-time signals, which the JDK cannot name.
     */
    public Optional<String> jdkName() {
        return realTime() ? Optional.empty() : Optional.of(signalName.substring("SIG".length()));
    }

    /** The keepalived signal with this number, or empty for any other signal. */
    public static Optional<KeepalivedSignal> ofNumber(int number) {
        for (KeepalivedSignal s : values()) {
            if (s.number == number) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The request signal {@code number} carries, or empty if keepalived does not react to it. */
    public static Optional<SignalRequest> requestFor(int number) {
        return ofNumber(number).map(KeepalivedSignal::request);
    }

    /** The first signal in this table that carries {@code request}. */
    static KeepalivedSignal primaryFor(SignalRequest request) {
        for (KeepalivedSignal s : values()) {
            if (s.request == request) {
                return s;
            }
        }
        throw new AssertionError("no signal for " + request);
    }

    @Override
    public String toString() {
        return signalName + "(" + number + ")";
    }
}
