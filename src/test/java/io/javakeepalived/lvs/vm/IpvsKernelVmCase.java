package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.lvs.IpvsDirector;
import io.javakeepalived.lvs.IpvsVerdicts;
import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsException;
import io.javakeepalived.net.IpvsNetlink;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;
import io.javakeepalived.net.IpvsTimeouts;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IPVS against a kernel that has it (run inside ../shared/tools/ipvs-vm by {@code IpvsVmIT},
 * never by surefire or failsafe: the name matches neither). What the operator checks with
 * {@code ipvsadm -Ln}, and what Debian's keepalived 2.2.7 programs for the same file.
 */
class IpvsKernelVmCase {
    private final CapturedLogger log = new CapturedLogger("ipvs-vm");
    private IpvsNetlink table;

    @BeforeEach
    void open() throws IOException {
        table = IpvsNetlink.open();
        table.flush();
    }

    @AfterEach
    void close() throws IOException {
        table.flush();
        table.close();
    }

    private static KeepalivedConfig config(String text) {
        return ConfigFixture.model(ConfigFixture.load0(text));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IpvsKernelVmCase.class.getResourceAsStream("/ipvs-vm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whatWeAddIsWhatTheKernelDumps() throws Exception {
        IpvsService tcp = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.0.0.1"),
                80), "wlc", IpvsService.PERSISTENT, 300, 0xffffff00, "");
        IpvsService udp = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.UDP, InetAddress.getByName("10.0.0.2"),
                53), "rr", IpvsService.ONE_PACKET, 0, 0xffffffff, "");
        IpvsService fwm6 = new IpvsService(IpvsServiceKey.fwmark(9, true), "sh",
                IpvsService.SCHED1 | IpvsService.SCHED2, 0, 128, "");
        IpvsService sctp6 = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.SCTP,
                InetAddress.getByName("2001:db8::1"), 443), "mh", IpvsService.SCHED2, 0, 128, "");
        List<IpvsService> services = List.of(tcp, udp, fwm6, sctp6);
        for (IpvsService s : services) {
            table.addService(s);
        }
        IpvsDest nat = new IpvsDest(InetAddress.getByName("10.0.1.1"), 8080, IpvsDest.MASQ, 2, 100, 10, 0, 0, 0);
        IpvsDest gue = new IpvsDest(InetAddress.getByName("10.0.1.2"), 80, IpvsDest.TUNNEL, 3, 0, 0,
                IpvsDest.TUN_GUE, 6080, IpvsDest.TUN_CSUM);
        IpvsDest dr6 = IpvsDest.of(InetAddress.getByName("2001:db8::2"), 0, IpvsDest.DROUTE, 1);
        table.addDest(tcp, nat);
        table.addDest(tcp, gue);
        table.addDest(fwm6, dr6);
        assertEquals(services.stream().map(IpvsService::key).sorted(java.util.Comparator.comparing(
                IpvsServiceKey::describe)).toList(), table.services().stream().map(IpvsService::key)
                .sorted(java.util.Comparator.comparing(IpvsServiceKey::describe)).toList());
        for (IpvsService s : table.services()) {
            assertEquals(services.stream().filter(x -> x.key().equals(s.key())).findFirst().orElseThrow(), s);
        }
        // the kernel lists a service's dests newest first
        assertEquals(List.of(gue, nat), table.dests(tcp.key()));
        assertEquals(List.of(dr6), table.dests(fwm6.key()));

        table.editDest(tcp, nat.withWeight(0));
        table.deleteDest(tcp, gue);
        assertEquals(List.of(nat.withWeight(0)), table.dests(tcp.key()));
        assertTrue(Ipvsadm.table().contains("  -> 10.0.1.1:8080 Masq 0"), Ipvsadm.run("-Ln"));
    }

    @Test
    void refusalsCarryTheErrnoInKeepalivedsWords() throws Exception {
        IpvsService s = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.0.0.1"), 80),
                "rr", 0, 0, 0xffffffff, "");
        table.addService(s);
        IpvsException e = org.junit.jupiter.api.Assertions.assertThrows(IpvsException.class, () -> table.addService(s));
        assertEquals("IPVS cmd IP_VS_SO_SET_ADD(1154) error: Service already exists(17) (10.0.0.1:tcp:80)",
                e.getMessage());
        IpvsService bad = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.0.0.2"),
                80), "nosuchsched", 0, 0, 0xffffffff, "");
        IpvsException e2 = org.junit.jupiter.api.Assertions.assertThrows(IpvsException.class,
                () -> table.addService(bad));
        assertEquals("IPVS cmd IP_VS_SO_SET_ADD(1154) error: Scheduler or persistence engine not found(2)"
                + " (10.0.0.2:tcp:80)", e2.getMessage());
    }

    @Test
    void ourTableIsTheTableKeepalivedPrograms() throws Exception {
        long t0 = System.nanoTime();
        String conf = resource("keepalived-table.conf");
        Path file = Files.createTempFile("keepalived", ".conf");
        Files.writeString(file, conf);
        Process k = new ProcessBuilder("keepalived", "-C", "-n", "-l", "-f", file.toString(), "-p", "/tmp/k.pid",
                "-c", "/tmp/kc.pid").redirectErrorStream(true).redirectOutput(Path.of("/tmp/k.log").toFile()).start();
        List<String> theirs = waitForServices(10);
        System.out.println("  keepalived's table after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        String timeouts = Ipvsadm.run("-L", "--timeout").trim();
        k.destroy(); // SIGTERM: keepalived removes what it added
        assertTrue(k.waitFor(30, TimeUnit.SECONDS), "keepalived did not stop");
        assertEquals(List.of(), Ipvsadm.table(), "keepalived left its table: " + Files.readString(Path.of("/tmp/k.log")));
        table.setTimeouts(new IpvsTimeouts(900, 120, 300));

        long t1 = System.nanoTime();
        KeepalivedConfig model = config(conf);
        System.out.println("  configuration loaded in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        IpvsDirector director = new IpvsDirector(table, log.logger());
        director.start(model);
        assertEquals(theirs, Ipvsadm.table(), "keepalived's table, then ours");
        assertEquals(timeouts, Ipvsadm.run("-L", "--timeout").trim());
        director.stop(true);
        assertEquals(List.of(), Ipvsadm.table(), "a clean stop leaves nothing of ours");
        assertEquals("Timeout (tcp tcpfin udp): 900 120 300", Ipvsadm.run("-L", "--timeout").trim());
        assertTrue(log.messages().stream().noneMatch(m -> m.contains("IPVS cmd")), log.messages()::toString);
    }

    private static List<String> waitForServices(int count) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> t = Ipvsadm.table();
        while (t.stream().filter(l -> !l.startsWith("  ->")).count() < count && System.nanoTime() < end) {
            Thread.sleep(250);
            t = Ipvsadm.table();
        }
        Thread.sleep(500); // the dests of the last service
        return Ipvsadm.table();
    }

    @Test
    void verdictsMoveRealServersAndTheSorryServer() throws Exception {
        KeepalivedConfig c = config("""
                virtual_server 10.0.0.1 80 {
                    lb_algo rr
                    lb_kind DR
                    protocol TCP
                    sorry_server 10.0.2.1 80
                    real_server 10.0.1.1 80 {
                        inhibit_on_failure
                    }
                    real_server 10.0.1.2 80 {
                    }
                }
                """);
        VirtualServer vs = c.virtualServers().get(0);
        RealServer a = vs.realServers().get(0);
        RealServer b = vs.realServers().get(1);
        IpvsDirector director = new IpvsDirector(table, log.logger());
        // the verdicts' path as the checker engine takes it, on a direct executor
        IpvsVerdicts verdicts = new IpvsVerdicts(() -> director, Runnable::run);
        director.start(c);
        verdicts.realServer(vs, a, false, 1);
        verdicts.realServer(vs, b, false, 1);
        // every server down: inhibited a at 0 stays; the sorry server serves
        assertEquals(List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:80 Route 0", "  -> 10.0.2.1:80 Route 1"),
                Ipvsadm.table());
        verdicts.realServer(vs, b, true, 1);
        assertEquals(List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:80 Route 0", "  -> 10.0.1.2:80 Route 1"),
                Ipvsadm.table());
        verdicts.realServer(vs, a, true, 5);
        assertEquals(List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:80 Route 5", "  -> 10.0.1.2:80 Route 1"),
                Ipvsadm.table());
        director.reload(config("""
                virtual_server 10.0.0.1 80 {
                    lb_algo wlc
                    lb_kind DR
                    protocol TCP
                    real_server 10.0.1.2 80 {
                        weight 3
                    }
                }
                """));
        assertEquals(List.of("TCP 10.0.0.1:80 wlc", "  -> 10.0.1.2:80 Route 3"), Ipvsadm.table());
        director.stop(true);
        assertEquals(List.of(), Ipvsadm.table());
    }
}
