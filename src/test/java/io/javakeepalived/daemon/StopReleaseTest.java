package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.NotifyState;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopReleaseTest {

    /** A master's Shutdown actions, as the core returns them. */
    private static List<Action> masterShutdown() throws Exception {
        VrrpInstance vi = new VrrpInstance(InstanceSettings.builder("VI_1", 51)
                .primaryAddress(InetAddress.getByName("10.0.0.1"))
                .vips(List.of(Vip.of(InetAddress.getByName("10.0.0.100"), "eth0"))).build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.MASTER, vi.state());
        return vi.handle(new Event.Shutdown(), 10_000_000_000L);
    }

    private static List<String> kinds(List<Action> actions) {
        return actions.stream().filter(a -> !(a instanceof Action.Log) && !(a instanceof Action.CancelTimer))
                .map(a -> a.getClass().getSimpleName()).toList();
    }

    @Test
    void byDefaultAndWithMinusXAMasterSendsPriorityZeroAndRemovesItsVips() throws Exception {
        assertEquals(List.of("SendPriorityZeroAdvert", "RemoveVips", "StateChanged", "RunNotify"),
                kinds(StopRelease.RELEASE.filter(masterShutdown())));
    }

    @Test
    void withMinusVTheVipsStayAndNoPriorityZeroGoesOutButNotifyStopStillRuns() throws Exception {
        List<Action> kept = StopRelease.KEEP.filter(masterShutdown());
        assertEquals(List.of("StateChanged", "RunNotify"), kinds(kept));
        assertEquals(List.of("(VI_1) leaving its VIPs in place (--dont-release-vrrp)"), kept.stream()
                .filter(Action.Log.class::isInstance).map(a -> ((Action.Log) a).text())
                .filter(t -> t.contains("VIP") || t.contains("priority")).toList(), "no line claims a release");
        assertEquals(NotifyState.STOP, kept.stream().filter(Action.RunNotify.class::isInstance)
                .map(a -> ((Action.RunNotify) a).state()).findFirst().orElseThrow());
    }
}
