package io.javakeepalived.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.javakeepalived.config.load.ConfigDump;
import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.lint.ConfigWarning;

/**
 * {@code -t} and {@code -d}: load the configuration, print every diagnostic as
 * {@code FILE:LINE: message}, then the keywords the daemon accepts and does not act on
 * ({@code FILE:LINE: KEYWORD is accepted for compatibility but not implemented - ...}), then the
 * configuration warnings keepalived does not give ({@code FILE:LINE: WARNING: message}), optionally print the resolved model, and answer with
 * keepalived 2.2.7's exit code (with {@code --strict}, 5 for warnings alone).
 */
final class ConfigCheck {
    private final Path configFile;
    private final String configId;
    private final PrintStream out;
    private final PrintStream err;

    ConfigCheck(Path configFile, String configId, PrintStream out, PrintStream err) {
        this.configFile = configFile;
        this.configId = configId;
        this.out = out;
        this.err = err;
    }

    /**
     * @param logFile where to write the diagnostics instead of stderr ({@code -t FILE}), or null
     * @param dump    whether to print the resolved configuration to stdout
     */
    int run(Path logFile, boolean dump) {
        return run(logFile, dump, false);
    }

    /**
     * @param strict whether a configuration warning ({@code FILE:LINE: WARNING: ...}) fails the
     *               check with 5 when keepalived's own code is 0 ({@code --strict})
     */
    int run(Path logFile, boolean dump, boolean strict) {
        LoadOptions options = LoadOptions.defaults().withConfigId(configId)
                .withInterfaces(HostInterfaces.overRtnetlink());
        LoadResult result = ConfigLoader.load(configFile, options);
        StringBuilder report = new StringBuilder();
        for (Diagnostic d : result.diagnostics().all()) {
            report.append(d).append('\n');
        }
        NotImplementedKeywords.of(configFile, options, result).forEach(k -> report.append(k).append('\n'));
        List<ConfigWarning> warnings = ConfigWarnings.of(configFile, options, result);
        for (ConfigWarning w : warnings) {
            report.append(w).append('\n');
        }
        if (logFile == null) {
            err.print(report);
        } else {
            try {
                Files.writeString(logFile, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.print(report);
                err.println("javakeepalived: cannot write config-test log " + logFile + ": " + e.getMessage());
            }
        }
        if (dump) {
            result.config().ifPresent(c -> out.print(ConfigDump.render(c)));
        }
        int code = result.exitCode();
        return strict && code == ExitCodes.OK && !warnings.isEmpty() ? ExitCodes.CONFIG_ERRORS : code;
    }
}
