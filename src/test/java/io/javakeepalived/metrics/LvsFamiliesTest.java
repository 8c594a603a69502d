package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.check.CheckerKind;
import io.javakeepalived.check.HealthSnapshot;
import io.javakeepalived.check.HealthSnapshot.CheckerView;
import io.javakeepalived.check.HealthSnapshot.RealServerView;
import io.javakeepalived.check.HealthSnapshot.VirtualServerView;
import io.javakeepalived.daemon.LoopSnapshot;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The LVS side of the page, from a checkers' snapshot, exactly. */
class LvsFamiliesTest {

    private static String page(HealthSnapshot health) {
        LoopSnapshot s = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of()),
                List.of()).withHealth(health, 3_000_000);
        String text = new Scrape(s, 0).render();
        return text.substring(text.indexOf("# HELP javakeepalived_lvs"));
    }

    @Test
    void aPoolWithOneServerUpAndOneInhibitedDown() {
        HealthSnapshot h = new HealthSnapshot(List.of(new VirtualServerView("[10.0.0.1]:tcp:80", true, 3, 2, List.of(
                new RealServerView("[10.0.0.2]:tcp:80", true, 3, OptionalInt.of(3),
                        List.of(new CheckerView(CheckerKind.TCP, 0, true, true, 12, 1))),
                new RealServerView("[10.0.0.3]:tcp:80", false, 1, OptionalInt.of(0), List.of(
                        new CheckerView(CheckerKind.HTTP, 0, true, true, 10, 0),
                        new CheckerView(CheckerKind.TCP, 1, false, true, 10, 4)))))));
        String rs2 = "vs=\"[10.0.0.1]:tcp:80\",rs=\"[10.0.0.2]:tcp:80\"";
        String rs3 = "vs=\"[10.0.0.1]:tcp:80\",rs=\"[10.0.0.3]:tcp:80\"";
        assertEquals("""
                # HELP javakeepalived_lvs_checker_loop_lag_seconds Time the checker loop took to hand over the checkers' standing for the scrape
                # TYPE javakeepalived_lvs_checker_loop_lag_seconds gauge
                javakeepalived_lvs_checker_loop_lag_seconds 0.003
                # HELP javakeepalived_lvs_virtual_server_quorum_up 1 while the alive real servers' weight holds the virtual server's quorum
                # TYPE javakeepalived_lvs_virtual_server_quorum_up gauge
                javakeepalived_lvs_virtual_server_quorum_up{vs="[10.0.0.1]:tcp:80"} 1
                # HELP javakeepalived_lvs_virtual_server_live_weight The weights of the virtual server's alive real servers added up
                # TYPE javakeepalived_lvs_virtual_server_live_weight gauge
                javakeepalived_lvs_virtual_server_live_weight{vs="[10.0.0.1]:tcp:80"} 3
                # HELP javakeepalived_lvs_virtual_server_quorum The virtual server's configured quorum
                # TYPE javakeepalived_lvs_virtual_server_quorum gauge
                javakeepalived_lvs_virtual_server_quorum{vs="[10.0.0.1]:tcp:80"} 2
                # HELP javakeepalived_lvs_real_server_up 1 while every checker of the real server passes
                # TYPE javakeepalived_lvs_real_server_up gauge
                javakeepalived_lvs_real_server_up{RS2} 1
                javakeepalived_lvs_real_server_up{RS3} 0
                # HELP javakeepalived_lvs_real_server_weight The real server's weight in the IPVS table (no sample while it is out of it)
                # TYPE javakeepalived_lvs_real_server_weight gauge
                javakeepalived_lvs_real_server_weight{RS2} 3
                javakeepalived_lvs_real_server_weight{RS3} 0
                # HELP javakeepalived_lvs_checker_up 1 while the checker's own verdict is up
                # TYPE javakeepalived_lvs_checker_up gauge
                javakeepalived_lvs_checker_up{RS2,checker="TCP_CHECK",index="0"} 1
                javakeepalived_lvs_checker_up{RS3,checker="HTTP_GET",index="0"} 1
                javakeepalived_lvs_checker_up{RS3,checker="TCP_CHECK",index="1"} 0
                # HELP javakeepalived_lvs_checks_total Checks that reached a result
                # TYPE javakeepalived_lvs_checks_total counter
                javakeepalived_lvs_checks_total{RS2,checker="TCP_CHECK",index="0"} 12
                javakeepalived_lvs_checks_total{RS3,checker="HTTP_GET",index="0"} 10
                javakeepalived_lvs_checks_total{RS3,checker="TCP_CHECK",index="1"} 10
                # HELP javakeepalived_lvs_check_failures_total Checks that failed (whether they used a retry or took the checker down)
                # TYPE javakeepalived_lvs_check_failures_total counter
                javakeepalived_lvs_check_failures_total{RS2,checker="TCP_CHECK",index="0"} 1
                javakeepalived_lvs_check_failures_total{RS3,checker="HTTP_GET",index="0"} 0
                javakeepalived_lvs_check_failures_total{RS3,checker="TCP_CHECK",index="1"} 4
                """.replace("RS2", rs2).replace("RS3", rs3), page(h));
    }

    @Test
    void noCheckersNoLvsFamilies() {
        LoopSnapshot s = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of()),
                List.of());
        assertEquals(-1, new Scrape(s, 0).render().indexOf("javakeepalived_lvs"));
    }
}
