package io.javakeepalived.script;

import io.javakeepalived.config.model.ScriptCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One execution to make.
 *
 * @param label     how log lines name it, e.g. {@code (VI_1) notify_master} or {@code VRRP_Script(chk)}
 * @param command   the configured command: argv exactly as split from the configuration, uid/gid
 * @param extraArgs appended to the configured argv (the generic notify's
 *                  {@code INSTANCE NAME STATE PRIO}); usually empty
 * @param timeout   after this the whole process group gets SIGTERM, then SIGKILL 2 s later
 */
public record ScriptRun(String label, ScriptCommand command, List<String> extraArgs, Duration timeout) {
    public ScriptRun {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public ScriptRun(String label, ScriptCommand command, Duration timeout) {
        this(label, command, List.of(), timeout);
    }

    /** The configured argv followed by {@link #extraArgs()}. */
    public List<String> argv() {
        List<String> all = new ArrayList<>(command.argv());
        all.addAll(extraArgs);
        return List.copyOf(all);
    }
}
