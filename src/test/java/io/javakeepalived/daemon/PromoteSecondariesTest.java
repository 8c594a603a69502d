package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.InterfaceSysctls;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PromoteSecondariesTest {

    /** The kernel's values by "IF/setting", and every write in order. */
    private final Map<String, String> values = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private final InterfaceSysctls fake = new InterfaceSysctls() {
        @Override
        public OptionalInt get(Family family, String ifname, String setting) {
            String v = values.get(ifname + "/" + setting);
            return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
        }

        @Override
        public void set(Family family, String ifname, String setting, int value) {
            values.put(ifname + "/" + setting, Integer.toString(value));
            writes.add(ifname + "/" + setting + "=" + value);
        }
    };
    private final PromoteSecondaries promote = new PromoteSecondaries(fake, LoggerFactory.getLogger("test"));

    private static VrrpPlan plan(String... instances) {
        return ConfigMapping.plan(ConfigFixture.model(ConfigFixture.host().load(String.join("", instances))));
    }

    private static String instance(String name, int vrid, String ifname, String extra) {
        return "vrrp_instance " + name + " {\n interface " + ifname + "\n virtual_router_id " + vrid + "\n" + extra
                + " virtual_ipaddress {\n  10.0." + vrid + ".1/24\n }\n}\n";
    }

    @Test
    void itIsSetOnceOnTheInterfacesThatAskAndPutBackAtStop() {
        values.put("eth0/promote_secondaries", "0");
        values.put("eth1/promote_secondaries", "0");
        promote.apply(plan(instance("VI_1", 1, "eth0", " promote_secondaries\n"),
                instance("VI_2", 2, "eth0", " promote_secondaries\n"), instance("VI_3", 3, "eth1", "")));
        assertEquals(List.of("eth0/promote_secondaries=1"), writes);
        promote.restore();
        assertEquals(List.of("eth0/promote_secondaries=1", "eth0/promote_secondaries=0"), writes);
    }

    @Test
    void anInterfaceAlreadyPromotingIsLeftAloneAtStartAndAtStop() {
        values.put("eth0/promote_secondaries", "1");
        promote.apply(plan(instance("VI_1", 1, "eth0", " promote_secondaries\n")));
        promote.restore();
        assertEquals(List.of(), writes);
    }

    @Test
    void anInstanceAReloadAddsIsSetUpToo() {
        values.put("eth0/promote_secondaries", "0");
        values.put("eth1/promote_secondaries", "0");
        VrrpPlan first = plan(instance("VI_1", 1, "eth0", ""));
        promote.apply(first);
        promote.apply(first);
        assertEquals(List.of(), writes);
        promote.apply(plan(instance("VI_1", 1, "eth0", ""), instance("VI_2", 2, "eth1", " promote_secondaries\n")));
        assertEquals(List.of("eth1/promote_secondaries=1"), writes);
    }
}
