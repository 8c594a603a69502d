package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;

import java.util.List;

/**
 * The words of one address, route or rule line, read option by option as keepalived's
 * alloc_ipaddress / alloc_route / alloc_rule walk their strvec: the current word is an
 * option, {@link #value()} steps to the word after it.
 */
final class IpWords {
    /** What an option does with its words; false when keepalived drops the whole line. */
    @FunctionalInterface
    interface Option<D> {
        boolean read(D draft, IpWords w) throws ConfigFatalException;
    }

    /** What route, rule and address lines have in common while they are read. */
    abstract static class Draft {
        AddressFamily family;
        boolean noTrack;
        String trackGroup;
    }

    private final ConfigNode line;
    private final List<String> words;
    final SourceLocation at;
    final BindContext c;
    private int i;

    IpWords(ConfigNode line, BindContext c, int first) {
        this.line = line;
        this.words = line.words();
        this.at = line.location();
        this.c = c;
        this.i = first;
    }

    List<String> words() {
        return words;
    }

    boolean hasOption() {
        return i < words.size();
    }

    String option() {
        return words.get(i);
    }

    /** Whether the current option has a word after it. */
    boolean hasValue() {
        return i + 1 < words.size();
    }

    /**
     * Steps to the word after the current one and returns it. keepalived reads it without
     * checking (strvec_slot past the end), so a missing value ends the run.
     */
    String value() throws ConfigFatalException {
        i++;
        if (i >= words.size()) {
            throw new ConfigFatalException(new Diagnostic(ConfigErrorKind.MISSING_PARAMETER, at,
                    "'" + words.get(i - 1) + "' in '" + String.join(" ", words) + "' is missing its value"));
        }
        return words.get(i);
    }

    /** The position of the current word on the line. */
    int index() {
        return i;
    }

    void next() {
        i++;
    }

    /** Stops reading the line; what was read so far is kept. */
    void skipRest() {
        i = words.size();
    }

    void error(String message) {
        c.error(at, message);
    }

    /** Reads options until the line ends: the table's reader, or the fallback for other words. */
    <D> boolean readAll(D draft, java.util.Map<String, Option<D>> table, Option<D> otherwise)
            throws ConfigFatalException {
        while (hasOption()) {
            if (!table.getOrDefault(option(), otherwise).read(draft, this)) {
                return false;
            }
            next();
        }
        return true;
    }

    ConfigNode line() {
        return line;
    }
}
