package io.javakeepalived.config.load;

import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;
import io.javakeepalived.testsupport.ShippedConfigs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configs we ship for operators to copy pass {@code -t} cleanly on the host they are
 * written for: eth0 present, and the example scripts installed root-owned under
 * /etc/javakeepalived/scripts, where the configs name them.
 */
class ExampleConfigsTest {

    static Stream<Path> shippedConfigs() throws IOException {
        return ShippedConfigs.keepalived().stream();
    }

    private static FakeFileSystem hostWithExampleScripts() throws IOException {
        FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/etc/javakeepalived/scripts", 0, 0, 0755);
        try (Stream<Path> scripts = Files.list(Path.of("scripts/examples"))) {
            for (Path s : scripts.toList()) {
                fs.file("/etc/javakeepalived/scripts/" + s.getFileName(), 0, 0, 0755);
            }
        }
        return fs;
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void passesConfigTestWithoutAnyMessage(Path conf) throws IOException {
        LoadResult result = ConfigLoader.load(conf, new LoadOptions("node", InterfaceDirectory.of("lo", "eth0"),
                hostWithExampleScripts(), new FakeUsers(), ns -> true, ReaderOptions.defaults().withNotes(s -> { })));
        String report = result.diagnostics().all().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        assertEquals(0, result.exitCode(), report);
        assertTrue(result.diagnostics().isEmpty(), report);
        assertFalse(result.config().orElseThrow().instances().isEmpty(), conf + " defines a VRRP instance");
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void namesAMissingScriptWhenItIsNotInstalled(Path conf) throws IOException {
        LoadResult result = ConfigLoader.load(conf, new LoadOptions("node", InterfaceDirectory.of("lo", "eth0"),
                FakeFileSystem.typicalHost(), new FakeUsers(), ns -> true, ReaderOptions.defaults().withNotes(s -> { })));
        // The model drops a track script whose file is missing (as keepalived does), so ask the text.
        boolean hasTrackScript = Files.readString(conf).contains("vrrp_script");
        if (hasTrackScript) {
            assertEquals(ExitCodes.CONFIG_ERRORS, result.exitCode());
            assertTrue(result.diagnostics().all().stream().anyMatch(d -> d.message().contains("/etc/javakeepalived/scripts/")),
                    () -> result.diagnostics().all().toString());
        } else {
            assertEquals(ExitCodes.OK, result.exitCode(), () -> result.diagnostics().all().toString());
        }
    }
}
