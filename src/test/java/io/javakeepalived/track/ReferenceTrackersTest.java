package io.javakeepalived.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.net.EchoRequest;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.vrrp.Event;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Which echo requests the reference trackers send, and where their verdicts go, across a reload. */
class ReferenceTrackersTest {

    /** Holds each request until the test answers it. */
    private static final class ScriptedEcho implements IcmpEcho {
        final List<EchoRequest> sent = new ArrayList<>();
        final List<Consumer<EchoOutcome>> waiting = new ArrayList<>();
        int cancelled;

        @Override
        public Pending send(EchoRequest request, Consumer<EchoOutcome> outcome) {
            sent.add(request);
            waiting.add(outcome);
            return () -> cancelled++;
        }

        void answer(int index, EchoOutcome outcome) {
            waiting.get(index).accept(outcome);
        }

        @Override
        public void close() {
        }
    }

    private final ScriptedEcho echo = new ScriptedEcho();
    private final List<String> posted = new ArrayList<>();
    private int echoAsked;
    private final ReferenceTrackers trackers = new ReferenceTrackers(() -> {
        echoAsked++;
        return echo;
    }, Runnable::run, (instance, event) -> posted.add(instance + " " + event), (level, line) -> { });

    private static KeepalivedConfig config(String references, String... instances) {
        return ConfigFixture.model(ConfigFixture.load0(references + String.join("", instances)));
    }

    private static String instance(String name, String iface, int vrid, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n interface " + iface
                + "\n virtual_router_id " + vrid + "\n virtual_ipaddress {\n 10.0.0.100/24\n }\n");
        for (String e : extra) {
            sb.append(' ').append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static final String GW = "vrrp_reference gw {\n address 10.0.0.254\n interval 0.5\n timeout 0.2\n"
            + " rise 1\n fall 2\n}\n";

    @Test
    void oneTrackerPerInterfaceEachEchoingOutOfItsInstancesInterface() throws Exception {
        KeepalivedConfig c = config(GW + "vrrp_reference pinned {\n address 10.1.0.1\n interface eth1\n}\n",
                instance("A", "eth0", 1, "track_reference gw", "track_reference pinned"),
                instance("B", "eth1", 2, "track_reference gw weight -10", "track_reference pinned"));
        List<PolledTracker> list = trackers.replace(c);
        assertEquals(List.of("reference gw on eth0", "reference pinned on eth1", "reference gw on eth1"),
                list.stream().map(PolledTracker::name).toList());
        assertEquals(Duration.ofMillis(500), list.get(0).interval());
        for (PolledTracker p : list) {
            assertTrue(p.poll(0).isEmpty(), "the verdict comes with the outcome, through the sink");
        }
        assertEquals(new EchoRequest(InetAddress.getByName("10.0.0.254"), Optional.empty(), Optional.of("eth0"),
                Duration.ofMillis(200)), echo.sent.get(0));
        assertEquals(Optional.of("eth1"), echo.sent.get(1).interfaceName(), "the reference's own interface");
        assertEquals(Optional.of("eth1"), echo.sent.get(2).interfaceName());
        echo.answer(0, new EchoOutcome.TimedOut());
        echo.answer(2, new EchoOutcome.Reply(1));
        assertEquals(List.of("A " + new Event.FaultRaised("reference gw")), posted,
                "B's weight -10 does not apply while the gateway answers");
        assertEquals(1, echoAsked);
    }

    @Test
    void aReloadKeepsTheVerdictOfWhatRemainsAndDropsTheOldOutcomes() {
        KeepalivedConfig c = config(GW, instance("A", "eth0", 1, "track_reference gw"));
        PolledTracker old = trackers.replace(c).get(0);
        old.poll(0);
        echo.answer(0, new EchoOutcome.TimedOut());
        old.poll(1);
        posted.clear();

        PolledTracker kept = trackers.replace(c).get(0);
        assertEquals(List.of(new TrackScriptState.Delivery("A", new Event.FaultRaised("reference gw"))),
                kept.initialEvents(), "restated: no blip for the instance");
        assertEquals(1, echo.cancelled, "the old tracker's request in flight is dropped");
        echo.answer(1, new EchoOutcome.Reply(1));
        assertTrue(posted.isEmpty(), "an outcome for the replaced tracker is not counted");

        KeepalivedConfig moved = config("vrrp_reference gw {\n address 10.0.0.253\n}\n",
                instance("A", "eth0", 1, "track_reference gw"));
        assertTrue(trackers.replace(moved).get(0).initialEvents().isEmpty(), "another address starts afresh");
    }

    @Test
    void noReferenceTrackedNoIcmpPort() {
        KeepalivedConfig c = config(GW, instance("A", "eth0", 1));
        assertTrue(trackers.replace(c).isEmpty());
        assertEquals(0, echoAsked);
    }

    @Test
    void weightZeroReferencesHoldTheirInstancesInInitUntilTheFirstOutcome() {
        KeepalivedConfig c = config(GW, instance("A", "eth0", 1, "track_reference gw"),
                instance("B", "eth0", 2, "track_reference gw weight 5"));
        assertEquals(Map.of("A", Set.of("script chk", "reference gw")),
                ReferenceTrackers.withAwaited(Map.of("A", Set.of("script chk")), c));
    }

    @Test
    void aSyncGroupsReferenceFaultsEveryMemberAndAnInstancesOwnLineComesFirst() {
        KeepalivedConfig c = config(GW, "vrrp_sync_group G {\n group {\n  A\n  B\n }\n track_reference gw\n"
                + " sync_group_tracking_weight\n}\n",
                instance("A", "eth0", 1, "track_reference gw weight -10"), instance("B", "eth0", 2));
        List<PolledTracker> list = trackers.replace(c);
        assertEquals(List.of("reference gw on eth0"), list.stream().map(PolledTracker::name).toList(),
                "one echo per interface, whoever tracks it");
        assertEquals(Map.of("B", Set.of("reference gw")), ReferenceTrackers.withAwaited(Map.of(), c),
                "A's own weighted line wins over the group's");
        list.get(0).poll(0);
        echo.answer(0, new EchoOutcome.TimedOut());
        assertEquals(List.of("A " + new Event.WeightChanged("reference gw", -10),
                "B " + new Event.FaultRaised("reference gw")), posted);

        posted.clear();
        KeepalivedConfig noWeights = config(GW, "vrrp_sync_group G {\n group {\n  A\n  B\n }\n"
                + " track_reference gw\n}\n",
                instance("A", "eth0", 1, "track_reference gw weight -10"), instance("B", "eth0", 2));
        assertEquals(Map.of("A", Set.of("reference gw"), "B", Set.of("reference gw")),
                ReferenceTrackers.withAwaited(Map.of(), noWeights),
                "without sync_group_tracking_weight A's weighted line is dropped: the group's applies");
    }

    @Test
    void anUnavailablePortFailsEveryRequestWithItsReason() {
        List<EchoOutcome> out = new ArrayList<>();
        ReferenceTrackers.unavailable("no ICMP echo socket: EPERM").send(EchoRequest.to(
                InetAddress.getLoopbackAddress(), Duration.ofSeconds(1)), out::add);
        assertEquals(List.of(new EchoOutcome.SendFailed("no ICMP echo socket: EPERM")), out);
    }
}
