package io.javakeepalived.check.probe.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsQueryTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theDefaultCheckAsksForTheRootSoaWithRecursionDesired() {
        // keepalived's dns_make_query for name "" / ".", type SOA: id, RD, QDCOUNT 1, root, SOA, IN
        assertArrayEquals(HEX.parseHex("beef" + "0100" + "0001" + "0000" + "0000" + "0000" + "00" + "0006" + "0001"),
                DnsQuery.encode(0xbeef, DnsQuery.typeCode("SOA"), "."));
        assertArrayEquals(DnsQuery.encode(1, 6, "."), DnsQuery.encode(1, 6, ""));
    }

    @Test
    void aNameBecomesLengthPrefixedLabels() {
        assertArrayEquals(HEX.parseHex("0001" + "0100" + "0001" + "000000000000"
                        + "03777777" + "076578616d706c65" + "036f7267" + "00" + "001c" + "0001"),
                DnsQuery.encode(1, DnsQuery.typeCode("aaaa"), "www.example.org"));
    }

    @Test
    void aFinalDotNamesTheSameName() {
        assertArrayEquals(DnsQuery.encode(7, 1, "example.org"), DnsQuery.encode(7, 1, "example.org."));
    }

    @Test
    void typesAreKeepalivedsTable() {
        assertEquals(1, DnsQuery.typeCode("A"));
        assertEquals(2, DnsQuery.typeCode("NS"));
        assertEquals(5, DnsQuery.typeCode("CNAME"));
        assertEquals(15, DnsQuery.typeCode("MX"));
        assertEquals(16, DnsQuery.typeCode("TXT"));
        assertEquals(46, DnsQuery.typeCode("RRSIG"));
        assertEquals(48, DnsQuery.typeCode("DNSKEY"));
        assertThrows(IllegalArgumentException.class, () -> DnsQuery.typeCode("PTR"));
    }

    @Test
    void namesThatCannotBeEncodedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DnsQuery.encode(1, 1, "a..b"));
        assertThrows(IllegalArgumentException.class, () -> DnsQuery.encode(1, 1, "x".repeat(64) + ".org"));
        assertThrows(IllegalArgumentException.class, () -> DnsQuery.encode(1, 1, ("x".repeat(63) + ".").repeat(13)));
    }
}
