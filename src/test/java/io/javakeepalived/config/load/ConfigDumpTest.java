package io.javakeepalived.config.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.SharedFiles;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class ConfigDumpTest {

    @Test
    void dumpShowsResolvedValuesAndHidesPasswords() {
        LoadResult r = ConfigFixture.load0("global_defs {\n router_id R1\n}\n" + ConfigFixture.instance("VI_1",
                "state MASTER", "authentication {", "auth_type PASS", "auth_pass s3cr3t", "}")
                + "virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n real_server 10.0.0.2 80 {\n"
                + "  TCP_CHECK {\n  }\n }\n}\n");
        String text = ConfigDump.render(ConfigFixture.model(r));
        assertTrue(text.contains("------< Global definitions >------"));
        assertTrue(text.contains("routerId = R1"));
        assertTrue(text.contains("------< VRRP Topology >------"));
        assertTrue(text.contains("VRRP Instance = VI_1"));
        assertTrue(text.contains("priority = 255"), "the derived priority is shown");
        assertTrue(text.contains("advertInterval = 1s"));
        assertTrue(text.contains("10.0.0.100/24 dev eth0"));
        assertTrue(text.contains("Virtual Server = 10.0.0.1:80"));
        assertTrue(text.contains("PASS (password hidden)"));
        assertFalse(text.contains("s3cr3t"));
    }

    @Test
    void referencesAndTheirTrackingAreShownOnlyWhenConfigured() {
        String text = ConfigDump.render(ConfigFixture.model(ConfigFixture.load0(
                "vrrp_reference gw {\n address 10.0.0.254\n interval 0.5\n}\n"
                        + ConfigFixture.instance("VI_1", "track_reference gw weight -20"))));
        assertTrue(text.contains("------< VRRP Reference addresses >------\n  Reference = gw\n"
                + "    address = 10.0.0.254\n    interval = 0.5s\n    timeout = 0.5s\n    rise = 2\n    fall = 3\n"
                + "    weight = 0\n"), text);
        assertTrue(text.contains("references (1):\n        gw weight -20\n"), text);
        String plain = ConfigDump.render(ConfigFixture.model(ConfigFixture.load0(ConfigFixture.instance("VI_1"))));
        assertFalse(plain.contains("Reference"), plain);
        assertFalse(plain.contains("references"), plain);
    }

    @Test
    void everySampleCanBeDumped() throws IOException {
        try (var files = Files.list(SharedFiles.resolve("keepalived-samples"))) {
            for (var f : files.toList()) {
                LoadResult r = ConfigFixture.host().interfaces("lo", "eth0", "eth1", "eth2", "eth3", "eth0.1")
                        .load(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
                r.config().ifPresent(c -> assertFalse(ConfigDump.render(c).isEmpty(), f.toString()));
            }
        }
    }
}
