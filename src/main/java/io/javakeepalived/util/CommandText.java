package io.javakeepalived.util;

import java.util.List;
import java.util.Objects;

/**
 * A command as keepalived's dumps show it ({@code cmd_str}): every word in single quotes, joined by
 * spaces, e.g. {@code '/tmp/rk/bin/notify.sh' 'a' 'notify_master'}; a first word starting with
 * {@code <} or {@code >} (a file-test redirection) is left unquoted. Quotes inside words are not
 * escaped, as in keepalived. Shared by the VRRP dumps and keepalived_check.data.
 */
public final class CommandText {

    private CommandText() {
    }

    public static String of(List<String> argv) {
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
