package io.javakeepalived.config.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.host.EveryProgramPresent;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;
import io.javakeepalived.testsupport.ShippedConfigs;
import io.javakeepalived.testsupport.SharedFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false positives: none of keepalived's sample configurations (shared/keepalived-samples, on
 * both host interface sets the exit-code test uses) and none of our examples (conf/) gets a
 * warning. The hosts have interfaces without addresses, as where keepalived was run on the
 * samples. The samples' scripts were not copied, so their host has every script they name
 * installed root-owned 0755; our examples get the scripts of scripts/examples where they name
 * them, as ExampleConfigsTest installs them.
 */
class NoWarningOnShippedConfigsTest {
    private static final String OTHER_HOST = "buildhost";
    private static final List<String> RECORDING_HOST = List.of("lo", "eth0");
    private static final List<String> FOUR_INTERFACES = List.of("lo", "eth0", "eth1", "eth2", "eth3", "eth0.1");

    static Stream<Arguments> samples() throws IOException {
        Path dir = SharedFiles.resolve("keepalived-samples");
        List<Arguments> all = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                continue;
            }
            String file = line.split("\t", -1)[0];
            all.add(Arguments.of(file, RECORDING_HOST));
            all.add(Arguments.of(file, FOUR_INTERFACES));
        }
        return all.stream();
    }

    static Stream<Path> examples() throws IOException {
        return ShippedConfigs.keepalived().stream();
    }

    private static Optional<KeepalivedConfig> asWritten(Path file, String configId, List<String> interfaces) {
        LoadResult r = ConfigLoader.load(file, new LoadOptions(configId, InterfaceDirectory.of(
                interfaces.toArray(String[]::new)), new EveryProgramPresent(), new FakeUsers(), ns -> false,
                ReaderOptions.defaults().withNotes(s -> { })));
        return r.config();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samples")
    void noSampleIsWarned(String file, List<String> interfaces) {
        Optional<KeepalivedConfig> config = asWritten(SharedFiles.resolve("keepalived-samples/" + file), OTHER_HOST,
                interfaces);
        config.ifPresent(c -> {
            FakeFileSystem installed = FakeFileSystem.typicalHost();
            scripts(c).stream().map(ScriptCommand::program).filter(p -> p.startsWith("/"))
                    .forEach(p -> installed.file(p, 0, 0, 0755));
            List<ConfigWarning> ws = ConfigLint.check(c, new FakeNode().files(installed));
            assertTrue(ws.isEmpty(), () -> file + ":\n" + Lint.report(ws));
        });
    }

    @ParameterizedTest
    @MethodSource("examples")
    void noExampleIsWarned(Path conf) throws IOException {
        KeepalivedConfig c = asWritten(conf, "node", RECORDING_HOST).orElseThrow();
        FakeFileSystem installed = FakeFileSystem.typicalHost().dir("/etc/javakeepalived/scripts", 0, 0, 0755);
        try (Stream<Path> scripts = Files.list(Path.of("scripts/examples"))) {
            scripts.forEach(s -> installed.file("/etc/javakeepalived/scripts/" + s.getFileName(), 0, 0, 0755));
        }
        List<ConfigWarning> ws = ConfigLint.check(c, new FakeNode().files(installed));
        assertTrue(ws.isEmpty(), () -> conf + ":\n" + Lint.report(ws));
    }

    /** Every script the model names: track scripts and the notify hooks of instances and groups. */
    private static List<ScriptCommand> scripts(KeepalivedConfig c) {
        List<ScriptCommand> all = new ArrayList<>();
        c.scripts().stream().map(VrrpScript::script).forEach(all::add);
        c.instances().stream().map(VrrpInstance::notifyScripts).forEach(n -> hooks(n, all));
        c.syncGroups().forEach(g -> hooks(g.notifyScripts(), all));
        return all;
    }

    private static void hooks(NotifyScripts n, List<ScriptCommand> into) {
        Stream.of(n.master(), n.backup(), n.fault(), n.stop(), n.deleted(), n.generic(), n.masterRxLowerPriority())
                .flatMap(Optional::stream).forEach(into::add);
    }
}
