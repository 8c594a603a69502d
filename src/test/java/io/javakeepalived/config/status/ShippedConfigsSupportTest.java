package io.javakeepalived.config.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.syntax.ConfigReader;
import io.javakeepalived.testsupport.ShippedConfigs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What -t says is not implemented in the configurations we ship (conf/): exactly the keywords the
 * registry marks NOT_IMPLEMENTED that they use, each once. The examples are not trimmed to look
 * clean: an operator copying them is told the same.
 */
class ShippedConfigsSupportTest {
    private static final List<String> VRRP_EXAMPLE = List.of();
    private static final List<String> LVS_EXAMPLE = List.of();

    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("conf/keepalived.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/bgp-frr/node1.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/bgp-frr/node2.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/lvs-director-pair/node1.conf", LVS_EXAMPLE),
            Map.entry("conf/examples/lvs-director-pair/node2.conf", LVS_EXAMPLE),
            Map.entry("conf/examples/lvs-dr-nginx/director1.conf", LVS_EXAMPLE),
            Map.entry("conf/examples/lvs-dr-nginx/director2.conf", LVS_EXAMPLE),
            Map.entry("conf/examples/mysql-dual-master/node1.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/mysql-dual-master/node2.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/nginx-pair/node1.conf", VRRP_EXAMPLE),
            Map.entry("conf/examples/nginx-pair/node2.conf", VRRP_EXAMPLE));

    @Test
    void eachShippedConfigurationIsToldWhatItUsesThatIsNotImplemented() throws Exception {
        List<Path> shipped = ShippedConfigs.keepalived();
        assertEquals(EXPECTED.keySet().stream().sorted().toList(), shipped.stream().map(Path::toString).toList(),
                "a configuration added to conf/ needs its expected lines here");
        for (Path conf : shipped) {
            List<String> keywords = UnimplementedKeywords.in(ConfigReader.read(conf, "node", new Diagnostics()))
                    .stream().map(UnimplementedKeyword::keyword).toList();
            assertEquals(EXPECTED.get(conf.toString()), keywords, conf.toString());
        }
    }
}
