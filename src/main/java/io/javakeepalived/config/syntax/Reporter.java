package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.SourceLocation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the reader says things. Errors go to {@link Diagnostics}; notes that keepalived
 * only logs without counting them as configuration errors (they must not change the
 * {@code -t} exit code) go to the info sink.
 *
 * <p>Binary junk can produce an error per byte; to keep memory bounded only the first
 * {@value #MAX_PER_KIND} errors of each kind are kept, and {@link #finish()} adds one line
 * saying how many more there were. Every kind reported still appears at least once, so
 * the exit code derived from the diagnostics is unchanged.
 */
final class Reporter {
    static final int MAX_PER_KIND = 200;

    private final Diagnostics diagnostics;
    private final Consumer<String> infoSink;
    private final Map<ConfigErrorKind, Integer> counts = new EnumMap<>(ConfigErrorKind.class);

    Reporter(Diagnostics diagnostics, Consumer<String> infoSink) {
        this.diagnostics = diagnostics;
        this.infoSink = infoSink;
    }

    void error(ConfigErrorKind kind, SourceLocation location, String message) {
        int count = counts.merge(kind, 1, Integer::sum);
        if (count <= MAX_PER_KIND) {
            diagnostics.report(kind, location, message);
        }
    }

    void info(SourceLocation location, String message) {
        infoSink.accept(location == null ? message : location + ": " + message);
    }

    /** An include line and how many files it matched. */
    void included(String includer, String pattern, int matches) {
        diagnostics.included(includer, pattern, matches);
    }

    /** Reports how many errors were left out, per kind. */
    void finish() {
        counts.forEach((kind, count) -> {
            if (count > MAX_PER_KIND) {
                diagnostics.report(kind, null, (count - MAX_PER_KIND) + " more problems of kind " + kind
                        + " were found and not listed, expected a configuration file rather than binary data");
            }
        });
    }
}
