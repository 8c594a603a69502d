package io.javakeepalived.daemon;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.InstanceSnapshot;
import io.javakeepalived.daemon.dump.InstanceState;
import io.javakeepalived.daemon.dump.NotifyScript;
import io.javakeepalived.daemon.dump.ScriptInitState;
import io.javakeepalived.daemon.dump.ScriptRunState;
import io.javakeepalived.daemon.dump.ScriptSnapshot;
import io.javakeepalived.daemon.dump.Tracked;
import io.javakeepalived.daemon.dump.TrackedObjects;
import io.javakeepalived.daemon.dump.TrackingInstance;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.Scopes;
import io.javakeepalived.daemon.model.StaticPlan;
import io.javakeepalived.track.TrackScriptState;
import io.javakeepalived.track.ReferenceView;
import io.javakeepalived.track.TrackScriptView;
import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.SplitBrain;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.AuthType;

import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Turns what the VRRP loop knows into a {@link VrrpStateSnapshot} for the dumps. Pure: it reads
 * the instances it is given (so call it on the loop thread) and touches nothing else. The
 * {@code vrrp_script}s come from the checker loop's published views
 * ({@link io.javakeepalived.track.TrackScriptScheduler#published()}): the {@code VRRP Scripts}
 * section and each instance's {@code Tracked scripts} (in the scripts' configuration order).
 * Notify scripts, smtp_alert, the other trackers and {@code heartbeat_path}s come from the
 * instance's plan. What the loop does not know (the interfaces' saved sysctls, routes in
 * keepalived's own syntax) is left out; sync groups, the socket pool and the static addresses are
 * added by {@link LoopSnapshots} ({@link SyncGroupSnapshots}, {@link SocketPool}).
 */
public final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    /**
     * One instance as the loop holds it.
     *
     * @param plan           the instance's plan (excluded VIPs, sync group, configured source)
     * @param instance       the running state machine
     * @param lastTransition wall-clock time of its last state change (its start if none yet)
     * @param vipsInstalled  its VIPs are on the interfaces now ({@code set} in the dump)
     * @param socketFd       the VRRP socket it reads and sends on (fd_in and fd_out both); -1 if none
     */
    public record Source(InstancePlan plan, VrrpInstance instance, Instant lastTransition, boolean vipsInstalled,
                         int socketFd) {
        public Source {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(lastTransition, "lastTransition");
        }

        /** An instance without a socket. */
        public Source(InstancePlan plan, VrrpInstance instance, Instant lastTransition, boolean vipsInstalled) {
            this(plan, instance, lastTransition, vipsInstalled, -1);
        }
    }

    /**
     * @param globals  global definitions as the VRRP process uses them
     * @param sources  the instances, in configuration order
     * @param monoNow  now on the loop's monotonic clock (timer deadlines are on it)
     * @param wallNow  now on the wall clock (the dump prints timer deadlines as wall times)
     */
    public static VrrpStateSnapshot build(ConfiguredGlobals globals, List<Source> sources, long monoNow,
            Instant wallNow) {
        return build(globals, sources, List.of(), monoNow, wallNow);
    }

    /**
     * @param scripts the track scripts as the checker loop last published them
     */
    public static VrrpStateSnapshot build(ConfiguredGlobals globals, List<Source> sources,
            List<TrackScriptView> scripts, long monoNow, Instant wallNow) {
        return build(globals, sources, scripts, List.of(), monoNow, wallNow);
    }

    /**
     * @param scripts    the track scripts as the checker loop last published them
     * @param references the reference trackers likewise
     */
    public static VrrpStateSnapshot build(ConfiguredGlobals globals, List<Source> sources,
            List<TrackScriptView> scripts, List<ReferenceView> references, long monoNow, Instant wallNow) {
        List<InstanceSnapshot> out = new ArrayList<>(sources.size());
        for (Source s : sources) {
            String name = s.instance().name();
            out.add(instance(s, SyncGroupSnapshots.tracked(s.plan().shown().trackers())
                    .withScripts(trackedScripts(name, scripts))
                    .withReferences(ReferenceSnapshots.tracked(name, references)), monoNow, wallNow));
        }
        List<ScriptSnapshot> dumped = new ArrayList<>(scripts.size());
        for (TrackScriptView v : scripts) {
            dumped.add(script(v));
        }
        return VrrpStateSnapshot.of(globals, out, dumped).withReferences(ReferenceSnapshots.of(references));
    }

    /** One script as keepalived.data's {@code VRRP Scripts} shows it. */
    public static ScriptSnapshot script(TrackScriptView v) {
        VrrpScript c = v.script();
        List<TrackingInstance> tracking = new ArrayList<>(v.tracking().size());
        for (TrackScriptState.Tracking t : v.tracking()) {
            tracking.add(new TrackingInstance(t.instance(), t.weight(), t.reverse(), false));
        }
        // keepalived prints the configured values: an unset timeout is 0 there
        ScriptSnapshot.Settings settings = new ScriptSnapshot.Settings(
                c.interval() == null || c.interval().isNegative() || c.interval().isZero() ? 1
                        : c.interval().toSeconds(),
                c.timeout() == null || c.timeout().isNegative() ? 0 : c.timeout().toSeconds(),
                c.weight(), c.weightReverse(), c.rise(), c.fall());
        ScriptInitState init = switch (v.phase()) {
            case INIT -> ScriptInitState.INIT;
            case INIT_FAILED -> ScriptInitState.INIT_FAILED;
            case INIT_RELOAD -> ScriptInitState.INIT_RELOAD;
            case DONE -> ScriptInitState.DONE;
        };
        return new ScriptSnapshot(c.name(), NotifyScript.of(c.script()),
                settings, v.result(), false, init, tracking, v.running() ? ScriptRunState.RUNNING : ScriptRunState.IDLE);
    }

    /** The scripts {@code instance} tracks, with the weights in force for it. */
    static List<Tracked> trackedScripts(String instance, List<TrackScriptView> scripts) {
        List<Tracked> out = new ArrayList<>();
        for (TrackScriptView v : scripts) {
            for (TrackScriptState.Tracking t : v.tracking()) {
                if (t.instance().equals(instance)) {
                    out.add(Tracked.script(v.name(), t.weight(), t.reverse(),
                            NotifyScript.commandText(v.script().script().argv())));
                }
            }
        }
        return out;
    }

    /** One instance's snapshot, tracking nothing. */
    public static InstanceSnapshot instance(Source src, long monoNow, Instant wallNow) {
        return instance(src, TrackedObjects.NONE, monoNow, wallNow);
    }

    private static InstanceSnapshot instance(Source src, TrackedObjects tracked, long monoNow, Instant wallNow) {
        VrrpInstance v = src.instance();
        InstancePlan p = src.plan();
        InstanceSettings s = v.settings();
        WireSettings w = s.wire();
        boolean ipv6 = s.family() == StandardProtocolFamily.INET6;
        InstanceSnapshot.Identity identity = new InstanceSnapshot.Identity(v.name(), s.version(), s.vrid(), ipv6,
                w.interfaceName().isEmpty() ? null : w.interfaceName(), null, p.syncGroup().orElse(null));
        InstanceSnapshot.Garp garp = new InstanceSnapshot.Garp(s.garpMasterDelay().toSeconds(), s.garpMasterRepeat(),
                s.garpMasterRefresh().toSeconds(), s.garpMasterRefreshRepeat(), s.garpLowerPrioDelay().toSeconds(),
                s.garpLowerPrioRepeat());
        InstanceSnapshot.Priority priority = new InstanceSnapshot.Priority(v.basePriority(), v.effectivePriority(),
                v.effectivePriority(), false, s.nopreempt(), micros(s.preemptDelay()));
        InstanceSnapshot.Adverts adverts = new InstanceSnapshot.Adverts(s.advertIntervalCs() * 10_000L,
                s.downTimerAdverts(), s.lowerPrioNoAdvert(), s.higherPrioSendAdvert(), w.skipCheckAdvAddr(), false,
                w.authType(), w.authType() == AuthType.SIMPLE_PASSWORD ? w.password() : null);
        InstanceSnapshot.Addresses addresses = InstanceSnapshot.Addresses.of(texts(p, p.vips(), src.vipsInstalled()),
                texts(p, p.addresses().excludedVips(), src.vipsInstalled()), src.vipsInstalled());
        return new InstanceSnapshot(identity, status(src, monoNow, wallNow), transport(src), garp, priority, adverts,
                addresses, tracked, notify(p, s), v.counters().snapshot());
    }

    private static InstanceSnapshot.Notify notify(InstancePlan p, InstanceSettings s) {
        NotifyScripts n = p.notifyScripts();
        return new InstanceSnapshot.Notify(NotifyScript.orNull(n.backup()), NotifyScript.orNull(n.master()),
                NotifyScript.orNull(n.fault()), NotifyScript.orNull(n.stop()), NotifyScript.orNull(n.deleted()),
                NotifyScript.orNull(n.generic()), NotifyScript.orNull(n.masterRxLowerPriority()),
                p.shown().smtpAlert(), n.notifyDeleted(), s.notifyPriorityChanges());
    }

    private static InstanceSnapshot.Status status(Source src, long monoNow, Instant wallNow) {
        VrrpInstance v = src.instance();
        String masterRouter = v.state() == VrrpState.BACKUP
                ? v.masterAddress().map(AddressText::ntop).orElse(null) : null;
        InstanceSnapshot.MasterSeen master = new InstanceSnapshot.MasterSeen(masterRouter, v.masterPriority(),
                v.masterAdverIntervalCs() * 10_000L);
        InstanceSnapshot.Faults faults = new InstanceSnapshot.Faults(src.plan().configFault() ? 1 : 0, 0, false, 0);
        return new InstanceSnapshot.Status(state(v.state()), state(v.wantState()), master, faults,
                src.lastTransition(), readTimeout(v, monoNow, wallNow), v.masterDownInterval() / 1_000,
                splitBrain(v.splitBrain(), monoNow, wallNow));
    }

    /** The core's record, its start moved from the loop's monotonic clock to the wall clock. */
    static InstanceSnapshot.SplitBrainSeen splitBrain(SplitBrain sb, long monoNow, Instant wallNow) {
        if (!sb.seen()) {
            return InstanceSnapshot.SplitBrainSeen.NONE;
        }
        return new InstanceSnapshot.SplitBrainSeen(sb.episodes(), wallNow.minusNanos(monoNow - sb.sinceNanos()),
                AddressText.ntop(sb.peer()), sb.peerPriority(), sb.ourPriority());
    }

    private static InstanceSnapshot.Transport transport(Source src) {
        InstanceSettings s = src.instance().settings();
        WireSettings w = s.wire();
        boolean ipv6 = s.family() == StandardProtocolFamily.INET6;
        int fd = src.socketFd() >= 0 ? src.socketFd() : -1;
        InstanceSnapshot.Unicast unicast = new InstanceSnapshot.Unicast(w.unicast(), w.unicast(), false, false,
                w.unicast() ? w.unicastTtl() : -1, w.checkUnicastSrc(), List.of(), "no");
        return new InstanceSnapshot.Transport(s.primaryAddress() == null ? null : AddressText.ntop(s.primaryAddress()),
                src.plan().source().configured().isPresent(),
                AddressText.ntop(ipv6 ? w.multicastGroup6() : w.multicastGroup4()), 0, unicast, false, fd, fd, 0,
                heartbeatPaths(src.plan().heartbeatPaths()));
    }

    /** {@code heartbeat_path} lines as the dumps show them: {@code eth1 peers 10.0.1.2 10.0.1.3}. */
    static List<String> heartbeatPaths(List<HeartbeatPath> paths) {
        List<String> out = new ArrayList<>(paths.size());
        for (HeartbeatPath h : paths) {
            StringBuilder t = new StringBuilder(h.interfaceName()).append(" peers");
            h.peers().forEach(p -> t.append(' ').append(AddressText.ntop(p)));
            out.add(t.toString());
        }
        return out;
    }

    /** keepalived's VIP text: {@code 10.77.0.100/24 brd 10.77.0.255 dev eth0 scope global label eth0:1}, + {@code  set}. */
    public static String vipText(Vip v, boolean installed) {
        return vipText(v, false, installed);
    }

    /** The same, {@code no_track} where the configuration says so (before the lifetime, as keepalived). */
    public static String vipText(Vip v, boolean noTrack, boolean installed) {
        StringBuilder o = new StringBuilder(64);
        o.append(AddressText.ntop(v.address())).append('/').append(v.prefixLength());
        v.broadcast().ifPresent(brd -> o.append(" brd ").append(AddressText.ntop(brd)));
        o.append(" dev ").append(v.device());
        o.append(" scope ").append(scopeName(v.scope()));
        v.label().ifPresent(l -> o.append(" label ").append(l));
        if (v.noPrefixRoute()) {
            o.append(" noprefixroute");
        }
        if (noTrack) {
            o.append(" no_track");
        }
        if (v.isIpv6()) { // keepalived's format_ipaddress
            o.append(v.preferredLifetime() == 0 ? " deprecated" : v.preferredLifetime() == Vip.FOREVER
                    ? " preferred_lft forever" : " preferred_lft " + v.preferredLifetime());
        }
        if (installed) {
            o.append(" set");
        }
        return o.toString();
    }

    /** iproute2's rt_scopes name of a scope number, else the number. */
    static String scopeName(int scope) {
        return switch (scope) {
            case Scopes.GLOBAL -> "global";
            case Scopes.SITE -> "site";
            case Scopes.LINK -> "link";
            case Scopes.HOST -> "host";
            case Scopes.NOWHERE -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    static InstanceState state(VrrpState s) {
        return InstanceState.valueOf(s.name());
    }

    private static List<String> texts(InstancePlan p, List<Vip> vips, boolean installed) {
        List<String> out = new ArrayList<>(vips.size());
        for (Vip v : vips) {
            out.add(vipText(v, p.addresses().untrackedVips().contains(v), installed));
        }
        return out;
    }

    /**
     * {@code static_ipaddress} as keepalived.data's {@code Static Addresses} shows them: {@code set}
     * as in keepalived, which marks them so once it has added them at start (the daemon adds them
     * then too, and puts back a tracked one someone deletes).
     */
    public static List<String> staticAddresses(StaticPlan statics) {
        List<String> out = new ArrayList<>(statics.addresses().size());
        for (StaticPlan.Address a : statics.addresses()) {
            out.add(vipText(a.address(), a.noTrack(), true));
        }
        return out;
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    /** The earliest armed timer of the instance as a wall time; null (DISABLED) when none is armed. */
    private static Instant readTimeout(VrrpInstance v, long monoNow, Instant wallNow) {
        OptionalLong earliest = v.armedTimers().values().stream().mapToLong(Long::longValue).min();
        if (earliest.isEmpty()) {
            return null;
        }
        return wallNow.plusNanos(earliest.getAsLong() - monoNow);
    }
}
