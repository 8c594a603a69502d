package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.TrackProcess;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The VRRP-side blocks other than vrrp_instance: vrrp_script, track_file, vrrp_track_process,
 * vrrp_sync_group, garp_group, track_group, bfd_instance, static_*, linkbeat_interfaces,
 * interface_up_down_delays.
 */
final class VrrpBlocksBinder {
    private VrrpBlocksBinder() {
    }

    // ---------------------------------------------------------------- vrrp_script

    static final KeywordTable<Drafts.Script> SCRIPT = new KeywordTable<Drafts.Script>("vrrp_script")
            .line("script", (s, n, c) -> {
                Optional<List<String>> argv = Scripts.commandLine(n);
                if (argv.isPresent()) {
                    s.script = new ScriptCommand(n.arg(0), argv.get(), Optional.empty(), Optional.empty(), 0, 0,
                            n.location());
                } else if (n.arg(0) != null) {
                    c.note(n.location(), "Unable to parse script '" + n.arg(0) + "'");
                }
            })
            .line("interval", (s, n, c) -> {
                String v = Args.need(n, 0, "an interval in whole seconds");
                OptionalLong i = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX / Numbers.TIMER_HZ);
                if (i.isEmpty()) {
                    c.error(n, "(" + s.name + "): vrrp script interval '" + v + "' must be between 1 and "
                            + Numbers.UINT_MAX / Numbers.TIMER_HZ + " - ignoring");
                    return;
                }
                long sec = i.getAsLong();
                if (sec == 0) {
                    c.error(n, "(" + s.name + "): vrrp script interval must be greater than 0, setting to 1");
                    sec = 1;
                }
                s.interval = sec * Numbers.TIMER_HZ;
            })
            .line("timeout", (s, n, c) -> {
                String v = Args.need(n, 0, "a timeout in whole seconds");
                OptionalLong i = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX / Numbers.TIMER_HZ);
                if (i.isEmpty()) {
                    c.error(n, "(" + s.name + "): vrrp script timeout '" + v + "' invalid - ignoring");
                    return;
                }
                long sec = i.getAsLong();
                if (sec == 0) {
                    c.error(n, "(" + s.name + "): vrrp script timeout must be greater than 0, setting to 1");
                    sec = 1;
                }
                s.timeout = sec * Numbers.TIMER_HZ;
            })
            .line("weight", (s, n, c) -> {
                String v = Args.need(n, 0, "a weight -253..253");
                OptionalLong w = Numbers.signed(c, n.location(), v, -253, 253);
                if (w.isEmpty()) {
                    c.error(n, "vrrp_script " + s.name + " weight " + v + " must be in [-253, 253] - using 0");
                    s.weight = 0;
                } else {
                    s.weight = (int) w.getAsLong();
                }
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        s.reverse = true;
                    } else {
                        c.error(n, "vrrp_script " + s.name + " unknown weight option " + n.arg(1)
                                + ", expected reverse");
                    }
                }
            })
            .line("rise", (s, n, c) -> s.rise = riseFall(s, n, c, "rise"))
            .line("fall", (s, n, c) -> s.fall = riseFall(s, n, c, "fall"))
            .line("user", (s, n, c) -> {
                String user = Args.need(n, 0, "a user name, optionally followed by a group");
                if (c.scriptUsers().resolve(user, n.arg(1), n.location()).isEmpty()) {
                    c.error(n, "Unable to set uid/gid for script " + (s.script != null ? s.script.configured() : "")
                            + ": user '" + user + "'" + (n.arg(1) != null ? " or group '" + n.arg(1) + "'" : "")
                            + " does not exist");
                    s.remove = true;
                } else {
                    s.remove = false;
                    s.userSet = true;
                    s.user = user;
                    s.group = n.arg(1);
                }
            })
            .line("init_fail", (s, n, c) -> s.initFail = true);

    private static int riseFall(Drafts.Script s, ConfigNode n, BindContext c, String what)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "a count 1-" + Integer.MAX_VALUE);
        OptionalLong r = Numbers.unsigned(c, n.location(), v, 1, Numbers.INT_MAX);
        if (r.isEmpty()) {
            c.error(n, "(" + s.name + "): vrrp script " + what + " value '" + v + "' invalid, defaulting to 1");
            return 1;
        }
        return (int) r.getAsLong();
    }

    static void script(ConfigNode n, BindContext c) throws ConfigFatalException {
        Drafts.Script s = new Drafts.Script();
        s.name = Args.need(n, 0, "a script name");
        s.location = n.location();
        c.scripts.add(s);
        SCRIPT.dispatch(s, n.children(), c);
        if (s.script == null) {
            c.error(n, "No script set for vrrp_script " + s.name + ", expected a 'script' line - removing");
            s.remove = true;
        } else if (!s.remove) {
            ScriptUsers.Ids ids;
            if (s.userSet) {
                ids = c.scriptUsers().resolve(s.user, s.group, n.location()).orElseThrow();
            } else {
                Optional<ScriptUsers.Ids> d = c.scriptUsers().defaultUser(n.location());
                if (d.isEmpty()) {
                    c.error(n, "Unable to set default user for vrrp script " + s.name + " - removing");
                    s.remove = true;
                    ids = null;
                } else {
                    ids = d.get();
                }
            }
            if (ids != null) {
                s.script = new ScriptCommand(s.script.configured(), s.script.argv(), Optional.ofNullable(s.user),
                        Optional.ofNullable(s.group), ids.uid(), ids.gid(), s.script.location());
            }
        }
        if (s.remove) {
            c.scripts.remove(s);
        }
    }

    // ---------------------------------------------------------------- track_file

    static final KeywordTable<Drafts.TrackFile> TRACK_FILE = new KeywordTable<Drafts.TrackFile>("track_file")
            .line("file", (f, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "track file file name missing, expected a path");
                    return;
                }
                if (f.path != null) {
                    c.error(n, "File already set for track file " + f.name + " - ignoring " + n.arg(0));
                    return;
                }
                f.path = n.arg(0);
            })
            .line("weight", (f, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No weight specified for track file " + f.name + " - ignoring");
                    return;
                }
                if (f.weight != 1) {
                    c.error(n, "Weight already set for track file " + f.name + " - ignoring " + n.arg(0));
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -254, 254);
                if (w.isEmpty()) {
                    c.error(n, "Weight (" + n.arg(0) + ") for track_file " + f.name + " must be between [-254..254]"
                            + " inclusive. Ignoring...");
                }
                f.weight = (int) w.orElse(1);
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        f.reverse = true;
                    } else {
                        c.error(n, "track_file " + f.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("init_file", (f, n, c) -> {
                f.init = true;
                f.initValue = 0;
                for (String w : n.args()) {
                    String word = w.stripLeading();
                    if (!word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == '-')) {
                        OptionalLong v = Numbers.signed(c, n.location(), w, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        if (v.isEmpty()) {
                            c.error(n, "Track file " + f.name + " init value " + word + " is invalid");
                            f.initValue = 0;
                        } else {
                            if (v.getAsLong() < -254 || v.getAsLong() > 254) {
                                c.error(n, "Track file " + f.name + " init value " + v.getAsLong()
                                        + " is outside sensible range [-254, 254]");
                            }
                            f.initValue = (int) v.getAsLong();
                        }
                    } else if (word.equals("overwrite")) {
                        f.overwrite = true;
                    } else {
                        c.error(n, "Unknown track file init option " + word + ", expected a value or overwrite");
                    }
                }
            });

    static void trackFile(ConfigNode n, BindContext c) throws ConfigFatalException {
        Drafts.TrackFile f = new Drafts.TrackFile();
        f.name = Args.need(n, 0, "a track file name");
        f.location = n.location();
        if (n.keyword().equals("vrrp_track_file")) {
            c.note(n.location(), "\"vrrp_track_file\" is deprecated, please use \"track_file\"");
        }
        TRACK_FILE.dispatch(f, n.children(), c);
        if (f.path == null) {
            c.error(n, "No file set for track_file " + f.name + ", expected a 'file PATH' line - ignoring");
            return;
        }
        c.trackFiles.add(f);
    }

    // ---------------------------------------------------------------- vrrp_track_process

    static final KeywordTable<Drafts.TrackProcess> TRACK_PROCESS =
            new KeywordTable<Drafts.TrackProcess>("vrrp_track_process")
            .line("process", (p, n, c) -> {
                if (p.process != null) {
                    c.error(n, "Process already set for track process " + p.name + " - ignoring "
                            + Args.need(n, 0, "a process name"));
                    return;
                }
                p.process = Args.need(n, 0, "a process name, optionally followed by its arguments");
                if (n.argCount() > 1) {
                    p.params.addAll(n.args().subList(1, n.argCount()));
                    if (p.paramMatch == TrackProcess.ParamMatch.NONE) {
                        p.paramMatch = TrackProcess.ParamMatch.EXACT;
                    }
                    p.fullCommand = true;
                }
            })
            .line("param_match", (p, n, c) -> {
                if (n.argCount() == 0) {
                    p.paramMatch = TrackProcess.ParamMatch.EXACT;
                    p.fullCommand = true;
                } else if (n.arg(0).equals("initial")) {
                    p.paramMatch = TrackProcess.ParamMatch.INITIAL;
                    p.fullCommand = true;
                } else if (n.arg(0).equals("partial")) {
                    p.paramMatch = TrackProcess.ParamMatch.PARTIAL;
                    p.fullCommand = true;
                } else {
                    c.error(n, "Invalid param_match type " + n.arg(0) + ", expected initial or partial - ignoring");
                }
            })
            .line("weight", (p, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No weight specified for track process " + p.name + " - ignoring");
                    return;
                }
                if (p.weightSet) {
                    c.error(n, "Weight already set for track process " + p.name + " - ignoring " + n.arg(0));
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -254, 254);
                if (w.isEmpty()) {
                    c.error(n, "Weight (" + n.arg(0) + ") for vrrp_track_process " + p.name + " must be between"
                            + " [-254..254] inclusive. Ignoring...");
                    return;
                }
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        p.reverse = true;
                    } else {
                        c.error(n, "vrrp_track_process " + p.name + " unknown weight option " + n.arg(1));
                    }
                }
                p.weight = (int) w.getAsLong();
                p.weightSet = p.weight != 0;
            })
            .line("quorum", (p, n, c) -> {
                String v = Args.need(n, 0, "a process count 1-65535");
                OptionalLong q = Numbers.unsigned(c, n.location(), v, 1, 65535);
                if (q.isEmpty()) {
                    c.error(n, "Quorum (" + v + ") for vrrp_track_process " + p.name + " must be between [1..65535]"
                            + " inclusive. Ignoring...");
                    return;
                }
                if (q.getAsLong() > p.quorumMax) {
                    c.error(n, "Quorum is greater than quorum_max - ignoring");
                    return;
                }
                p.quorum = (int) q.getAsLong();
            })
            .line("quorum_max", (p, n, c) -> {
                String v = Args.need(n, 0, "a process count 0-65535");
                OptionalLong q = Numbers.unsigned(c, n.location(), v, 0, 65535);
                if (q.isEmpty()) {
                    c.error(n, "quorum_max (" + v + ") for vrrp_track_process " + p.name + " must be between"
                            + " [0..65535] inclusive. Ignoring...");
                    return;
                }
                long max = q.getAsLong();
                if ((max != 0 || p.quorum > 1) && max < p.quorum) {
                    c.error(n, "quorum_max is less than quorum - ignoring");
                    return;
                }
                p.quorumMax = max;
                if (max == 0) {
                    p.quorum = 0;
                } else if (p.quorum == 0) {
                    p.quorum = 1;
                }
            })
            .line("delay", (p, n, c) -> processDelay(p, n, c, true, true))
            .line("terminate_delay", (p, n, c) -> processDelay(p, n, c, true, false))
            .line("fork_delay", (p, n, c) -> processDelay(p, n, c, false, true))
            .line("full_command", (p, n, c) -> p.fullCommand = true);

    private static void processDelay(Drafts.TrackProcess p, ConfigNode n, BindContext c, boolean terminate,
                                     boolean fork) throws ConfigFatalException {
        String v = Args.need(n, 0, "a delay in seconds, 0.000001-3600");
        OptionalLong d = Numbers.decimal(c, n.location(), v, 1, 3600L * Numbers.TIMER_HZ, Numbers.TIMER_DIGITS);
        if (d.isEmpty()) {
            c.error(n, n.keyword() + " (" + v + ") for vrrp_track_process " + p.name + " must be between"
                    + " [0.000001..3600] inclusive. Ignoring...");
            return;
        }
        if (terminate) {
            p.terminateDelay = d.getAsLong();
        }
        if (fork) {
            p.forkDelay = d.getAsLong();
        }
    }

    static void trackProcess(ConfigNode n, BindContext c) throws ConfigFatalException {
        Drafts.TrackProcess p = new Drafts.TrackProcess();
        p.name = Args.need(n, 0, "a track process name");
        p.location = n.location();
        TRACK_PROCESS.dispatch(p, n.children(), c);
        if (p.process == null) {
            c.error(n, "track process '" + p.name + "' process name not specified, expected a 'process NAME' line");
            return;
        }
        c.trackProcesses.add(p);
    }

    // ---------------------------------------------------------------- vrrp_sync_group

    static final KeywordTable<Drafts.SyncGroup> SYNC_GROUP = new KeywordTable<Drafts.SyncGroup>("vrrp_sync_group")
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

    private static void groupNotify(Drafts.SyncGroup g, ConfigNode n, BindContext c, ScriptCommand existing,
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
        Drafts.SyncGroup g = new Drafts.SyncGroup();
        g.name = name;
        g.location = n.location();
        c.syncGroups.add(g);
        SYNC_GROUP.dispatch(g, n.children(), c);
    }

    // ---------------------------------------------------------------- vrrp_instance

    static void instance(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.argCount() != 1) {
            c.error(n, "vrrp_instance must have a name, expected vrrp_instance NAME { } - skipping");
            return;
        }
        String name = n.arg(0);
        if (c.instance(name) != null) {
            c.error(n, "vrrp instance " + name + " already defined - skipping");
            return;
        }
        Drafts.Instance v = VrrpInstanceBinder.newInstance(name, n.location(), c);
        c.instances.add(v);
        VrrpInstanceBinder.TABLE.dispatch(v, n.children(), c);
        VrrpInstanceBinder.end(v, c);
    }

    // ---------------------------------------------------------------- garp_group

    static final KeywordTable<Drafts.GarpGroup> GARP_GROUP = new KeywordTable<Drafts.GarpGroup>("garp_group")
            .line("garp_interval", (g, n, c) -> {
                String v = Args.need(n, 0, "an interval in seconds");
                OptionalLong i = Numbers.decimal(c, n.location(), v, 0, Numbers.INT_MAX, Numbers.TIMER_DIGITS);
                if (i.isEmpty()) {
                    c.error(n, "garp_group garp_interval '" + v + "' invalid");
                } else {
                    g.garpInterval = i.getAsLong();
                }
            })
            .line("gna_interval", (g, n, c) -> {
                String v = Args.need(n, 0, "an interval in seconds");
                OptionalLong i = Numbers.decimal(c, n.location(), v, 0, Numbers.INT_MAX, Numbers.TIMER_DIGITS);
                if (i.isEmpty()) {
                    c.error(n, "garp_group gna_interval '" + v + "' invalid");
                } else {
                    g.gnaInterval = i.getAsLong();
                }
            })
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
        Drafts.GarpGroup g = new Drafts.GarpGroup();
        g.location = n.location();
        c.garpGroups.add(g);
        GARP_GROUP.dispatch(g, n.children(), c);
        if (g.garpInterval == null && g.gnaInterval == null) {
            c.error(n, "garp group does not have any delay set, expected garp_interval or gna_interval - removing");
            c.garpGroups.remove(g);
        }
    }

    // ---------------------------------------------------------------- track_group

    static final KeywordTable<Drafts.TrackGroup> TRACK_GROUP = new KeywordTable<Drafts.TrackGroup>("track_group")
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
        Drafts.TrackGroup g = new Drafts.TrackGroup();
        g.name = n.arg(0);
        g.location = n.location();
        c.trackGroups.add(g);
        TRACK_GROUP.dispatch(g, n.children(), c);
    }

    // ---------------------------------------------------------------- static_*, linkbeat, delays

    static void staticAddresses(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            AddressLine.read(line, true, c).ifPresent(c.staticAddresses::add);
        }
    }

    static void staticRoutes(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            RouteLine.read(line, true, c).ifPresent(c.staticRoutes::add);
        }
    }

    static void staticRules(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            RuleLine.read(line, true, c, c.nextRulePreference).ifPresent(c.staticRules::add);
        }
    }

    /** An interface a per-interface block names: keepalived treats a missing one as fatal (exit 4). */
    private static boolean perInterface(ConfigNode line, BindContext c, String what) {
        String ifname = line.keyword();
        if (c.interfaces.exists(ifname) || c.global.dynamicInterfaces) {
            return true;
        }
        c.report(ConfigErrorKind.FATAL, line.location(), "unknown interface " + ifname + " specified for " + what
                + ", expected an existing interface");
        return false;
    }

    static void linkbeatInterfaces(ConfigNode n, BindContext c) {
        for (ConfigNode line : Blocks.lines(n, c)) {
            if (!perInterface(line, c, "linkbeat interface")) {
                continue;
            }
            Drafts.InterfaceSetting s = new Drafts.InterfaceSetting();
            s.name = line.keyword();
            s.location = line.location();
            if (line.argCount() >= 1) {
                String m = line.arg(0);
                if (m.equals("MII") || m.equals("ETHTOOL") || m.equals("IOCTL")) {
                    s.method = m;
                }
                if (s.method == null || line.argCount() > 1) {
                    c.error(line, "extra characters " + m + " in linkbeat interface, expected MII, ETHTOOL or IOCTL");
                }
            }
            c.linkbeatInterfaces.add(s);
        }
    }

    static void interfaceDelays(ConfigNode n, BindContext c) {
        for (ConfigNode line : Blocks.lines(n, c)) {
            if (!perInterface(line, c, "up/down delay")) {
                continue;
            }
            if (line.argCount() < 1) {
                c.note(line.location(), "No timeouts specified for " + line.keyword() + " up/down delays");
                continue;
            }
            if (line.argCount() > 2) {
                c.note(line.location(), "Too many parameters for " + line.keyword() + " up/down delays");
            }
            Drafts.InterfaceSetting s = new Drafts.InterfaceSetting();
            s.name = line.keyword();
            s.location = line.location();
            Optional<java.time.Duration> down = Numbers.timer(c, line.location(), line.arg(0), 0,
                    255 * Numbers.TIMER_HZ);
            if (down.isEmpty()) {
                c.note(line.location(), "Invalid down delay " + line.arg(0) + " for " + line.keyword());
                continue;
            }
            s.down = down.get().toNanos() / 1000;
            s.up = 0L;
            if (line.argCount() >= 2) {
                Optional<java.time.Duration> up = Numbers.timer(c, line.location(), line.arg(1), 0,
                        255 * Numbers.TIMER_HZ);
                if (up.isEmpty()) {
                    c.note(line.location(), "Invalid up delay " + line.arg(1) + " for " + line.keyword());
                    continue;
                }
                s.up = up.get().toNanos() / 1000;
            }
            c.interfaceDelays.add(s);
        }
    }

    // ---------------------------------------------------------------- bfd_instance

    static final KeywordTable<Drafts.Bfd> BFD = new KeywordTable<Drafts.Bfd>("bfd_instance")
            .line("neighbor_ip", VrrpBlocksBinder::bfdNeighbor)
            .line("neighbour_ip", VrrpBlocksBinder::bfdNeighbor)
            .line("source_ip", (b, n, c) -> {
                String v = Args.need(n, 0, "an IP address");
                Optional<InetAddress> a = InetText.sockaddr(v);
                if (a.isEmpty()) {
                    c.error(n, "BFD instance " + b.name + " source_ip " + v + " is not an address, ignoring");
                } else {
                    b.source = a.get();
                }
            })
            .line("min_rx", (b, n, c) -> bfdMs(b, n, c, 1, 1000, v -> b.minRx = v))
            .line("min_tx", (b, n, c) -> bfdMs(b, n, c, 1, 1000, v -> b.minTx = v))
            .line("idle_tx", (b, n, c) -> bfdMs(b, n, c, 1000, 10000, v -> b.idleTx = v))
            .line("multiplier", (b, n, c) -> {
                String v = Args.need(n, 0, "a multiplier 1-255");
                OptionalLong m = Numbers.unsigned(c, n.location(), v, 1, 255);
                if (m.isEmpty()) {
                    c.error(n, "BFD instance " + b.name + " multiplier " + v + " not valid, expected 1-255, ignoring");
                } else {
                    b.multiplier = (int) m.getAsLong();
                }
            })
            .line("passive", (b, n, c) -> b.passive = true)
            .line("ttl", (b, n, c) -> bfdTtl(b, n, c))
            .line("hoplimit", (b, n, c) -> bfdTtl(b, n, c))
            .line("max_hops", (b, n, c) -> {
                String v = Args.need(n, 0, "a hop count 0-255");
                OptionalLong m = Numbers.signed(c, n.location(), v, -1, 255);
                if (m.isEmpty()) {
                    c.error(n, "BFD instance " + b.name + " max_hops " + v + " not valid, ignoring");
                } else {
                    b.maxHops = (int) m.getAsLong();
                }
            })
            .line("weight", (b, n, c) -> {
                String v = Args.need(n, 0, "a weight -253..253");
                OptionalLong w = Numbers.signed(c, n.location(), v, -253, 253);
                if (w.isEmpty()) {
                    c.error(n, "BFD instance " + b.name + " weight " + v + " not valid, expected -253..253, ignoring");
                    return;
                }
                b.weight = (int) w.getAsLong();
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        b.reverse = true;
                    } else {
                        c.error(n, "BFD instance " + b.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("vrrp", (b, n, c) -> b.vrrp = true)
            .line("checker", (b, n, c) -> b.checker = true);

    private static void bfdNeighbor(Drafts.Bfd b, ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "an IP address");
        Optional<InetAddress> a = InetText.sockaddr(v);
        if (a.isEmpty()) {
            c.error(n, "BFD instance " + b.name + " neighbor_ip " + v + " is not an address, ignoring");
        } else {
            b.neighbor = a.get();
        }
    }

    private static void bfdMs(Drafts.Bfd b, ConfigNode n, BindContext c, long min, long max,
                              java.util.function.IntConsumer set) throws ConfigFatalException {
        String v = Args.need(n, 0, "milliseconds " + min + "-" + max);
        OptionalLong m = Numbers.decimal(c, n.location(), v, min * 1000, max * 1000, 3);
        if (m.isEmpty()) {
            c.error(n, "BFD instance " + b.name + " " + n.keyword() + " value " + v + " not valid (must be in range ["
                    + min + "-" + max + "]), ignoring");
        } else {
            set.accept((int) (m.getAsLong() / 1000));
        }
    }

    private static void bfdTtl(Drafts.Bfd b, ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "a TTL 1-255");
        OptionalLong t = Numbers.unsigned(c, n.location(), v, 1, 255);
        if (t.isEmpty()) {
            c.error(n, "BFD instance " + b.name + " " + n.keyword() + " " + v + " not valid, expected 1-255");
        } else if (n.keyword().equals("ttl")) {
            b.ttl = (int) t.getAsLong();
        } else {
            b.hopLimit = (int) t.getAsLong();
        }
    }

    static void bfdInstance(ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "a BFD instance name");
        if (name.length() >= 32) {
            c.error(n, "BFD instance name " + name + " too long, expected at most 31 characters - skipping");
            return;
        }
        if (c.bfd(name) != null) {
            c.error(n, "BFD instance " + name + " already specified - skipping");
            return;
        }
        Drafts.Bfd b = new Drafts.Bfd();
        b.name = name;
        b.location = n.location();
        BFD.dispatch(b, n.children(), c);
        if (b.neighbor == null) {
            c.error(n, "BFD instance " + name + " has no neighbor_ip, expected neighbor_ip IP - disabling");
            return;
        }
        c.bfds.add(b);
    }
}
