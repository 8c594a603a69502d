package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

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
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            String a = Objects.requireNonNull(argv.get(i));
            if (i > 0) {
                sb.append(' ');
            }
            boolean quote = i > 0 || a.isEmpty() || (a.charAt(0) != '<' && a.charAt(0) != '>');
            if (quote) {
                sb.append('\'');
            }
            sb.append(a);
            if (quote) {
                sb.append('\'');
            }
        }
        return sb.toString();
    }
}
