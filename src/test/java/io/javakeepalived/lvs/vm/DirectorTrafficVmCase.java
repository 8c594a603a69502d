package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon (the jar) as an LVS director between a client and two real servers, as an operator
 * sees it from the client: requests through the VIP reach both real servers; once the checker's
 * verdict on a stopped server is in, every request reaches the other one and none fails; back, it
 * gets its share again. One daemon, one virtual server per forwarding method on the same real
 * servers, so NAT and DR are checked by the same stop and start:
 * <ul>
 * <li>NAT (HTTP_GET): the client talks from 10.99.0.2 to 10.99.0.100; the real servers answer
 * through their default route, the director, which forwards and rewrites the replies
 * ({@code ip_forward}; no ICMP redirects, which would send the replies around it).
 * <li>DR (TCP_CHECK): 10.213.0.101 is also on the real servers' lo, which must not answer ARP for
 * it ({@code arp_ignore}, {@code arp_announce}); they answer the client directly.
 * </ul>
 */
class DirectorTrafficVmCase {
    private static final String NAT_VIP = "10.99.0.100";
    private static final String DR_VIP = "10.213.0.101";
    private static final int PORT = 8080;

    private DaemonLab dl;
    private NetnsLab lab;
    private Node client;
    private Node director;
    private final Map<Node, ServerSocket> servers = new HashMap<>();

    @BeforeEach
    void lan() throws IOException {
        dl = DaemonLab.create(Files.createTempDirectory("jk-traffic"), "client", "director", "rs1", "rs2");
        lab = dl.lab();
        client = dl.node("client");
        director = dl.node("director");
        lab.ip(client.ns(), "addr", "add", "10.99.0.2/24", "dev", "eth0");
        lab.ip(director.ns(), "addr", "add", NAT_VIP + "/24", "dev", "eth0");
        lab.ip(director.ns(), "addr", "add", DR_VIP + "/24", "dev", "eth0");
        sysctl(director, "net.ipv4.ip_forward=1", "net.ipv4.conf.all.send_redirects=0",
                "net.ipv4.conf.eth0.send_redirects=0");
        for (String rs : new String[] {"rs1", "rs2"}) {
            Node n = dl.node(rs);
            lab.ip(n.ns(), "route", "add", "default", "via", director.ipv4());
            lab.ip(n.ns(), "addr", "add", DR_VIP + "/32", "dev", "lo");
            sysctl(n, "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2");
            serve(n);
        }
    }

    @AfterEach
    void down() throws IOException {
        for (ServerSocket s : servers.values()) {
            s.close();
        }
        dl.close();
    }

    private void sysctl(Node n, String... settings) throws IOException {
        for (String s : settings) {
            lab.exec(n.ns(), "sysctl", "-q", "-w", s).requireSuccess("sysctl " + s);
        }
    }

    /**
     * The real server's web service on every address of its namespace (the DR VIP too): reads a
     * request's head and answers 200 with the node's name.
     */
    private void serve(Node n) throws IOException {
        ServerSocket s = lab.call(n, () -> {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(PORT), 100);
            return ss;
        });
        byte[] answer = ("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + (n.name().length() + 1)
                + "\r\n\r\n" + n.name() + "\n").getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(),
                            StandardCharsets.US_ASCII));
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                        // the request's head; a TCP_CHECK sends none and closes
                    }
                    c.getOutputStream().write(answer);
                } catch (IOException e) {
                    // a probe that went away, or the server was stopped
                }
            }
        }, n.name() + "-web");
        t.setDaemon(true);
        t.start();
        servers.put(n, s);
    }

    private void stopServing(Node n) throws IOException {
        servers.remove(n).close();
    }

    private Map<String, Integer> through(String vip, int port, int requests) throws IOException {
        return VipClient.tally(lab, client, vip, port, requests);
    }

    private static String realServer(Node rs, String check) {
        return "    real_server " + rs.ipv4() + " " + PORT + " {\n        weight 1\n" + check + "    }\n";
    }

    @Test
    void requestsReachOnlyTheRealServersTheCheckersFindHealthy() throws Exception {
        Node rs1 = dl.node("rs1");
        Node rs2 = dl.node("rs2");
        String http = "        HTTP_GET {\n            url {\n                path /\n                status_code 200\n"
                + "            }\n            connect_timeout 1\n            retry 0\n        }\n";
        String tcp = "        TCP_CHECK {\n            connect_timeout 1\n            retry 0\n        }\n";
        DaemonLab.Daemon d = dl.start(director, "virtual_server " + NAT_VIP + " 80 {\n    delay_loop 1\n"
                + "    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n" + realServer(rs1, http) + realServer(rs2, http)
                + "}\nvirtual_server " + DR_VIP + " " + PORT + " {\n    delay_loop 1\n    lb_algo rr\n"
                + "    lb_kind DR\n    protocol TCP\n" + realServer(rs1, tcp) + realServer(rs2, tcp) + "}\n");
        String dr = "TCP " + DR_VIP + ":" + PORT + " rr";
        String nat = "TCP " + NAT_VIP + ":80 rr";
        List<String> both = List.of(dr, "  -> " + rs1.ipv4() + ":8080 Route 1", "  -> " + rs2.ipv4() + ":8080 Route 1",
                nat, "  -> " + rs1.ipv4() + ":8080 Masq 1", "  -> " + rs2.ipv4() + ":8080 Masq 1");
        assertEquals(both, Ipvsadm.await(director.ns(), both, 60), d::output);
        assertEquals(Map.of("rs1", 3, "rs2", 3), through(NAT_VIP, 80, 6), "NAT, both healthy");
        assertEquals(Map.of("rs1", 3, "rs2", 3), through(DR_VIP, PORT, 6), "DR, both healthy");

        stopServing(rs1);
        List<String> onlyRs2 = List.of(dr, "  -> " + rs2.ipv4() + ":8080 Route 1",
                nat, "  -> " + rs2.ipv4() + ":8080 Masq 1");
        assertEquals(onlyRs2, Ipvsadm.await(director.ns(), onlyRs2, 60), d::output);
        assertEquals(Map.of("rs2", 6), through(NAT_VIP, 80, 6), "NAT once rs1's verdict is in");
        assertEquals(Map.of("rs2", 6), through(DR_VIP, PORT, 6), "DR once rs1's verdict is in");

        serve(rs1);
        assertEquals(both, Ipvsadm.await(director.ns(), both, 60), d::output);
        assertEquals(Map.of("rs1", 2, "rs2", 2), through(NAT_VIP, 80, 4), "NAT, rs1 back");
        assertEquals(Map.of("rs1", 2, "rs2", 2), through(DR_VIP, PORT, 4), "DR, rs1 back");
    }
}
