package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.NoAcceptPlan;
import io.javakeepalived.net.VipDropRules;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.vrrp.Vip;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The drop set follows a no_accept instance's VIPs; other instances' VIPs never enter it. */
class AcceptModeFirewallTest {
    private final FakeNetwork network = new FakeNetwork(new FakeRtnetlink(List.of()), d -> { });
    private final AcceptModeFirewall firewall = new AcceptModeFirewall(
            new NoAcceptPlan(new VipDropRules("keepalived", -1, false), Set.of("NA")), network,
            NOPLogger.NOP_LOGGER);

    private static Vip vip(String a) throws Exception {
        return Vip.of(InetAddress.getByName(a), "eth0");
    }

    @Test
    void aNoAcceptInstancesVipsAreDroppedWhileUpAndTheTableGoesAtStop() throws Exception {
        network.vipDrop.leftover = true;
        firewall.start(List.of());
        assertTrue(network.vipDrop.installed);

        firewall.guard("NA", vip("10.0.0.1"));
        firewall.guard("NA", vip("10.0.0.1")); // restored after someone deleted it: no second element
        firewall.guard("OTHER", vip("10.0.0.2"));
        firewall.guard("NA", vip("fd00::1")); // IPv6: not filtered yet
        assertEquals(Set.of(InetAddress.getByName("10.0.0.1")), network.vipDrop.dropped);

        firewall.release("NA", vip("10.0.0.1"));
        firewall.release("NA", vip("10.0.0.1")); // the kernel would say ENOENT: not asked twice
        firewall.release("OTHER", vip("10.0.0.2"));
        assertTrue(network.vipDrop.dropped.isEmpty());

        firewall.stop();
        assertFalse(network.vipDrop.installed);
        assertEquals(List.of("install", "drop [/10.0.0.1]", "accept [/10.0.0.1]", "delete", "close"),
                network.vipDrop.calls);
    }

    @Test
    void withoutNoAcceptInstancesNothingIsInstalled() throws Exception {
        AcceptModeFirewall none = AcceptModeFirewall.none(NOPLogger.NOP_LOGGER);
        none.start(List.of());
        none.guard("NA", vip("10.0.0.1"));
        none.stop();
        assertTrue(network.vipDrop.calls.isEmpty());
    }
}
