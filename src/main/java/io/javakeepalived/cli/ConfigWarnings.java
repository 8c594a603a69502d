package io.javakeepalived.cli;

import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.lint.ConfigLint;
import io.javakeepalived.config.host.EveryProgramPresent;
import io.javakeepalived.config.lint.ConfigWarning;
import io.javakeepalived.config.model.KeepalivedConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration warnings ({@link ConfigLint}) for a file that has been loaded: what
 * {@code -t} prints and the daemon logs at start and on reload. The checks look at the model as
 * written (scripts included even where keepalived drops them) on this host.
 */
final class ConfigWarnings {
    private ConfigWarnings() {
    }

    /** The warnings for {@code configFile}, which {@code loaded} is the result of; none when nothing usable was loaded. */
    static List<ConfigWarning> of(Path configFile, LoadOptions options, LoadResult loaded) {
        if (loaded.config().isEmpty()) {
            return List.of();
        }
        LoadOptions asWritten = options.withFiles(new EveryProgramPresent())
                .withReaderOptions(options.readerOptions().withNotes(note -> { }));
        KeepalivedConfig config = ConfigLoader.load(configFile, asWritten).config().orElse(loaded.config().get());
        HostNodeView node = new HostNodeView(config.topLevel().netNamespace().isEmpty(), options.files());
        return ConfigLint.check(config, node);
    }
}
