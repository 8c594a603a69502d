package io.javakeepalived.daemon.model;

import io.javakeepalived.vrrp.Vip;
import java.net.StandardProtocolFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reload changes: the running {@link VrrpPlan} and the one just loaded, compared as data.
 * Pure; the VRRP loop carries the result out.
 *
 * <p>An instance is the same instance when its {@link Identity} (interface, VRID, address family)
 * is unchanged - the name and every other parameter may change and it keeps its state and its
 * VIPs. A few settings decide which socket an instance reads or what the core cannot change in
 * place (name, VRRP version, unicast or multicast, the multicast group, the unicast source);
 * when one of those changes, the instance is <em>replaced</em>: the old one stops and the new
 * one starts, as keepalived 2.2.7's {@code vrrp_exist()} does for the socket-related ones.
 *
 * @param kept          instances present in both, in the new plan's order
 * @param added         instances only in the new plan (replacements included), in its order
 * @param removed       instances only in the running plan (replaced ones included), in its order
 * @param replaced      one line per replaced instance saying why it could not be kept
 * @param groupsAdded   sync groups only in the new plan
 * @param groupsRemoved sync groups only in the running plan
 * @param groupsChanged sync groups in both whose members differ (the new definition)
 */
public record PlanDiff(List<Kept> kept, List<InstancePlan> added, List<InstancePlan> removed, List<String> replaced,
                       List<SyncGroupPlan> groupsAdded, List<SyncGroupPlan> groupsRemoved,
                       List<SyncGroupPlan> groupsChanged) {

    public PlanDiff {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        replaced = List.copyOf(replaced);
        groupsAdded = List.copyOf(groupsAdded);
        groupsRemoved = List.copyOf(groupsRemoved);
        groupsChanged = List.copyOf(groupsChanged);
    }

    /** What makes two instances of two configurations the same instance. */
    public record Identity(String interfaceName, int vrid, StandardProtocolFamily family) {
        public Identity {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(family, "family");
        }

        public static Identity of(InstancePlan p) {
            return new Identity(p.interfaceName(), p.settings().vrid(), p.settings().family());
        }

        @Override
        public String toString() {
            return interfaceName + " VRID " + vrid + (family == StandardProtocolFamily.INET6 ? " IPv6" : " IPv4");
        }
    }

    /**
     * An instance that stays.
     *
     * @param running  its running plan
     * @param next     its new plan
     * @param vips     its {@code virtual_ipaddress} change
     * @param excluded its {@code virtual_ipaddress_excluded} change
     */
    public record Kept(InstancePlan running, InstancePlan next, VipChange vips, VipChange excluded) {
        public Kept {
            Objects.requireNonNull(running, "running");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(vips, "vips");
            Objects.requireNonNull(excluded, "excluded");
        }

        /** True if anything at all differs (then the core gets a Reload). */
        public boolean changed() {
            return !running.equals(next);
        }
    }

    /**
     * How one VIP list changes. VIPs are compared as values (address, prefix, device, broadcast,
     * scope, label, noprefixroute): one whose line changed is removed and added again.
     */
    public record VipChange(List<Vip> added, List<Vip> removed, List<Vip> kept) {
        public VipChange {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }

        static VipChange between(List<Vip> running, List<Vip> next) {
            List<Vip> added = new ArrayList<>();
            List<Vip> kept = new ArrayList<>();
            for (Vip v : next) {
                (running.contains(v) ? kept : added).add(v);
            }
            List<Vip> removed = new ArrayList<>(running);
            removed.removeAll(next);
            return new VipChange(added, removed, kept);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** True when the reload changes nothing the loop runs. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && kept.stream().noneMatch(Kept::changed)
                && groupsAdded.isEmpty() && groupsRemoved.isEmpty() && groupsChanged.isEmpty();
    }

    /** True when some sync group is added, removed or has other members. */
    public boolean groupsChange() {
        return !groupsAdded.isEmpty() || !groupsRemoved.isEmpty() || !groupsChanged.isEmpty();
    }

    /** The difference from {@code running} to {@code next}. */
    public static PlanDiff between(VrrpPlan running, VrrpPlan next) {
        Map<Identity, InstancePlan> old = new LinkedHashMap<>();
        for (InstancePlan p : running.instances()) {
            old.put(Identity.of(p), p);
        }
        List<Kept> kept = new ArrayList<>();
        List<InstancePlan> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Map<Identity, InstancePlan> gone = new LinkedHashMap<>(old);
        for (InstancePlan n : next.instances()) {
            Identity id = Identity.of(n);
            InstancePlan o = gone.remove(id);
            if (o == null) {
                added.add(n);
                continue;
            }
            Optional<String> why = whyReplaced(o, n);
            if (why.isPresent()) {
                replaced.add("(" + n.name() + ") " + id + ": " + why.get() + " - the instance is restarted");
                gone.put(id, o); // stops as a removed instance
                added.add(n);
            } else {
                kept.add(new Kept(o, n, VipChange.between(o.vips(), n.vips()),
                        VipChange.between(o.addresses().excludedVips(), n.addresses().excludedVips())));
            }
        }
        List<InstancePlan> removed = new ArrayList<>();
        for (InstancePlan p : running.instances()) {
            if (gone.containsKey(Identity.of(p))) {
                removed.add(p);
            }
        }

        Map<String, SyncGroupPlan> oldGroups = new LinkedHashMap<>();
        running.syncGroups().forEach(g -> oldGroups.put(g.name(), g));
        List<SyncGroupPlan> groupsAdded = new ArrayList<>();
        List<SyncGroupPlan> groupsChanged = new ArrayList<>();
        for (SyncGroupPlan g : next.syncGroups()) {
            SyncGroupPlan o = oldGroups.remove(g.name());
            if (o == null) {
                groupsAdded.add(g);
            } else if (!o.members().equals(g.members()) || membersRestarted(g, removed)) {
                groupsChanged.add(g);
            }
        }
        return new PlanDiff(kept, added, removed, replaced, groupsAdded, new ArrayList<>(oldGroups.values()),
                groupsChanged);
    }

    /** Why {@code next} cannot take over {@code running}'s state in place, if it cannot. */
    static Optional<String> whyReplaced(InstancePlan running, InstancePlan next) {
        var o = running.settings();
        var n = next.settings();
        if (!o.name().equals(n.name())) {
            return Optional.of("renamed from " + o.name());
        }
        if (o.version() != n.version()) {
            return Optional.of("version changed from " + o.version() + " to " + n.version());
        }
        if (o.wire().unicast() != n.wire().unicast()) {
            return Optional.of(n.wire().unicast() ? "now unicast" : "now multicast");
        }
        if (n.wire().unicast() && !running.source().configured().equals(next.source().configured())) {
            return Optional.of("unicast source address changed");
        }
        if (!n.wire().unicast() && (!Objects.equals(o.wire().multicastGroup4(), n.wire().multicastGroup4())
                || !Objects.equals(o.wire().multicastGroup6(), n.wire().multicastGroup6()))) {
            return Optional.of("multicast group changed");
        }
        return Optional.empty();
    }

    /** A group whose member (by name) is restarted has a new member object: rebuild it too. */
    private static boolean membersRestarted(SyncGroupPlan g, List<InstancePlan> removed) {
        for (InstancePlan p : removed) {
            if (g.members().contains(p.name())) {
                return true;
            }
        }
        return false;
    }
}
