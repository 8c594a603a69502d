package io.javakeepalived.config.bind;

import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.GlobalDefs;
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
        for (VrrpDrafts.Script s : c.scripts) {
            scripts.add(new VrrpScript(s.name, s.script, Numbers.micros(s.interval),
                    // unset stays 0 as in keepalived (its dump shows it); a run gets the interval then
                    Numbers.micros(s.timeout), s.weight, s.reverse, s.rise, s.fall,
                    s.initFail, s.location));
        }
        for (VrrpDrafts.Instance v : c.instances) {
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
        for (VrrpDrafts.SyncGroup sg : c.syncGroups) {
            syncGroup(sg);
        }
        InstanceCompletion completion = new InstanceCompletion(c, g);
        for (VrrpDrafts.Instance v : c.instances) {
            completion.complete(v).ifPresent(this::fail);
        }
        if (failure == null) {
            vridConflicts();
        }
        syncGroupTracking();
        for (VrrpDrafts.Instance v : c.instances) {
            instances.add(build(v));
        }
        for (VrrpDrafts.SyncGroup sg : c.syncGroups) {
            if (sg.resolved.isEmpty()) {
                continue;
            }
            boolean smtp = sg.smtpAlert != null ? sg.smtpAlert
                    : c.global.smtpAlertVrrp != null ? c.global.smtpAlertVrrp
                    : c.global.smtpAlert != null ? c.global.smtpAlert : false;
            syncGroups.add(new SyncGroup(sg.name, sg.resolved.stream().map(i -> i.name).toList(), trackers(sg.trackers),
                    notify(sg.notify), smtp, sg.trackingWeight,
                    Optional.ofNullable(sg.notifyPriorityChanges),
                    sg.location));
        }
        c.unmute();
    }

    // ------------------------------------------------------------------ script security

    /**
     * check_vrrp_script_security: an insecure or missing track script is disabled and taken
     * out of every tracker list; insecure notify scripts are dropped.
     */
    private void scriptSecurity() {
        ScriptSecurity sec = new ScriptSecurity(c);
        List<VrrpDrafts.Script> insecure = new ArrayList<>();
        for (VrrpDrafts.Script s : c.scripts) {
            ScriptSecurity.Result r = sec.check(s.script);
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
        for (VrrpDrafts.Instance v : c.instances) {
            sec.notifyScripts(v.notify);
            v.trackers.scripts.removeIf(t -> insecure.stream().anyMatch(s -> s.name.equals(t.name())));
        }
        for (VrrpDrafts.SyncGroup sg : c.syncGroups) {
            sec.notifyScripts(sg.notify);
            sg.trackers.scripts.removeIf(t -> insecure.stream().anyMatch(s -> s.name.equals(t.name())));
        }
        sec.fifoScript(c.global.fifoAll);
        sec.fifoScript(c.global.fifoVrrp);
        sec.reportViolation(this::firstScriptLocation, "scripts", " Add enable_script_security to global_defs (and"
                + " a script_user, or user keepalived_script)");
        c.scripts.removeAll(insecure);
    }

    private SourceLocation firstScriptLocation() {
        if (!c.scripts.isEmpty()) {
            return c.scripts.get(0).location;
        }
        return c.instances.isEmpty() ? null : c.instances.get(0).location;
    }

    // ------------------------------------------------------------------ sync groups

    private void syncGroup(VrrpDrafts.SyncGroup sg) {
        if (sg.members == null) {
            c.error(sg.location, "Sync group " + sg.name + " has no virtual router(s), expected a group { VI_1 VI_2 }"
                    + " block. removing");
            return;
        }
        VrrpDrafts.WantState state = VrrpDrafts.WantState.INIT;
        for (String name : sg.members) {
            VrrpDrafts.Instance v = c.instance(name);
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
            if (state == VrrpDrafts.WantState.MASTER && v.want == VrrpDrafts.WantState.BACKUP) {
                c.error(at, "Sync group " + sg.name + " has some member(s) as address owner and some not as address"
                        + " owner. This won't work.");
            }
            if (state != VrrpDrafts.WantState.BACKUP) {
                state = v.want == VrrpDrafts.WantState.MASTER && v.priority == 255 ? VrrpDrafts.WantState.MASTER
                        : VrrpDrafts.WantState.BACKUP;
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
        for (VrrpDrafts.SyncGroup sg : c.syncGroups) {
            for (VrrpDrafts.Instance v : sg.resolved) {
                if (v.priority != 255) {
                    continue;
                }
                for (TrackedObject t : new ArrayList<>(sg.trackers.scripts)) {
                    if (t.weight() != 0) {
                        c.error(sg.location, "(" + sg.name + ") Cannot have weighted track script '" + t.name()
                                + "' with member having priority 255 - clearing weight");
                        sg.trackers.scripts.set(sg.trackers.scripts.indexOf(t), TrackerWeights.unweighted(t));
                    }
                }
                for (TrackedObject t : new ArrayList<>(sg.trackers.files)) {
                    if (t.weight() != 0) {
                        c.error(sg.location, "(" + sg.name + ") Cannot have weighted track file '" + t.name()
                                + "' with member having priority 255 - setting weight 0");
                        sg.trackers.files.set(sg.trackers.files.indexOf(t), TrackerWeights.unweighted(t));
                    }
                }
                for (TrackedObject t : new ArrayList<>(sg.trackers.references)) {
                    if (t.weight() != 0) {
                        c.error(sg.location, "(" + sg.name + ") Cannot have weighted track reference '" + t.name()
                                + "' with member having priority 255 - clearing weight");
                        sg.trackers.references.set(sg.trackers.references.indexOf(t), TrackerWeights.unweighted(t));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ VRID conflicts

    private void vridConflicts() {
        List<VrrpDrafts.Instance> all = c.instances;
        for (int i = 0; i < all.size(); i++) {
            VrrpDrafts.Instance a = all.get(i);
            for (int j = i + 1; j < all.size(); j++) {
                VrrpDrafts.Instance b = all.get(j);
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

    static Trackers trackers(VrrpDrafts.Trackers t) {
        return new Trackers(t.interfaces, t.scripts, t.files, t.processes, t.bfds, t.references);
    }

    static NotifyScripts notify(VrrpDrafts.Notify n) {
        return new NotifyScripts(Optional.ofNullable(n.master), Optional.ofNullable(n.backup),
                Optional.ofNullable(n.fault), Optional.ofNullable(n.stop), Optional.ofNullable(n.deleted),
                Optional.ofNullable(n.generic), Optional.ofNullable(n.masterRxLowerPri), n.notifyDeleted);
    }

    private VrrpInstance build(VrrpDrafts.Instance v) {
        AddressFamily family = v.family != null ? v.family : AddressFamily.IPV4;
        int version = v.version != 0 ? v.version : (family == AddressFamily.IPV6 ? 3 : g.version());
        int priority = v.priority != 0 ? v.priority : (v.want == VrrpDrafts.WantState.MASTER ? 255 : 100);
        VrrpInstance.InitialState state = v.want == VrrpDrafts.WantState.MASTER
                || (v.want == VrrpDrafts.WantState.INIT && priority == 255)
                ? VrrpInstance.InitialState.MASTER : VrrpInstance.InitialState.BACKUP;
        boolean strict = v.strict != null ? v.strict : g.strict();
        boolean unicast = v.unicastConfigured && !v.peers.isEmpty();
        Optional<InetAddress> mcast = unicast ? Optional.empty() : Optional.of(v.mcastDst != null ? v.mcastDst
                : family == AddressFamily.IPV4 ? g.mcastGroup4() : g.mcastGroup6());
        boolean checkUnicastSrc = v.checkUnicastSrc || g.checkUnicastSrc();
        Optional<VrrpInstance.Vmac> vmac = v.vmac ? Optional.of(new VrrpInstance.Vmac(
                InstanceInterfaceChecks.vmacName(c, v),
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
                v.sync == null ? Optional.empty() : Optional.of(v.sync.name), v.configFaults > 0, v.heartbeatPaths,
                v.location);
    }
}
