package io.javakeepalived.vrrp;

import static io.javakeepalived.vrrp.VrrpInstanceTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync groups formed again around running members by a reload. */
class SyncGroupReformTest {

    private static VrrpInstance member(String name, int vrid, int prio) {
        return new VrrpInstance(InstanceSettings.builder(name, vrid).priority(prio)
                .primaryAddress(ip("10.77.0.1")).vips(List.of(Vip.of(ip("10.77." + vrid + ".100"), "eth0"))).build());
    }

    /** Started and timed out to MASTER. */
    private static VrrpInstance master(String name, int vrid) {
        VrrpInstance m = member(name, vrid, 100);
        m.handle(new Event.Startup(), 0);
        m.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), m.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.MASTER, m.state());
        return m;
    }

    private static VrrpInstance backup(String name, int vrid) {
        VrrpInstance m = member(name, vrid, 100);
        m.handle(new Event.Startup(), 0);
        return m;
    }

    @Test
    void mastersFormAMasterGroupWithoutAnyActionWhenItWasMasterBefore() {
        VrrpInstance a = master("VI_1", 1);
        VrrpInstance b = master("VI_2", 2);
        List<Action> out = new ArrayList<>();
        SyncGroup g = SyncGroup.reform("G1", List.of(a, b), VrrpState.MASTER, 10_000_000_000L, out::add);
        assertEquals(VrrpState.MASTER, g.state());
        assertTrue(out.isEmpty(), out::toString);
        assertEquals(VrrpState.MASTER, a.state());
        assertEquals(g, a.syncGroup().orElseThrow());
    }

    @Test
    void aNewGroupAnnouncesItsState() {
        VrrpInstance a = master("VI_1", 1);
        List<Action> out = new ArrayList<>();
        SyncGroup.reform("G1", List.of(a), null, 10_000_000_000L, out::add);
        assertTrue(out.contains(new Action.RunGroupNotify("G1", NotifyState.MASTER)), out::toString);
    }

    @Test
    void aMasterGroupedWithABackupStepsDownWithoutPriorityZero() {
        VrrpInstance a = master("VI_1", 1);
        VrrpInstance b = backup("VI_2", 2);
        List<Action> out = new ArrayList<>();
        SyncGroup g = SyncGroup.reform("G1", List.of(a, b), null, 10_000_000_000L, out::add);
        assertEquals(VrrpState.BACKUP, g.state());
        assertEquals(VrrpState.BACKUP, a.state());
        assertTrue(out.stream().anyMatch(x -> x instanceof Action.RemoveVips), out::toString);
        assertFalse(out.stream().anyMatch(x -> x instanceof Action.SendPriorityZeroAdvert), out::toString);
    }

    @Test
    void dissolvingLetsADraggedMemberLeaveFault() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        SyncGroup g = new SyncGroup("G1", List.of(a, b));
        a.handle(new Event.Startup(), 0);
        b.handle(new Event.Startup(), 0);
        a.handle(new Event.FaultRaised("track"), 1);
        assertEquals(VrrpState.FAULT, g.state());
        assertEquals(VrrpState.FAULT, b.state(), "dragged by the group");
        g.dissolve();
        List<Action> out = new ArrayList<>();
        SyncGroup.releaseFromGroupFault(b, 3, out::add);
        SyncGroup.releaseFromGroupFault(a, 3, out::add);
        assertEquals(VrrpState.BACKUP, b.state(), "b had no fault of its own");
        assertEquals(VrrpState.FAULT, a.state(), "a still fails");
    }
}
