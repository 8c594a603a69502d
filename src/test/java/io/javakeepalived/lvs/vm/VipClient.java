package io.javakeepalived.lvs.vm;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client namespace asking a virtual server, as a user's browser would: one new TCP connection
 * per HTTP/1.0 request, the answer's body (the real servers answer with their own name) counted.
 * A request that fails is counted too, under {@code "failed: <why>"}, so an assertion on the tally
 * shows what the client saw.
 */
final class VipClient {
    private VipClient() {
    }

    /** {@code requests} GETs of {@code /} from {@code client} to {@code vip:port}: body → how many. */
    static Map<String, Integer> tally(NetnsLab lab, Node client, String vip, int port, int requests)
            throws IOException {
        return lab.call(client, () -> {
            Map<String, Integer> seen = new TreeMap<>();
            for (int i = 0; i < requests; i++) {
                seen.merge(answer(vip, port), 1, Integer::sum);
            }
            return seen;
        });
    }

    /** The body of one answer, trimmed; {@code failed: ...} if there is none. */
    private static String answer(String vip, int port) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(5_000);
            s.connect(new InetSocketAddress(vip, port), 5_000);
            s.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + vip + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int body = reply.indexOf("\r\n\r\n");
            if (!reply.startsWith("HTTP/1.") || body < 0) {
                return "failed: no HTTP answer: " + reply;
            }
            return reply.substring(body + 4).trim();
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }
}
