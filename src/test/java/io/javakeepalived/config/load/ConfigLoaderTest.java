package io.javakeepalived.config.load;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade the CLI calls. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private LoadOptions options(boolean namespaces) {
        return new LoadOptions("host1", InterfaceDirectory.of("lo", "eth0"), new FakeFileSystem(), new FakeUsers(),
                ns -> namespaces, ReaderOptions.defaults().withNotes(s -> { }));
    }

    @Test
    void missingFileCannotRun() {
        LoadResult r = ConfigLoader.load(dir.resolve("absent.conf"), options(true));
        assertEquals(4, r.exitCode());
        assertTrue(r.config().isEmpty());
        assertFalse(r.fatal());
    }

    @Test
    void emptyFileIsFine() throws IOException {
        Path f = Files.writeString(dir.resolve("k.conf"), "! nothing\n");
        LoadResult r = ConfigLoader.load(f, options(true));
        assertEquals(0, r.exitCode());
        assertTrue(r.config().isPresent());
        assertTrue(r.config().get().vrrpRunnable());
    }

    @Test
    void namespaceThatCannotBeEnteredStopsAfterTheGlobalPart() throws IOException {
        Path f = Files.writeString(dir.resolve("k.conf"), "net_namespace blue\nvrrp_instance VI_1 {\n priority\n"
                + " bogus\n}\n");
        LoadResult r = ConfigLoader.load(f, options(false));
        assertEquals(0, r.exitCode(), "keepalived -t exits 0 silently");
        assertEquals(Optional.of("blue"), r.unenterableNamespace());
        assertTrue(r.config().isEmpty());
        assertTrue(r.diagnostics().notes().stream().anyMatch(n -> n.contains("Unable to set network namespace blue")));
        LoadResult inside = ConfigLoader.load(f, options(true));
        assertEquals(2, inside.exitCode(), "where it exists the whole file is read: the bare priority is fatal");
    }

    @Test
    void fatalInTheGlobalPartIsFatalEvenWithoutNamespace() throws IOException {
        Path f = Files.writeString(dir.resolve("k.conf"), "net_namespace blue\nglobal_defs {\n vrrp_version\n}\n");
        LoadResult r = ConfigLoader.load(f, options(false));
        assertTrue(r.fatal());
        assertEquals(2, r.exitCode());
    }

    @Test
    void fatalResultKeepsEarlierDiagnosticsAndTheFatalOneLast() {
        LoadResult r = ConfigFixture.load0("bogus\nvrrp_instance VI_1 {\n state\n}\n");
        assertTrue(r.fatal());
        assertEquals(ExitCodes.FATAL_PARSE, r.exitCode());
        assertEquals(ConfigErrorKind.UNKNOWN_KEYWORD, r.diagnostics().all().get(0).kind());
        Diagnostic last = r.diagnostics().all().get(r.diagnostics().all().size() - 1);
        assertEquals(3, last.location().line());
        assertTrue(last.message().contains("keyword 'state' is missing its parameter, expected MASTER or BACKUP"));
    }

    @Test
    void defaultsAreUsableOnThisHost() {
        LoadOptions d = LoadOptions.defaults();
        assertTrue(d.configId() == null || !d.configId().contains("."));
        assertEquals("x", d.withConfigId("x").configId());
    }

    @Test
    void threeArgumentResultHasNoNamespace() {
        LoadResult r = new LoadResult(Optional.empty(), new Diagnostics(), false);
        assertEquals(0, r.exitCode());
        assertTrue(r.unenterableNamespace().isEmpty());
    }
}
