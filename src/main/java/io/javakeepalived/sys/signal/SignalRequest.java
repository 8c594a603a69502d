package io.javakeepalived.sys.signal;

import java.util.Optional;

/**
 * What an operator, systemd or an exporter asks the daemon for by sending it a signal. The
 * constant names are keepalived's SIGFUNC names, the ones {@code keepalived --signum=NAME}
 * accepts.
 */
public enum SignalRequest {
    /** HUP: re-read the configuration and apply the difference. */
    RELOAD,
    /** TERM or INT: release (priority-0 adverts, VIPs removed, notify_stop) and exit 0. */
    STOP,
    /** USR1: write {@code $TMPDIR/keepalived.data}. */
    DATA,
    /** USR2: write {@code $TMPDIR/keepalived.stats}. */
    STATS,
    /** SIGRTMAX-1: write the stats file, then zero the counters. */
    STATS_CLEAR,
    /** SIGRTMIN+2: write {@code $TMPDIR/keepalived.json}. */
    JSON;

    /**
     * The signal number {@code keepalived --signum=NAME} prints for this request: STOP 15,
     * RELOAD 1, DATA 10, STATS 12, STATS_CLEAR 63, JSON 36 (keepalived 2.2.7 on glibc Linux).
     */
    public int signum() {
        return KeepalivedSignal.primaryFor(this).number();
    }

    /**
     * The request a {@code --signum} argument names. Exact and case-sensitive, as keepalived's
     * {@code strcmp}: "json" and "TDATA" (unknown to 2.2.7) give empty.
     */
    public static Optional<SignalRequest> forSignumName(String name) {
        for (SignalRequest r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
