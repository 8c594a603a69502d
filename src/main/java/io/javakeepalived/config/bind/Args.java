package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;

/**
 * Access to a line's parameters. A parameter keepalived's handler reads unconditionally is
 * "required": when it is missing keepalived exits with status 2 at once (null_strvec), so we
 * throw {@link ConfigFatalException} with an operator-ready message.
 */
final class Args {
    private Args() {
    }

    /** The index-th word after the keyword (0-based); fatal when absent. */
    static String need(ConfigNode node, int index, String expected) throws ConfigFatalException {
        String v = node.arg(index);
        if (v == null) {
            throw missing(node, index, expected);
        }
        return v;
    }

    static ConfigFatalException missing(ConfigNode node, int index, String expected) {
        String what = index == 0 ? "is missing its parameter" : "is missing parameter " + (index + 1);
        return new ConfigFatalException(new Diagnostic(ConfigErrorKind.MISSING_PARAMETER, node.location(),
                "keyword '" + node.keyword() + "' " + what + ", expected " + expected));
    }

    /** All words from the index-th parameter on, joined with single spaces. */
    static String rest(ConfigNode node, int from) {
        return String.join(" ", node.words().subList(Math.min(node.words().size(), from + 1), node.words().size()));
    }
}
