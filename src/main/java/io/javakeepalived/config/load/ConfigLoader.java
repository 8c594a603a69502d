package io.javakeepalived.config.load;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.bind.Binder;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.syntax.ConfigReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, binds and validates a keepalived.conf as keepalived 2.2.7 does, and never throws:
 * every problem ends up in the result's diagnostics, fatal ones with {@link LoadResult#fatal()}.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {
    }

    public static LoadResult load(Path file, LoadOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            List<ConfigNode> tree = ConfigReader.read(file, options.configId(), diagnostics, options.readerOptions());
            if (tree.isEmpty() && diagnostics.decidingKind() == ConfigErrorKind.FILE_NOT_FOUND) {
                return new LoadResult(Optional.empty(), diagnostics, false);
            }
            // one reading of the interfaces for the whole check, as keepalived reads them once
            Binder.Host host = new Binder.Host(options.interfaces().snapshot(), options.files(), options.users());
            Optional<String> namespace = configuredNamespace(tree);
            if (namespace.isPresent() && !options.namespaceExists().test(namespace.get())) {
                Binder.bindParentPass(tree, diagnostics, host);
                diagnostics.note(null, "Unable to set network namespace " + namespace.get() + " - exiting");
                return new LoadResult(Optional.empty(), diagnostics, false, namespace);
            }
            KeepalivedConfig config = Binder.bind(tree, diagnostics, host);
            return new LoadResult(Optional.of(config), diagnostics, false);
        } catch (ConfigFatalException e) {
            Diagnostic d = e.diagnostic();
            diagnostics.report(d.kind(), d.location(), d.message());
            return new LoadResult(Optional.empty(), diagnostics, true);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Internal error while checking '{}'", file, e);
            diagnostics.report(ConfigErrorKind.FATAL, null, "Internal error while checking '" + file + "' (" + e
                    + "), expected the checker to cope with any input - please report this");
            return new LoadResult(Optional.empty(), diagnostics, true);
        }
    }

    /** The first top-level net_namespace with a name, as keepalived keeps it. */
    private static Optional<String> configuredNamespace(List<ConfigNode> tree) {
        for (ConfigNode n : tree) {
            if (n.keyword().equals("net_namespace") && n.argCount() >= 1) {
                return Optional.of(n.arg(0));
            }
        }
        return Optional.empty();
    }
}
