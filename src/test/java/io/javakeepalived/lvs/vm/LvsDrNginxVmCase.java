package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * conf/examples/lvs-dr-nginx as an operator sets it up, in namespaces with the example's names
 * and addresses: director 1's file itself (not a copy) run by the jar on 192.0.2.11, Debian's
 * nginx on the real servers 192.0.2.121 and .122 prepared by the example's real-server.sh, a
 * client on 192.0.2.50. One director: a second JVM in the emulated VM would double the case's
 * time, and the pair's VRRP is tested on the host (ExampleSetupsIT, the VRRP ITs).
 */
class LvsDrNginxVmCase {
    private static final Path EXAMPLE = Path.of("conf/examples/lvs-dr-nginx");
    private static final String VIP = "192.0.2.91";

    private NetnsLab lab;
    private Path dir;
    private Node client;
    private Node director;
    private final Map<Node, Background> nginx = new HashMap<>();

    @BeforeEach
    void lan() throws IOException {
        dir = Files.createTempDirectory("jk-lvs-dr");
        lab = NetnsLab.create("client", "director", "rs1", "rs2");
        client = lab.node("client");
        director = lab.node("director");
        lab.ip(client.ns(), "addr", "add", "192.0.2.50/24", "dev", "eth0");
        lab.ip(director.ns(), "addr", "add", "192.0.2.11/24", "dev", "eth0");
        lab.ip(lab.node("rs1").ns(), "addr", "add", "192.0.2.121/24", "dev", "eth0");
        lab.ip(lab.node("rs2").ns(), "addr", "add", "192.0.2.122/24", "dev", "eth0");
    }

    @AfterEach
    void down() {
        lab.close(); // nginx and the daemon too, by pid
    }

    /**
     * nginx answering {@code /} with the node's name, started by pid in the foreground: the VM's
     * root is read-only, so its pid, logs and temp files live under a directory of its own.
     */
    private void startNginx(Node rs, String address) throws IOException {
        Path prefix = Files.createDirectories(dir.resolve("nginx-" + rs.name()));
        StringBuilder temp = new StringBuilder();
        for (String t : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            temp.append("    ").append(t).append("_temp_path ").append(prefix.resolve(t)).append(";\n");
        }
        Files.writeString(prefix.resolve("nginx.conf"), "worker_processes 1;\npid " + prefix.resolve("nginx.pid")
                + ";\nerror_log " + prefix.resolve("error.log") + ";\nevents {\n    worker_connections 64;\n}\n"
                + "http {\n    access_log off;\n" + temp + "    server {\n        listen 80;\n"
                + "        location / {\n            default_type text/plain;\n            return 200 \""
                + rs.name() + "\\n\";\n        }\n    }\n}\n");
        Background b = lab.start(rs.ns(), "nginx", "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;");
        nginx.put(rs, b);
        NetnsLab.await("nginx on " + rs.name(), 30_000, () -> answers(rs, address), b);
    }

    private boolean answers(Node rs, String address) {
        try {
            return lab.call(rs, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, 80), 1_000);
                    return true;
                } catch (IOException refused) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    private boolean has(Node n, String ifname, String cidr) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", ifname).output().contains(" " + cidr + " ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code keepalived -t} on the file in the director's namespace (it has the eth0 the file names). */
    private void keepalivedAccepts(Path conf) throws IOException {
        NetnsLab.Result r = lab.exec(director.ns(), "keepalived", "-t", "-l", "-f", conf.toString());
        assertEquals(new NetnsLab.Result(0, ""), r, "keepalived -t " + conf);
    }

    @Test
    void theExampleDirectorSendsClientsToTheNginxServersThatAnswer() throws Exception {
        keepalivedAccepts(EXAMPLE.resolve("director1.conf"));
        keepalivedAccepts(EXAMPLE.resolve("director2.conf"));
        for (String rs : new String[] {"rs1", "rs2"}) {
            lab.exec(lab.node(rs).ns(), "sh", EXAMPLE.resolve("real-server.sh").toString(), "start")
                    .requireSuccess("real-server.sh start");
        }
        assertTrue(has(lab.node("rs1"), "lo", VIP + "/32"), "real-server.sh puts the VIP on lo");
        startNginx(lab.node("rs1"), "192.0.2.121");
        startNginx(lab.node("rs2"), "192.0.2.122");

        List<String> cmd = new ArrayList<>(DaemonLab.jarCommand("-n", "-l", "-D"));
        cmd.addAll(List.of("-f", EXAMPLE.resolve("director1.conf").toAbsolutePath().toString(),
                "-p", dir.resolve("director.pid").toString(), "-r", dir.resolve("director_vrrp.pid").toString()));
        Background d = lab.start(director.ns(), cmd.toArray(String[]::new));
        NetnsLab.await("director 1 becomes MASTER", 60_000,
                () -> DaemonLab.logged(d.output(), "(VI_WEB) Entering MASTER STATE"), d);
        NetnsLab.await("the VIP on director 1", 10_000, () -> has(director, "eth0", VIP + "/24"), d);

        List<String> both = List.of("TCP " + VIP + ":80 rr", "  -> 192.0.2.121:80 Route 1",
                "  -> 192.0.2.122:80 Route 1");
        assertEquals(both, Ipvsadm.await(director.ns(), both, 60), d::output);
        assertEquals(Map.of("rs1", 3, "rs2", 3), VipClient.tally(lab, client, VIP, 80, 6), "both nginx answer");

        nginx.remove(lab.node("rs1")).stop();
        List<String> rs2Only = List.of("TCP " + VIP + ":80 rr", "  -> 192.0.2.122:80 Route 1");
        assertEquals(rs2Only, Ipvsadm.await(director.ns(), rs2Only, 60), d::output);
        assertEquals(Map.of("rs2", 6), VipClient.tally(lab, client, VIP, 80, 6), "rs1's nginx stopped");
    }
}
