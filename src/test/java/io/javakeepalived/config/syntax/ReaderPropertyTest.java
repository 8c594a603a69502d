package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;
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
 * failure names the seed of the failing case and keeps its input file.
 */
class ReaderPropertyTest {
    private static final int CASES = 3000;
    private static final long TIME_BUDGET_MILLIS = 12_000;
    private static final String[] FEATURES = {
        "{", "}", "{ ", " }", "\"", "'", "\\", "!", "#", "\\\"", "$X=", "$X=$X", "$M=\\\n", "${X}", "$X ", "${_RANDOM 9 2}",
        "${_PWD}", "@high ", "@^low ", "~SEQ(i, 1, 4) ", "~SEQx(i, 3) $i", "~LST({a,b},{1,2},{3}) ", "~LST(", "~SEQ(",
        "include mutant.conf", "include *", "includea {x,y}.conf", "includer /", "\ninclude_check\n", "\n", "\r\n",
        "\0", "\u00ff\u00fe", "\t", "$", "@", "~",
    };

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
        for (; cases < CASES && System.currentTimeMillis() < deadline; cases++) {
            long seed = baseSeed + cases;
            Random random = new Random(seed);
            String text;
            if (random.nextInt(10) == 0) {
                text = junk(random);
            } else {
                text = new String(samples.get(random.nextInt(samples.size())), StandardCharsets.ISO_8859_1);
                int mutations = 1 + random.nextInt(6);
                for (int m = 0; m < mutations; m++) {
                    text = mutate(text, random);
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
        assertTrue(cases >= 500, "only " + cases + " cases ran within the time budget");
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

    /** Random bytes, half of the time biased towards the characters the syntax cares about. */
    static String junk(Random random) {
        int length = random.nextInt(random.nextBoolean() ? 200 : 40_000);
        boolean biased = random.nextBoolean();
        String syntax = "{}\"'\\!#$@~ \t\n\r\0=(),SEQLSTinclude_{}";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(biased && random.nextInt(3) > 0
                    ? syntax.charAt(random.nextInt(syntax.length()))
                    : (char) random.nextInt(256));
        }
        return out.toString();
    }

    /** One random edit of the text (characters stand for bytes: ISO-8859-1). */
    static String mutate(String text, Random random) {
        List<int[]> tokens = tokens(text);
        int choice = random.nextInt(9);
        if (tokens.isEmpty() || choice == 8) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + FEATURES[random.nextInt(FEATURES.length)] + text.substring(at);
        }
        int[] a = tokens.get(random.nextInt(tokens.size()));
        int[] b = tokens.get(random.nextInt(tokens.size()));
        String tokenA = text.substring(a[0], a[1]);
        switch (choice) {
            case 0: // delete a token
                return text.substring(0, a[0]) + text.substring(a[1]);
            case 1: // duplicate a token
                return text.substring(0, a[1]) + " " + tokenA + text.substring(a[1]);
            case 2: { // swap two tokens
                if (a[0] == b[0]) {
                    return text;
                }
                int[] first = a[0] < b[0] ? a : b;
                int[] second = a[0] < b[0] ? b : a;
                if (first[1] > second[0]) {
                    return text;
                }
                return text.substring(0, first[0]) + text.substring(second[0], second[1])
                        + text.substring(first[1], second[0]) + text.substring(first[0], first[1])
                        + text.substring(second[1]);
            }
            case 3: // truncate
                return text.substring(0, random.nextInt(text.length() + 1));
            case 4: { // binary noise
                StringBuilder noise = new StringBuilder();
                int length = 1 + random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    noise.append((char) random.nextInt(256));
                }
                int at = random.nextInt(text.length() + 1);
                return text.substring(0, at) + noise + text.substring(at);
            }
            case 5: { // unbalance a brace or a quote
                String[] marks = {"{", "}", "\"", "'", "{{", "}}"};
                int at = random.nextBoolean() ? a[0] : a[1];
                return text.substring(0, at) + marks[random.nextInt(marks.length)] + text.substring(at);
            }
            case 6: { // remove a brace or quote
                int at = indexOfAny(text, "{}\"'", random.nextInt(text.length() + 1));
                return at < 0 ? text : text.substring(0, at) + text.substring(at + 1);
            }
            default: { // flip one byte
                if (text.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(text.length());
                return text.substring(0, at) + (char) random.nextInt(256) + text.substring(at + 1);
            }
        }
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** [start, end) of each run of non-whitespace. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new int[] {start, i});
            }
        }
        return tokens;
    }
}
