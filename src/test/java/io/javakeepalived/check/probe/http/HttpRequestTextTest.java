package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request bytes a web server sees, per http_protocol, as keepalived's templates write them. */
class HttpRequestTextTest {

    private static String request(String protocol, Optional<String> vhost, String address, int port)
            throws Exception {
        return new String(HttpRequestText.of("/health", HttpProtocol.of(protocol), vhost,
                InetAddress.getByName(address), port), StandardCharsets.ISO_8859_1);
    }

    @Test
    void http10IsTheDefaultAndSendsNoConnectionHeader() throws Exception {
        assertEquals("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.0.0.2:80\r\n\r\n",
                request("1.0", Optional.empty(), "10.0.0.2", 80));
    }

    @Test
    void http10cAsksTheServerToClose() throws Exception {
        assertEquals("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\n"
                + "Host: 10.0.0.2:8080\r\n\r\n", request("1.0C", Optional.empty(), "10.0.0.2", 8080));
        assertEquals(HttpProtocol.HTTP_1_0C, HttpProtocol.of("1.0c"));
    }

    @Test
    void http11SendsVersion11AndConnectionClose() throws Exception {
        assertEquals("GET /health HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\n"
                + "Host: www.example.com\r\n\r\n", request("1.1", Optional.of("www.example.com"), "10.0.0.2", 80));
    }

    @Test
    void aVirtualhostIsSentWithoutPortAndAnIpv6TargetInBrackets() throws Exception {
        assertEquals("www.example.com", HttpRequestText.host(Optional.of("www.example.com"),
                InetAddress.getByName("10.0.0.2"), 443));
        assertEquals("[fd13::2]:80", HttpRequestText.host(Optional.empty(), InetAddress.getByName("fd13:0::2"), 80));
    }
}
