package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.HealthSnapshot.CheckerView;
import io.javakeepalived.check.HealthSnapshot.RealServerView;
import io.javakeepalived.check.HealthSnapshot.VirtualServerView;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** What the metrics page is given about the checkers: verdicts, table weights, counts. */
class HealthSnapshotTest {

    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    @Test
    void aServerThatFailsIsDownOutOfTheTableWithItsFailuresCounted() {
        engine.start(CheckConfigs.load(CheckConfigs.virtualServer("""
                    quorum 2
                    real_server 10.0.0.2 80 {
                        weight 2
                        TCP_CHECK { retry 1
                         delay_before_retry 3 }
                    }
                    real_server 10.0.0.3 80 {
                        inhibit_on_failure
                        TCP_CHECK { retry 0 }
                    }
                """)), servers);
        host.advanceTo(1_000);
        VirtualServerView vs = HealthSnapshot.of(engine.pools()).virtualServers().get(0);
        assertEquals("[10.0.0.1]:tcp:80", vs.name());
        assertTrue(vs.quorumUp());
        assertEquals(3, vs.liveWeight());
        assertEquals(List.of(new CheckerView(CheckerKind.TCP, 0, true, true, 1, 0)),
                vs.realServers().get(0).checkers());
        assertEquals(OptionalInt.of(2), vs.realServers().get(0).tableWeight());

        servers.down("10.0.0.2:80");
        servers.down("10.0.0.3:80");
        host.advanceTo(11_000); // both fail; .2 uses its retry
        host.advanceTo(14_000); // .2 fails again: down
        vs = HealthSnapshot.of(engine.pools()).virtualServers().get(0);
        RealServerView two = vs.realServers().get(0);
        RealServerView three = vs.realServers().get(1);
        assertFalse(two.alive());
        assertEquals(new CheckerView(CheckerKind.TCP, 0, false, true, 3, 2), two.checkers().get(0));
        assertEquals(OptionalInt.empty(), two.tableWeight(), "a dead server leaves the table");
        assertEquals(2, two.weight(), "the weight it comes back with");
        assertFalse(three.alive());
        assertEquals(OptionalInt.of(0), three.tableWeight(), "inhibit_on_failure keeps it at weight 0");
        assertFalse(vs.quorumUp());
        assertEquals(0, vs.liveWeight());
        assertEquals(2, vs.quorum());
        engine.stop();
    }

    @Test
    void aLostQuorumWithASorryServerTakesEvenAliveServersOutOfTheTable() {
        engine.start(CheckConfigs.load(CheckConfigs.virtualServer("""
                    quorum 2
                    sorry_server 10.0.0.9 80
                    real_server 10.0.0.2 80 {
                        TCP_CHECK { retry 0 }
                    }
                    real_server 10.0.0.3 80 {
                        TCP_CHECK { retry 0 }
                    }
                """)), servers);
        servers.down("10.0.0.3:80");
        host.advanceTo(1_000);
        assertFalse(HealthSnapshot.of(engine.pools()).virtualServers().get(0).quorumUp());
        RealServerView rs = HealthSnapshot.of(engine.pools()).virtualServers().get(0).realServers().get(0);
        assertTrue(rs.alive());
        assertEquals(OptionalInt.empty(), rs.tableWeight());
        engine.stop();
    }
}
