package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.InterfaceSysctls;
import io.javakeepalived.net.InterfaceSysctls.Family;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;

/**
 * {@code promote_secondaries}: keepalived sets net.ipv4.conf.IF.promote_secondaries to 1 on the
 * interface of each instance that asks for it, so that deleting the interface's primary address
 * promotes a VIP of the same subnet instead of deleting it with it. An interface already at 1 is
 * left alone; one this class set is put back to 0 when the daemon stops and releases (not with
 * -V, where keepalived skips that step too). Instances a reload adds are set up as at start.
 * Loop thread only.
 */
final class PromoteSecondaries {
    private static final String SETTING = "promote_secondaries";

    private final InterfaceSysctls sysctl;
    private final Logger log;
    /** Interfaces looked at, whatever they were. */
    private final Set<String> seen = new LinkedHashSet<>();
    /** Interfaces we turned it on for, to turn off at stop. */
    private final Set<String> setByUs = new LinkedHashSet<>();
    private VrrpPlan applied;

    PromoteSecondaries(InterfaceSysctls sysctl, Logger log) {
        this.sysctl = sysctl;
        this.log = log;
    }

    /** Sets it on the interfaces of {@code plan}'s instances that ask for it; cheap when the plan is the one already applied. */
    void apply(VrrpPlan plan) {
        if (plan == applied) {
            return;
        }
        applied = plan;
        for (InstancePlan p : plan.instances()) {
            if (p.kernel().promoteSecondaries() && seen.add(p.interfaceName())) {
                set(p.interfaceName());
            }
        }
    }

    private void set(String ifname) {
        OptionalInt was = sysctl.get(Family.IPV4, ifname, SETTING);
        if (was.isEmpty()) {
            seen.remove(ifname); // no such interface (yet): a later plan may find it
            return;
        }
        if (was.getAsInt() == 1) {
            return;
        }
        try {
            sysctl.set(Family.IPV4, ifname, SETTING, 1);
            setByUs.add(ifname);
        } catch (IOException e) {
            log.warn("Cannot set promote_secondaries on {}: {}", ifname, e.getMessage());
        }
    }

    /** Puts back 0 where this class set 1. */
    void restore() {
        for (String ifname : setByUs) {
            try {
                sysctl.set(Family.IPV4, ifname, SETTING, 0);
            } catch (IOException e) {
                log.warn("Cannot reset promote_secondaries on {}: {}", ifname, e.getMessage());
            }
        }
        setByUs.clear();
    }
}
