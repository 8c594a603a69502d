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
 */
record Limits(long maxLogicalLines, long maxProcessedLines, int maxExpansionDepth) {

    /** Enough for keepalived.conf(5)'s 65024-instance ~SEQ example. */
    static final Limits DEFAULT = new Limits(2_000_000, 20_000_000, 100);
}
