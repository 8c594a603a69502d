package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The blocks that group instances or interfaces: vrrp_sync_group (members change state
 * together), garp_group (gratuitous ARP/NA intervals shared by interfaces) and track_group
 * (instances a static address, route or rule follows).
 */
final class GroupBlocksBinder {
    private GroupBlocksBinder() {
    }

    // ---------------------------------------------------------------- vrrp_sync_group

    static final KeywordTable<VrrpDrafts.SyncGroup> SYNC_GROUP =
            new KeywordTable<VrrpDrafts.SyncGroup>("vrrp_sync_group")
            .block("group", (g, n, c) -> {
                if (g.members != null) {
                    c.error(n, "Group list already specified for sync group " + g.name + " - ignoring this one");
                    return;
                }
                List<String> members = Blocks.items(n, c);
                if (members.isEmpty()) {
                    c.error(n, "Warning - sync group " + g.name + " has empty group block");
                } else {
                    g.members = new ArrayList<>(members);
                    g.membersLocation = n.location();
                }
            })
            .block("track_interface", (g, n, c) -> TrackerLines.interfaces(g.name, n, g.trackers.interfaces, c))
            .block("track_script", (g, n, c) -> TrackerLines.scripts(g.name, n, g.trackers.scripts, c))
            .block("track_file", (g, n, c) -> TrackerLines.files(g.name, n, g.trackers.files, c))
            .block("track_process", (g, n, c) -> TrackerLines.processes(g.name, n, g.trackers.processes, c))
            .block("track_bfd", (g, n, c) -> TrackerLines.bfds(g.name, n, g.trackers.bfds, c))
            .line("track_reference", (g, n, c) -> TrackerLines.reference(g.name, n, g.trackers.references, c))
            .line("notify_master", (g, n, c) -> groupNotify(g, n, c, g.notify.master, s -> g.notify.master = s))
            .line("notify_backup", (g, n, c) -> groupNotify(g, n, c, g.notify.backup, s -> g.notify.backup = s))
            .line("notify_fault", (g, n, c) -> groupNotify(g, n, c, g.notify.fault, s -> g.notify.fault = s))
            .line("notify_stop", (g, n, c) -> groupNotify(g, n, c, g.notify.stop, s -> g.notify.stop = s))
            .line("notify", (g, n, c) -> groupNotify(g, n, c, g.notify.generic, s -> g.notify.generic = s))
            .line("smtp_alert", (g, n, c) -> {
                boolean v = true;
                if (n.argCount() >= 1) {
                    Optional<Boolean> b = Numbers.bool(n.arg(0));
                    if (b.isEmpty()) {
                        c.error(n, "Invalid vrrp_sync_group smtp_alert parameter " + n.arg(0) + ", expected on/off");
                        return;
                    }
                    v = b.get();
                }
                g.smtpAlert = v;
            })
            .line("global_tracking", (g, n, c) -> {
                c.deprecated(n.location(), "(" + g.name + ") global_tracking is deprecated. Use"
                        + " track_interface/script/file on the sync group, or sync_group_tracking_weight");
                g.trackingWeight = true;
            })
            .line("sync_group_tracking_weight", (g, n, c) -> g.trackingWeight = true)
            .line("notify_priority_changes", (g, n, c) -> {
                boolean v = true;
                if (n.argCount() >= 1) {
                    Optional<Boolean> b = Numbers.bool(n.arg(0));
                    if (b.isEmpty()) {
                        c.error(n, "(" + g.name + ") Invalid value '" + n.arg(0) + "' for sync group"
                                + " notify_priority_changes, expected on/off");
                        return;
                    }
                    v = b.get();
                }
                g.notifyPriorityChanges = v;
            });

    private static void groupNotify(VrrpDrafts.SyncGroup g, ConfigNode n, BindContext c, ScriptCommand existing,
                                    Consumer<ScriptCommand> set) throws ConfigFatalException {
        if (existing != null) {
            c.error(n, "vrrp group " + g.name + ": " + n.keyword() + " script already specified - ignoring "
                    + Args.need(n, 0, "a command"));
            return;
        }
        Scripts.notifyLine(n, "notify", c).ifPresent(set);
    }

