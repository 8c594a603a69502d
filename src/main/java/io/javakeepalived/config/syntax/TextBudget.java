package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.SourceLocation;

import java.nio.file.Path;

/**
 * The configuration text one read may take in all: every file read and every line a ~SEQ/~LST
 * or a multi-line definition generates is charged (not the rest of a line after a brace, which
 * is text already charged). The daemon runs in a small
 * heap (the launcher's -Xmx96m) and keeps the running configuration while a reload reads the
 * next: a loaded configuration takes about six times its text, so an {@code include *} that
 * matches a stray 20 MiB file, or a ~SEQ over a million values, would kill a healthy daemon
 * with its VIPs up. Past the budget the read stops with a fatal error naming where.
 *
 * <p>A file is refused before it is read if it alone is larger than what is left, so reading
 * it never costs the memory this guards.
 */
final class TextBudget {
    private final long limit;
    private long used;
    private ConfigFatalException overrun;

    TextBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Charges a file of {@code size} bytes about to be read, if it fits in what is left; if not,
     * returns false and the read is to stop.
     */
    boolean admitFile(long size, String display, SourceLocation includedAt, Path path) {
        if (size <= limit - used) {
            used += size;
            return true;
        }
        if (overrun == null) {
            overrun = new ConfigFatalException(includedAt, "Configuration file '" + display + "' is " + mib(size)
                    + (used == 0 ? "" : ", and " + mib(used) + " were read before it")
                    + ", expected at most " + mib(limit) + " of configuration in all - check what the include"
                    + " matches (" + path + ")");
        }
        return false;
    }

    /** Charges one generated line; past the budget, the read is to stop. */
    void charge(int chars, SourceLocation at) {
        used += chars + 1L;
        if (used > limit && overrun == null) {
            overrun = new ConfigFatalException(at, "The configuration is larger than " + mib(limit)
                    + ", expected at most " + mib(limit) + " of configuration text in all (check include"
                    + " patterns, ~SEQ/~LST ranges and definitions)");
        }
    }

    /** Throws once the budget is overrun. */
    void check() throws ConfigFatalException {
        if (overrun != null) {
            throw overrun;
        }
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024)) : bytes + " bytes";
    }
}
