package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.model.VrrpScript;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What keepalived's VRRP process does after reading the configuration and before it runs
 * (vrrp.c vrrp_complete_init / vrrp_complete_instance, vrrp_sync.c): script security, the
 * minimal configuration, sync groups, every instance's defaults and corrections, VRID
 * conflicts. The first error that stops keepalived's VRRP process is kept as the start failure;
 * like keepalived we check no further, but we still resolve the rest (silently) so that the
 * model is complete.
 */
final class VrrpCompletion {
    private final BindContext c;
    private final GlobalDefs.VrrpGlobals g;
    private Diagnostic failure;
    final List<VrrpScript> scripts = new ArrayList<>();
    final List<SyncGroup> syncGroups = new ArrayList<>();
    final List<VrrpInstance> instances = new ArrayList<>();

    VrrpCompletion(BindContext c, GlobalDefs.VrrpGlobals globals) {
        this.c = c;
        this.g = globals;
    }

    Optional<Diagnostic> failure() {
        return Optional.ofNullable(failure);
    }

    private void fail(Diagnostic d) {
        if (failure == null) {
            failure = d;
            c.mute();
        }
    }

    void run(Optional<Diagnostic> startFailure) {
        startFailure.ifPresent(this::fail);
        if (!c.instances.isEmpty()) {
            scriptSecurity();
        }
        for (Drafts.Script s : c.scripts) {
            scripts.add(new VrrpScript(s.name, s.script, Numbers.micros(s.interval),
                    // unset stays 0 as in keepalived (its dump shows it); a run gets the interval then
                    Numbers.micros(s.timeout), s.weight, s.reverse, s.rise, s.fall,
                    s.initFail, s.location));
        }
        for (Drafts.Instance v : c.instances) {
            if (v.vrid == 0) {
                fail(c.fail(v.location, "(" + v.name + ") the virtual router id must be set, expected"
                        + " virtual_router_id 1-255"));
                break;
            }
            if (v.interfaceName == null) {
                fail(c.fail(v.location, "(" + v.name + ") Unknown interface! expected an existing, non-loopback"
                        + " interface"));
                break;
            }
        }
        for (Drafts.SyncGroup sg : c.syncGroups) {
            syncGroup(sg);
        }
        for (Drafts.Instance v : c.instances) {
            boolean ok = complete(v);
            if (!ok && failure == null) {
                fail(lastFailure);
            }
        }
        if (failure == null) {
            vridConflicts();
        }
        syncGroupTracking();
        for (Drafts.Instance v : c.instances) {
            instances.add(build(v));
        }
        for (Drafts.SyncGroup sg : c.syncGroups) {
            if (sg.resolved.isEmpty()) {
                continue;
            }
            boolean smtp = sg.smtpAlert != null ? sg.smtpAlert
                    : c.global.smtpAlertVrrp != null ? c.global.smtpAlertVrrp
                    : c.global.smtpAlert != null ? c.global.smtpAlert : false;
            syncGroups.add(new SyncGroup(sg.name, sg.resolved.stream().map(i -> i.name).toList(), trackers(sg.trackers),
                    notify(sg.notify), smtp, sg.trackingWeight,
                    sg.notifyPriorityChanges != null ? sg.notifyPriorityChanges : g.notifyPriorityChanges(),
                    sg.location));
        }
        c.unmute();
    }

    // ------------------------------------------------------------------ script security

