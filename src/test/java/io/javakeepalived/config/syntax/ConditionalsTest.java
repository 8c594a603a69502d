package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** @ID and @^ID lines. */
class ConditionalsTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
        config.write("keepalived.conf",
                "global_defs {",
                "    @main   router_id main_router",
                "    @backup router_id backup_router",
                "}",
                "vrrp_instance VRRP {",
                "    @main unicast_src_ip 1.2.3.4",
                "    unicast_peer {",
                "        @^main    1.2.3.4",
                "        @^backup\t1.2.3.5",
                "    }",
                "    @main",
                "    @main{ braces do not end the id }",
                "}");
    }

    @Test
    void matchingIdKeepsItsLinesAndDropsTheNegatedOnes() throws Exception {
        assertEquals("""
                global_defs {
                  router_id main_router
                }
                vrrp_instance VRRP {
                  unicast_src_ip 1.2.3.4
                  unicast_peer {
                    1.2.3.5
                  }
                }
                """, TestConfig.dump(config.read("keepalived.conf", "main")));
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void otherIdKeepsOnlyItsOwnLines() throws Exception {
        assertEquals("""
                global_defs {
                  router_id backup_router
                }
                vrrp_instance VRRP {
                  unicast_peer {
                    1.2.3.4
                  }
                }
                """, TestConfig.dump(config.read("keepalived.conf", "backup")));
    }

    @Test
    void unknownOrMissingIdKeepsOnlyTheNegatedLines() throws Exception {
        String expected = """
                global_defs {
                }
                vrrp_instance VRRP {
                  unicast_peer {
                    1.2.3.4
                    1.2.3.5
                  }
                }
                """;
        assertEquals(expected, TestConfig.dump(config.read("keepalived.conf", "elsewhere")));
        assertEquals(expected, TestConfig.dump(config.read("keepalived.conf", null)));
    }

    @Test
    void idMatchIsExact() throws Exception {
        List<ConfigNode> nodes = config.read("keepalived.conf", "mai");
        assertEquals(0, nodes.get(0).children().size());
    }

    @Test
    void defaultConfigIdIsTheHostNameUpToTheFirstDot() {
        String id = ConfigReader.defaultConfigId();
        assertTrue(!id.isEmpty() && !id.contains("."), id);
    }
}
