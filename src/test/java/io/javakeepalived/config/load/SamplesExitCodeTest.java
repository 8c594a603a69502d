package io.javakeepalived.config.load;

import io.javakeepalived.config.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;
import io.javakeepalived.testsupport.SharedFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance test: for every sample keepalived 2.2.7 was run on, {@code -t} gives the exit
 * code recorded in shared/keepalived-samples/MANIFEST.tsv - on the recording host (interfaces
 * lo and eth0) and in the network namespace with eth0..eth3 and eth0.1.
 *
 * <p>The script checks depend on the host: keepalived.conf.vrrp.localcheck runs
 * {@code killall} by PATH, so whether it is a "script" (exit 6 without enable_script_security)
 * or "not found" (exit 5) depends on psmisc being installed. The recording host had it, so the
 * test injects a file system with /usr/bin/killall (root, 0755) and no user keepalived_script,
 * which makes the expected codes deterministic on any build machine.
 */
class SamplesExitCodeTest {

    private record Row(String file, int here, String netns) {
    }

    private static List<Row> manifest() throws IOException {
        Path dir = SharedFiles.resolve("keepalived-samples");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], Integer.parseInt(f[1].trim()), f[4].trim()));
        }
        return rows;
    }

    static Stream<Arguments> samples() throws IOException {
        return manifest().stream().map(r -> Arguments.of(r.file(), r.here(), r.netns()));
    }

    private static LoadOptions options(String configId, String... interfaces) {
        return new LoadOptions(configId, InterfaceDirectory.of(interfaces), FakeFileSystem.typicalHost(),
                new FakeUsers(), ns -> false, io.javakeepalived.config.syntax.ReaderOptions.defaults()
                .withNotes(s -> { }));
    }

    /** A config id that matches no {@code @ID} line in the samples (keepalived's default is the host name). */
    private static final String OTHER_HOST = "buildhost";

    @ParameterizedTest(name = "{0} here")
    @MethodSource("samples")
    void exitCodeOnRecordingHost(String file, int here, String netns) {
        Path path = SharedFiles.resolve("keepalived-samples/" + file);
        LoadResult r = ConfigLoader.load(path, options(OTHER_HOST, "lo", "eth0"));
        assertEquals(here, r.exitCode(), () -> file + ":\n" + report(r));
    }

    @ParameterizedTest(name = "{0} in netns")
    @MethodSource("samples")
    void exitCodeInNamespaceWithFourInterfaces(String file, int here, String netns) {
        Path path = SharedFiles.resolve("keepalived-samples/" + file);
        // column 5 of conditional_conf reads "5 (no -i); 0 with -i high|low": the number before the
        // comment is the no -i case, checked here; the -i cases are checked below.
        int expected = Integer.parseInt(netns.split(" ")[0]);
        LoadResult r = ConfigLoader.load(path, options(OTHER_HOST, "lo", "eth0", "eth1", "eth2", "eth3", "eth0.1"));
        assertEquals(expected, r.exitCode(), () -> file + ":\n" + report(r));
    }

    /**
     * With -i high or -i low the conditional sample configures {@code net_namespace high|low};
     * that namespace does not exist where keepalived was run, so it stopped right after reading
     * the global part and -t exited 0 silently (features report, section 0, NB3).
     */
    @Test
    void conditionalConfWithConfigIdEntersNoNamespaceAndExitsZero() {
        Path path = SharedFiles.resolve("keepalived-samples/keepalived.conf.conditional_conf");
        for (String id : List.of("high", "low")) {
            LoadResult r = ConfigLoader.load(path, options(id, "lo", "eth0", "eth1", "eth2", "eth3", "eth0.1"));
            assertEquals(0, r.exitCode(), () -> id + ":\n" + report(r));
            assertEquals(id, r.unenterableNamespace().orElseThrow());
            assertFalse(r.fatal());
        }
    }

    /**
     * MANIFEST: "without the net_namespace lines and with -i high: exit 5 'Disabling track script
     * check_VI_0 since not found/accessible' (script file missing)".
     */
    @Test
    void conditionalConfWithoutNamespaceLinesReportsTheMissingScript() throws IOException {
        Path sample = SharedFiles.resolve("keepalived-samples/keepalived.conf.conditional_conf");
        String text = Files.readString(sample, StandardCharsets.UTF_8).replaceAll("(?m)^@\\w+ net_namespace.*$", "");
        Path copy = Files.createTempFile("conditional", ".conf");
        try {
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            LoadResult r = ConfigLoader.load(copy, options("high", "lo", "eth0", "eth1", "eth2", "eth3", "eth0.1"));
            assertEquals(5, r.exitCode(), () -> report(r));
            org.junit.jupiter.api.Assertions.assertTrue(r.diagnostics().all().stream().anyMatch(d -> d.message()
                    .startsWith("Disabling track script check_VI_0 since not found/accessible")), () -> report(r));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The host dependency of the localcheck sample: without killall on PATH the scripts are "not found". */
    @Test
    void localcheckWithoutKillallIsOnlyAConfigError() {
        Path path = SharedFiles.resolve("keepalived-samples/keepalived.conf.vrrp.localcheck");
        LoadOptions noKillall = options(OTHER_HOST, "lo", "eth0", "eth1", "eth2", "eth3", "eth0.1")
                .withFiles(new FakeFileSystem().file("/bin/sh", 0, 0, 0755));
        LoadResult r = ConfigLoader.load(path, noKillall);
        assertEquals(5, r.exitCode(), () -> report(r));
        org.junit.jupiter.api.Assertions.assertTrue(r.diagnostics().all().stream().anyMatch(d -> d.message()
                .startsWith("Disabling track script chk_sshd since not found/accessible")), () -> report(r));
    }

    static String report(LoadResult r) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : r.diagnostics().all()) {
            sb.append("  ").append(d.kind()).append(' ').append(d).append('\n');
        }
        return sb.toString();
    }
}
