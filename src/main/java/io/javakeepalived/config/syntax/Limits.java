package io.javakeepalived.config.syntax;

/**
 * Bounds that keep a broken configuration (a ~SEQ over billions of values, a definition
 * that uses itself) from running the reader out of time or memory. keepalived has none of
 * them and hangs or crashes instead. Tests use smaller values.
 *
 * @param maxLogicalLines    lines handed to the tree builder before the reader gives up
 *                           with a ConfigFatalException
 * @param maxProcessedLines  lines processed, including generated ones that yield nothing,
 *                           before the reader gives up with a ConfigFatalException
 * @param maxExpansionDepth  how deep multi-line definitions may expand inside each other;
 *                           deeper uses are reported and ignored
 * @param maxTextBytes       configuration text in all (files and generated lines) before the
 *                           reader gives up with a ConfigFatalException ({@link TextBudget})
 */
record Limits(long maxLogicalLines, long maxProcessedLines, int maxExpansionDepth, long maxTextBytes) {

    /**
     * 2 MiB of text is some 13,000 instances; loaded, it takes about 12 MiB of heap, twice that
     * while a reload holds the old one: well inside the launcher's 96 MiB. The line counts bound
     * the work done on lines that generate nothing.
     */
    static final long DEFAULT_TEXT_BYTES = 2L * 1024 * 1024;

    static final Limits DEFAULT = new Limits(2_000_000, 20_000_000, 100, DEFAULT_TEXT_BYTES);

    /** Line and depth bounds with the default text budget. */
    Limits(long maxLogicalLines, long maxProcessedLines, int maxExpansionDepth) {
        this(maxLogicalLines, maxProcessedLines, maxExpansionDepth, DEFAULT_TEXT_BYTES);
    }
}
