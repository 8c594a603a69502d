package io.javakeepalived.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.javakeepalived.config.load.ConfigDump;
import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;

/**
 * {@code -t} and {@code -d}: load the configuration, print every diagnostic as
 * {@code FILE:LINE: message}, optionally print the resolved model, and answer with
 * keepalived 2.2.7's exit code.
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
        LoadResult result = ConfigLoader.load(configFile, LoadOptions.defaults().withConfigId(configId));
        StringBuilder report = new StringBuilder();
        for (Diagnostic d : result.diagnostics().all()) {
            report.append(d).append('\n');
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
        return result.exitCode();
    }
}
