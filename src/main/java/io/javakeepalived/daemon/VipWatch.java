package io.javakeepalived.daemon;

import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;

/**
 * A master's virtual address that someone else deleted ({@code ip addr del}, {@code ip addr
 * flush}, NetworkManager, ifdown/ifup) is put back at once and announced again (gratuitous ARP /
 * unsolicited NA), and the log says so. keepalived 2.2.7 instead leaves MASTER: priority 0, a
 * backup takes over after its skew time or the same node takes the VIP back after it - about
 * 0.64 s without the address either way. Here nothing else changes: the master stays master, its
 * adverts go on, the clients' ARP entries stay right, and the address is back within
 * milliseconds.
 *
 * <p>Not restored: a VIP written with {@code no_track} (keepalived ignores its removal too), one
 * whose link is down (the link event decides), and one removed again and again: after
 * {@value #RESTORES_PER_WINDOW} restores within {@value #WINDOW_SECONDS} s something on the host
 * keeps removing it, so the instance does what keepalived does at once - it leaves MASTER
 * (priority 0, through FAULT to BACKUP), so that a backup serves the address instead of two
 * programs fighting over it. Loop thread only.
 */
final class VipWatch {
    static final String FAULT_VIP_REMOVED = "virtual address removed";
    static final int RESTORES_PER_WINDOW = 3;
    static final long WINDOW_SECONDS = 10;

    private final InstanceTable table;
    private final Map<String, LinkInfo> links;
    private final VipInstaller vips;
    private final ActionExecutor executor;
    private final Logger log;
    /** per instance and VIP: when it was restored lately */
    private final Map<String, Deque<Long>> restores = new HashMap<>();

    VipWatch(InstanceTable table, Map<String, LinkInfo> links, VipInstaller vips, ActionExecutor executor,
             Logger log) {
        this.table = table;
        this.links = links;
        this.vips = vips;
        this.executor = executor;
        this.log = log;
    }

    /** The kernel reports {@code gone} deleted. */
    void removed(InterfaceAddress gone, long now) {
        for (InstanceEntry e : table.entries()) {
            if (e.instance.state() != VrrpState.MASTER || !e.vipsInstalled) {
                continue;
            }
            for (Vip v : e.plan.allAddresses()) {
                if (is(v, gone)) {
                    removed(e, v, now);
                }
            }
        }
    }

    private void removed(InstanceEntry e, Vip v, long now) {
        LinkInfo l = links.get(v.device());
        if (!e.plan.watches(v) || l == null || !l.isUsable()) {
            return;
        }
        if (!withinBudget(e.name() + " " + v, now)) {
            log.warn("({}) virtual address {} was removed by another program {} times within {} s - leaving"
                    + " MASTER as keepalived does", e.name(), v, RESTORES_PER_WINDOW + 1, WINDOW_SECONDS);
            executor.deliver(e, new Event.FaultRaised(FAULT_VIP_REMOVED), now);
            executor.deliver(e, new Event.FaultCleared(FAULT_VIP_REMOVED), now);
            return;
        }
        if (vips.add(e.name(), v)) {
            log.info("({}) virtual address {} was removed by another program - restored", e.name(), v);
            int rounds = e.plan.settings().garpMasterRepeat();
            executor.gratuitousBurst(e, Math.max(1, rounds));
        }
    }

    /** Counts a restore; false when there were too many lately. */
    private boolean withinBudget(String key, long now) {
        Deque<Long> times = restores.computeIfAbsent(key, k -> new ArrayDeque<>());
        long window = WINDOW_SECONDS * 1_000_000_000L;
        while (!times.isEmpty() && now - times.peekFirst() >= window) {
            times.removeFirst();
        }
        if (times.size() >= RESTORES_PER_WINDOW) {
            times.clear();
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Whether the kernel's {@code a} is {@code v}: same address and prefix on v's interface. */
    private boolean is(Vip v, InterfaceAddress a) {
        LinkInfo l = links.get(v.device());
        return l != null && l.index() == a.ifindex() && v.prefixLength() == a.prefixLength()
                && v.address().equals(a.address());
    }
}
