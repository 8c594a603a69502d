package io.javakeepalived.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {
    private static String f(String s) throws Exception {
        return AddressText.ntop(InetAddress.getByName(s));
    }

    @Test
    void rfc5952() throws Exception {
        assertEquals("fd13::100", f("fd13:0:0:0:0:0:0:100"));
        assertEquals("ff02::12", f("ff02::12"));
        assertEquals("::", f("::"));
        assertEquals("::1", f("::1"));
        assertEquals("fe80::345d:69ff:feeb:84b2", f("fe80:0:0:0:345d:69ff:feeb:84b2"));
        assertEquals("2001:db8:0:1:1:1:1:1", f("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("2001:db8::1:0:0:1", f("2001:db8:0:0:1:0:0:1"), "first of equal runs");
        assertEquals("2001:0:0:1::1", f("2001:0:0:1:0:0:0:1"), "longest run");
        assertEquals("1::", f("1:0:0:0:0:0:0:0"));
        assertEquals("10.213.0.1", f("10.213.0.1"));
    }
}
