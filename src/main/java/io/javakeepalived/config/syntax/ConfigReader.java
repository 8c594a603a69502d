package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a keepalived.conf and everything it includes into a tree of {@link ConfigNode}s,
 * with keepalived 2.2.7's syntax: comments, quotes and escapes, braces, includes,
 * {@code $NAME} definitions, {@code @ID} conditional lines, {@code ~SEQ}/{@code ~LST}.
 *
 * <p>Problems go to the {@link Diagnostics}; the reader returns what it could read. The
 * only exception is {@link ConfigFatalException}, for a configuration that expands without
 * end (and, defensively, for a bug in the reader itself).
 */
public final class ConfigReader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

    private ConfigReader() {
    }

    /** Reads mainFile and everything it includes; returns the top-level lines as a tree. */
    public static List<ConfigNode> read(Path mainFile, String configId, Diagnostics diagnostics)
            throws ConfigFatalException {
        return read(mainFile, configId, diagnostics, ReaderOptions.defaults());
    }

    /**
     * As {@link #read(Path, String, Diagnostics)}, with explicit options.
     *
     * @param configId the {@code -i} value that {@code @ID} lines are matched against and
     *                 {@code ${_INSTANCE}} gives; null matches no {@code @ID} line
     */
    public static List<ConfigNode> read(Path mainFile, String configId, Diagnostics diagnostics,
                                        ReaderOptions options) throws ConfigFatalException {
        return read(mainFile, configId, diagnostics, options, Limits.DEFAULT);
    }

    static List<ConfigNode> read(Path mainFile, String configId, Diagnostics diagnostics, ReaderOptions options,
                                 Limits limits) throws ConfigFatalException {
        Objects.requireNonNull(mainFile, "mainFile");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(options, "options");
        Reporter reporter = new Reporter(diagnostics, options.notes());
        try {
            TextBudget budget = new TextBudget(limits.maxTextBytes());
            Includes includes = new Includes(reporter, options.checkAllIncludes() ? IncludeCheck.ALL : 0, budget);
            Definitions definitions = new Definitions(configId, options.random(), includes::currentDirectory,
                    message -> reporter.info(includes.current() == null ? null : includes.current().source().location(),
                            message));
            LineExpander lines = new LineExpander(reporter, includes, definitions, configId, limits, budget);
            if (!lines.openMain(mainFile)) {
                budget.check();
                return List.of();
            }
            BlockBuilder builder = new BlockBuilder(reporter);
            LogicalLine line;
            while ((line = lines.next()) != null) {
                builder.accept(line);
                if (isIncludeCheck(line) && "global_defs".equals(builder.enclosingKeyword())) {
                    includes.setIncludeCheck(IncludeCheck.apply(includes.includeCheck(), line.words(),
                            line.location(), reporter));
                }
            }
            return builder.finish();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Internal error in the configuration reader while reading '{}'", mainFile, e);
            throw new ConfigFatalException(new Diagnostic(ConfigErrorKind.FATAL, null,
                    "Internal error in the configuration reader while reading '" + mainFile + "' (" + e
                            + "), expected the reader to cope with any input - please report this"));
        } finally {
            reporter.finish();
        }
    }

    /**
     * keepalived's default config id: the host name up to its first '.'.
     */
    public static String defaultConfigId() {
        String host = null;
        try {
            host = Files.readString(Paths.get("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: fall through
        }
        if (host == null || host.isEmpty()) {
            host = System.getenv("HOSTNAME");
        }
        if (host == null || host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                host = "localhost";
            }
        }
        int dot = host.indexOf('.');
        return dot >= 0 ? host.substring(0, dot) : host;
    }

    private static boolean isIncludeCheck(LogicalLine line) {
        return line.kind() == BraceSplitter.Kind.WORDS && line.words().get(0).equals("include_check");
    }
}
