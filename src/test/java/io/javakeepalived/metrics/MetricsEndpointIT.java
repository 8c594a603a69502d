package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.dump.ExporterJsonRules;
import io.javakeepalived.daemon.dump.ExporterTextRules;
import io.javakeepalived.net.RawVrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.LabServers;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --metrics-listen} on node A's address, scraped over the lab's bridge
 * from node B like a Prometheus server would; the page is held against the dumps the same daemon
 * writes between two scrapes (keepalived.json on SIGRTMIN+2, keepalived.data on USR1,
 * keepalived.stats on USR2), read with keepalived-exporter's rules for either of its paths.
 */
class MetricsEndpointIT {
    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private Node a;
    private Node b;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a", "b");
        a = dl.node("a");
        b = dl.node("b");
    }

    private static final String CONFIG = "vrrp_instance VI_1 {\n"
            + "    state BACKUP\n"
            + "    interface eth0\n"
            + "    virtual_router_id 51\n"
            + "    priority 100\n"
            + "    advert_int 1\n"
            + "    virtual_ipaddress {\n"
            + "        10.213.0.100/24\n"
            + "    }\n"
            + "    virtual_ipaddress_excluded {\n"
            + "        10.213.0.101/24\n"
            + "    }\n"
            + "}\n"
            + "vrrp_instance VI_2 {\n"
            + "    state MASTER\n"
            + "    interface eth0\n"
            + "    virtual_router_id 52\n"
            + "    priority 50\n"
            + "    advert_int 1\n"
            + "}\n";

    /** A plain HTTP/1.0 GET from node B's namespace: status line + headers + body. */
    private String get(String host, int port, String path) throws IOException {
        return dl.lab().call(b, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 5_000);
                s.setSoTimeout(10_000);
                OutputStream o = s.getOutputStream();
                o.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                InputStream in = s.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                return all.toString(StandardCharsets.UTF_8);
            }
        });
    }

    private Exposition scrape(Daemon d) throws IOException {
        String response = get(a.ipv4(), 9650, "/metrics");
        int split = response.indexOf("\r\n\r\n");
        assertTrue(split > 0, response);
        String head = response.substring(0, split).toLowerCase();
        assertTrue(head.startsWith("http/1.1 200"), response + "\n--- log:\n" + d.output());
        assertTrue(head.contains("content-type: text/plain; version=0.0.4; charset=utf-8"), head);
        return Exposition.parse(response.substring(split + 4));
    }

    /** A scrape as Prometheus makes it, with the JDK's HttpClient, from node B's namespace. */
    private Exposition scrapeWithHttpClient(Daemon d) throws Exception {
        HttpResponse<String> r = dl.lab().call(b, () -> {
            // built here: its selector thread and sockets are made in B's namespace
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return client.send(HttpRequest.newBuilder(URI.create("http://" + a.ipv4() + ":9650/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        });
        assertEquals(200, r.statusCode(), r.body() + "\n--- log:\n" + d.output());
        return Exposition.parse(r.body());
    }

    @Test
    void aRealServerGoingDownAndUpIsOnThePage() throws Exception {
        ServerSocket server = LabServers.listen(dl.lab(), b, 8080, LabServers.ACCEPT_AND_CLOSE);
        try {
            String rs = "[" + b.ipv4() + "]:tcp:8080";
            String vs = "[10.213.0.100]:tcp:80";
            String config = "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n"
                    + "    delay_loop 1\n    real_server " + b.ipv4() + " 8080 {\n        weight 3\n"
                    + "        TCP_CHECK {\n            connect_timeout 1\n            retry 1\n"
                    + "            delay_before_retry 1\n        }\n    }\n}\n";
            Daemon d = dl.start(a, "a", config,
                    DaemonLab.jarCommand("-n", "-l", "--metrics-listen", a.ipv4() + ":9650"));
            d.awaitLogged("TCP connection to " + rs + " success.", 15_000);
            NetnsLab.sleep(600); // past the endpoint's 500 ms snapshot sharing

            Exposition up = scrapeWithHttpClient(d);
            String[] realServer = {"vs", vs, "rs", rs};
            String[] checker = {"vs", vs, "rs", rs, "checker", "TCP_CHECK", "index", "0"};
            assertEquals(1, up.one("javakeepalived_lvs_real_server_up", realServer).value());
            assertEquals(3, up.one("javakeepalived_lvs_real_server_weight", realServer).value());
            assertEquals(1, up.one("javakeepalived_lvs_checker_up", checker).value());
            assertEquals(1, up.one("javakeepalived_lvs_virtual_server_quorum_up", "vs", vs).value());
            assertEquals(3, up.one("javakeepalived_lvs_virtual_server_live_weight", "vs", vs).value());
            assertTrue(up.one("javakeepalived_lvs_checks_total", checker).value() >= 1);
            double lag = up.one("javakeepalived_lvs_checker_loop_lag_seconds").value();
            assertTrue(lag > 0 && lag < MetricsServer.TIMEOUT.toSeconds(), "checker loop lag " + lag);
            assertEquals(0, up.one("javakeepalived_lvs_check_failures_total", checker).value());

            server.close();
            d.awaitLogged("Removing service " + rs + " from VS " + vs, 10_000);
            NetnsLab.sleep(600);
            Exposition down = scrapeWithHttpClient(d);
            assertEquals(0, down.one("javakeepalived_lvs_real_server_up", realServer).value());
            assertEquals(List.of(), down.family("javakeepalived_lvs_real_server_weight"), "out of the table");
            assertEquals(0, down.one("javakeepalived_lvs_checker_up", checker).value());
            assertEquals(0, down.one("javakeepalived_lvs_virtual_server_quorum_up", "vs", vs).value());
            assertEquals(0, down.one("javakeepalived_lvs_virtual_server_live_weight", "vs", vs).value());
            // retry 1: the failure that used the retry and the one that took it down
            assertTrue(down.one("javakeepalived_lvs_check_failures_total", checker).value() >= 2);

            server = LabServers.listen(dl.lab(), b, 8080, LabServers.ACCEPT_AND_CLOSE);
            d.awaitLogged("Adding service " + rs + " to VS " + vs, 10_000);
            NetnsLab.sleep(600);
            Exposition again = scrapeWithHttpClient(d);
            assertEquals(1, again.one("javakeepalived_lvs_real_server_up", realServer).value());
            assertEquals(3, again.one("javakeepalived_lvs_real_server_weight", realServer).value());
            assertEquals(1, again.one("javakeepalived_lvs_virtual_server_quorum_up", "vs", vs).value());
            assertTrue(again.one("javakeepalived_lvs_checks_total", checker).value()
                    > down.one("javakeepalived_lvs_checks_total", checker).value(), "counters only grow");
            assertEquals(1, again.one("keepalived_up").value());
            assertTrue(d.isAlive(), d.output());
        } finally {
            server.close();
        }
    }

    @Test
    void trackScriptsAreOnThePage() throws Exception {
        String config = "global_defs {\n    script_user root\n}\n"
                + "vrrp_script chk {\n    script \"/bin/true\"\n    interval 1\n}\n"
                + "vrrp_script chk_bad {\n    script \"/bin/false\"\n    interval 1\n    weight -10\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, 100,
                        "    state MASTER\n    advert_int 1\n    track_script {\n        chk\n        chk_bad\n    }\n",
                        "10.213.0.100/24");
        Daemon d = dl.start(a, "a", config,
                DaemonLab.jarCommand("-n", "-l", "--metrics-listen", a.ipv4() + ":9650"));
        d.awaitLogged("Serving metrics on http://" + a.ipv4() + ":9650/metrics", 15_000);
        d.awaitLogged("VRRP_Script(chk) succeeded", 15_000);
        d.awaitLogged("VRRP_Script(chk_bad) failed (exited with status 1)", 15_000);
        NetnsLab.sleep(600); // past the endpoint's 500 ms snapshot sharing

        Exposition page = scrape(d);
        assertEquals(1, page.one("keepalived_script_status", "name", "chk").value());
        assertEquals(0, page.one("keepalived_script_status", "name", "chk_bad").value());
        double state = page.one("keepalived_script_state", "name", "chk").value();
        assertTrue(state == 0 || state == 1, "idle or running: " + state);
    }

    @Test
    void scrapedOverTheNetworkAndConsistentWithTheJsonDump() throws Exception {
        Daemon d = dl.start(a, "a", CONFIG,
                DaemonLab.jarCommand("-n", "-l", "--metrics-listen", a.ipv4() + ":9650"));
        d.awaitLogged("Serving metrics on http://" + a.ipv4() + ":9650/metrics", 15_000);
        d.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        d.awaitLogged("(VI_2) Entering MASTER STATE", 15_000);
        Path tmp = d.tmpdir();
        // from B: two adverts for a VRID nobody here runs, one for VI_1 with TTL 64 (must be 255)
        dl.lab().call(b, () -> {
            try (RawVrrpSocket tx = RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false))) {
                InetAddress src = InetAddress.getByName(b.ipv4());
                tx.send(v2Advert(77), src, VrrpSocketOptions.VRRP_GROUP_V4, 255);
                tx.send(v2Advert(77), src, VrrpSocketOptions.VRRP_GROUP_V4, 255);
                tx.send(v2Advert(51), src, VrrpSocketOptions.VRRP_GROUP_V4, 64);
            }
            return null;
        });
        NetnsLab.sleep(2_000); // some adverts

        Exposition before = scrape(d);
        Path json = tmp.resolve("keepalived.json");
        Path data = tmp.resolve("keepalived.data");
        Path stats = tmp.resolve("keepalived.stats");
        for (String signal : List.of("36", "USR1", "USR2")) {
            d.signal(signal);
        }
        for (Path p : List.of(json, data, stats)) {
            DaemonLab.await(p.getFileName().toString(), 10_000, () -> Files.exists(p) && p.toFile().length() > 0, d);
        }
        NetnsLab.sleep(1_000); // past the endpoint's 500 ms snapshot sharing, and a few more adverts
        Exposition after = scrape(d);

        assertEquals(1, before.one("keepalived_up").value());
        List<ExporterJsonRules.Series> fromJson = ExporterJsonRules.collect(
                ExporterJsonRules.parse(Files.readString(json)));
        assertEquals(2 * 15 + 2 + 1, fromJson.size()); // VI_1: a VIP and an excluded VIP; VI_2: a state without VIP
        List<ExporterJsonRules.Series> fromText = ExporterTextRules.collect(Files.readString(data),
                Files.readString(stats));
        assertEquals(fromJson.size(), fromText.size());
        List<ExporterJsonRules.Series> dump = new java.util.ArrayList<>(fromJson);
        dump.addAll(fromText);
        for (ExporterJsonRules.Series s : dump) {
            String[] labels = labels(s.labels());
            double b1 = before.one(s.name(), labels).value();
            double a1 = after.one(s.name(), labels).value();
            String what = s.name() + s.labels() + ": scrape " + b1 + ", dump " + s.value() + ", scrape " + a1;
            if (s.name().endsWith("_total")) {
                assertTrue(b1 <= s.value() && s.value() <= a1, what); // counters only grow
            } else {
                assertEquals(s.value(), b1, what);
                assertEquals(s.value(), a1, what);
            }
        }
        // same series, no more: the dump and the page agree on which exist
        assertEquals(ExporterEquivalenceTest.exporterView(Files.readString(json)).size(),
                ExporterEquivalenceTest.ourView(after).size());
        assertEquals(2, after.one("keepalived_vrrp_state", "iname", "VI_1", "intf", "eth0", "vrid", "51",
                "ip_address", "10.213.0.100/24").value());
        assertEquals(2, after.one("keepalived_vrrp_excluded_state", "iname", "VI_1", "ip_address", "10.213.0.101/24")
                .value());
        assertEquals(2, after.one("keepalived_vrrp_state", "iname", "VI_2", "ip_address", "").value());
        assertTrue(after.one("keepalived_advertisements_sent_total", "iname", "VI_1").value() >= 2);

        // our own: every entry into MASTER counted, priority as configured, a loop that answers
        for (String vi : List.of("VI_1", "VI_2")) {
            double toMaster = after.family("javakeepalived_vrrp_transitions_total").stream()
                    .filter(x -> x.label("iname").equals(vi) && x.label("to").equals("MASTER"))
                    .mapToDouble(Exposition.Sample::value).sum();
            assertEquals(after.one("keepalived_become_master_total", "iname", vi).value(), toMaster, vi);
            assertEquals(1, toMaster, vi);
        }
        assertEquals(100, after.one("javakeepalived_vrrp_effective_priority", "iname", "VI_1").value());
        assertEquals(0, after.one("javakeepalived_vrrp_adverts_rejected_total", "iname", "VI_2").value());
        assertEquals(1, after.one("keepalived_ip_ttl_errors_total", "iname", "VI_1").value());
        assertEquals(1, after.one("javakeepalived_vrrp_packet_errors_total", "iname", "VI_1", "reason", "ip_ttl_err")
                .value());
        assertEquals(1, after.one("javakeepalived_vrrp_adverts_rejected_total", "iname", "VI_1").value());
        assertEquals(2, after.one("javakeepalived_vrrp_socket_dropped_total", "intf", "eth0", "family", "inet",
                "cast", "multicast", "reason", "unknown_vrid").value());
        double lag = after.one("javakeepalived_vrrp_loop_lag_seconds").value();
        assertTrue(lag > 0 && lag < MetricsServer.TIMEOUT.toSeconds(), "loop lag " + lag);

        assertTrue(get(a.ipv4(), 9650, "/nothing").startsWith("HTTP/1.1 404"));
        assertTrue(d.isAlive(), d.output());
    }

    /** A VRRPv2 advert from B: priority 200, advert_int 1, one address 10.213.0.100, no auth. */
    private static ByteBuffer v2Advert(int vrid) {
        byte[] m = {0x21, (byte) vrid, (byte) 200, 1, 0, 1, 0, 0, 10, (byte) 213, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0};
        long sum = 0;
        for (int i = 0; i < m.length; i += 2) {
            sum += ((m[i] & 0xff) << 8) | (m[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int c = (int) ~sum & 0xffff;
        m[6] = (byte) (c >> 8);
        m[7] = (byte) c;
        return ByteBuffer.wrap(m);
    }

    private static String[] labels(Map<String, String> m) {
        return m.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }
}
