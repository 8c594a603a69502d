package io.javakeepalived.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the lexer and binder have to say about a configuration, in the order they
 * said it, and derives keepalived's {@code -t} exit code from it. Not thread-safe: one
 * parse, one collector.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> includes = new LinkedHashMap<>();
    private ConfigErrorKind deciding;

    public void report(ConfigErrorKind kind, SourceLocation location, String message) {
        all.add(new Diagnostic(kind, location, message));
        // keepalived keeps the numerically largest config_err_t it has seen, so a later
        // constant in ConfigErrorKind decides over an earlier one (a missing interface plus
        // any warning exits 5, not 4 - measured with 2.2.7).
        if (deciding == null || kind.ordinal() > deciding.ordinal()) {
            deciding = kind;
        }
    }

    /**
     * Records something keepalived only logs (it does not count as a configuration error and
     * does not change the exit code), formatted as {@code FILE:LINE: message}.
     */
    public void note(SourceLocation location, String message) {
        notes.add(location == null ? message : location + ": " + message);
    }

    /** What was noted with {@link #note}, in order. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /**
     * Records an include line and how many files it matched, as {@code "FILE: include PATTERN"}
     * (FILE the including file; the same line read twice keeps the larger count). A reload
     * compares them with the running configuration's.
     */
    public void included(String includer, String pattern, int matches) {
        includes.merge(includer + ": include " + pattern, matches, Math::max);
    }

    /** The include lines read, with how many files each matched, in reading order. */
    public Map<String, Integer> includeMatches() {
        return Collections.unmodifiableMap(includes);
    }

    /** The most severe kind reported so far in keepalived's order, or null when nothing was reported. */
    public ConfigErrorKind decidingKind() {
        return deciding;
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** keepalived's {@code -t} exit code for everything reported so far (0 when nothing was). */
    public int exitCode() {
        return deciding == null ? ExitCodes.OK : deciding.configTestExitCode();
    }
}