    private void scriptSecurity() {
        ScriptSecurity sec = new ScriptSecurity(c);
        int flags = 0;
        List<Drafts.Script> insecure = new ArrayList<>();
        for (Drafts.Script s : c.scripts) {
            ScriptSecurity.Result r = sec.check(s.script);
            flags |= r.flags();
            s.script = r.script();
            if (r.has(ScriptSecurity.INHIBIT)) {
                c.error(s.location, "Disabling track script " + s.name + " due to insecure: it or a directory on"
                        + " its path is writable by a non-root user");
                insecure.add(s);
            } else if (r.has(ScriptSecurity.NOTFOUND)) {
                c.error(s.location, "Disabling track script " + s.name + " since not found/accessible: "
                        + s.script.program());
                insecure.add(s);
            } else if (!r.usableTrack()) {
                insecure.add(s);
            }
        }
        for (Drafts.Instance v : c.instances) {
            flags |= notifySecurity(sec, v.notify);
            v.trackers.scripts.removeIf(t -> insecure.stream().anyMatch(s -> s.name.equals(t.name())));
        }
        for (Drafts.SyncGroup sg : c.syncGroups) {
            flags |= notifySecurity(sec, sg.notify);
            sg.trackers.scripts.removeIf(t -> insecure.stream().anyMatch(s -> s.name.equals(t.name())));
        }
        flags |= fifoSecurity(sec, c.global.fifoAll);
        flags |= fifoSecurity(sec, c.global.fifoVrrp);
        if (!c.global.scriptSecurity && (flags & ScriptSecurity.ISSCRIPT) != 0) {
            c.report(ConfigErrorKind.SECURITY_ERROR, firstScriptLocation(), "SECURITY VIOLATION - scripts are being"
                    + " executed but script_security not enabled."
                    + ((flags & ScriptSecurity.INSECURE) != 0 ? " There are insecure scripts." : "")
                    + " Add enable_script_security to global_defs (and a script_user, or user keepalived_script)");
        }
        c.scripts.removeAll(insecure);
    }

    private SourceLocation firstScriptLocation() {
        if (!c.scripts.isEmpty()) {
            return c.scripts.get(0).location;
        }
        return c.instances.isEmpty() ? null : c.instances.get(0).location;
    }

    static int fifoSecurity(ScriptSecurity sec, Drafts.Fifo f) {
        if (f.script == null) {
            return 0;
        }
        ScriptSecurity.Result r = sec.check(f.script);
        f.script = r.usableNotify() ? r.script() : null;
        return r.flags();
    }

    private static int notifySecurity(ScriptSecurity sec, Drafts.Notify n) {
        int flags = 0;
        ScriptSecurity.Result r;
        if (n.backup != null) {
            r = sec.check(n.backup);
            flags |= r.flags();
            n.backup = r.usableNotify() ? r.script() : null;
        }
        if (n.master != null) {
            r = sec.check(n.master);
            flags |= r.flags();
            n.master = r.usableNotify() ? r.script() : null;
        }
        if (n.fault != null) {
            r = sec.check(n.fault);
            flags |= r.flags();
            n.fault = r.usableNotify() ? r.script() : null;
        }
        if (n.stop != null) {
            r = sec.check(n.stop);
            flags |= r.flags();
            n.stop = r.usableNotify() ? r.script() : null;
        }
        if (n.deleted != null) {
            r = sec.check(n.deleted);
            flags |= r.flags();
            n.deleted = r.usableNotify() ? r.script() : null;
        }
        if (n.generic != null) {
            r = sec.check(n.generic);
            flags |= r.flags();
            n.generic = r.usableNotify() ? r.script() : null;
        }
        if (n.masterRxLowerPri != null) {
            r = sec.check(n.masterRxLowerPri);
            flags |= r.flags();
            n.masterRxLowerPri = r.usableNotify() ? r.script() : null;
        }
        return flags;
    }

    // ------------------------------------------------------------------ sync groups

    private void syncGroup(Drafts.SyncGroup sg) {
        if (sg.members == null) {
            c.error(sg.location, "Sync group " + sg.name + " has no virtual router(s), expected a group { VI_1 VI_2 }"
                    + " block. removing");
            return;
        }
        Drafts.WantState state = Drafts.WantState.INIT;
        for (String name : sg.members) {
            Drafts.Instance v = c.instance(name);
            SourceLocation at = sg.membersLocation != null ? sg.membersLocation : sg.location;
            if (v == null) {
                c.error(at, "Virtual router " + name + " specified in sync group " + sg.name + " doesn't exist"
                        + " - ignoring");
                continue;
            }
            if (v.sync != null) {
                c.error(at, "Virtual router " + name + " cannot exist in more than one sync group; ignoring "
                        + sg.name);
                continue;
            }
            sg.resolved.add(v);
            v.sync = sg;
            if (state == Drafts.WantState.MASTER && v.want == Drafts.WantState.BACKUP) {
                c.error(at, "Sync group " + sg.name + " has some member(s) as address owner and some not as address"
                        + " owner. This won't work.");
            }
            if (state != Drafts.WantState.BACKUP) {
                state = v.want == Drafts.WantState.MASTER && v.priority == 255 ? Drafts.WantState.MASTER
                        : Drafts.WantState.BACKUP;
            }
        }
        if (sg.resolved.isEmpty()) {
            c.error(sg.location, "Sync group " + sg.name + ", no matching virtual router found in group declaration"
                    + " - removing");
            return;
        }
        if (sg.resolved.size() == 1) {
            c.error(sg.location, "Sync group " + sg.name + " has only 1 virtual router(s) - this probably isn't what"
                    + " you want");
        }
    }

