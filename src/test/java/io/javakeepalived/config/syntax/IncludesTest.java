package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** include and its variants, the main file, and file:line on nodes. */
class IncludesTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
    }

    private String path(String relative) {
        return dir.resolve(relative).toString();
    }

    @Test
    void includeGlobIsRelativeToTheIncludingFileAndKeepsFileAndLine() throws Exception {
        config.write("keepalived.conf",
                "global_defs {",
                "  router_id main",
                "}",
                "include conf.d/*.conf",
                "vrrp_instance LAST {",
                "}");
        config.write("conf.d/b.conf",
                "vrrp_instance B {",
                "  include inst/b-*.conf",
                "}");
        config.write("conf.d/a.conf",
                "! first file by name",
                "vrrp_instance A {",
                "}");
        config.write("conf.d/inst/b-1.conf",
                "",
                "  priority 100");
        config.write("conf.d/ignored.txt", "not included");
        List<ConfigNode> nodes = config.read("keepalived.conf");
        assertEquals("""
                global_defs {
                  router_id main
                }
                vrrp_instance A {
                }
                vrrp_instance B {
                  priority 100
                }
                vrrp_instance LAST {
                }
                """, TestConfig.dump(nodes));
        assertEquals(new SourceLocation(path("keepalived.conf"), 1), nodes.get(0).location());
        assertEquals(new SourceLocation(path("conf.d/a.conf"), 2), nodes.get(1).location());
        assertEquals(new SourceLocation(path("conf.d/b.conf"), 1), nodes.get(2).location());
        assertEquals(new SourceLocation(path("conf.d/inst/b-1.conf"), 2), nodes.get(2).children().get(0).location());
        assertEquals(new SourceLocation(path("keepalived.conf"), 5), nodes.get(3).location());
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void includeWithCshBracesAndAbsolutePath() throws Exception {
        config.write("x.conf", "x_line");
        config.write("y/z.conf", "z_line");
        config.write("y/w.conf", "w_line");
        config.write("keepalived.conf",
                "include {x,y/{w,z}}.conf",
                "include " + dir.resolve("x.conf"));
        List<ConfigNode> nodes = config.read("keepalived.conf");
        assertEquals("""
                x_line
                w_line
                z_line
                x_line
                """, TestConfig.dump(nodes));
        assertEquals(path("y/w.conf"), nodes.get(1).location().file());
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void missingPlainIncludeIsOnlyANote() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "include does-not-exist.conf",
                "include nothing/*.conf",
                "global_defs {",
                "}");
        assertEquals(1, nodes.size());
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
        assertEquals(2, config.notes.size(), config.notes.toString());
        assertTrue(config.notes.get(0).startsWith(path("keepalived.conf") + ":1: "), config.notes.get(0));
        assertTrue(config.notes.get(0).contains("does-not-exist.conf"), config.notes.get(0));
    }

    @Test
    void includeVariantsTurnMissingFilesIntoErrors() throws Exception {
        config.write("present.conf", "present");
        config.readLines(
                "includem missing.conf",
                "includew none-*.conf",
                "includeb {present,absent}.conf",
                "includer present.conf",
                "includea present.conf");
        List<Diagnostic> missing = config.problems(ConfigErrorKind.FILE_NOT_FOUND);
        assertEquals(3, missing.size(), config.diagnostics.all().toString());
        assertEquals(new SourceLocation(path("keepalived.conf"), 1), missing.get(0).location());
        assertTrue(missing.get(0).message().contains("'missing.conf'"), missing.get(0).message());
        assertEquals(2, missing.get(1).location().line());
        assertEquals(3, missing.get(2).location().line());
    }

    @Test
    void bracePartlyMissingStillReadsWhatExistsWithoutBraceCheck() throws Exception {
        config.write("present.conf", "present");
        List<ConfigNode> nodes = config.readLines("include {present,absent}.conf");
        assertEquals("present\n", TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty());
    }

    @Test
    void includeCheckInGlobalDefsAppliesToLaterIncludes() throws Exception {
        config.readLines(
                "include missing-1.conf",
                "global_defs {",
                "  include_check",
                "}",
                "include missing-2.conf");
        List<Diagnostic> missing = config.problems(ConfigErrorKind.FILE_NOT_FOUND);
        assertEquals(1, missing.size(), config.diagnostics.all().toString());
        assertEquals(5, missing.get(0).location().line());
    }

    @Test
    void unreadableOrExecutableIncludesAreSkipped() throws Exception {
        Path script = config.write("script.conf", "from_executable");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("subdir.conf"));
        List<ConfigNode> nodes = config.readLines(
                "includer script.conf",
                "includer subdir.conf",
                "include script.conf",
                "after");
        assertEquals("after\n", TestConfig.dump(nodes));
        List<Diagnostic> missing = config.problems(ConfigErrorKind.FILE_NOT_FOUND);
        assertEquals(2, missing.size(), config.diagnostics.all().toString());
        assertTrue(missing.get(0).message().contains("expected a regular non-executable file"), missing.get(0).message());
        assertTrue(missing.get(1).message().contains("is a directory"), missing.get(1).message());
    }

    @Test
    @Timeout(10)
    void includeLoopsAreReportedAndDoNotHang() throws Exception {
        config.write("a.conf", "in_a", "include b.conf");
        config.write("b.conf", "in_b", "include a.conf", "include self.conf");
        config.write("self.conf", "in_self", "include self.conf");
        config.write("keepalived.conf", "include a.conf", "include keepalived.conf", "end");
        List<ConfigNode> nodes = config.read("keepalived.conf");
        assertEquals("""
                in_a
                in_b
                in_self
                end
                """, TestConfig.dump(nodes));
        List<Diagnostic> loops = config.problems(ConfigErrorKind.GENERAL_ERROR);
        assertEquals(3, loops.size(), config.diagnostics.all().toString());
        assertEquals(new SourceLocation(path("b.conf"), 2), loops.get(0).location());
        assertTrue(loops.get(0).message().startsWith("Include loop: '" + path("a.conf") + "' is already being read"),
                loops.get(0).message());
    }

    @Test
    @Timeout(10)
    void includeDepthIsLimited() throws Exception {
        for (int i = 0; i < 40; i++) {
            config.write("d" + i + ".conf", "level" + i, "include d" + (i + 1) + ".conf");
        }
        config.write("d40.conf", "level40");
        List<ConfigNode> nodes = config.read("d0.conf");
        assertEquals(Includes.MAX_DEPTH, nodes.size());
        List<Diagnostic> errors = config.problems(ConfigErrorKind.GENERAL_ERROR);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("Includes nested too deep"), errors.get(0).message());
    }

    @Test
    void missingMainFileIsReportedWithTheReason() throws Exception {
        List<ConfigNode> nodes = config.read("nope.conf");
        assertTrue(nodes.isEmpty());
        List<Diagnostic> all = config.diagnostics.all();
        assertEquals(1, all.size());
        assertEquals(ConfigErrorKind.FILE_NOT_FOUND, all.get(0).kind());
        assertNull(all.get(0).location());
        assertEquals("Configuration file '" + path("nope.conf") + "' cannot be opened: No such file or directory",
                all.get(0).message());
    }

    @Test
    void mainFileThatIsADirectoryIsReported() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        assertTrue(config.read("conf").isEmpty());
        Diagnostic only = config.diagnostics.all().get(0);
        assertEquals(ConfigErrorKind.FILE_NOT_FOUND, only.kind());
        assertTrue(only.message().startsWith("Configuration file '" + path("conf") + "' cannot be opened: Is a directory"),
                only.message());
    }

    @Test
    void blocksMaySpanFiles() throws Exception {
        config.write("inst.conf", "  priority 100", "}");
        List<ConfigNode> nodes = config.readLines("vrrp_instance VI_1 {", "include inst.conf");
        assertEquals("""
                vrrp_instance VI_1 {
                  priority 100
                }
                """, TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty());
    }
}
