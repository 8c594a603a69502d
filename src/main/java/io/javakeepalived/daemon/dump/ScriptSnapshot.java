package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_script} (keepalived.data {@code VRRP Scripts}).
 *
 * @param name script name ({@code vrrp_script NAME})
 * @param command the command and the uid:gid it runs as
 * @param intervalSeconds {@code interval}
 * @param timeoutSeconds {@code timeout}
 * @param weight {@code weight}
 * @param weightReverse {@code weight N reverse}
 * @param rise {@code rise}
 * @param fall {@code fall}
 * @param result current result counter (GOOD when {@code result >= rise})
 * @param insecure disabled as insecure
 * @param initState start-up phase
 * @param tracking instances tracking it
 * @param runState running or not
 */
public record ScriptSnapshot(
        String name,
        NotifyScript command,
        long intervalSeconds,
        long timeoutSeconds,
        int weight,
        boolean weightReverse,
        int rise,
        int fall,
        int result,
        boolean insecure,
        ScriptInitState initState,
        List<TrackingInstance> tracking,
        ScriptRunState runState) {

    public ScriptSnapshot {
        tracking = List.copyOf(tracking);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(initState, "initState");
        Objects.requireNonNull(runState, "runState");
    }

    /** {@code GOOD} if {@code result >= rise}, else {@code BAD} (as keepalived decides it). */
    public String status() {
        return result >= rise ? "GOOD" : "BAD";
    }


    /** A builder with keepalived's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.command = command;
        b.intervalSeconds = intervalSeconds;
        b.timeoutSeconds = timeoutSeconds;
        b.weight = weight;
        b.weightReverse = weightReverse;
        b.rise = rise;
        b.fall = fall;
        b.result = result;
        b.insecure = insecure;
        b.initState = initState;
        b.tracking = tracking;
        b.runState = runState;
        return b;
    }

    /** Builder for {@link ScriptSnapshot}; unset values are keepalived's defaults. */
    public static final class Builder {
        private String name;
        private NotifyScript command;
        private long intervalSeconds = 1;
        private long timeoutSeconds = 0;
        private int weight = 0;
        private boolean weightReverse = false;
        private int rise = 1;
        private int fall = 1;
        private int result = 0;
        private boolean insecure = false;
        private ScriptInitState initState = ScriptInitState.INIT;
        private List<TrackingInstance> tracking = List.of();
        private ScriptRunState runState = ScriptRunState.IDLE;

        private Builder() {
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder command(NotifyScript v) {
            command = v;
            return this;
        }

        public Builder intervalSeconds(long v) {
            intervalSeconds = v;
            return this;
        }

        public Builder timeoutSeconds(long v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder weight(int v) {
            weight = v;
            return this;
        }

        public Builder weightReverse(boolean v) {
            weightReverse = v;
            return this;
        }

        public Builder rise(int v) {
            rise = v;
            return this;
        }

        public Builder fall(int v) {
            fall = v;
            return this;
        }

        public Builder result(int v) {
            result = v;
            return this;
        }

        public Builder insecure(boolean v) {
            insecure = v;
            return this;
        }

        public Builder initState(ScriptInitState v) {
            initState = v;
            return this;
        }

        public Builder tracking(List<TrackingInstance> v) {
            tracking = v;
            return this;
        }

        public Builder runState(ScriptRunState v) {
            runState = v;
            return this;
        }

        public ScriptSnapshot build() {
            return new ScriptSnapshot(name, command, intervalSeconds, timeoutSeconds, weight, weightReverse, rise, fall, result, insecure, initState, tracking, runState);
        }
    }
}
