package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The keepalived sample configurations in shared/keepalived-samples. */
class SamplesTest {

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SharedFiles.resolve("keepalived-samples"))) {
            List<Path> all = files.filter(f -> !f.getFileName().toString().equals("MANIFEST.tsv")).sorted().toList();
            assertTrue(all.size() >= 20, "expected the keepalived samples, found " + all);
            return all;
        }
    }

    @Test
    void everySampleReadsWithoutExceptionAndOnlyTheTemplateHasSyntaxProblems() throws Exception {
        for (Path sample : samples()) {
            for (String configId : Arrays.asList("high", "low", "other", null)) {
                Diagnostics diagnostics = new Diagnostics();
                List<ConfigNode> nodes = ConfigReader.read(sample, configId, diagnostics);
                assertFalse(nodes.isEmpty(), sample.toString());
                for (ConfigNode node : TestConfig.flatten(nodes)) {
                    assertEquals(sample.toString(), node.location().file(), node.toString());
                    assertTrue(node.location().line() >= 1, node.toString());
                }
                if (sample.getFileName().toString().endsWith(".j2")) {
                    // a Jinja2 template: {% ... %} and {{ ... }} are stray braces to keepalived too
                    assertTrue(diagnostics.all().stream()
                            .allMatch(d -> d.kind() == ConfigErrorKind.UNEXPECTED_BLOCK_START), diagnostics.all()
                            .toString());
                    assertFalse(diagnostics.isEmpty());
                } else {
                    assertTrue(diagnostics.isEmpty(), sample + ": " + diagnostics.all());
                }
            }
        }
    }

    @Test
    void vrrpSampleTree() throws Exception {
        List<ConfigNode> nodes = ConfigReader.read(SharedFiles.resolve("keepalived-samples/keepalived.conf.vrrp.scripts"),
                "other", new Diagnostics());
        assertEquals("""
                vrrp_sync_group G1 {
                  group {
                    VI_2
                    VI_3
                  }
                  notify_backup </usr/local/bin/vrrp.back arg1 arg2>
                  notify_master </usr/local/bin/vrrp.mast arg1 arg2>
                  notify_fault </usr/local/bin/vrrp.fault arg1 arg2>
                }
                """, TestConfig.dump(nodes.subList(0, 1)));
        ConfigNode instance = nodes.get(1);
        assertEquals(List.of("vrrp_instance", "VI_1"), instance.words());
        assertEquals(16, instance.location().line());
        assertEquals(List.of("notify_backup", "/usr/local/bin/vrrp.sh  BACKUP   VI_1"),
                instance.children().get(8).words());
    }

    @Test
    void conditionalSampleKeepsTheLinesOfTheConfigId() throws Exception {
        Path sample = SharedFiles.resolve("keepalived-samples/keepalived.conf.conditional_conf");
        assertEquals("""
                net_namespace high
                vrrp_script check_VI_0 {
                  script /etc/keepalived/scripts/check_high_VI_0.sh
                  interval 1
                  timeout 10
                  rise 3
                  fall 3
                }
                """, TestConfig.dump(read(sample, "high").subList(0, 2)));
        assertEquals("""
                net_namespace low
                vrrp_script check_VI_0 {
                  script /etc/keepalived/scripts/check_low_VI_0.sh
                  interval 1
                  timeout 10
                  rise 3
                  fall 3
                }
                """, TestConfig.dump(read(sample, "low").subList(0, 2)));
        List<ConfigNode> other = read(sample, "other");
        assertEquals("""
                vrrp_script check_VI_0 {
                  interval 1
                  timeout 10
                  rise 3
                  fall 3
                }
                """, TestConfig.dump(other.subList(0, 1)));

        assertEquals(List.of("priority", "170"), priority(read(sample, "high")).words());
        assertEquals(19, priority(read(sample, "high")).location().line());
        assertEquals(List.of("priority", "85"), priority(read(sample, "low")).words());
        assertEquals(20, priority(read(sample, "low")).location().line());
        assertEquals(null, priority(other));
        assertEquals(read(sample, "other"), read(sample, null));
    }

    private static List<ConfigNode> read(Path sample, String configId) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> nodes = ConfigReader.read(sample, configId, diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics.all().toString());
        return nodes;
    }

    private static ConfigNode priority(List<ConfigNode> nodes) {
        ConfigNode instance = nodes.stream().filter(n -> n.keyword().equals("vrrp_instance")).findFirst().orElseThrow();
        return instance.children().stream().filter(n -> n.keyword().equals("priority")).findFirst().orElse(null);
    }
}
