package io.javakeepalived.config.load;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.ConfigMutations;
import io.javakeepalived.testsupport.FakeUsers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the samples at random - words replaced by other keywords or odd values, parameters
 * dropped or added, lines deleted, duplicated or moved, braces added or lost - and checks that
 * the whole pipeline (reader, binder, validation, dump) never throws and always yields one of
 * keepalived's exit codes.
 *
 * <p>Reproducible: the base seed is fixed unless {@code -Dloader.seed=N} is given; a failure
 * names the seed of the failing case and keeps its input. The first {@value #MIN_CASES} cases
 * run whatever the machine's load (a loaded machine is slower, not less covered); the rest up to
 * {@value #CASES} while the time budget lasts.
 */
class LoaderPropertyTest {
    /** Always run, however slow the machine: the cases every run covers, seed for seed. */
    private static final int MIN_CASES = 300;
    /** Run while the time budget lasts: more coverage where the machine allows it. */
    private static final int CASES = 2500;
    private static final long TIME_BUDGET_MILLIS = 20_000;
    static final Set<Integer> EXIT_CODES = Set.of(0, 2, 4, 5, 6);

    @TempDir
    Path dir;

    @Test
    void loaderNeverThrowsOnMutatedSamples() throws Exception {
        long baseSeed = Long.getLong("loader.seed", 20_260_101L);
        List<String> samples = ConfigMutations.samples();
        Path input = dir.resolve("mutant.conf");
        long deadline = System.currentTimeMillis() + TIME_BUDGET_MILLIS;
        int cases = 0;
        for (; cases < CASES && (cases < MIN_CASES || System.currentTimeMillis() < deadline); cases++) {
            long seed = baseSeed + cases;
            Random random = new Random(seed);
            String text = samples.get(random.nextInt(samples.size()));
            int mutations = 1 + random.nextInt(8);
            for (int m = 0; m < mutations; m++) {
                text = ConfigMutations.words(text, random);
            }
            Files.writeString(input, text, StandardCharsets.ISO_8859_1);
            LoadOptions options = randomHost(random, seed);
            try {
                LoadResult r = ConfigLoader.load(input, options);
                int code = r.exitCode();
                if (!EXIT_CODES.contains(code)) {
                    keep(input, seed);
                    fail("seed " + seed + ": exit code " + code + " is not one of keepalived's");
                }
                if (r.fatal() && r.config().isPresent()) {
                    keep(input, seed);
                    fail("seed " + seed + ": fatal result with a model");
                }
                r.config().ifPresent(ConfigDump::render);
                for (Diagnostic d : r.diagnostics().all()) {
                    if (d.kind() == ConfigErrorKind.FATAL && d.message().startsWith("Internal error")) {
                        keep(input, seed);
                        fail("seed " + seed + ": " + d);
                    }
                }
            } catch (RuntimeException | Error e) {
                Path kept = keep(input, seed);
                throw new AssertionError("seed " + seed + " (input kept in " + kept + "): " + e, e);
            }
        }
        System.out.println("LoaderPropertyTest: " + cases + " cases from seed " + baseSeed);
    }

    /**
     * A host drawn at random: two or six interfaces, scripts on an in-memory file system, with or
     * without the keepalived_script user, a config id, namespaces that exist or not.
     */
    static LoadOptions randomHost(Random random, long readerSeed) {
        String[] ifs = random.nextBoolean() ? new String[] {"lo", "eth0"}
                : new String[] {"lo", "eth0", "eth1", "eth2", "eth3", "eth0.1"};
        FakeFileSystem fs = FakeFileSystem.typicalHost().file("/bin/true", 0, 0, 0755)
                .file("/tmp/insecure.sh", 1000, 1000, 0777);
        FakeUsers users = new FakeUsers();
        if (random.nextBoolean()) {
            users.user("keepalived_script", 999, 999);
        }
        return new LoadOptions(random.nextBoolean() ? "high" : "other",
                InterfaceDirectory.of(ifs), fs, users, ns -> random.nextBoolean(),
                ReaderOptions.defaults().withRandomSeed(readerSeed).withNotes(s -> { }));
    }

    private static Path keep(Path input, long seed) throws IOException {
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "loader-property-" + seed + ".conf");
        Files.copy(input, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }
}
