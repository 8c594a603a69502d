package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What mehdy/keepalived-exporter (host mode, internal/types/host) asks the {@code keepalived}
 * command before it scrapes, answered by ours: {@code --signum=NAME} printed as a JSON integer
 * ({@code parseSigNum}), and {@code --version} containing {@code --enable-json}
 * ({@code HasJSONSignalSupport}, without which {@code --ka.json} exits).
 */
class ExporterCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    /** The exporter's CombinedOutput of a command. */
    private String combined() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionTellsTheExporterJsonDumpsWork() {
        assertEquals(0, run("--version"));
        assertTrue(combined().contains("--enable-json"), combined());
    }

    @Test
    void signumAnswersAreJsonIntegersTheExporterSends() {
        String[][] expected = {{"DATA", "10"}, {"STATS", "12"}, {"JSON", "36"}};
        for (String[] e : expected) {
            out.reset();
            assertEquals(0, run("--signum=" + e[0]));
            // Go's json.Unmarshal into int64: digits, surrounding white space allowed
            String text = out.toString(StandardCharsets.UTF_8).strip();
            assertTrue(text.matches("-?\\d+"), text);
            assertEquals(Long.parseLong(e[1]), Long.parseLong(text), e[0]);
        }
    }
}
