package io.javakeepalived.check.probe.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * keepalived's {@code regex_options} (PCRE2 compile options) as java.util.regex flags. Options
 * that only tune PCRE2 change nothing here; those whose meaning Java cannot give are reported
 * and ignored, so the operator knows the regex does not behave as under keepalived.
 */
final class RegexOptions {
    private static final Map<String, Integer> FLAGS = Map.of(
            "caseless", Pattern.CASE_INSENSITIVE,
            "dotall", Pattern.DOTALL,
            "extended", Pattern.COMMENTS,
            "multiline", Pattern.MULTILINE,
            "ucp", Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE);

    /** Same matches with or without them: PCRE2 optimisation and capture switches. */
    private static final Set<String> NO_EFFECT = Set.of("auto_callout", "no_auto_capture", "no_auto_possess",
            "no_dotstar_anchor", "no_start_optimize", "never_ucp", "never_utf", "utf");

    private RegexOptions() {
    }

    /** The flags for {@code options}; {@code unsupported} hears each option Java cannot honour. */
    static int flags(List<String> options, Consumer<String> unsupported) {
        int flags = 0;
        for (String o : options) {
            Integer f = FLAGS.get(o);
            if (f != null) {
                flags |= f;
            } else if (!NO_EFFECT.contains(o)) {
                unsupported.accept(o);
            }
        }
        return flags;
    }
}
