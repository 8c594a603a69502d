package io.javakeepalived.config.load;

import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading a configuration.
 *
 * @param config               the model; empty when reading stopped (fatal error, main file
 *                             unreadable, net_namespace not enterable)
 * @param diagnostics          everything reported, in order
 * @param fatal                keepalived would have exited at once (status 2)
 * @param unenterableNamespace the configured net_namespace when it cannot be entered: keepalived
 *                             then stops after the global part and exits 0, even under -t
 */
public record LoadResult(Optional<KeepalivedConfig> config, Diagnostics diagnostics, boolean fatal,
                         Optional<String> unenterableNamespace) {

    public LoadResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(unenterableNamespace, "unenterableNamespace");
    }

    public LoadResult(Optional<KeepalivedConfig> config, Diagnostics diagnostics, boolean fatal) {
        this(config, diagnostics, fatal, Optional.empty());
    }

    /** keepalived 2.2.7's {@code -t} exit code: 2 if fatal, else decided by the diagnostics. */
    public int exitCode() {
        if (fatal) {
            return ExitCodes.FATAL_PARSE;
        }
        if (unenterableNamespace.isPresent()) {
            return ExitCodes.OK;
        }
        return diagnostics.exitCode();
    }
}
