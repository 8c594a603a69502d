package io.javakeepalived.script;

import java.time.Duration;

/** Durations as log lines show them: {@code 12 ms}, {@code 3.004 s}. */
public final class Durations {
    private Durations() {
    }

    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return String.format(java.util.Locale.ROOT, "%d.%03d s", ms / 1000, ms % 1000);
    }
}
