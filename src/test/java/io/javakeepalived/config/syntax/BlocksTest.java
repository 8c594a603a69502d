package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Braces: where blocks open and close, and what is reported when they do not match. */
class BlocksTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
    }

    private String file() {
        return dir.resolve("keepalived.conf").toString();
    }

    @Test
    void braceOnTheKeywordLine() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "vrrp_instance VI_1 {",
                "    state MASTER",
                "    authentication {",
                "        auth_type PASS",
                "    }",
                "}");
        assertEquals("""
                vrrp_instance VI_1 {
                  state MASTER
                  authentication {
                    auth_type PASS
                  }
                }
                """, TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty());
        ConfigNode instance = nodes.get(0);
        assertEquals(new SourceLocation(file(), 1), instance.location());
        assertEquals(new SourceLocation(file(), 2), instance.children().get(0).location());
        assertEquals(new SourceLocation(file(), 3), instance.children().get(1).location());
        assertEquals(new SourceLocation(file(), 4), instance.children().get(1).children().get(0).location());
    }

    @Test
    void braceOnFollowingLinesEvenAfterCommentsAndBlankLines() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "vrrp_instance VI_1",
                "",
                "# the brace comes later",
                "{",
                "    virtual_ipaddress",
                "    {",
                "        10.0.0.1/24",
                "    }",
                "}");
        assertEquals("""
                vrrp_instance VI_1 {
                  virtual_ipaddress {
                    10.0.0.1/24
                  }
                }
                """, TestConfig.dump(nodes));
        assertEquals(new SourceLocation(file(), 1), nodes.get(0).location());
        assertTrue(config.diagnostics.isEmpty());
    }

    @Test
    void oneLineBlocksAndBraceAtLineEnd() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "vrrp_sync_group G1 { group { VI_1 VI_2 } }",
                "vrrp_instance VI_1 {",
                "    virtual_ipaddress { 10.0.0.1 }",
                "    track_interface { eth0",
                "        eth1 weight 10 }",
                "    empty {}",
                "    notify \"/bin/x {a}\" }");
        assertEquals("""
                vrrp_sync_group G1 {
                  group {
                    VI_1 VI_2
                  }
                }
                vrrp_instance VI_1 {
                  virtual_ipaddress {
                    10.0.0.1
                  }
                  track_interface {
                    eth0
                    eth1 weight 10
                  }
                  empty {
                  }
                  notify </bin/x {a}>
                }
                """, TestConfig.dump(nodes));
        ConfigNode empty = nodes.get(1).children().get(2);
        assertTrue(empty.hasBlock());
        assertTrue(empty.children().isEmpty());
        ConfigNode group = nodes.get(0).children().get(0);
        assertEquals(new SourceLocation(file(), 1), group.children().get(0).location());
        assertFalse(nodes.get(1).children().get(3).hasBlock());
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void extraClosingBraceIsReportedAndIgnored() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "global_defs {",
                "    router_id r1",
                "}",
                "}",
                "vrrp_instance VI_1 {",
                "}");
        assertEquals("""
                global_defs {
                  router_id r1
                }
                vrrp_instance VI_1 {
                }
                """, TestConfig.dump(nodes));
        List<Diagnostic> extra = config.problems(ConfigErrorKind.UNEXPECTED_BLOCK_END);
        assertEquals(1, extra.size());
        assertEquals(new SourceLocation(file(), 4), extra.get(0).location());
        assertTrue(extra.get(0).message().startsWith("Extra '}' found"), extra.get(0).message());
        assertEquals(1, config.diagnostics.all().size());
    }

    @Test
    void endOfFileInsideABlockIsReportedAndTheBlockKept() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "vrrp_instance VI_1 {",
                "    virtual_ipaddress {",
                "        10.0.0.1",
                "    }",
                "    priority 100");
        assertEquals("""
                vrrp_instance VI_1 {
                  virtual_ipaddress {
                    10.0.0.1
                  }
                  priority 100
                }
                """, TestConfig.dump(nodes));
        List<Diagnostic> missing = config.problems(ConfigErrorKind.MISSING_BLOCK_END);
        assertEquals(1, missing.size());
        assertEquals(new SourceLocation(file(), 1), missing.get(0).location());
        assertTrue(missing.get(0).message().contains("'vrrp_instance VI_1' is not closed, expected '}'"),
                missing.get(0).message());
    }

    @Test
    void braceWithoutAKeywordLineIsReportedAndItsContentsStay() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "global_defs {",
                "}",
                "{",
                "  router_id r1",
                "}",
                "vrrp_instance VI_1 {",
                "}");
        assertEquals("""
                global_defs {
                }
                router_id r1
                vrrp_instance VI_1 {
                }
                """, TestConfig.dump(nodes));
        List<Diagnostic> unexpected = config.problems(ConfigErrorKind.UNEXPECTED_BLOCK_START);
        assertEquals(1, unexpected.size());
        assertEquals(new SourceLocation(file(), 3), unexpected.get(0).location());
        assertEquals(1, config.diagnostics.all().size());
    }

    @Test
    @Timeout(10)
    void longLinesFullOfBracesStayCheap() throws Exception {
        config.writeRaw("keepalived.conf", "a" + "{".repeat(200_000) + "\n" + "b {} ".repeat(3000) + "\nlast\n");
        List<ConfigNode> all = TestConfig.flatten(config.read("keepalived.conf"));
        assertEquals(List.of("last"), all.get(all.size() - 1).words());
        assertEquals(3002, all.size());
        Diagnostic cut = config.problems(ConfigErrorKind.GENERAL_ERROR).get(0);
        assertEquals(new SourceLocation(file(), 1), cut.location());
        assertTrue(cut.message().startsWith("Line is 200001 characters long, expected at most 16384"), cut.message());
        // one stray '{' diagnostic per brace would be 16383; they are capped, with a count at the end
        assertEquals(Reporter.MAX_PER_KIND, config.problems(ConfigErrorKind.UNEXPECTED_BLOCK_START).size() - 1);
    }

    @Test
    void deepNestingIsBounded() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            deep.append("a").append(i).append(" { ");
        }
        for (int i = 0; i < 500; i++) {
            deep.append("} ");
        }
        List<ConfigNode> nodes = config.readLines(deep.toString());
        int depth = 0;
        List<ConfigNode> level = nodes;
        while (!level.isEmpty()) {
            depth++;
            level = level.get(0).children();
        }
        assertEquals(BlockBuilder.MAX_DEPTH + 1, depth);
        assertEquals(500, TestConfig.flatten(nodes).size());
        assertEquals(1, config.problems(ConfigErrorKind.GENERAL_ERROR).size());
        assertTrue(config.problems(ConfigErrorKind.UNEXPECTED_BLOCK_END).isEmpty());
    }
}
