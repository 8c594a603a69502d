package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.lvs.IpvsDirector;
import io.javakeepalived.net.IpvsNetlink;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.netns.NetnsLab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real traffic through an LVS-DR director in namespaces inside the VM: a client's long-lived TCP
 * connection through a real server that a reload keeps survives the reload. The director runs
 * with {@code expire_nodest_conn=1}, so a connection whose real server was removed (even if
 * added back) is cut at its next packet: the test sees the difference between an edit and a
 * delete-and-add, and checks it does, by removing the server in a last reload.
 */
class IpvsTrafficVmCase {
    private static final String VIP = "10.213.0.100";
    private final CapturedLogger log = new CapturedLogger("ipvs-traffic");
    private NetnsLab lab;
    private IpvsNetlink table;
    private ServerSocket server;

    @BeforeEach
    void lan() throws IOException {
        lab = NetnsLab.create("client", "director", "rs1", "rs2");
        NetnsLab.Node director = lab.node("director");
        lab.ip(director.ns(), "addr", "add", VIP + "/24", "dev", "eth0");
        lab.exec(director.ns(), "sysctl", "-q", "-w", "net.ipv4.vs.expire_nodest_conn=1")
                .requireSuccess("expire_nodest_conn");
        for (String rs : new String[] {"rs1", "rs2"}) {
            String ns = lab.node(rs).ns();
            lab.ip(ns, "addr", "add", VIP + "/32", "dev", "lo");
            lab.exec(ns, "sysctl", "-q", "-w", "net.ipv4.conf.eth0.arp_ignore=1").requireSuccess("arp_ignore");
            lab.exec(ns, "sysctl", "-q", "-w", "net.ipv4.conf.eth0.arp_announce=2").requireSuccess("arp_announce");
        }
        table = lab.call(director, IpvsNetlink::open);
        server = lab.call(lab.node("rs1"), () -> new ServerSocket(8080));
        Thread echo = new Thread(this::echo, "echo");
        echo.setDaemon(true);
        echo.start();
    }

    @AfterEach
    void down() throws IOException {
        server.close();
        table.close();
        lab.close();
    }

    /** rs1's service: echoes each line, on every connection. */
    private void echo() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> {
                    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.US_ASCII))) {
                        OutputStream out = s.getOutputStream();
                        for (String l; (l = in.readLine()) != null; ) {
                            out.write((l + "\n").getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (IOException ended) {
                        // the client went
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static KeepalivedConfig config(String realServers, String algo) {
        return ConfigFixture.model(ConfigFixture.load0("virtual_server " + VIP + " 8080 {\n lb_algo " + algo
                + "\n lb_kind DR\n protocol TCP\n" + realServers + "}\n"));
    }

    private static String say(Socket s, BufferedReader in, String line) throws IOException {
        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        return in.readLine();
    }

    @Test
    void aLongLivedConnectionSurvivesAReloadThatKeepsItsRealServer() throws Exception {
        String rs1 = "real_server 10.213.0.3 8080 {\n weight 1\n}\n";
        IpvsDirector director = new IpvsDirector(table, log.logger());
        director.start(config(rs1, "rr"));
        Socket s = lab.call(lab.node("client"), () -> {
            Socket c = new Socket();
            c.setSoTimeout(5000);
            c.connect(new InetSocketAddress(VIP, 8080), 5000);
            return c;
        });
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("before", say(s, in, "before"));

        // weight 1 -> 5, a second real server, another scheduler: all edits and adds
        director.reload(config("real_server 10.213.0.3 8080 {\n weight 5\n}\nreal_server 10.213.0.4 8080 {\n}\n",
                "wrr"));
        assertEquals("after the reload", say(s, in, "after the reload"));

        // the control: a reload that drops rs1 cuts the connection (expire_nodest_conn)
        director.reload(config("real_server 10.213.0.4 8080 {\n}\n", "wrr"));
        assertThrows(IOException.class, () -> {
            String answer = say(s, in, "after rs1 left");
            if (answer == null) {
                throw new IOException("closed");
            }
        });
        s.close();
        director.stop(true);
    }
}
