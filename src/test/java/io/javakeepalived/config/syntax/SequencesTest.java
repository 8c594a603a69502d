package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** ~SEQ and ~LST, with the examples of keepalived.conf(5). */
class SequencesTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
    }

    private String lines(String... config) throws Exception {
        return TestConfig.dump(this.config.readLines(config));
    }

    @Test
    void decimalSequence() throws Exception {
        assertEquals("""
                ip_address 10.0.0.1
                ip_address 10.0.1.1
                ip_address 10.0.2.1
                ip_address 10.0.3.1
                """, lines("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1"));
    }

    @Test
    void hexSequenceWithStep() throws Exception {
        String expected = """
                ip_address fe80::20:90:1
                ip_address fe80::20:a0:1
                ip_address fe80::20:b0:1
                ip_address fe80::20:c0:1
                """;
        assertEquals(expected, lines("~SEQx(SUBNET, 144, 16, 192) ip_address fe80::20:${SUBNET}:1"));
        config = new TestConfig(dir);
        assertEquals(expected, lines("~SEQx(SUBNET, 0x90, 0x10, 0xc0) ip_address fe80::20:${SUBNET}:1"));
    }

    @Test
    void defaultStartAndStep() throws Exception {
        assertEquals("v 1\nv 2\nv 3\n", lines("~SEQ(i, 3) v $i"));
        config = new TestConfig(dir);
        assertEquals("v -1\nv -2\n", lines("~SEQ(i, -2) v $i"));
        config = new TestConfig(dir);
        assertEquals("v 5\nv 4\n", lines("~SEQ(i, 5, 4) v $i"));
        config = new TestConfig(dir);
        assertEquals("v 2\nv 3\n", lines("$FIRST=2", "$LAST=3", "~SEQ(i, $FIRST, $LAST) v $i"));
    }

    @Test
    void nestedSequencesInsideABlockKeepTheirLineNumber() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "virtual_ipaddress {",
                "    ~SEQx(AD2, 0x90, 0x10, 0xc0) ~SEQx(AD1, 0x12, -1, 0x0c) fe81::10:${AD2}:${AD1}",
                "}");
        List<ConfigNode> addresses = nodes.get(0).children();
        assertEquals(28, addresses.size());
        assertEquals(List.of("fe81::10:90:12"), addresses.get(0).words());
        assertEquals(List.of("fe81::10:90:11"), addresses.get(1).words());
        assertEquals(List.of("fe81::10:c0:c"), addresses.get(27).words());
        for (ConfigNode address : addresses) {
            assertEquals(new SourceLocation(dir.resolve("keepalived.conf").toString(), 2), address.location());
        }
    }

    @Test
    void sequenceOfMultiLineDefinitions() throws Exception {
        assertEquals("""
                vrrp_instance vi.0.1 {
                  virtual_router_id 1
                }
                vrrp_instance vi.0.2 {
                  virtual_router_id 2
                }
                vrrp_instance vi.1.1 {
                  virtual_router_id 1
                }
                vrrp_instance vi.1.2 {
                  virtual_router_id 2
                }
                """, lines(
                "$VI=\\",
                "vrrp_instance vi.${IF}.${ID} { \\",
                "    virtual_router_id ${ID} \\",
                "}",
                "~SEQ(IF,0,1) ~SEQ(ID,1,2) $VI"));
    }

    @Test
    void lists() throws Exception {
        assertEquals("""
                192.168.10.1
                192.168.20.4
                192.168.5.6
                192.168.12.8
                """, lines("~LST({IP, IP1}, {10,1},{20,4},{5,6},{12,8}) 192.168.${IP}.${IP1}"));
        config = new TestConfig(dir);
        assertEquals("192.169.1.5\n192.169.1.6\n192.169.2.5\n192.169.2.6\n",
                lines("~LST(IP, 1, 2) ~LST(IP1, 5,6) 192.169.${IP}.${IP1}"));
        config = new TestConfig(dir);
        assertEquals("192.168.10.1\n192.170.10.1\n192.168.20.4\n192.170.20.4\n",
                lines("~LST({IP, IP1}, {10,1},{20,4}) ~SEQ(IP2,168,2,170) 192.${IP2}.${IP}.${IP1}"));
        config = new TestConfig(dir);
        assertEquals("a1 <>\n", lines("~LST({A, B}, {1}) a$A <${B}>"));
    }

    @Test
    void invalidSpecificationsAreReportedAndDropped() throws Exception {
        assertEquals("after\n", lines(
                "~SEQ i, 1, 3) x",
                "~SEQ(i, 1, 0, 3) x",
                "~SEQ(i, 3, 1, 1) x",
                "~SEQx(i, -3) x",
                "~SEQ(i, 1, 3 x",
                "~SEQ(, 1) x",
                "~LST(a, 1, 2",
                "~LST({a}, {1, 2}) x",
                "after"));
        List<Diagnostic> errors = config.problems(ConfigErrorKind.GENERAL_ERROR);
        assertEquals(8, errors.size(), config.diagnostics.all().toString());
        assertEquals(8, config.diagnostics.all().size());
        assertTrue(errors.get(0).message().startsWith("Invalid ~SEQ specification '~SEQ i, 1, 3) x'"),
                errors.get(0).message());
        assertEquals(1, errors.get(0).location().line());
        assertEquals(8, errors.get(7).location().line());
    }
}
