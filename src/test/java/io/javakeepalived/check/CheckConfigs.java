package io.javakeepalived.check;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configurations for the checker tests: /etc/k/{up,down,a,b}.sh are root-owned 0755. */
final class CheckConfigs {
    private CheckConfigs() {
    }

    static KeepalivedConfig load(String text) {
        try {
            Path f = Files.createTempFile("checkers-", ".conf");
            try {
                Files.writeString(f, text);
                FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755)
                        .file("/etc/k/up.sh", 0, 0, 0755).file("/etc/k/down.sh", 0, 0, 0755)
                        .file("/etc/k/a.sh", 0, 0, 0755).file("/etc/k/b.sh", 0, 0, 0755);
                LoadResult r = ConfigLoader.load(f, new LoadOptions("node", InterfaceDirectory.of("lo", "eth0"), fs,
                        new FakeUsers(), ns -> true, ReaderOptions.defaults().withNotes(s -> { })));
                return r.config().orElseThrow(() -> new AssertionError(r.diagnostics().all().toString()));
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
