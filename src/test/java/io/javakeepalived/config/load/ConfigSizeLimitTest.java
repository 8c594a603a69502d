package io.javakeepalived.config.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.ExitCodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is refused, with FILE:LINE and no stack trace, once its text passes what
 * the daemon's heap can hold twice (running plus reloading): an {@code include *} that matches
 * a stray big file, or a ~SEQ that generates megabytes, must not run the daemon out of memory.
 */
class ConfigSizeLimitTest {
    @TempDir
    Path dir;

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                state BACKUP
                interface lo
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.10/24
                }
            }
            """;

    private LoadResult load(String main) throws Exception {
        Path file = dir.resolve("keepalived.conf");
        Files.writeString(file, main);
        return ConfigLoader.load(file, LoadOptions.defaults().withConfigId("test"));
    }

    private static Diagnostic fatal(LoadResult r) {
        List<Diagnostic> fatal = r.diagnostics().all().stream().filter(d -> d.kind() == ConfigErrorKind.FATAL).toList();
        assertEquals(1, fatal.size(), () -> r.diagnostics().all().toString());
        return fatal.get(0);
    }

    @Test
    void aStrayBigFileAnIncludeGlobMatchesIsRefusedAtTheIncludeLine() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/a.conf"), "! nothing\n");
        Files.write(dir.resolve("conf.d/core.dump"), new byte[20 * 1024 * 1024]);
        LoadResult r = load(INSTANCE + "include conf.d/*\n");
        assertTrue(r.fatal());
        assertEquals(ExitCodes.FATAL_PARSE, r.exitCode());
        assertFalse(r.config().isPresent());
        Diagnostic d = fatal(r);
        assertEquals(dir.resolve("keepalived.conf") + ":10", d.location().toString());
        assertTrue(d.message().startsWith("Configuration file '" + dir.resolve("conf.d/core.dump")
                + "' is 20.0 MiB"), d.message());
        assertTrue(d.message().contains("expected at most 2.0 MiB of configuration in all"), d.message());
    }

    @Test
    void aMainFileLargerThanTheLimitIsRefused() throws Exception {
        LoadResult r = load(INSTANCE + "!" + "x".repeat(3 * 1024 * 1024) + "\n");
        assertTrue(r.fatal());
        assertTrue(fatal(r).message().contains("is 3.0 MiB"), fatal(r).message());
    }

    @Test
    void aSequenceThatGeneratesMegabytesStopsTheReadAtItsLine() throws Exception {
        LoadResult r = load("""
                vrrp_instance VI_1 {
                    state BACKUP
                    interface lo
                    virtual_router_id 51
                    virtual_ipaddress {
                ~SEQ(i, 0, 9999999) 10.${i}.0.1/32 dev lo label lo:some-long-label-to-make-it-big
                    }
                }
                """);
        assertTrue(r.fatal());
        Diagnostic d = fatal(r);
        assertEquals(dir.resolve("keepalived.conf") + ":6", d.location().toString());
        assertTrue(d.message().startsWith("The configuration is larger than 2.0 MiB"), d.message());
    }

    @Test
    void manyFilesTogetherPastTheLimitAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        String block = "! " + "y".repeat(600 * 1024) + "\n";
        for (int i = 0; i < 4; i++) {
            Files.writeString(dir.resolve("conf.d/" + i + ".conf"), block);
        }
        LoadResult r = load(INSTANCE + "include conf.d/*.conf\n");
        assertTrue(r.fatal());
        assertTrue(fatal(r).message().contains("were read before it"), fatal(r).message());
    }

    @Test
    void aLargeButSaneConfigurationLoads() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append(INSTANCE.replace("VI_1", "VI_" + i).replace("51", Integer.toString(i % 255 + 1))
                    .replace("192.0.2.10", "10.1." + (i / 250) + "." + (i % 250 + 1)));
        }
        LoadResult r = load(b.toString());
        assertFalse(r.fatal(), () -> r.diagnostics().all().toString());
        assertTrue(r.config().orElseThrow().instances().size() > 1900);
    }
}