    static void syncGroup(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.argCount() != 1) {
            c.error(n, "vrrp_sync_group must have a name, expected vrrp_sync_group NAME { } - skipping");
            return;
        }
        String name = n.arg(0);
        if (c.syncGroups.stream().anyMatch(g -> g.name.equals(name))) {
            c.error(n, "vrrp sync group " + name + " already defined - skipping");
            return;
        }
        VrrpDrafts.SyncGroup g = new VrrpDrafts.SyncGroup();
        g.name = name;
        g.location = n.location();
        c.syncGroups.add(g);
        SYNC_GROUP.dispatch(g, n.children(), c);
    }
    // ---------------------------------------------------------------- garp_group

    static final KeywordTable<VrrpDrafts.GarpGroup> GARP_GROUP = new KeywordTable<VrrpDrafts.GarpGroup>("garp_group")
            .line("garp_interval", (g, n, c) -> NumberArg.decimal(n, c, "an interval in seconds", 0, Numbers.INT_MAX,
                    Numbers.TIMER_DIGITS, v -> "garp_group garp_interval '" + v + "' invalid")
                    .ifPresent(value -> g.garpInterval = value))
            .line("gna_interval", (g, n, c) -> NumberArg.decimal(n, c, "an interval in seconds", 0, Numbers.INT_MAX,
                    Numbers.TIMER_DIGITS, v -> "garp_group gna_interval '" + v + "' invalid")
                    .ifPresent(value -> g.gnaInterval = value))
            .line("interface", (g, n, c) -> {
                String ifname = Args.need(n, 0, "an interface name");
                if (!c.useInterface(ifname, n.location())) {
                    c.error(n, "WARNING - interface " + ifname + " specified for garp_group doesn't exist");
                    return;
                }
                if (garpInterfaceTaken(c, ifname)) {
                    c.error(n, "garp_group already specified for " + ifname + " - ignoring");
                    return;
                }
                g.interfaces.add(ifname);
            })
            .block("interfaces", (g, n, c) -> {
                List<String> names = Blocks.items(n, c);
                if (names.isEmpty()) {
                    c.error(n, "Warning - empty garp_group interfaces block");
                    return;
                }
                g.hasInterfacesBlock = true;
                for (String ifname : names) {
                    if (!c.useInterface(ifname, n.location())) {
                        c.error(n, "WARNING - interface " + ifname + " specified for garp_group doesn't exist");
                        continue;
                    }
                    if (garpInterfaceTaken(c, ifname)) {
                        c.error(n, "garp_group already specified for " + ifname + " - ignoring");
                        continue;
                    }
                    g.interfaces.add(ifname);
                }
            });

    private static boolean garpInterfaceTaken(BindContext c, String ifname) {
        return c.garpGroups.stream().anyMatch(g -> g.interfaces.contains(ifname));
    }

    static void garpGroup(ConfigNode n, BindContext c) throws ConfigFatalException {
        VrrpDrafts.GarpGroup g = new VrrpDrafts.GarpGroup();
        g.location = n.location();
        c.garpGroups.add(g);
        GARP_GROUP.dispatch(g, n.children(), c);
        if (g.garpInterval == null && g.gnaInterval == null) {
            c.error(n, "garp group does not have any delay set, expected garp_interval or gna_interval - removing");
            c.garpGroups.remove(g);
        }
    }
    // ---------------------------------------------------------------- track_group

    static final KeywordTable<VrrpDrafts.TrackGroup> TRACK_GROUP =
            new KeywordTable<VrrpDrafts.TrackGroup>("track_group")
            .block("group", (g, n, c) -> {
                if (g.instances != null) {
                    c.error(n, "Group list already specified for track group " + g.name + " - ignoring");
                    return;
                }
                g.instances = Blocks.items(n, c);
                if (g.instances.isEmpty()) {
                    c.error(n, "Warning - track group " + g.name + " has empty group block");
                }
            });

    static void trackGroup(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.argCount() != 1) {
            c.error(n, "track_group must have a name, expected track_group NAME { group { ... } } - skipping");
            return;
        }
        if (c.trackGroups.stream().anyMatch(g -> g.name.equals(n.arg(0)))) {
            c.error(n, "track_group " + n.arg(0) + " already defined - skipping");
            return;
        }
        VrrpDrafts.TrackGroup g = new VrrpDrafts.TrackGroup();
        g.name = n.arg(0);
        g.location = n.location();
        c.trackGroups.add(g);
        TRACK_GROUP.dispatch(g, n.children(), c);
    }
}
