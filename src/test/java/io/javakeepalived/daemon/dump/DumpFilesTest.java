package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.ConfigFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpFilesTest {

    @TempDir
    Path dir;

    @Test
    void directoryIsAbsoluteTmpdirElseTmp() {
        assertEquals(Path.of("/var/tmp/ka"), DumpFiles.directoryFor(Map.of("TMPDIR", "/var/tmp/ka")));
        assertEquals(Path.of("/tmp"), DumpFiles.directoryFor(Map.of("TMPDIR", "relative/dir")));
        assertEquals(Path.of("/tmp"), DumpFiles.directoryFor(Map.of("TMPDIR", "")));
        assertEquals(Path.of("/tmp"), DumpFiles.directoryFor(Map.of()));
    }

    @Test
    void filesAreMode0600WithKeepalivedsNamesAndNoLeftovers() throws Exception {
        DumpFiles files = new DumpFiles(dir);
        VrrpStateSnapshot s = SampleSnapshot.snapshot();
        Path data = files.writeData(s);
        Path stats = files.writeStats(s);
        Path json = files.writeJson(s).orElseThrow();
        Path parent = files.writeParentData(SampleSnapshot.parentGlobals());
        assertEquals(dir.resolve("keepalived.data"), data);
        assertEquals(dir.resolve("keepalived.stats"), stats);
        assertEquals(dir.resolve("keepalived.json"), json);
        assertEquals(dir.resolve("keepalived_parent.data"), parent);
        for (Path p : List.of(data, stats, json, parent)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals(StatsDumpWriter.render(s), Files.readString(stats));
        assertEquals(JsonDumpWriter.render(s), Files.readString(json));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(4, all.count(), "no temporary files left");
        }
    }

    @Test
    void rewriteReplacesASymlinkInsteadOfFollowingIt() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "keep me");
        Files.createSymbolicLink(dir.resolve("keepalived.stats"), victim);
        new DumpFiles(dir).writeStats(SampleSnapshot.snapshot());
        assertEquals("keep me", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(dir.resolve("keepalived.stats")));
    }

    @Test
    void noJsonWithoutInstances() throws Exception {
        VrrpStateSnapshot empty = VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of());
        assertEquals(Optional.empty(), new DumpFiles(dir).writeJson(empty));
        assertFalse(Files.exists(dir.resolve("keepalived.json")));
        assertEquals("", StatsDumpWriter.render(empty));
    }

    private static ConfiguredGlobals globals(String text) {
        return ConfiguredGlobals.of(ConfigFixture.model(ConfigFixture.load0(text)));
    }

    @Test
    void dataUseInstanceNames() {
        String use = "global_defs {\n    data_use_instance\n}\n";
        assertEquals("keepalived.i1.data", DumpFiles.instanceName("keepalived.data", globals("instance i1\n" + use)));
        assertEquals("keepalived.ns_i1.data",
                DumpFiles.instanceName("keepalived.data", globals("net_namespace ns\ninstance i1\n" + use)));
        assertEquals("keepalived.ns.data", DumpFiles.instanceName("keepalived.data",
                globals("net_namespace ns\n" + use)));
        assertEquals("keepalived.data", DumpFiles.instanceName("keepalived.data", globals("instance i1\n")));
    }

    @Test
    void refusesPathsAsNames() throws IOException {
        // a directory of our own one level down: /tmp/x may exist for reasons of its own
        Path dumps = Files.createDirectory(dir.resolve("dumps"));
        assertThrows(IllegalArgumentException.class, () -> new DumpFiles(dumps).write("../x", "y"));
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
