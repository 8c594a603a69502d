package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.LabServers;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon's TCP_CHECK verdicts in the kernel's table: a director namespace running the jar,
 * a real server namespace whose listeners the test closes and opens again. {@code ipvsadm -Ln}
 * in the director loses the dest (or, with inhibit_on_failure, shows it with weight 0) and gets it
 * back.
 */
class CheckerIpvsVmCase {
    private DaemonLab dl;
    private Node director;
    private Node real;
    private final Map<Integer, ServerSocket> listeners = new HashMap<>();

    @BeforeEach
    void lab() throws IOException {
        dl = DaemonLab.create(Files.createTempDirectory("jk-checker"), "director", "real");
        director = dl.node("director");
        real = dl.node("real");
    }

    @AfterEach
    void close() throws IOException {
        for (ServerSocket s : listeners.values()) {
            s.close();
        }
        dl.close();
    }

    private void listen(int port) throws IOException {
        listeners.put(port, LabServers.listen(dl.lab(), real, port, LabServers.ACCEPT_AND_CLOSE));
    }

    private void stopListening(int port) throws IOException {
        listeners.remove(port).close();
    }

    private List<String> await(List<String> expected) throws Exception {
        return Ipvsadm.await(director.ns(), expected, 60); // a JVM start under TCG on a loaded host
    }

    @Test
    void aFailingCheckTakesTheDestOutOrToWeightZeroAndARecoveryPutsItBack() throws Exception {
        listen(8080);
        listen(8081);
        String check = "        TCP_CHECK {\n            connect_timeout 1\n            retry 0\n        }\n";
        DaemonLab.Daemon d = dl.start(director, "virtual_server 10.213.0.100 80 {\n    lb_algo rr\n"
                + "    lb_kind NAT\n    protocol TCP\n    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n        weight 3\n" + check + "    }\n"
                + "    real_server " + real.ipv4() + " 8081 {\n        weight 2\n        inhibit_on_failure\n" + check
                + "    }\n}\n");
        String a = "  -> " + real.ipv4() + ":8080 Masq ";
        String b = "  -> " + real.ipv4() + ":8081 Masq ";
        List<String> healthy = List.of("TCP 10.213.0.100:80 rr", a + "3", b + "2");
        assertEquals(healthy, await(healthy), d::output);
        d.awaitLogged("TCP connection to [" + real.ipv4() + "]:tcp:8080 success.", 10_000);

        stopListening(8080);
        stopListening(8081);
        List<String> failed = List.of("TCP 10.213.0.100:80 rr", b + "0");
        assertEquals(failed, await(failed), d::output);
        d.awaitLogged("Removing service [" + real.ipv4() + "]:tcp:8080 from VS [10.213.0.100]:tcp:80", 1_000);
        d.awaitLogged("Disabling service [" + real.ipv4() + "]:tcp:8081 of VS [10.213.0.100]:tcp:80", 1_000);

        listen(8080);
        listen(8081);
        assertEquals(healthy, await(healthy), d::output);
    }
}
