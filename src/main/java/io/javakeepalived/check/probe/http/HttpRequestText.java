package io.javakeepalived.check.probe.http;

import io.javakeepalived.config.model.Text;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The GET request keepalived sends, byte for byte (check_http.c's request templates). */
final class HttpRequestText {
    private HttpRequestText() {
    }

    /**
     * The request for {@code path}.
     *
     * @param virtualhost the url's virtualhost, else the checker's (already resolved by the
     *                    config to the real server's, then the virtual server's)
     * @param target      where the checker connects: without a virtualhost the Host header is
     *                    "ADDRESS:PORT" ("[ADDRESS]:PORT" for IPv6, RFC 2732)
     */
    static byte[] of(String path, HttpProtocol protocol, Optional<String> virtualhost, InetAddress target,
                     int port) {
        String text = "GET " + path + " HTTP/" + protocol.version() + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + (protocol.connectionClose() ? "Connection: close\r\n" : "")
                + "Host: " + host(virtualhost, target, port) + "\r\n\r\n";
        // keepalived copies the configured path verbatim; config text is bytes, not Unicode
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The Host header value; a virtualhost is sent as is, without a port. */
    static String host(Optional<String> virtualhost, InetAddress target, int port) {
        if (virtualhost.isPresent()) {
            return virtualhost.get();
        }
        String a = Text.address(target);
        return (target instanceof Inet6Address ? "[" + a + "]" : a) + ":" + port;
    }
}
