package io.javakeepalived.daemon.dump;

import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.util.CommandText;

import java.util.List;
import java.util.Optional;

/**
 * A script as keepalived holds it: its argument vector and the uid:gid it runs as.
 *
 * @param argv the program and its arguments, as split from the configuration
 * @param uid  user id it runs as
 * @param gid  group id it runs as
 */
public record NotifyScript(List<String> argv, long uid, long gid) {

    public NotifyScript {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least the program");
        }
    }

    public static NotifyScript of(long uid, long gid, String... argv) {
        return new NotifyScript(List.of(argv), uid, gid);
    }

    /** A configured script, as the user it runs as. */
    public static NotifyScript of(ScriptCommand c) {
        return new NotifyScript(c.argv(), c.uid(), c.gid());
    }

    /** The configured script, if any; else null (keepalived prints no line for it). */
    public static NotifyScript orNull(Optional<ScriptCommand> c) {
        return c.map(NotifyScript::of).orElse(null);
    }

    /**
     * The command as keepalived shows it ({@code cmd_str}): every word in single quotes, joined
     * by spaces, e.g. {@code '/tmp/rk/bin/notify.sh' 'a' 'notify_master'}; a first word starting
     * with {@code <} or {@code >} (a file-test redirection) is left unquoted. Quotes inside words
     * are not escaped, as in keepalived.
     */
    public String commandText() {
        return commandText(argv);
    }

    /** {@link #commandText()} for an argument vector. */
    public static String commandText(List<String> argv) {
        return CommandText.of(argv);
    }
}