    private void syncGroupTracking() {
        for (Drafts.SyncGroup sg : c.syncGroups) {
            for (Drafts.Instance v : sg.resolved) {
                if (v.priority != 255) {
                    continue;
                }
                for (TrackedObject t : new ArrayList<>(sg.trackers.scripts)) {
                    if (t.weight() != 0) {
                        c.error(sg.location, "(" + sg.name + ") Cannot have weighted track script '" + t.name()
                                + "' with member having priority 255 - clearing weight");
                        sg.trackers.scripts.set(sg.trackers.scripts.indexOf(t), new TrackedObject(t.name(), 0,
                                t.reverse(), t.location()));
                    }
                }
                for (TrackedObject t : new ArrayList<>(sg.trackers.files)) {
                    if (t.weight() != 0) {
                        c.error(sg.location, "(" + sg.name + ") Cannot have weighted track file '" + t.name()
                                + "' with member having priority 255 - setting weight 0");
                        sg.trackers.files.set(sg.trackers.files.indexOf(t), new TrackedObject(t.name(), 0,
                                t.reverse(), t.location()));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ instances

    private Diagnostic lastFailure;

    private boolean stop(SourceLocation at, String message) {
        lastFailure = c.fail(at, message);
        return false;
    }

    private Optional<InterfaceInfo> ifInfo(Drafts.Instance v) {
        return v.interfaceName == null ? Optional.empty() : c.interfaceInfo(v.interfaceName);
    }

    /** vrrp_complete_instance; false where keepalived's returns false (VRRP does not start). */
    private boolean complete(Drafts.Instance v) {
        String n = "(" + v.name + ")";
        SourceLocation at = v.location;
        boolean strict = v.strict != null ? v.strict : g.strict();
        v.strict = strict;
        if (v.family == AddressFamily.IPV6) {
            if (v.version == 2 && strict) {
                c.error(at, n + " cannot use IPv6 with VRRP version 2; setting version 3");
                v.version = 3;
            } else if (v.version == 0) {
                v.version = 3;
            }
        }
        if (v.family == null) {
            v.family = AddressFamily.IPV4;
        }
        if (v.version == 0) {
            v.version = v.family == AddressFamily.IPV6 ? 3 : g.version();
        }
        if (v.family == AddressFamily.IPV4 && v.ttl == -1) {
            v.ttl = 255;
        }
        if (v.vips.isEmpty()) {
            if (v.version == 3 || strict) {
                v.priority = v.priority == 0 ? (v.want == Drafts.WantState.MASTER ? 255 : 100) : v.priority;
                return stop(at, n + " No VIP specified; at least one is required (VRRPv3 / strict mode), expected a"
                        + " virtual_ipaddress block");
            }
            c.error(at, n + " No VIP specified; at least one is sensible");
        }
        if (v.priority == 0) {
            v.priority = v.want == Drafts.WantState.MASTER ? 255 : 100;
        }
        if (v.want == Drafts.WantState.INIT) {
            v.want = v.priority == 255 ? Drafts.WantState.MASTER : Drafts.WantState.BACKUP;
        } else if (strict && ((v.want == Drafts.WantState.MASTER) != (v.priority == 255))) {
            c.error(at, n + " State MASTER must match being address owner (priority 255) in strict mode - using "
                    + (v.priority == 255 ? "MASTER" : "BACKUP"));
            v.want = v.priority == 255 ? Drafts.WantState.MASTER : Drafts.WantState.BACKUP;
        }
        if (v.authType != null) {
            if (strict) {
                c.error(at, n + " Strict mode does not support authentication. Ignoring.");
                v.authType = null;
            } else if (v.version == 3) {
                c.error(at, n + " VRRP version 3 does not support authentication. Ignoring.");
                v.authType = null;
            } else if (v.authPass.isEmpty()) {
                c.error(at, n + " Authentication specified but no password given, expected auth_pass. Ignoring");
                v.authType = null;
            } else if (v.family == AddressFamily.IPV6 && v.authType == VrrpInstance.AuthType.AH) {
                c.error(at, n + " Cannot use AH authentication with IPv6. ignoring");
                v.authType = null;
            } else if (v.authType == VrrpInstance.AuthType.AH && v.want == Drafts.WantState.MASTER
                    && v.priority != 255) {
                c.error(at, n + " Initial state master is incompatible with AH authentication - clearing (starting"
                        + " as BACKUP)");
                v.want = Drafts.WantState.BACKUP;
            }
        }
        if (v.interfaceName == null && v.saddr == null) {
            return stop(at, n + ": Unicast instances must have unicast_src_ip or interface");
        }
        boolean unicast = false;
        if (v.unicastConfigured) {
            if (!v.peers.isEmpty()) {
                unicast = true;
            } else if (v.unicastFaultNoPeer) {
                c.note(at, n + " Cannot use unicast without any peers - going to fault state");
                v.configFaults++;
            } else {
                c.deprecated(at, n + " A unicast keyword has been specified without any unicast peers. Defaulting to"
                        + " multicast. This usage is deprecated - please add unicast_peer or remove the unicast"
                        + " keywords");
            }
        }
        boolean isUnicast = unicast;
        if (strict && v.vmacMac != null) {
            c.error(at, n + ": cannot specify MAC address with strict mode - clearing");
            v.vmacMac = null;
        }
        Optional<InterfaceInfo> info = ifInfo(v);
        if ((v.vmac || v.ipvlan != null) && info.isPresent() && !info.get().isEthernet()) {
            v.vmac = false;
            v.ipvlan = null;
            v.vmacAddr = false;
            v.xmitBase = false;
            v.dontTrackPrimary = false;
            c.error(at, n + ": vmacs are only supported on Ethernet type interfaces");
            v.configFaults++;
        }
        if (info.isPresent() && !info.get().supportsMulticast() && !isUnicast) {
            c.error(at, n + " interface " + v.interfaceName + " does not support multicast, specify unicast peers"
                    + " - disabling");
            v.configFaults++;
        }
        if (v.family == AddressFamily.IPV6 && !isUnicast && !v.vips.isEmpty()
                && !InetText.isLinkLocal(v.vips.get(0).address())) {
            if (strict) {
                c.error(v.vips.get(0).location(), n + " the first IPv6 VIP address must be link local");
            } else {
                c.note(v.vips.get(0).location(), n + " the first IPv6 VIP address should be link local");
            }
        }
        if (v.vrf != null && (v.interfaceName != null || !isUnicast)) {
            c.error(at, n + " vrf can only be specified with" + (v.interfaceName != null ? "out interface" : " unicast")
                    + " - clearing");
            v.vrf = null;
        }
        int mtu = info.map(InterfaceInfo::mtu).orElse(1500);
        int hdr = v.family == AddressFamily.IPV4 ? 14 + 20 + 8 + (v.version == 2 ? 8 : 0)
                + (v.version == 2 && v.authType == VrrpInstance.AuthType.AH ? 24 : 0) : 14 + 40 + 8;
        int maxAddr = Math.min(255, Math.max(0, (mtu - hdr) / (v.family == AddressFamily.IPV4 ? 4 : 16)));
        if (v.vips.size() > maxAddr) {
            c.error(at, n + " Number of VIPs (" + v.vips.size() + ") exceeds maximum/space available in packet (max "
                    + maxAddr + " addresses) - excess moved to eVIPs");
            List<IpAddressSpec> excess = new ArrayList<>(v.vips.subList(maxAddr, v.vips.size()));
            v.vips.subList(maxAddr, v.vips.size()).clear();
            v.evips.addAll(excess);
        }
        if (v.priority == 255 && v.nopreempt) {
            c.error(at, n + " nopreempt is incompatible with priority 255. resetting nopreempt");
            v.nopreempt = false;
        }
        if (v.want == Drafts.WantState.MASTER) {
            if (v.nopreempt) {
                c.error(at, n + " Warning - nopreempt will not work with initial state MASTER - clearing (use state"
                        + " BACKUP with nopreempt)");
                v.nopreempt = false;
            }
            if (v.preemptDelay != 0) {
                c.error(at, n + " Warning - preempt delay will not work with initial state MASTER - clearing");
                v.preemptDelay = 0;
            }
        }
        if (v.preemptDelay != 0) {
            if (strict) {
                c.error(at, n + " preempt_delay is incompatible with strict mode - resetting");
                v.preemptDelay = 0;
            }
            if (v.nopreempt) {
                c.error(at, n + " preempt_delay is incompatible with nopreempt mode - resetting");
                v.preemptDelay = 0;
            }
        }
        if (v.downTimerAdverts != 3 && strict) {
            c.error(at, n + " down_timer_adverts is incompatible with strict mode - resetting to 3");
            v.downTimerAdverts = 3;
        }
        if (v.accept == null) {
            v.accept = v.priority == 255 || !strict;
        }
        if (v.accept && v.priority != 255 && strict && v.version == 2) {
            c.error(at, n + " warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            v.accept = false;
        }
        if (isUnicast && v.mcastDst != null) {
            c.error(at, n + " multicast destination specified with unicast - ignoring");
            v.mcastDst = null;
        }
        if (v.garpLowerPrioRep == null) {
            v.garpLowerPrioRep = strict ? 0 : g.garpLowerPrioRepeat();
        } else if (strict && v.garpLowerPrioRep != 0) {
            c.error(at, n + " Strict mode requires no repeat garps. resetting");
            v.garpLowerPrioRep = 0;
        }
        if (v.garpLowerPrioDelay == null) {
            v.garpLowerPrioDelay = strict ? 0 : g.garpLowerPrioDelay().toNanos() / 1000;
        } else if (strict && v.garpLowerPrioDelay != 0) {
            c.error(at, n + " Strict mode requires no repeat garp delay. resetting");
            v.garpLowerPrioDelay = 0L;
        }
        if (v.lowerPrioNoAdvert == null) {
            v.lowerPrioNoAdvert = strict || g.lowerPrioNoAdvert();
        } else if (strict && !v.lowerPrioNoAdvert) {
            c.error(at, n + " Strict mode requires no lower priority advert. resetting");
            v.lowerPrioNoAdvert = true;
        }
        if (v.higherPrioSendAdvert == null) {
            v.higherPrioSendAdvert = !strict && g.higherPrioSendAdvert();
        } else if (strict && v.higherPrioSendAdvert) {
            c.error(at, n + " strict mode requires higher_prio_send_advert to be clear. resetting");
            v.higherPrioSendAdvert = false;
        }
        if (v.advertInt == 0) {
            v.advertInt = Numbers.TIMER_HZ;
        }
        long hz = Numbers.TIMER_HZ;
        if (v.version == 2) {
            if (v.advertInt >= 256 * hz) {
                c.error(at, n + " VRRPv2 advertisement interval " + seconds2(v.advertInt) + "s is out of range. Must be"
                        + " less than 256s. Setting to 255s");
                v.advertInt = 255 * hz;
            } else if (v.advertInt % hz != 0) {
                c.error(at, n + " VRRPv2 advertisement interval " + io.javakeepalived.config.model.Text.seconds(
                        Numbers.micros(v.advertInt)) + "s must be an integer. rounding");
                v.advertInt = v.advertInt + hz / 2;
                v.advertInt -= v.advertInt % hz;
                if (v.advertInt == 0) {
                    v.advertInt = hz;
                }
            }
        } else {
            long centi = hz / 100;
            if (v.advertInt >= 4096 * centi) {
                c.error(at, n + " VRRPv3 advertisement interval " + seconds2(v.advertInt) + "s is out of range. Must be"
                        + " less than 40.96s. Setting to 40.95s");
                v.advertInt = 4095 * centi;
            } else if (v.advertInt % centi != 0) {
                c.error(at, n + " VRRPv3 advertisement interval " + io.javakeepalived.config.model.Text.seconds(
                        Numbers.micros(v.advertInt)) + "s must be in units of 10ms - rounding");
                v.advertInt = v.advertInt + centi / 2;
                v.advertInt -= v.advertInt % centi;
                if (v.advertInt == 0) {
                    v.advertInt = centi;
                }
            }
        }
        if (v.saddr == null) {
            v.trackSaddr = false;
        }
        if (v.vmac || v.ipvlan != null) {
            if (v.vmac && strict && v.xmitBase) {
                c.error(at, n + " xmit_base is incompatible with strict mode - resetting");
                v.xmitBase = false;
            }
            if (v.promoteSecondaries) {
                c.error(at, n + " promote_secondaries is automatically set for vmacs - ignoring");
                v.promoteSecondaries = false;
            }
        }
        if (v.ipvlan != null && v.family == AddressFamily.IPV4 && v.ipvlan.address().isEmpty()) {
            c.error(at, n + " IPv4 ipvlan requires a source ip address to be configured. setting instance to fault"
                    + " state");
            v.configFaults++;
        }
        if (v.interfaceName != null) {
            v.trackers.interfaces.removeIf(t -> {
                if (t.name().equals(v.interfaceName)) {
                    c.error(t.location(), n + " Ignoring track_interface " + t.name() + " since own interface");
                    return true;
                }
                return false;
            });
        }
        if (v.xmitBase && !v.vmac) {
            c.error(at, n + " vmac_xmit_base is only valid with a vmac");
            v.xmitBase = false;
        }
        String vmacIf = vmacName(v);
        List<IpAddressSpec> vips = new ArrayList<>();
        for (IpAddressSpec a : v.vips) {
            vips.add(assignDevice(v, a, vmacIf, n));
        }
        v.vips.clear();
        v.vips.addAll(vips);
        List<IpAddressSpec> evips = new ArrayList<>();
        for (IpAddressSpec a : v.evips) {
            evips.add(assignDevice(v, a, vmacIf, n));
        }
        v.evips.clear();
        v.evips.addAll(evips);
        if (v.garpExtraIf == null) {
            v.garpExtraIf = g.garpExtraIfInterval();
            if (g.garpExtraIfAll()) {
                v.garpExtraIfAll = true;
            }
        }
        if (v.vips.isEmpty()) {
            if (v.version == 3 || v.family == AddressFamily.IPV6 || strict) {
                return stop(at, n + " No VIP specified; at least one is required, expected a virtual_ipaddress block");
            }
            c.warning(at, n + " No VIP specified; at least one is sensible");
        }
        boolean syncNoWeight = v.sync != null && !v.sync.trackingWeight;
        if (syncNoWeight || v.priority == 255) {
            String why = syncNoWeight ? "SYNC group" : "address owner";
            List<TrackedObject> ifs = new ArrayList<>();
            for (TrackedObject t : v.trackers.interfaces) {
                if (t.weight() != 0) {
                    c.error(t.location(), n + " ignoring " + t.name() + " tracked interface "
                            + (syncNoWeight ? "weight " : "") + "due to " + why);
                    if (syncNoWeight) {
                        ifs.add(new TrackedObject(t.name(), 0, t.reverse(), t.location()));
                    }
                } else {
                    ifs.add(t);
                }
            }
            v.trackers.interfaces.clear();
            v.trackers.interfaces.addAll(ifs);
            v.trackers.scripts.removeIf(t -> {
                if (t.weight() != 0) {
                    c.error(t.location(), n + " ignoring tracked script " + t.name() + " with weights due to "
                            + (syncNoWeight ? "SYNC group" : "address_owner"));
                    return true;
                }
                return false;
            });
            List<TrackedObject> files = new ArrayList<>();
            for (TrackedObject t : v.trackers.files) {
                if (t.weight() == 1) {
                    c.error(t.location(), n + " ignoring weight from tracked file " + t.name() + " due to "
                            + (syncNoWeight ? "SYNC group" : "address_owner") + ". specify weight 0");
                    files.add(new TrackedObject(t.name(), 0, t.reverse(), t.location()));
                } else if (t.weight() != 0) {
                    c.error(t.location(), n + " ignoring tracked file " + t.name() + " with weight " + t.weight()
                            + " due to " + (syncNoWeight ? "SYNC group" : "address_owner"));
                } else {
                    files.add(t);
                }
            }
            v.trackers.files.clear();
            v.trackers.files.addAll(files);
            v.trackers.bfds.removeIf(t -> {
                if (t.weight() != 0) {
                    c.error(t.location(), n + " ignoring tracked bfd " + t.name() + " with weight " + t.weight()
                            + " due to " + (syncNoWeight ? "SYNC group" : "address_owner"));
                    return true;
                }
                return false;
            });
        }
        return true;
    }

    private static String seconds2(long micros) {
        return String.format(java.util.Locale.ROOT, "%.2f", micros / 1e6);
    }

    private String vmacName(Drafts.Instance v) {
        if (!v.vmac && v.ipvlan == null) {
            return null;
        }
        if (v.vmacName != null) {
            return v.vmacName;
        }
        String prefix = c.global.vmacPrefix != null ? c.global.vmacPrefix : "vrrp";
        String name = prefix + "." + v.vrid;
        boolean clash = c.instances.stream().anyMatch(o -> o != v && name.equals(o.vmacName));
        if (clash && v.family == AddressFamily.IPV6) {
            return prefix + "6." + v.vrid;
        }
        return name;
    }

    private IpAddressSpec assignDevice(Drafts.Instance v, IpAddressSpec a, String vmacIf, String n) {
        boolean own = a.device().isEmpty() || a.device().get().equals(v.interfaceName);
        if (a.useVmac() && own && v.vmac && a.family() == v.family) {
            c.error(a.location(), n + " use_vmac specified for VIP/eVIP " + a.prefix() + " and vrrp instance");
        } else if (a.useVmac() && (!own || a.family() != v.family) && v.vmacAddr) {
            c.error(a.location(), n + " use_vmac_addr specified and use_vmac specified for VIP/eVIP " + a.prefix());
        }
        if (own) {
            String dev = v.vmac && vmacIf != null && v.family == a.family() ? vmacIf : v.interfaceName;
            if (dev == null) {
                c.error(a.location(), n + ": no interface for vip " + a.prefix() + " - removing");
                return a;
            }
            return a.device().isPresent() && a.device().get().equals(dev) ? a : a.withDevice(dev);
        }
        return a;
    }

    private void vridConflicts() {
        List<Drafts.Instance> all = c.instances;
        for (int i = 0; i < all.size(); i++) {
            Drafts.Instance a = all.get(i);
            for (int j = i + 1; j < all.size(); j++) {
                Drafts.Instance b = all.get(j);
                if (a.family != b.family || a.vrid != b.vrid) {
                    continue;
                }
                boolean ua = a.unicastConfigured && !a.peers.isEmpty();
                boolean ub = b.unicastConfigured && !b.peers.isEmpty();
                if (ua != ub) {
                    continue;
                }
                if (ua) {
                    if (a.interfaceName != null && b.interfaceName != null && !a.interfaceName.equals(b.interfaceName)) {
                        continue;
                    }
                    if (a.saddr == null || b.saddr == null || !a.saddr.equals(b.saddr)) {
                        continue;
                    }
                    boolean peerMatch = a.peers.stream().anyMatch(p -> b.peers.stream()
                            .anyMatch(q -> q.address().equals(p.address())));
                    if (!peerMatch) {
                        continue;
                    }
                    fail(c.fail(b.location, "(" + a.name + ") duplicate VRID conflict with " + b.name + " VRID "
                            + a.vrid + ": the same VRID, source address and peer can only be used once"));
                    continue;
                }
                if (!Objects.equals(a.interfaceName, b.interfaceName)) {
                    continue;
                }
                InetAddress ma = a.mcastDst != null ? a.mcastDst : a.family == AddressFamily.IPV4 ? g.mcastGroup4()
                        : g.mcastGroup6();
                InetAddress mb = b.mcastDst != null ? b.mcastDst : b.family == AddressFamily.IPV4 ? g.mcastGroup4()
                        : g.mcastGroup6();
                if (!ma.equals(mb)) {
                    continue;
                }
                if (a.interfaceName != null && c.interfaces.exists(a.interfaceName)) {
                    fail(c.fail(b.location, a.name + " and " + b.name + " both use VRID " + a.vrid + " with IPv"
                            + (a.family == AddressFamily.IPV4 ? 4 : 6) + " on interface " + a.interfaceName
                            + ": a VRID can only be used once per interface and family"));
                }
            }
        }
    }

    // ------------------------------------------------------------------ model

    static Trackers trackers(Drafts.Trackers t) {
        return new Trackers(t.interfaces, t.scripts, t.files, t.processes, t.bfds);
    }

    static NotifyScripts notify(Drafts.Notify n) {
        return new NotifyScripts(Optional.ofNullable(n.master), Optional.ofNullable(n.backup),
                Optional.ofNullable(n.fault), Optional.ofNullable(n.stop), Optional.ofNullable(n.deleted),
                Optional.ofNullable(n.generic), Optional.ofNullable(n.masterRxLowerPri), n.notifyDeleted);
    }

    private VrrpInstance build(Drafts.Instance v) {
        AddressFamily family = v.family != null ? v.family : AddressFamily.IPV4;
        int version = v.version != 0 ? v.version : (family == AddressFamily.IPV6 ? 3 : g.version());
        int priority = v.priority != 0 ? v.priority : (v.want == Drafts.WantState.MASTER ? 255 : 100);
        VrrpInstance.InitialState state = v.want == Drafts.WantState.MASTER
                || (v.want == Drafts.WantState.INIT && priority == 255)
                ? VrrpInstance.InitialState.MASTER : VrrpInstance.InitialState.BACKUP;
        boolean strict = v.strict != null ? v.strict : g.strict();
        boolean unicast = v.unicastConfigured && !v.peers.isEmpty();
        Optional<InetAddress> mcast = unicast ? Optional.empty() : Optional.of(v.mcastDst != null ? v.mcastDst
                : family == AddressFamily.IPV4 ? g.mcastGroup4() : g.mcastGroup6());
        boolean checkUnicastSrc = v.checkUnicastSrc || g.checkUnicastSrc();
        Optional<VrrpInstance.Vmac> vmac = v.vmac ? Optional.of(new VrrpInstance.Vmac(vmacName(v),
                Optional.ofNullable(v.vmacMac))) : Optional.empty();
        Optional<VrrpInstance.Authentication> auth = v.authType == null ? Optional.empty()
                : Optional.of(new VrrpInstance.Authentication(v.authType, v.authPass));
        long advert = v.advertInt == 0 ? Numbers.TIMER_HZ : v.advertInt;
        boolean smtp = v.smtpAlert != null ? v.smtpAlert
                : c.global.smtpAlertVrrp != null ? c.global.smtpAlertVrrp
                : c.global.smtpAlert != null ? c.global.smtpAlert : false;
        boolean prioChanges = v.notifyPriorityChanges != null ? v.notifyPriorityChanges
                : v.sync != null && v.sync.notifyPriorityChanges != null ? v.sync.notifyPriorityChanges
                : g.notifyPriorityChanges();
        VrrpInstance.Garp garp = new VrrpInstance.Garp(Numbers.micros(v.garpDelay), v.garpRep,
                Duration.ofSeconds(v.garpRefresh), v.garpRefreshRep,
                Numbers.micros(v.garpLowerPrioDelay != null ? v.garpLowerPrioDelay
                        : strict ? 0 : g.garpLowerPrioDelay().toNanos() / 1000),
                v.garpLowerPrioRep != null ? v.garpLowerPrioRep : strict ? 0 : g.garpLowerPrioRepeat(),
                v.garpExtraIf != null ? v.garpExtraIf : g.garpExtraIfInterval(),
                v.garpExtraIfAll || (v.garpExtraIf == null && g.garpExtraIfAll()));
        return new VrrpInstance(v.name, state, Optional.ofNullable(v.interfaceName), Optional.ofNullable(v.vrf), vmac,
                v.vmacAddr, v.xmitBase, Optional.ofNullable(v.ipvlan), v.dontTrackPrimary, trackers(v.trackers),
                Optional.ofNullable(v.saddr), v.trackSaddr, unicast, v.unicastConfigured, v.peers,
                v.unicastFaultNoPeer, checkUnicastSrc, v.ttl < 0 ? 255 : v.ttl, v.oldChecksum, mcast, v.vrid, version,
                family, priority, Numbers.micros(advert), auth, v.vips, v.evips, v.promoteSecondaries, v.routes,
                v.rules, v.accept != null ? v.accept : (priority == 255 || !strict), v.nopreempt,
                Numbers.micros(v.preemptDelay), v.skipCheckAdvAddr, strict, v.debug, notify(v.notify), prioChanges,
                smtp, garp, v.downTimerAdverts,
                v.lowerPrioNoAdvert != null ? v.lowerPrioNoAdvert : strict || g.lowerPrioNoAdvert(),
                v.higherPrioSendAdvert != null ? v.higherPrioSendAdvert : !strict && g.higherPrioSendAdvert(),
                v.kernelRxBufSize == null ? OptionalInt.empty() : OptionalInt.of(v.kernelRxBufSize),
                v.linkbeatPolling || c.top.linkbeatUsePolling, Optional.ofNullable(v.lvsSyncInterface),
                v.sync == null ? Optional.empty() : Optional.of(v.sync.name), v.configFaults > 0, v.location);
    }
}
