package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.testsupport.ConfigMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates the sample configurations at random (token edits, truncation, binary noise,
 * unbalanced braces and quotes, stray syntax features), and in one case out of ten reads
 * plain random bytes instead, and checks that the reader only ever
 * returns a tree or throws ConfigFatalException, and never fails inside.
 *
 * <p>Reproducible: the base seed is fixed unless {@code -Dreader.seed=N} is given, and a
 * failure names the seed of the failing case and keeps its input file. The first
 * {@value #MIN_CASES} cases run whatever the machine's load (a loaded machine is slower, not
 * less covered); the rest up to {@value #CASES} while the time budget lasts.
 */
class ReaderPropertyTest {
    /** Always run, however slow the machine: the cases every run covers, seed for seed. */
    private static final int MIN_CASES = 500;
    /** Run while the time budget lasts: more coverage where the machine allows it. */
    private static final int CASES = 3000;
    private static final long TIME_BUDGET_MILLIS = 12_000;

    @TempDir
    Path dir;

    @Test
    void readerCopesWithMutatedSamples() throws Exception {
        long baseSeed = Long.getLong("reader.seed", 20_240_601L);
        List<byte[]> samples = new ArrayList<>();
        for (Path sample : SamplesTest.samples()) {
            samples.add(Files.readAllBytes(sample));
        }
        Path input = dir.resolve("mutant.conf");
        long deadline = System.currentTimeMillis() + TIME_BUDGET_MILLIS;
        int cases = 0;
        for (; cases < CASES && (cases < MIN_CASES || System.currentTimeMillis() < deadline); cases++) {
            long seed = baseSeed + cases;
            Random random = new Random(seed);
            String text;
            if (random.nextInt(10) == 0) {
                text = ConfigMutations.junk(random);
            } else {
                text = new String(samples.get(random.nextInt(samples.size())), StandardCharsets.ISO_8859_1);
                int mutations = 1 + random.nextInt(6);
                for (int m = 0; m < mutations; m++) {
                    text = ConfigMutations.syntax(text, random);
                }
            }
            Files.write(input, text.getBytes(StandardCharsets.ISO_8859_1));
            String configId = switch (random.nextInt(3)) {
                case 0 -> "high";
                case 1 -> "low";
                default -> null;
            };
            check(input, configId, seed);
        }
        System.out.println("ReaderPropertyTest: " + cases + " cases from seed " + baseSeed);
    }

    private void check(Path input, String configId, long seed) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        ReaderOptions options = ReaderOptions.defaults().withRandomSeed(seed).withNotes(note -> { });
        try {
            List<ConfigNode> nodes = ConfigReader.read(input, configId, diagnostics, options,
                    new Limits(200_000, 2_000_000, 100));
            for (ConfigNode node : TestConfig.flatten(nodes)) {
                assertNotNull(node.location(), "seed " + seed);
                assertTrue(node.location().line() >= 1, "seed " + seed + ": " + node);
            }
        } catch (ConfigFatalException e) {
            assertFalse(e.getMessage().contains("Internal error"), failure(input, seed, e.getMessage()));
        } catch (Throwable t) {
            fail(failure(input, seed, t.toString()), t);
        }
        for (Diagnostic diagnostic : diagnostics.all()) {
            assertNotNull(diagnostic.message(), "seed " + seed);
        }
    }

    private String failure(Path input, long seed, String what) {
        try {
            Path kept = Files.createTempFile("reader-property-" + seed + "-", ".conf");
            Files.copy(input, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return "seed " + seed + " (rerun with -Dreader.seed=" + seed + "), input kept in " + kept + ": " + what;
        } catch (Exception e) {
            return "seed " + seed + " (rerun with -Dreader.seed=" + seed + "): " + what;
        }
    }
}
