package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_script} (keepalived.data {@code VRRP Scripts}).
 *
 * @param name      script name ({@code vrrp_script NAME})
 * @param command   the command and the uid:gid it runs as
 * @param settings  interval, timeout, weight, rise and fall as keepalived prints them
 * @param result    current result counter (GOOD when {@code result >= rise})
 * @param insecure  disabled as insecure
 * @param initState start-up phase
 * @param tracking  instances tracking it
 * @param runState  running or not
 */
public record ScriptSnapshot(String name, NotifyScript command, Settings settings, int result, boolean insecure,
                             ScriptInitState initState, List<TrackingInstance> tracking, ScriptRunState runState) {

    public ScriptSnapshot {
        tracking = List.copyOf(tracking);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(initState, "initState");
        Objects.requireNonNull(runState, "runState");
    }

    /**
     * The script's configured checking parameters.
     *
     * @param intervalSeconds {@code interval}
     * @param timeoutSeconds  {@code timeout}; keepalived prints an unset one as 0
     * @param weight          {@code weight}
     * @param weightReverse   {@code weight N reverse}
     * @param rise            {@code rise}
     * @param fall            {@code fall}
     */
    public record Settings(long intervalSeconds, long timeoutSeconds, int weight, boolean weightReverse, int rise,
                           int fall) {

        /** keepalived's defaults: every second, no timeout, no weight, rise and fall 1. */
        public static final Settings DEFAULT = new Settings(1, 0, 0, false, 1, 1);
    }

    /** {@code GOOD} if {@code result >= rise}, else {@code BAD} (as keepalived decides it). */
    public String status() {
        return result >= settings.rise() ? "GOOD" : "BAD";
    }
}
