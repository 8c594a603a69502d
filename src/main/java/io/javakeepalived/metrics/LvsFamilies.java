package io.javakeepalived.metrics;

import io.javakeepalived.check.HealthSnapshot;
import io.javakeepalived.check.HealthSnapshot.CheckerView;
import io.javakeepalived.check.HealthSnapshot.RealServerView;
import io.javakeepalived.check.HealthSnapshot.VirtualServerView;
import io.javakeepalived.metrics.PrometheusText.Type;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * javakeepalived's families for the LVS side, from the checkers' {@link HealthSnapshot}
 * (keepalived-exporter has none: keepalived reports its checkers only over SNMP). Labels: the
 * virtual server {@code vs} and real server {@code rs} as keepalived names them in its lines
 * ({@code [10.0.0.1]:tcp:80}), a checker's {@code checker} keyword and {@code index} among its real
 * server's checkers (a real server may have two of one kind).
 * <ul>
 * <li>{@code javakeepalived_lvs_virtual_server_quorum_up{vs}}: 1 while the live weight holds the
 *     quorum, 0 while lost (then a sorry server serves, if there is one);</li>
 * <li>{@code javakeepalived_lvs_virtual_server_live_weight{vs}} and
 *     {@code javakeepalived_lvs_virtual_server_quorum{vs}}: the two numbers compared;</li>
 * <li>{@code javakeepalived_lvs_real_server_up{vs,rs}}: the checkers' verdict (1: every checker passes);</li>
 * <li>{@code javakeepalived_lvs_real_server_weight{vs,rs}}: its weight in the IPVS table (0 when
 *     inhibit_on_failure keeps a dead one); no sample while it is out of the table;</li>
 * <li>{@code javakeepalived_lvs_checker_up{vs,rs,checker,index}}: one checker's own verdict;</li>
 * <li>{@code javakeepalived_lvs_checks_total} and {@code javakeepalived_lvs_check_failures_total}
 *     {@code {vs,rs,checker,index}}: attempts that reached a result, and the failed ones among them
 *     (a failure that only uses a retry counts too);</li>
 * <li>{@code javakeepalived_lvs_checker_loop_lag_seconds}: how long the checker loop took to hand
 *     the snapshot over - a loop stuck on something shows here before checks go missing.</li>
 * </ul>
 * Nothing is written when no checker runs.
 */
final class LvsFamilies {

    private LvsFamilies() {
    }

    static void render(PrometheusText out, HealthSnapshot health, long loopLagNanos) {
        List<VirtualServerView> pools = health.virtualServers();
        if (pools.isEmpty()) {
            return;
        }
        out.family("javakeepalived_lvs_checker_loop_lag_seconds", Type.GAUGE,
                "Time the checker loop took to hand over the checkers' standing for the scrape");
        out.sample(loopLagNanos / 1e9);
        out.family("javakeepalived_lvs_virtual_server_quorum_up", Type.GAUGE,
                "1 while the alive real servers' weight holds the virtual server's quorum");
        pools.forEach(vs -> out.sample(vs.quorumUp() ? 1 : 0, "vs", vs.name()));
        out.family("javakeepalived_lvs_virtual_server_live_weight", Type.GAUGE,
                "The weights of the virtual server's alive real servers added up");
        pools.forEach(vs -> out.sample(vs.liveWeight(), "vs", vs.name()));
        out.family("javakeepalived_lvs_virtual_server_quorum", Type.GAUGE, "The virtual server's configured quorum");
        pools.forEach(vs -> out.sample(vs.quorum(), "vs", vs.name()));

        out.family("javakeepalived_lvs_real_server_up", Type.GAUGE, "1 while every checker of the real server passes");
        eachRealServer(pools, (vs, rs) -> out.sample(rs.alive() ? 1 : 0, "vs", vs.name(), "rs", rs.name()));
        out.family("javakeepalived_lvs_real_server_weight", Type.GAUGE,
                "The real server's weight in the IPVS table (no sample while it is out of it)");
        eachRealServer(pools, (vs, rs) -> rs.tableWeight().ifPresent(
                w -> out.sample(w, "vs", vs.name(), "rs", rs.name())));

        if (pools.stream().flatMap(vs -> vs.realServers().stream()).allMatch(rs -> rs.checkers().isEmpty())) {
            return;
        }
        out.family("javakeepalived_lvs_checker_up", Type.GAUGE, "1 while the checker's own verdict is up");
        eachChecker(pools, (labels, c) -> out.sample(c.up() ? 1 : 0, labels));
        out.family("javakeepalived_lvs_checks_total", Type.COUNTER, "Checks that reached a result");
        eachChecker(pools, (labels, c) -> out.sample(c.checks(), labels));
        out.family("javakeepalived_lvs_check_failures_total", Type.COUNTER,
                "Checks that failed (whether they used a retry or took the checker down)");
        eachChecker(pools, (labels, c) -> out.sample(c.failures(), labels));
    }

    private static void eachRealServer(List<VirtualServerView> pools, BiConsumer<VirtualServerView, RealServerView> f) {
        for (VirtualServerView vs : pools) {
            for (RealServerView rs : vs.realServers()) {
                f.accept(vs, rs);
            }
        }
    }

    private static void eachChecker(List<VirtualServerView> pools, BiConsumer<String[], CheckerView> f) {
        eachRealServer(pools, (vs, rs) -> {
            for (CheckerView c : rs.checkers()) {
                f.accept(new String[] {"vs", vs.name(), "rs", rs.name(), "checker", c.kind().keyword(),
                        "index", Integer.toString(c.index())}, c);
            }
        });
    }
}
