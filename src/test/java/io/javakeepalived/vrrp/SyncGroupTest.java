package io.javakeepalived.vrrp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.javakeepalived.vrrp.VrrpInstanceTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncGroupTest {

    private static final long S = 1_000_000_000L;

    private static VrrpInstance member(String name, int vrid, int prio) {
        return new VrrpInstance(InstanceSettings.builder(name, vrid).priority(prio)
                .primaryAddress(ip("10.77.0.1")).vips(List.of(Vip.of(ip("10.77." + vrid + ".100"), "eth0"))).build());
    }

    @Test
    void aMemberCannotBeInTwoGroupsAndAGroupIsNotEmpty() {
        VrrpInstance a = member("VI_1", 1, 100);
        new SyncGroup("G1", List.of(a));
        assertThrows(IllegalArgumentException.class, () -> new SyncGroup("G2", List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new SyncGroup("G3", List.of()));
    }

    @Test
    void theGroupWaitsForItsSlowestMember() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        VrrpInstance c = member("VI_3", 3, 100);
        SyncGroup g = new SyncGroup("G1", List.of(a, b, c));
        for (VrrpInstance m : g.members()) {
            m.handle(new Event.Startup(), 0);
        }
        // a and b hear a priority-0 advert and time out after Skew_Time; c's master went silent
        a.handle(new Event.AdvertReceived(ip("10.77.0.2"), 0, 100), S);
        b.handle(new Event.AdvertReceived(ip("10.77.0.2"), 0, 100), S);
        long skewEnd = S + 609_375_000L;
        a.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), skewEnd);
        b.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), skewEnd);
        assertEquals(VrrpState.BACKUP, a.state());
        assertEquals(VrrpState.BACKUP, b.state());
        assertEquals(VrrpState.MASTER, a.wantState());
        // c times out last and brings everyone
        long cDown = c.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        List<Action> out = c.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), cDown);
        assertEquals(VrrpState.MASTER, a.state());
        assertEquals(VrrpState.MASTER, b.state());
        assertEquals(VrrpState.MASTER, c.state());
        assertEquals(VrrpState.MASTER, g.state());
        Action last = out.get(out.size() - 1);
        assertEquals(new Action.RunGroupNotify("G1", NotifyState.MASTER), last);
        assertEquals(0, ((Action.RunGroupNotify) last).priority());
    }

    @Test
    void anAdvertMakesAWaitingMemberWantBackupAgain() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        new SyncGroup("G1", List.of(a, b));
        a.handle(new Event.Startup(), 0);
        b.handle(new Event.Startup(), 0);
        long down = a.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        a.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), down);
        assertEquals(VrrpState.MASTER, a.wantState());
        a.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 100), down + 1);
        assertEquals(VrrpState.BACKUP, a.wantState());
        b.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.BACKUP, b.state(), "a no longer wants MASTER, so b may not go");
    }

    @Test
    void theGroupStaysInFaultUntilNoMemberFails() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        SyncGroup g = new SyncGroup("G1", List.of(a, b));
        a.handle(new Event.Startup(), 0);
        b.handle(new Event.Startup(), 0);
        a.handle(new Event.FaultRaised("chk_a"), S);
        assertEquals(VrrpState.FAULT, b.state());
        b.handle(new Event.FaultRaised("chk_b"), 2 * S);
        a.handle(new Event.FaultCleared("chk_a"), 3 * S);
        assertEquals(VrrpState.FAULT, a.state());
        assertEquals(VrrpState.FAULT, g.state());
        List<Action> out = b.handle(new Event.FaultCleared("chk_b"), 4 * S);
        assertEquals(VrrpState.BACKUP, a.state());
        assertEquals(VrrpState.BACKUP, b.state());
        assertEquals(VrrpState.BACKUP, g.state());
        assertTrue(out.contains(new Action.Log(LogLevel.INFO, "VRRP_Group(G1) Syncing instances to BACKUP state")));
        assertEquals(4 * S + 3_609_375_000L, a.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
    }

    @Test
    void aLowerPriorityAdvertGarpsForEveryMasterMember() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        new SyncGroup("G1", List.of(a, b));
        a.handle(new Event.Startup(), 0);
        b.handle(new Event.Startup(), 0);
        long down = a.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        a.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), down);
        b.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), down);
        List<Action> out = a.handle(new Event.AdvertReceived(ip("10.77.0.2"), 50, 100), down + S / 2);
        assertTrue(out.contains(new Action.SendGratuitousBurst(a, 5)));
        assertTrue(out.contains(new Action.SendGratuitousBurst(b, 5)));
    }

    @Test
    void theGroupNotifiesStopAfterItsLastMember() {
        VrrpInstance a = member("VI_1", 1, 100);
        VrrpInstance b = member("VI_2", 2, 100);
        SyncGroup g = new SyncGroup("G1", List.of(a, b));
        a.handle(new Event.Startup(), 0);
        b.handle(new Event.Startup(), 0);
        List<Action> first = a.handle(new Event.Shutdown(), S);
        assertTrue(first.stream().noneMatch(x -> x instanceof Action.RunGroupNotify));
        List<Action> second = b.handle(new Event.Shutdown(), S);
        assertEquals(new Action.RunGroupNotify("G1", NotifyState.STOP), second.get(second.size() - 1));
        assertEquals(VrrpState.INIT, g.state());
    }

    @Test
    void onlyAnAllOwnerGroupStartsAsMaster() {
        VrrpInstance owner = new VrrpInstance(InstanceSettings.builder("VI_1", 1).priority(255)
                .initialState(VrrpState.MASTER).build());
        VrrpInstance other = member("VI_2", 2, 100);
        new SyncGroup("G1", List.of(owner, other));
        assertEquals(VrrpState.BACKUP, owner.wantState());
        owner.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.BACKUP, owner.state());
        // like keepalived, the group made it want BACKUP: the full 3 + 1/256 s
        assertEquals(3_003_906_250L, owner.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());

        VrrpInstance o1 = new VrrpInstance(InstanceSettings.builder("VI_3", 3).priority(255)
                .initialState(VrrpState.MASTER).build());
        VrrpInstance o2 = new VrrpInstance(InstanceSettings.builder("VI_4", 4).priority(255)
                .initialState(VrrpState.MASTER).build());
        SyncGroup owners = new SyncGroup("G2", List.of(o1, o2));
        o1.handle(new Event.Startup(), 0);
        o2.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.MASTER, o1.state());
        assertEquals(VrrpState.MASTER, o2.state());
        assertEquals(VrrpState.MASTER, owners.state());
    }
}
