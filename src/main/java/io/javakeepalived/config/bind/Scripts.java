package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.syntax.Tokenizer;

import java.util.List;
import java.util.Optional;

/**
 * Script lines as keepalived reads them: the first parameter is the command string, split a
 * second time into program and arguments (quotes group, backslashes escape); on notify lines
 * the next parameters are USER [GROUP].
 */
final class Scripts {
    private Scripts() {
    }

    /** The argv of a command string; empty when keepalived cannot split it (unmatched quote, blank). */
    static Optional<List<String>> split(String command) {
        Optional<List<String>> argv = Tokenizer.splitQuotedEscaped(command);
        return argv.filter(a -> !a.isEmpty());
    }

    /**
     * A notify-style line ({@code notify_master CMD [USER [GROUP]]}), keepalived's
     * notify_script_init. Missing CMD is fatal (keepalived exits reading it); a command that
     * cannot be split, or whose user does not exist, is dropped with a note.
     */
    static Optional<ScriptCommand> notifyLine(ConfigNode node, String type, BindContext ctx)
            throws ConfigFatalException {
        String command = Args.need(node, 0, "a command, optionally followed by a user and group");
        Optional<List<String>> argv = split(command);
        if (argv.isEmpty()) {
            ctx.note(node.location(), "Unable to parse " + type + " script '" + command + "' - ignoring");
            return Optional.empty();
        }
        String user = node.arg(1);
        String group = node.arg(2);
        ScriptUsers.Ids ids;
        if (user != null) {
            Optional<ScriptUsers.Ids> r = ctx.scriptUsers().resolve(user, group, node.location());
            if (r.isEmpty()) {
                ctx.note(node.location(), "Invalid user/group for " + type + " script " + argv.get().get(0)
                        + " - ignoring");
                return Optional.empty();
            }
            ids = r.get();
        } else {
            Optional<ScriptUsers.Ids> r = ctx.scriptUsers().defaultUser(node.location());
            if (r.isEmpty()) {
                ctx.note(node.location(), "Failed to set default user for " + type + " script " + argv.get().get(0)
                        + " - ignoring");
                return Optional.empty();
            }
            ids = r.get();
        }
        return Optional.of(new ScriptCommand(command, argv.get(), Optional.ofNullable(user),
                Optional.ofNullable(group), ids.uid(), ids.gid(), node.location()));
    }

    /**
     * A command without user on the line ({@code script CMD}, {@code misc_path CMD}): the
     * command string, or empty (keepalived leaves the script unset) when absent or unsplittable.
     */
    static Optional<List<String>> commandLine(ConfigNode node) {
        String command = node.arg(0);
        return command == null ? Optional.empty() : split(command);
    }
}
