package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --metrics-listen}: off unless given, ADDR:PORT checked before anything starts. */
class MetricsFlagTest {

    private static KeepalivedOptions parse(String... args) {
        KeepalivedOptions options = KeepalivedOptions.parse(args);
        assertEquals(List.of(), options.usageErrors);
        return options;
    }

    @Test
    void offByDefault() {
        assertNull(parse("-n").metricsListen);
    }

    @Test
    void addressAndPort() {
        KeepalivedOptions c = parse("-n", "--metrics-listen", "127.0.0.1:9650");
        assertEquals("127.0.0.1", c.metricsListen.getAddress().getHostAddress());
        assertEquals(9650, c.metricsListen.getPort());
        assertEquals(9165, parse("--metrics-listen=:9165").metricsListen.getPort());
    }

    @Test
    void aBadAddressIsAUsageErrorNamingTheFlag() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--metrics-listen", "localhost");
        String text = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(0, code);
        assertTrue(text.contains("--metrics-listen") && text.contains("expected ADDRESS:PORT"), text);
    }
}
