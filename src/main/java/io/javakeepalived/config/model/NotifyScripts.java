package io.javakeepalived.config.model;

import java.util.Optional;

/**
 * The notify scripts of an instance or sync group. {@code generic} is the {@code notify}
 * script that gets {@code INSTANCE|GROUP NAME STATE PRIORITY} appended.
 *
 * @param deleted        notify_deleted's script (instances only)
 * @param notifyDeleted  whether notify_deleted was given (send DELETED rather than FAULT on
 *                       removal by reload)
 */
public record NotifyScripts(Optional<ScriptCommand> master, Optional<ScriptCommand> backup,
                            Optional<ScriptCommand> fault, Optional<ScriptCommand> stop,
                            Optional<ScriptCommand> deleted, Optional<ScriptCommand> generic,
                            Optional<ScriptCommand> masterRxLowerPriority, boolean notifyDeleted) {
    public static final NotifyScripts NONE = new NotifyScripts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

    public boolean isEmpty() {
        return master.isEmpty() && backup.isEmpty() && fault.isEmpty() && stop.isEmpty() && deleted.isEmpty()
                && generic.isEmpty() && masterRxLowerPriority.isEmpty();
    }
}
