package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** keepalived_check.data's "LVS Topology" as keepalived 2.2.7's dump_vs / dump_rs write it. */
class LvsTopologyDumpTest {

    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    private String dump(KeepalivedConfig config) {
        StringBuilder out = new StringBuilder();
        LvsTopologyDump.write(out, config.virtualServerGroups(), engine.pools());
        return out.toString();
    }

    @Test
    void aVirtualServerWithASorryServerAndTwoRealServersOneDown() {
        KeepalivedConfig config = CheckConfigs.load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo wrr
                    lb_kind DR
                    delay_loop 6
                    persistence_timeout 50
                    quorum 2
                    quorum_up /etc/k/up.sh
                    sorry_server 10.0.0.9 80
                    real_server 10.0.0.2 80 {
                        weight 2
                        inhibit_on_failure
                        notify_down "/etc/k/down.sh rs2"
                        TCP_CHECK { retry 0 }
                    }
                    real_server 10.0.0.3 80 {
                        TCP_CHECK { retry 0 }
                    }
                }
                """);
        engine.start(config, servers);
        servers.down("10.0.0.3:80");
        host.advanceTo(1_000);
        String dump = dump(config);
        assertEquals("""
                ------< LVS Topology >------
                 System is compiled with LVS v1.2.1
                 ------< Virtual server >------
                 VS VIP = 10.0.0.1, VPORT = 80
                   Address family = inet
                   connection timeout = 5.000000
                   delay_loop = 6.000000
                   lvs_sched = wrr
                   Hashed = disabled
                   flag-1 = disabled
                   flag-2 = disabled
                   flag-3 = disabled
                   One packet scheduling = disabled
                   persistence timeout = 50
                   protocol = TCP
                   alpha is OFF
                   omega is OFF
                   Inhibit on failure is OFF
                   quorum = 2, hysteresis = 0
                   Quorum up notify script = '/etc/k/up.sh', uid:gid 0:0
                   Using smtp notification = no
                   default forwarding method = DR
                   sorry server = [10.0.0.9]:tcp:80
                     forwarding method = DR
                     Inhibit on failure is OFF
                   alive = 1
                   quorum_state_up = 1
                   reloaded = 0
                   ------< Real server >------
                   RIP = 10.0.0.2, RPORT = 80, WEIGHT = 2 EFF WEIGHT = 2
                   forwarding method = DR
                   Alpha is OFF
                   connection timeout = 5.000000
                   connection limit range = 0 -> 0
                   Delay loop = 6.000000
                   Inhibit on failure is ON
                     RS down notify script = '/etc/k/down.sh' 'rs2', uid:gid 0:0
                   Using smtp notification = yes
                   initial weight = 2
                   effective weight = 2
                   previous effective_weight = 0
                   alive = 1
                   num failed checkers = 0
                   RS set = 1
                   reloaded = 0
                   ------< Real server >------
                """, dump.substring(0, dump.lastIndexOf("   RIP = ")));
        // the second real server: down, out of the table (its other lines are the first one's)
        assertEquals(List.of("   RIP = 10.0.0.3, RPORT = 80, WEIGHT = 1 EFF WEIGHT = 1", "   Inhibit on failure is OFF",
                "   alive = 0", "   num failed checkers = 1", "   RS set = 0"), dump.substring(dump.lastIndexOf("   RIP = "))
                .lines().filter(l -> l.contains("RIP") || l.contains("Inhibit") || l.contains("alive")
                        || l.contains("failed") || l.contains("RS set")).toList());
        engine.stop();
    }

    @Test
    void aGroupIsListedBeforeTheVirtualServersAndNamedByThem() {
        KeepalivedConfig config = CheckConfigs.load("""
                virtual_server_group web {
                    10.0.0.1 80
                    10.0.0.10-20 80
                    fwmark 7
                }
                virtual_server group web {
                    protocol TCP
                    lb_algo sh
                    lb_kind NAT
                    real_server 10.0.0.2 80 {
                        TCP_CHECK { }
                    }
                }
                """);
        engine.start(config, servers);
        List<String> lines = dump(config).lines().toList();
        assertEquals(List.of(" ------< Virtual server group >------",
                " Virtual Server Group = web, IPv4 = yes, IPv6 = yes",
                "   VIP = 10.0.0.1, VPORT = 80",
                "     Alive: 1 tcp, 0 udp, 0 sctp",
                "     reloaded = False",
                "   VIP Range = 10.0.0.10-10.0.0.20, VPORT = 80",
                "     Alive: 1 tcp, 0 udp, 0 sctp",
                "     reloaded = False",
                "   FWMARK = 7",
                "     Alive: 1 IPv4, 1 IPv6",
                "     reloaded = False",
                " ------< Virtual server >------",
                " VS GROUP = [web]:0"), lines.subList(2, 15));
        assertEquals(List.of("   lvs_sched = sh", "   Hashed = disabled", "   sh-port = disabled",
                "   sh-fallback = disabled"), lines.subList(lines.indexOf("   lvs_sched = sh"),
                lines.indexOf("   lvs_sched = sh") + 4));
        engine.stop();
    }

    @Test
    void theWholeFileHasTheTopologyBeforeTheCheckers() {
        KeepalivedConfig config = CheckConfigs.load(CheckConfigs.virtualServer("""
                    real_server 10.0.0.2 80 {
                        TCP_CHECK { }
                    }
                """));
        engine.start(config, new Probes(run -> null, config, Optional::empty, line -> { }));
        List<String> lines = CheckDataDump.render(config.virtualServerGroups(), engine.pools(), engine.dumpEntries())
                .lines().toList();
        assertEquals("------< LVS Topology >------", lines.get(0));
        assertEquals(" [10.0.0.1]:tcp:80 -> [10.0.0.2]:tcp:80",
                lines.get(lines.indexOf("------< Health checkers >------") + 1));
        engine.stop();
    }
}
