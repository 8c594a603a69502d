package io.javakeepalived.cli;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.ReloadSource;
import io.javakeepalived.daemon.model.ConfigMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;

/**
 * The daemon's {@link ReloadSource}: reads the configuration file again exactly as start-up
 * read it (same file, same {@code -i} config id, same host checks) and logs what the loader
 * reports with file:line, as start-up does. A configuration start-up would have refused - a
 * fatal error, nothing usable, a VRRP part that cannot run - is rejected whole, and so is a
 * changed {@code net_namespace} (the loop runs inside the one it started in; keepalived cannot
 * change it on reload either).
 */
final class ConfigReloadSource implements ReloadSource {
    private final Path configFile;
    private final LoadOptions loadOptions;
    private final Optional<String> netNamespace;
    private final Logger log;
    private Map<String, Integer> runningIncludes = Map.of();
    private boolean checkersOnly;

    /**
     * @param loadOptions  the options start-up loaded with ({@code -i} config id, host checks)
     * @param netNamespace the {@code net_namespace} the daemon runs in (from the start-up configuration)
     */
    ConfigReloadSource(Path configFile, LoadOptions loadOptions, Optional<String> netNamespace, Logger log) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.loadOptions = Objects.requireNonNull(loadOptions, "loadOptions");
        this.netNamespace = Objects.requireNonNull(netNamespace, "netNamespace");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** {@code -C}: each reloaded configuration loses its VRRP side ({@link KeepalivedConfig#withoutVrrp()}). */
    ConfigReloadSource checkersOnly(boolean only) {
        this.checkersOnly = only;
        return this;
    }

    /**
     * The include lines of the configuration running now and how many files each matched
     * (start-up's {@code Diagnostics.includeMatches()}); each applied reload replaces them.
     */
    ConfigReloadSource runningIncludes(Map<String, Integer> includes) {
        this.runningIncludes = Map.copyOf(includes);
        return this;
    }

    /**
     * Loads the file and logs the diagnostics, errors at ERROR (all of them when fatal), the rest
     * at WARN, then its {@linkplain #logFindings findings}.
     */
    static LoadResult loadAndLog(Path configFile, LoadOptions options, Logger log) {
        LoadResult result = loadAndLogDiagnostics(configFile, options, log);
        logFindings(configFile, options, result, log);
        return result;
    }

    /** Loads the file and logs what the loader reports: errors at ERROR (all of them when fatal), the rest at WARN. */
    static LoadResult loadAndLogDiagnostics(Path configFile, LoadOptions options, Logger log) {
        LoadResult result = ConfigLoader.load(configFile, options);
        for (Diagnostic d : result.diagnostics().all()) {
            if (d.kind() == ConfigErrorKind.FATAL || result.fatal()) {
                log.error("{}", d);
            } else {
                log.warn("{}", d);
            }
        }
        for (String note : result.diagnostics().notes()) {
            log.info("{}", note);
        }
        return result;
    }

    /**
     * Logs at WARN what the loaded file asks for that the daemon does not act on
     * ({@link NotImplementedKeywords}) and the configuration warnings ({@link ConfigWarnings}).
     * Both read the file again: start-up runs this after the instances have started.
     */
    static void logFindings(Path configFile, LoadOptions options, LoadResult loaded, Logger log) {
        NotImplementedKeywords.of(configFile, options, loaded).forEach(k -> log.warn("{}", k));
        ConfigWarnings.of(configFile, options, loaded).forEach(w -> log.warn("{}", w));
    }

    /**
     * The include lines that matched files in the running configuration and match none now:
     * a plain {@code include} whose file is being rewritten (deleted, then created) or a
     * directory not mounted yet would otherwise delete every instance it held (priority 0, VIPs
     * dropped). A glob that still matches some of its files is taken at its word: deleting one
     * file of {@code conf.d/*.conf} is how instances are removed.
     */
    static List<String> lostIncludes(Map<String, Integer> running, Map<String, Integer> next) {
        List<String> lost = new ArrayList<>();
        running.forEach((line, matches) -> {
            if (matches > 0 && next.getOrDefault(line, 1) == 0) {
                lost.add(line);
            }
        });
        return lost;
    }

    @Override
    public Outcome load() {
        log.info("Configuration file {}", configFile);
        LoadResult result = loadAndLog(configFile, loadOptions, log);
        if (result.fatal()) {
            return new Rejected("configuration error in " + configFile);
        }
        if (result.config().isEmpty()) {
            return new Rejected("no usable configuration in " + configFile);
        }
        KeepalivedConfig config = checkersOnly ? result.config().get().withoutVrrp() : result.config().get();
        if (!config.vrrpRunnable()) {
            return new Rejected("VRRP cannot run with this configuration: " + config.vrrpStartFailure().get());
        }
        if (!config.topLevel().netNamespace().equals(netNamespace)) {
            return new Rejected("net_namespace cannot change on reload (running in "
                    + netNamespace.orElse("the default namespace") + ")");
        }
        Map<String, Integer> includes = result.diagnostics().includeMatches();
        List<String> lost = lostIncludes(runningIncludes, includes);
        if (!lost.isEmpty()) {
            lost.forEach(l -> log.error("{} matched a file before and matches none now", l));
            return new Rejected(lost.size() + " include line(s) lost every file they matched (a file missing for a"
                    + " moment?); to drop what they held, remove the include line");
        }
        runningIncludes = Map.copyOf(includes);
        return new Loaded(ConfigMapping.plan(config), ConfiguredGlobals.of(config), Optional.of(config));
    }
}
