package io.javakeepalived.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** keepalived's number readers and inet_pton, without DNS. */
class NumbersAndInetTextTest {
    private final Diagnostics d = new Diagnostics();
    private final BindContext c = new BindContext(d, InterfaceDirectory.of("eth0"), new FakeFileSystem(),
            new FakeUsers());
    private final SourceLocation at = new SourceLocation("k.conf", 1);

    @Test
    void unsigned() {
        assertEquals(OptionalLong.of(42), Numbers.unsigned(c, at, "42", 0, 100));
        assertEquals(OptionalLong.of(7), Numbers.unsigned(c, at, "+7", 0, 100));
        assertTrue(d.isEmpty());
        assertTrue(Numbers.unsigned(c, at, "-1", 0, 100).isEmpty());
        assertTrue(d.all().get(0).message().startsWith("negative number '-1'"));
        assertTrue(Numbers.unsigned(c, at, "12x", 0, 100).isEmpty());
        assertTrue(Numbers.unsigned(c, at, "101", 0, 100).isEmpty());
        assertEquals("number '101' outside range [0, 100]", d.all().get(2).message());
        assertTrue(Numbers.unsigned(c, at, "99999999999999999999", 0, 100).isEmpty());
        assertTrue(d.all().stream().allMatch(x -> x.kind() == ConfigErrorKind.INVALID_NUMBER));
    }

    @Test
    void signed() {
        assertEquals(OptionalLong.of(-253), Numbers.signed(c, at, "-253", -253, 253));
        assertTrue(Numbers.signed(c, at, "-254", -253, 253).isEmpty());
        assertTrue(Numbers.signed(c, at, "3000000000", Integer.MIN_VALUE, Integer.MAX_VALUE).isEmpty());
        assertTrue(d.all().get(1).message().contains("outside integer range"));
    }

    @Test
    void decimal() {
        assertEquals(OptionalLong.of(1_500_000), Numbers.decimal(c, at, "1.5", 0, 10_000_000, 6));
        assertEquals(OptionalLong.of(50_000), Numbers.decimal(c, at, "0.05", 10_000, 255_000_000, 6));
        assertEquals(OptionalLong.of(2_000_000), Numbers.decimal(c, at, "2", 0, 10_000_000, 6));
        assertTrue(d.isEmpty());
        assertEquals(OptionalLong.of(1), Numbers.decimal(c, at, "0.0000005", 0, 10, 6), "too many places rounds");
        assertEquals("number '0.0000005' has too many decimal places, expected at most 6 - rounding",
                d.all().get(0).message());
        assertTrue(Numbers.decimal(c, at, "0", 1, 4_294_967_295L, 6).isEmpty());
        assertEquals("number '0' outside range [0.000001, 4294.967295]", d.all().get(1).message());
        assertTrue(Numbers.decimal(c, at, "1.2.3", 0, 10, 6).isEmpty());
        assertTrue(Numbers.decimal(c, at, "-1", 0, 10, 6).isEmpty());
    }

    @Test
    void bool() {
        assertTrue(Numbers.bool("yes").orElseThrow());
        assertTrue(Numbers.bool("on").orElseThrow());
        assertFalse(Numbers.bool("false").orElseThrow());
        assertTrue(Numbers.bool("True").isEmpty(), "keepalived compares case-sensitively");
    }

    @Test
    void inetPton() {
        assertTrue(InetText.parse("192.168.1.1").isPresent());
        assertTrue(InetText.parse("192.168.1.").isEmpty());
        assertTrue(InetText.parse("192.168.01.1").isEmpty(), "no leading zeros");
        assertTrue(InetText.parse("256.1.1.1").isEmpty());
        assertTrue(InetText.parse("1.2.3").isEmpty());
        assertTrue(InetText.parse("localhost").isEmpty(), "never resolves names");
        assertEquals("fe80:0:0:0:0:0:0:1", InetText.parse("fe80::1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:0", InetText.parse("::").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:ffff:a00:1", InetText.parse("::ffff:10.0.0.1").orElseThrow().getHostAddress());
        assertTrue(InetText.parse("1::2::3").isEmpty());
        assertTrue(InetText.parse("1:2:3:4:5:6:7:8:9").isEmpty());
        assertTrue(InetText.parse("12345::1").isEmpty());
        assertTrue(InetText.parse(":1").isEmpty());
        assertTrue(InetText.parse("1:").isEmpty());
        assertTrue(InetText.parse("1:2:3:4:5:6:7::").isPresent());
        assertTrue(InetText.isLinkLocal(InetText.parse("fe80::1").orElseThrow()));
        assertTrue(InetText.isLinkLocalMulticast(InetText.parse("ff02::12").orElseThrow()));
        assertFalse(InetText.isLinkLocalMulticast(InetText.parse("ff05::12").orElseThrow()));
    }

    @Test
    void prefix() {
        assertEquals("10.0.0.0/8", InetText.prefix("10.0.0.0/8", -1).orElseThrow().toString());
        assertEquals("fe80::1/128", InetText.prefix("fe80::1", -1).orElseThrow().toString());
        assertTrue(InetText.prefix("10.0.0.0/33", -1).isEmpty());
    }
}
