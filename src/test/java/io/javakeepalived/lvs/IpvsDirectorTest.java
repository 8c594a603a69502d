package io.javakeepalived.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.fakenet.FakeIpvsTable;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IPVS table as an operator would list it, through start, verdicts, reload and stop. */
class IpvsDirectorTest {
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final CapturedLogger log = new CapturedLogger("ipvs-test");
    private final IpvsDirector director = new IpvsDirector(table, log.logger());

    static KeepalivedConfig config(String text) {
        return ConfigFixture.model(ConfigFixture.load0(text));
    }

    static String vs(String head, String... lines) {
        return "virtual_server " + head + " {\n" + String.join("\n", lines) + "\n}\n";
    }

    private static final String WEB = vs("10.0.0.1 80", "lb_algo rr", "lb_kind NAT", "protocol TCP",
            "real_server 10.0.1.1 8080 { weight 2 }", "real_server 10.0.1.2 8080 { weight 3 }");

    private static VirtualServer first(KeepalivedConfig c) {
        return c.virtualServers().get(0);
    }

    private static RealServer rs(VirtualServer vs, int i) {
        return vs.realServers().get(i);
    }

    @Test
    void startProgramsEveryRealServerWithItsWeight() {
        director.start(config(WEB));
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.1:8080 Masq 2", "  -> 10.0.1.2:8080 Masq 3"),
                table.listing());
    }

    @Test
    void startLeavesServicesItDoesNotOwnAndCorrectsItsOwn() throws Exception {
        IpvsService foreign = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.9.9.9"),
                22), "wlc", 0, 0, IpvsService.fullNetmask(false), "");
        table.addService(foreign);
        IpvsService ours = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.0.0.1"),
                80), "rr", 0, 0, IpvsService.fullNetmask(false), "");
        table.addService(ours);
        // left by a predecessor killed with -9: one stale real server, one with the wrong weight
        table.addDest(ours, IpvsDest.of(InetAddress.getByName("10.0.1.9"), 8080, IpvsDest.MASQ, 1));
        table.addDest(ours, IpvsDest.of(InetAddress.getByName("10.0.1.1"), 8080, IpvsDest.MASQ, 7));
        table.clearCommands();
        director.start(config(WEB));
        assertEquals(List.of("10.9.9.9:tcp:22 wlc", "10.0.0.1:tcp:80 rr", "  -> 10.0.1.1:8080 Masq 2",
                "  -> 10.0.1.2:8080 Masq 3"), table.listing());
        assertEquals(List.of("delete dest 10.0.0.1:tcp:80 -> 10.0.1.9:8080",
                "edit dest 10.0.0.1:tcp:80 -> 10.0.1.1:8080 w2", "add dest 10.0.0.1:tcp:80 -> 10.0.1.2:8080 w3"),
                table.commands());
    }

    @Test
    void aDeadServerLeavesAndComesBack() {
        KeepalivedConfig c = config(WEB);
        director.start(c);
        director.realServer(first(c), rs(first(c), 0), false, 2);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:8080 Masq 3"), table.listing());
        director.realServer(first(c), rs(first(c), 0), true, 2);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:8080 Masq 3", "  -> 10.0.1.1:8080 Masq 2"),
                table.listing());
    }

    @Test
    void inhibitOnFailureKeepsTheServerAtWeightZeroByAnEdit() {
        KeepalivedConfig c = config(vs("10.0.0.1 80", "lb_algo rr", "protocol TCP", "inhibit_on_failure",
                "real_server 10.0.1.1 8080 { weight 2 }"));
        director.start(c);
        table.clearCommands();
        director.realServer(first(c), rs(first(c), 0), false, 2);
        assertEquals(List.of("edit dest 10.0.0.1:tcp:80 -> 10.0.1.1:8080 w0"), table.commands());
        director.realServer(first(c), rs(first(c), 0), true, 2);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.1:8080 Masq 2"), table.listing());
    }

    @Test
    void aCheckerWeightIsAnEdit() {
        KeepalivedConfig c = config(WEB);
        director.start(c);
        table.clearCommands();
        director.realServer(first(c), rs(first(c), 1), true, 9);
        assertEquals(List.of("edit dest 10.0.0.1:tcp:80 -> 10.0.1.2:8080 w9"), table.commands());
    }

    @Test
    void theSorryServerTakesOverWhenAllFailAndLeavesOnRecovery() {
        KeepalivedConfig c = config(vs("10.0.0.1 80", "lb_algo rr", "lb_kind DR", "protocol TCP",
                "sorry_server 10.0.2.1 80", "real_server 10.0.1.1 80 { }", "real_server 10.0.1.2 80 { }"));
        VirtualServer v = first(c);
        director.start(c);
        director.realServer(v, rs(v, 0), false, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:80 Route 1"), table.listing());
        director.realServer(v, rs(v, 1), false, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.2.1:80 Route 1"), table.listing());
        director.realServer(v, rs(v, 1), true, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:80 Route 1"), table.listing());
    }

    @Test
    void anInhibitedSorryServerWaitsAtWeightZero() {
        KeepalivedConfig c = config(vs("10.0.0.1 80", "lb_algo rr", "protocol TCP", "sorry_server 10.0.2.1 80",
                "sorry_server_inhibit", "real_server 10.0.1.1 80 { }"));
        director.start(c);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.1:80 Masq 1", "  -> 10.0.2.1:80 Masq 0"),
                table.listing());
        director.realServer(first(c), rs(first(c), 0), false, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.2.1:80 Masq 1"), table.listing());
    }

    @Test
    void quorumWithHysteresisDecidesWhenTheSorryServerComesAndGoes() {
        // quorum 3, hysteresis 1: lost below 2, gained again at 4
        KeepalivedConfig c = config(vs("10.0.0.1 80", "lb_algo rr", "protocol TCP", "quorum 3", "hysteresis 1",
                "sorry_server 10.0.2.1 80", "real_server 10.0.1.1 80 { }", "real_server 10.0.1.2 80 { }",
                "real_server 10.0.1.3 80 { }", "real_server 10.0.1.4 80 { }"));
        VirtualServer v = first(c);
        director.start(c);
        director.realServer(v, rs(v, 0), false, 1);
        director.realServer(v, rs(v, 1), false, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.3:80 Masq 1", "  -> 10.0.1.4:80 Masq 1"),
                table.listing(), "weight 2 is not below quorum - hysteresis");
        director.realServer(v, rs(v, 2), false, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.2.1:80 Masq 1"), table.listing(), "lost at 1");
        director.realServer(v, rs(v, 0), true, 1);
        director.realServer(v, rs(v, 1), true, 1);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.2.1:80 Masq 1"), table.listing(),
                "3 is not quorum + hysteresis");
        director.realServer(v, rs(v, 2), true, 1);
        assertEquals(4, table.listing().size() - 1);
        assertTrue(table.listing().stream().noneMatch(l -> l.contains("10.0.2.1")), "sorry server gone at 4");
    }

    @Test
    void alphaStartsServersWithCheckersDown() {
        KeepalivedConfig c = config(vs("10.0.0.1 80", "lb_algo rr", "protocol TCP", "alpha",
                "real_server 10.0.1.1 80 { TCP_CHECK { connect_timeout 1 } }", "real_server 10.0.1.2 80 { }"));
        director.start(c);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:80 Masq 1"), table.listing());
    }

    @Test
    void groupsExpandRangesAndFwmarks() {
        KeepalivedConfig c = config("virtual_server_group G {\n 10.0.0.1-3 80\n fwmark 7\n}\n"
                + vs("group G", "lb_algo wlc", "lb_kind DR", "protocol TCP", "real_server 10.0.1.1 80 { }"));
        director.start(c);
        assertEquals(List.of("10.0.0.1:tcp:80 wlc", "  -> 10.0.1.1:80 Route 1", "10.0.0.2:tcp:80 wlc",
                "  -> 10.0.1.1:80 Route 1", "10.0.0.3:tcp:80 wlc", "  -> 10.0.1.1:80 Route 1", "Fwm 7 wlc",
                "  -> 10.0.1.1:0 Route 1"), table.listing());
    }

    @Test
    void persistenceAndSchedulerFlagsReachTheService() {
        KeepalivedConfig c = config(vs("10.0.0.1 0", "lb_algo sh", "sh-port", "sh-fallback", "protocol TCP",
                "persistence_timeout 600", "persistence_granularity 255.255.255.0", "real_server 10.0.1.1 80 { }"));
        director.start(c);
        IpvsService s = table.services().get(0);
        assertEquals(IpvsService.PERSISTENT | IpvsService.SCHED1 | IpvsService.SCHED2, s.flags());
        assertEquals(600, s.timeout());
        assertEquals(0xffffff00, s.netmask());
    }

    @Test
    void reloadEditsAStayingServerAndNeverRemovesIt() {
        director.start(config(WEB));
        table.clearCommands();
        director.reload(config(vs("10.0.0.1 80", "lb_algo rr", "lb_kind NAT", "protocol TCP",
                "real_server 10.0.1.1 8080 { weight 5 }", "real_server 10.0.1.3 8080 { weight 1 }")));
        assertEquals(List.of("delete dest 10.0.0.1:tcp:80 -> 10.0.1.2:8080",
                "edit dest 10.0.0.1:tcp:80 -> 10.0.1.1:8080 w5", "add dest 10.0.0.1:tcp:80 -> 10.0.1.3:8080 w1"),
                table.commands());
    }

    @Test
    void reloadKeepsADeadServerDeadAndDropsServicesNoLongerConfigured() {
        KeepalivedConfig c = config(WEB + vs("10.0.0.2 53", "lb_algo rr", "protocol UDP",
                "real_server 10.0.1.5 53 { }"));
        director.start(c);
        director.realServer(first(c), rs(first(c), 0), false, 2);
        table.clearCommands();
        director.reload(config(WEB));
        assertEquals(List.of("delete service 10.0.0.2:udp:53"), table.commands());
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:8080 Masq 3"), table.listing());
    }

    @Test
    void stopRemovesOurServersThenOurServices() throws Exception {
        IpvsService foreign = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.9.9.9"),
                22), "wlc", 0, 0, IpvsService.fullNetmask(false), "");
        table.addService(foreign);
        director.start(config(WEB));
        table.clearCommands();
        director.stop(true);
        assertEquals(List.of("delete dest 10.0.0.1:tcp:80 -> 10.0.1.1:8080",
                "delete dest 10.0.0.1:tcp:80 -> 10.0.1.2:8080", "delete service 10.0.0.1:tcp:80"), table.commands());
        assertEquals(List.of("10.9.9.9:tcp:22 wlc"), table.listing());
    }

    @Test
    void stopFlushesWithLvsFlushOnStopAndLeavesAllWithoutRelease() {
        director.start(config("global_defs {\n lvs_flush_on_stop\n}\n" + WEB));
        table.clearCommands();
        director.stop(true);
        assertEquals(List.of("flush"), table.commands());

        FakeIpvsTable other = new FakeIpvsTable();
        IpvsDirector kept = new IpvsDirector(other, log.logger());
        kept.start(config(WEB));
        other.clearCommands();
        kept.stop(false);
        assertEquals(List.of(), other.commands(), "-I leaves the table");
    }

    @Test
    void lvsFlushEmptiesTheTableFirstAndTimeoutsAreRestoredAtStop() {
        director.start(config("global_defs {\n lvs_flush\n lvs_timeouts tcp 7200 udp 60\n}\n" + WEB));
        assertEquals(List.of("flush", "timeouts 7200 120 60"), table.commands().subList(0, 2));
        table.clearCommands();
        director.stop(true);
        assertEquals("timeouts 900 120 300", table.commands().get(table.commands().size() - 1));
    }

    @Test
    void aTableEmptiedBehindOurBackIsRebuiltOnTheNextVerdict() {
        KeepalivedConfig c = config(WEB);
        director.start(c);
        table.flush(); // ipvsadm -C by hand
        director.realServer(first(c), rs(first(c), 0), false, 2);
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.2:8080 Masq 3"), table.listing());
    }
}
