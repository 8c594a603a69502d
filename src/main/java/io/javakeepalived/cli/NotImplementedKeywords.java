package io.javakeepalived.cli;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.status.UnimplementedKeyword;
import io.javakeepalived.config.status.UnimplementedKeywords;
import io.javakeepalived.config.syntax.ConfigReader;

import java.nio.file.Path;
import java.util.List;

/**
 * The keywords of a loaded file that the daemon accepts and does not act on
 * ({@code FILE:LINE: KEYWORD is accepted for compatibility but not implemented - ...}): what
 * {@code -t} prints and the daemon logs at start and on reload, so that nothing is ignored silently.
 */
final class NotImplementedKeywords {
    private NotImplementedKeywords() {
    }

    /** The lines for {@code configFile}, which {@code loaded} is the result of; none when nothing usable was loaded. */
    static List<UnimplementedKeyword> of(Path configFile, LoadOptions options, LoadResult loaded) {
        if (loaded.config().isEmpty()) {
            return List.of();
        }
        try {
            // read again for the keyword tree: its messages and notes were given by the load
            return UnimplementedKeywords.in(ConfigReader.read(configFile, options.configId(), new Diagnostics(),
                    options.readerOptions().withNotes(note -> { })));
        } catch (ConfigFatalException e) {
            return List.of();
        }
    }
}
