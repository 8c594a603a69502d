package io.javakeepalived.config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextAndRecordsTest {

    @Test
    void addressesPrintLikeInetNtop() throws Exception {
        assertEquals("10.0.0.1", Text.address(InetAddress.getByName("10.0.0.1")));
        assertEquals("fe80::1", Text.address(InetAddress.getByName("fe80::1")));
        assertEquals("ff02::12", Text.address(InetAddress.getByName("ff02::12")));
        assertEquals("2001:db8:0:1::", Text.address(InetAddress.getByName("2001:db8:0:1:0:0:0:0")));
        assertEquals("::", Text.address(InetAddress.getByName("::")));
        assertEquals("1:0:2::3", Text.address(InetAddress.getByName("1:0:2:0:0:0:0:3")));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        assertEquals("::ffff:10.0.0.1", Text.address(java.net.Inet6Address.getByAddress(null, mapped, -1)));
    }

    @Test
    void secondsAreShort() {
        assertEquals("1", Text.seconds(Duration.ofSeconds(1)));
        assertEquals("0.05", Text.seconds(Duration.ofMillis(50)));
        assertEquals("2.000001", Text.seconds(Duration.ofNanos(2_000_001_000L)));
    }

    @Test
    void recordsCopyTheirLists() {
        List<String> argv = new ArrayList<>(List.of("/bin/x", "a"));
        ScriptCommand s = new ScriptCommand("/bin/x a", argv, Optional.empty(), Optional.empty(), 0, 0,
                new SourceLocation("f", 1));
        argv.add("b");
        assertEquals(2, s.argv().size());
        assertThrows(UnsupportedOperationException.class, () -> s.argv().add("c"));
        assertThrows(IllegalArgumentException.class, () -> new ScriptCommand("", List.of(), Optional.empty(),
                Optional.empty(), 0, 0, new SourceLocation("f", 1)));
        assertEquals("/usr/bin/x", s.withProgram("/usr/bin/x").program());
    }
}
