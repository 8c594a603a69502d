package io.javakeepalived.daemon.dump;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.bind.Binder;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.TopLevel;
import java.util.List;
import java.util.Objects;

/**
 * The parts of the configuration model that keepalived's {@code Global definitions} dump
 * section reads: {@code global_defs} and the top-level keywords ({@code net_namespace},
 * {@code instance}). No copy of their values: {@link GlobalsSection} formats the model itself.
 */
public record ConfiguredGlobals(TopLevel topLevel, GlobalDefs defs) {

    public ConfiguredGlobals {
        Objects.requireNonNull(topLevel, "topLevel");
        Objects.requireNonNull(defs, "defs");
    }

    public static ConfiguredGlobals of(KeepalivedConfig config) {
        return new ConfiguredGlobals(config.topLevel(), config.global());
    }

    /**
     * keepalived 2.2.7's defaults, as an empty keepalived.conf binds them: the binder is the one
     * place that knows them, so they are not written down a second time here.
     */
    public static ConfiguredGlobals defaults() {
        return Defaults.VALUE;
    }

    /** {@code data_use_instance}: the dump file names carry the namespace and instance name. */
    public boolean dataUseInstance() {
        return defs.otherSettings().containsKey("data_use_instance");
    }

    private static final class Defaults {
        // an empty tree consults no interface, file or user
        static final ConfiguredGlobals VALUE = bindEmpty();

        private static ConfiguredGlobals bindEmpty() {
            try {
                return of(Binder.bind(List.of(), new Diagnostics(), new Binder.Host(InterfaceDirectory.of(new String[0]),
                        FileSystemView.system(), UserDirectory.system())));
            } catch (ConfigFatalException e) {
                throw new IllegalStateException("an empty configuration does not bind", e);
            }
        }
    }
}
