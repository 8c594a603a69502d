package io.javakeepalived.track;

import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configurations for the tracking tests: eth0, eth1, eth2 exist, /etc/k/*.sh are root-owned 0755. */
final class TrackingConfigs {
    private TrackingConfigs() {
    }

    static KeepalivedConfig load(String text) {
        try {
            Path f = Files.createTempFile("tracking-", ".conf");
            try {
                Files.writeString(f, text);
                FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755)
                        .file("/etc/k/a.sh", 0, 0, 0755).file("/etc/k/b.sh", 0, 0, 0755)
                        .file("/etc/k/c.sh", 0, 0, 0755);
                LoadResult r = ConfigLoader.load(f, new LoadOptions("node", InterfaceDirectory.of("lo", "eth0", "eth1",
                        "eth2"), fs, new FakeUsers(), ns -> true, ReaderOptions.defaults().withNotes(s -> { })));
                return r.config().orElseThrow(() -> new AssertionError(r.diagnostics().all().toString()));
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String script(String name, String file, String extra) {
        return "vrrp_script " + name + " {\n script \"/etc/k/" + file + "\"\n" + extra + "}\n";
    }

    static String instance(String name, int vrid, int prio, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n priority " + prio
                + "\n virtual_ipaddress {\n  10.0.0." + vrid + "/24\n }\n" + extra + "}\n";
    }
}
