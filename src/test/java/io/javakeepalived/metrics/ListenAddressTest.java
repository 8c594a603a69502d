package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void forms() {
        InetSocketAddress a = ListenAddress.parse("10.0.0.1:9650");
        assertEquals("10.0.0.1", a.getAddress().getHostAddress());
        assertEquals(9650, a.getPort());
        InetSocketAddress b = ListenAddress.parse("[fd13::1]:9165");
        assertEquals("fd13:0:0:0:0:0:0:1", b.getAddress().getHostAddress());
        InetSocketAddress any = ListenAddress.parse(":9165");
        assertTrue(any.getAddress().isAnyLocalAddress());
        assertEquals(9165, any.getPort());
    }

    @Test
    void rejected() {
        for (String bad : new String[] {"9165", "10.0.0.1", "host.example:9165", "10.0.0.1:0", "10.0.0.1:70000",
            "fd13::1:9165", "10.0.0.256:80", "[zz]:80", "[localhost]:80", "[fd13::g]:80", "10.0.0.1:"}) {
            assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(bad), bad);
        }
    }
}
