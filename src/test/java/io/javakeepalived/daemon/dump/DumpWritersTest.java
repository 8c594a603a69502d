package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.javakeepalived.testsupport.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The three dumps of the sample snapshot against keepalived 2.2.7's own files. */
class DumpWritersTest {

    static String sample(String name) throws IOException {
        return Files.readString(SharedFiles.resolve("reference/keepalived-runs/" + name), StandardCharsets.UTF_8);
    }

    /** keepalived's global section minus the two nftables build lines javakeepalived leaves out. */
    static String withoutNftables(String text) {
        return text.replace(" nftables without counters\n", "").replace(" libnftnl version 1.2.3\n", "");
    }

    @Test
    void statsEqualTheSampleExactly() throws IOException {
        assertEquals(sample("keepalived.stats.sample"), StatsDumpWriter.render(SampleSnapshot.snapshot()));
    }

    @Test
    void jsonEqualsTheSampleExactly() throws IOException {
        assertEquals(sample("keepalived.json.sample"), JsonDumpWriter.render(SampleSnapshot.snapshot()));
    }

    @Test
    void dataEqualsTheSampleButForNftablesLines() throws IOException {
        String expected = withoutNftables(sample("keepalived.data.sample"));
        assertFalse(expected.contains("nftables"));
        assertEquals(expected, DataDumpWriter.render(SampleSnapshot.snapshot(), ZoneOffset.UTC));
    }

    @Test
    void parentDataEqualsTheSampleButForNftablesLines() throws IOException {
        assertEquals(withoutNftables(sample("keepalived_parent.data.sample")),
                DataDumpWriter.renderParent(SampleSnapshot.parentGlobals()));
    }
}
