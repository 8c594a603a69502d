package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.Action.AddVips;
import io.javakeepalived.vrrp.Action.CancelTimer;
import io.javakeepalived.vrrp.Action.Log;
import io.javakeepalived.vrrp.Action.RemoveVips;
import io.javakeepalived.vrrp.Action.RunNotify;
import io.javakeepalived.vrrp.Action.SendAdvert;
import io.javakeepalived.vrrp.Action.SendGratuitousBurst;
import io.javakeepalived.vrrp.Action.SendPriorityZeroAdvert;
import io.javakeepalived.vrrp.Action.SplitBrainSeen;
import io.javakeepalived.vrrp.Action.StateChanged;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.Verdict;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One VRRP instance: the RFC 3768/5798 §6 state machine as keepalived 2.2.7 runs it
 * (vrrp.c {@code vrrp_state_backup()}, {@code vrrp_state_master_rx/tx()},
 * {@code vrrp_state_goto_master()}, vrrp_scheduler.c {@code vrrp_init_state()}), with the
 * keepalived extensions FAULT, effective priority, preempt_delay and GARP bursts.
 *
 * <p>Pure: no sockets, threads or clock. The owner feeds {@link Event}s with the current
 * time of one monotonic clock (nanoseconds) and carries out the returned {@link Action}s in
 * order, including {@link Action.ArmTimer}, whose deadline is on that same clock. The loop has
 * them written into an {@link ActionSink} it reuses instead: in steady state (adverts sent and
 * heard) the core then allocates nothing. Not thread-safe; one event loop owns an instance (and
 * its {@link SyncGroup}).
 *
 * <h2>Timers</h2>
 * <ul>
 * <li>Adver_Timer runs on an absolute grid: each regular advert is due at the previous
 *     deadline + Advertisement_Interval, not at "now" + interval, so adverts do not drift
 *     with wake-up latency (keepalived re-arms from wake-up time and drifts). An advert sent
 *     out of turn (answer to priority 0 or to a lower priority, reload) restarts the grid at
 *     that advert, which is RFC "Reset the Adver_Timer".</li>
 * <li>Master_Down_Timer is re-armed only by an accepted advert (reset to
 *     Master_Down_Interval, or to Skew_Time for priority 0). A discarded lower-priority
 *     advert, a rejected packet ({@link Event.AdvertRejected}) or anything else leaves it
 *     where it is. No event ever moves a master's Adver_Timer either except an advert it
 *     sends (keepalived's "surprise 1" is deliberately not copied).</li>
 * </ul>
 *
 * <h2>Priority changes while MASTER</h2>
 * A new effective priority is advertised with the next regular advert, as keepalived does;
 * no extra advert is sent. An immediate advert would not make failover faster: a backup
 * discards lower-priority adverts and counts its Master_Down_Timer from the last advert it
 * accepted, which was sent before the change either way; and a rise in priority needs no
 * announcement. Keeping the grid untouched keeps the wire predictable.
 */
public final class VrrpInstance {

    private InstanceSettings settings;
    private final String name;

    private VrrpState state = VrrpState.INIT;
    /** keepalived's wantstate: what this instance would be, disregarding its sync group. */
    private VrrpState wantState;
    private boolean started;

    private int basePriority;
    private int effectivePriority;
    private final Map<String, Integer> weights = new LinkedHashMap<>();
    private final Set<String> faults = new LinkedHashSet<>();

    /** RFC Master_Adver_Interval (centiseconds): learnt from the master in v3 BACKUP. */
    private int masterAdverIntervalCs;
    private boolean preemptDelayRunning;
    private long preemptDelayEnd;
    private long delayedStartEnd = Long.MIN_VALUE;

    private final ArmedTimers timers = new ArmedTimers();

    private InetAddress masterAddress;
    private int masterPriority;
    /** As BACKUP, the lower-priority master whose adverts we discard (we are about to preempt it). */
    private InetAddress preemptingFrom;
    /** As BACKUP, the master that left with priority 0 (a planned stop: no split brain when it returns). */
    private InetAddress departed;
    private final SplitBrainWatch splitBrain = new SplitBrainWatch();
    private final HeartbeatPathWatch pathWatch = new HeartbeatPathWatch();

    /*
     * Actions handed out again while they stay the same (they are immutable): a master's every
     * advert is a SendAdvert at its priority, and each lower-priority advert it hears answers
     * with one line, one notification and a GARP burst, so that steady state makes no garbage
     * (issue 14).
     */
    private SendAdvert lastAdvert;
    private RunNotify lastNotify;
    private SendGratuitousBurst lastLowerPriorityBurst;
    private final LowerPriorityLine lowerPriorityLine = new LowerPriorityLine();
    private final AddressOrder addressOrder = new AddressOrder();

    /** The instance's one counter set (keepalived's names; see {@link #counters()}). */
    private final VrrpCounters counters = new VrrpCounters();
    private final AhSequenceNumber ahSequence = new AhSequenceNumber();

    /** Set by {@link SyncGroup} when this instance joins it. */
    SyncGroup group;

    public VrrpInstance(InstanceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = settings.name();
        this.wantState = settings.initialState();
        this.basePriority = settings.priority();
        this.effectivePriority = basePriority;
        this.masterAdverIntervalCs = settings.advertIntervalCs();
    }

    /**
     * Processes one event.
     *
     * @param event the event
     * @param now   the current time in nanoseconds on the clock used for timer deadlines
     * @return what to do, in order; may be empty, never null
     */
    public List<Action> handle(Event event, long now) {
        List<Action> out = new ArrayList<>();
        handle(event, now, out::add);
        return out;
    }

    /**
     * Processes one event, writing what to do into {@code out}, in order: as
     * {@link #handle(Event, long)}, into a sink the caller may reuse (the loop does, so that
     * an advert costs no garbage).
     */
    public void handle(Event event, long now, ActionSink out) {
        Objects.requireNonNull(event, "event");
        VrrpState before = state;
        dispatch(event, now, out);
        if (group != null) {
            group.afterMemberEvent(this, before, now, out);
        }
    }

    private void dispatch(Event event, long now, ActionSink out) {
        if (event instanceof Event.AdvertReceived a) {
            if (a.switchedToOldUnicastChecksum()) {
                log(LogLevel.INFO, Verdict.Accepted.OLD_CHECKSUM_LOG, out);
            }
            if (a.path() != null && (state == VrrpState.BACKUP || state == VrrpState.MASTER)) {
                counters.increment(VrrpCounter.HEARTBEAT_PATH_RCVD);
            }
            if (state == VrrpState.BACKUP) {
                String line = pathWatch.heard(a, settings.wire().interfaceName(), now, masterDownInterval());
                if (line != null) {
                    out.add(new Action.HeartbeatPathNotice(this, line));
                }
                backupReceive(a, now, out);
            } else {
                pathWatch.notListening();
                if (state == VrrpState.MASTER) {
                    masterReceive(a, now, out);
                }
            }
            // INIT and FAULT ignore adverts silently, as keepalived's dispatcher does
        } else if (event instanceof Event.TimerFired t) {
            timerFired(t.kind(), now, out);
        } else if (event instanceof Event.AdvertRejected r) {
            rejected(r, out);
        } else if (event instanceof Event.Startup) {
            startup(now, out);
        } else if (event instanceof Event.Shutdown) {
            shutdown(now, out);
        } else if (event instanceof Event.WeightChanged w) {
            if (w.weight() == 0) {
                weights.remove(w.tracker());
            } else {
                weights.put(w.tracker(), w.weight());
            }
            updateEffectivePriority(true, out);
        } else if (event instanceof Event.FaultRaised f) {
            raiseFault(f.source(), now, out);
        } else if (event instanceof Event.FaultCleared f) {
            clearFault(f.source(), now, out);
        } else if (event instanceof Event.InterfaceDown d) {
            raiseFault(interfaceFault(d.ifname()), now, out);
        } else if (event instanceof Event.InterfaceUp u) {
            clearFault(interfaceFault(u.ifname()), now, out);
        } else if (event instanceof Event.Reload r) {
            reload(r.settings(), now, out);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** Counts and logs a rejected packet; nothing else (see {@link Event.AdvertRejected}). */
    private void rejected(Event.AdvertRejected r, ActionSink out) {
        counters.recordRejected(r.kind());
        if (r.reason().isEmpty()) {
            return;
        }
        RejectReason.LogWhen when = r.kind() == null ? RejectReason.LogWhen.ALWAYS : r.kind().logWhen();
        if (when == RejectReason.LogWhen.ALWAYS) {
            log(LogLevel.INFO, r.reason(), out);
        } else if (when == RejectReason.LogWhen.DETAIL) {
            log(LogLevel.DETAIL, r.reason(), out);
        }
    }

    private static String interfaceFault(String ifname) {
        return "interface " + ifname;
    }

    /* Start-up and shutdown ---------------------------------------------------------- */

    private void startup(long now, ActionSink out) {
        if (started) {
            return;
        }
        started = true;
        delayedStartEnd = now + settings.startupDelay().toNanos();
        masterAdverIntervalCs = settings.advertIntervalCs();
        if (group != null) {
            group.memberStarting(this, now, out);
        }
        boolean groupFault = group != null && group.state() == VrrpState.FAULT;
        if (!faults.isEmpty() || groupFault) {
            removeVips(out);
            log(LogLevel.INFO, "entering FAULT state", out);
            setState(VrrpState.FAULT, out);
            notify(NotifyState.FAULT, out);
            return;
        }
        boolean ownerWantsMaster = isOwner() && wantState == VrrpState.MASTER;
        if (ownerWantsMaster && (group == null || group.ownersStartAsMaster())) {
            // keepalived: "the simplest way to become master is to time out from backup very quickly"
            if (delayedStartEnd <= now) {
                becomeMaster(now, out);
            } else {
                arm(TimerKind.MASTER_DOWN, delayedStartEnd, out);
            }
            return;
        }
        // Not the owner (a non-owner "state MASTER" waits like BACKUP, as 2.2.7 does).
        // VIPs left behind by an earlier run are removed first.
        removeVips(out);
        log(LogLevel.INFO, "Entering BACKUP STATE (init)", out);
        setState(VrrpState.BACKUP, out);
        notify(NotifyState.BACKUP, out);
        // (an owner in a sync group with non-owners was made to want BACKUP by the group,
        // so it waits the full interval here too, as in keepalived)
        armMasterDown(now, masterDownInterval(), out);
    }

    private void shutdown(long now, ActionSink out) {
        if (!started) {
            return;
        }
        VrrpState prev = state;
        cancelAllTimers(out);
        if (state == VrrpState.MASTER) {
            sendPriorityZero(out);
            log(LogLevel.DETAIL, "sent 0 priority", out);
            removeVips(out);
            splitBrain.leftMaster();
        }
        started = false;
        preemptDelayRunning = false;
        state = VrrpState.INIT;
        out.add(new StateChanged(this, prev, VrrpState.INIT));
        notify(NotifyState.STOP, out);
        if (group != null) {
            group.memberStopped(now, out);
        }
    }

    /* BACKUP ---------------------------------------------------------------------------- */

    private void backupReceive(Event.AdvertReceived a, long now, ActionSink out) {
        countReceived(a);
        // While the VRRP path carries the master's adverts, the master is known by its address
        // there; a heartbeat path's copy (another source address) is proof of life only.
        boolean namesMaster = a.path() == null || pathWatch.pathOnly();
        if (a.priority() == 0) {
            // RFC: "If the Priority in the ADVERTISEMENT is zero, then Set the
            // Master_Down_Timer to Skew_Time"
            log(LogLevel.DETAIL, "Backup received priority 0 advertisement", out);
            departed = namesMaster || departed == null ? a.source() : departed;
            armMasterDown(now, skew(), out);
            return;
        }
        boolean inPreemptDelay = settings.preemptDelay().toNanos() > 0
                && (!preemptDelayRunning || preemptDelayEnd > now);
        if (settings.nopreempt() || a.priority() >= effectivePriority || inPreemptDelay) {
            preemptingFrom = null;
            departed = null;
            learnMasterAdverInterval(a, out);
            masterAddress = namesMaster || masterAddress == null ? a.source() : masterAddress;
            masterPriority = a.priority();
            if (settings.preemptDelay().toNanos() > 0) {
                if (a.priority() >= effectivePriority) {
                    if (preemptDelayRunning) {
                        log(LogLevel.DETAIL, "stop preempt delay", out);
                        preemptDelayRunning = false;
                    }
                } else if (!preemptDelayRunning) {
                    Duration d = settings.preemptDelay();
                    log(LogLevel.DETAIL, String.format("start preempt delay (%d.%06d)",
                            d.getSeconds(), d.getNano() / 1000), out);
                    preemptDelayRunning = true;
                    preemptDelayEnd = now + d.toNanos();
                }
            }
            // held back by a sync group, we wanted MASTER; an advert says BACKUP again
            wantState = VrrpState.BACKUP;
            armMasterDown(now, masterDownInterval(), out);
        } else {
            // preemption: ignore the lower master; our Master_Down_Timer runs out. keepalived
            // still records its address (master_saddr), which skip_check_adv_addr relies on.
            masterAddress = namesMaster || masterAddress == null ? a.source() : masterAddress;
            preemptingFrom = namesMaster || preemptingFrom == null ? a.source() : preemptingFrom;
            log(LogLevel.INFO, "received lower priority (" + a.priority() + ") advert from "
                    + AddressText.ntop(a.source()) + " - discarding", out);
        }
    }

    private void countReceived(Event.AdvertReceived a) {
        counters.increment(VrrpCounter.ADVERT_RCVD);
        if (a.priority() == 0) {
            counters.increment(VrrpCounter.PRI_ZERO_RCVD);
        }
    }

    private void learnMasterAdverInterval(Event.AdvertReceived a, ActionSink out) {
        // RFC 5798 §6.4.2: "Set Master_Adver_Interval to Adver Interval contained in the
        // ADVERTISEMENT". v2 intervals must match (checked by the receive policy).
        int advertisedCs = a.advertIntervalCs();
        if (settings.version() != 3 || advertisedCs <= 0) {
            return;
        }
        int adoptedCs = Math.min(advertisedCs, AdoptedIntervalBound.maxAdoptedCs(settings.advertIntervalCs()));
        if (adoptedCs == masterAdverIntervalCs) {
            return; // logged once, when it changed: a clamped master would otherwise log every advert
        }
        if (adoptedCs < advertisedCs) {
            log(LogLevel.INFO, "master " + AddressText.ntop(a.source()) + " advertises every " + advertisedCs * 10
                    + "ms, more than " + AdoptedIntervalBound.FACTOR + " x our advert_int - using " + adoptedCs * 10
                    + "ms, so that a forged or dead master cannot hold the VIPs off for longer", out);
        }
        log(LogLevel.DETAIL, "advertisement interval updated from " + masterAdverIntervalCs * 10
                + "ms to " + adoptedCs * 10 + "ms by master", out);
        masterAdverIntervalCs = adoptedCs;
    }

    /**
     * Down timer expired: become master, unless the sync group holds us back (then keep
     * wanting MASTER and wait another full interval, as keepalived's
     * {@code vrrp_sync_can_goto_master()} does).
     */
    private void gotoMaster(long now, ActionSink out) {
        wantState = VrrpState.MASTER;
        if (group != null && !group.canGotoMaster(this)) {
            armMasterDown(now, masterDownInterval(), out);
            return;
        }
        becomeMaster(now, out);
    }

    /* MASTER ---------------------------------------------------------------------------- */

    void becomeMaster(long now, ActionSink out) {
        VrrpState prev = state;
        cancel(TimerKind.MASTER_DOWN, out);
        state = VrrpState.MASTER;
        wantState = VrrpState.MASTER;
        preemptDelayRunning = false;
        if (masterAdverIntervalCs != settings.advertIntervalCs()) {
            log(LogLevel.DETAIL, "changing advert interval from " + masterAdverIntervalCs * 10
                    + "ms to locally configured " + settings.advertIntervalCs() * 10 + "ms", out);
            masterAdverIntervalCs = settings.advertIntervalCs();
        }
        counters.becameMaster();
        ahSequence.restartIfCycled();
        if (preemptingFrom != null || prev != VrrpState.BACKUP) {
            // its adverts crossing ours, or its answer, are the handover, not split brain; an
            // owner starting (or leaving FAULT) takes over without listening first at all
            splitBrain.preempted(prev != VrrpState.BACKUP ? null : preemptingFrom, now + masterDownInterval());
        } else {
            splitBrain.tookOverFrom(masterAddress == null || masterAddress.equals(departed) ? null : masterAddress);
        }
        preemptingFrom = null;
        departed = null;
        // the advert goes first so that the old master drops the VIPs before our GARPs
        sendAdvert(out);
        log(LogLevel.INFO, "Entering MASTER STATE", out);
        out.add(new StateChanged(this, prev, VrrpState.MASTER));
        addVips(out);
        if (!settings.vips().isEmpty()) {
            if (settings.garpMasterRepeat() > 0) {
                out.add(new SendGratuitousBurst(this, settings.garpMasterRepeat()));
            }
            if (!settings.garpMasterDelay().isZero()) {
                arm(TimerKind.GARP_MASTER_DELAY, now + settings.garpMasterDelay().toNanos(), out);
            }
            if (!settings.garpMasterRefresh().isZero()) {
                arm(TimerKind.GARP_REFRESH, now + settings.garpMasterRefresh().toNanos(), out);
            }
        }
        notify(NotifyState.MASTER, out);
        arm(TimerKind.ADVERT, now + advertInterval(), out);
    }

    private void masterReceive(Event.AdvertReceived a, long now, ActionSink out) {
        countReceived(a);
        // RFC 5798 breaks a tie with the addresses on the link the advert crossed (Event.HeartbeatPath)
        int cmp = addressOrder.compare(a.source(), a.path() == null ? settings.primaryAddress() : a.path().ownAddress());
        if (a.priority() == 0) {
            // RFC: "Send an ADVERTISEMENT; Reset the Adver_Timer to Advertisement_Interval"
            sendAdvert(out);
            arm(TimerKind.ADVERT, now + advertInterval(), out);
            log(LogLevel.DETAIL, "Master received priority 0 message", out);
            return;
        }
        boolean higher = a.priority() > effectivePriority || (a.priority() == effectivePriority && cmp > 0);
        if (higher && settings.higherPrioSendAdvert()) {
            sendAdvert(out);
        }
        if (a.priority() == effectivePriority) {
            if (cmp == 0) {
                log(LogLevel.INFO, "WARNING - equal priority advert received from remote host with our IP address.", out);
            } else if (effectivePriority == InstanceSettings.PRIORITY_OWNER) {
                log(LogLevel.INFO, "CONFIGURATION ERROR: local instance and a remote instance are both"
                        + " configured as address owner, please fix - reducing local priority", out);
                basePriority = InstanceSettings.PRIORITY_OWNER - 1;
                effectivePriority = basePriority;
            }
        }
        if (a.priority() < effectivePriority || (a.priority() == effectivePriority && cmp < 0)) {
            out.add(lowerPriorityLine.of(name, a.source(), a.priority(), effectivePriority,
                    !settings.lowerPrioNoAdvert()));
            if (a.ahSequence() >= 0) {
                log(LogLevel.INFO, "IPSEC-AH : Syncing seq_num - Increment seq", out);
                ahSequence.syncAbove(a.ahSequence());
            }
            if (!settings.lowerPrioNoAdvert()) {
                sendAdvert(out);
                arm(TimerKind.ADVERT, now + advertInterval(), out);
            }
            boolean splitBrainBegins = splitBrainSeen(a, true, now, out);
            lowerPriorityGarp(now, out);
            if (splitBrainBegins && settings.garpLowerPrioRepeat() == 0 && !settings.strict()) {
                reannounce(out);
            }
            if (group != null) {
                group.lowerPriorityGarp(this, now, out);
            }
            notify(NotifyState.MASTER_RX_LOWER_PRI, out);
            return;
        }
        if (a.priority() > effectivePriority || (a.priority() == effectivePriority && cmp > 0)) {
            String from = AddressText.ntop(a.source());
            if (a.priority() > effectivePriority) {
                log(LogLevel.INFO, "Master received advert from " + from + " with higher priority "
                        + a.priority() + ", ours " + effectivePriority, out);
            } else {
                log(LogLevel.INFO, "Master received advert from " + from + " with same priority "
                        + a.priority() + " but higher IP address than ours", out);
            }
            if (splitBrainSeen(a, false, now, out) && !settings.higherPrioSendAdvert() && !settings.strict()) {
                // The other master may never have heard us (its advert crossed first): one advert
                // of ours makes it answer with gratuitous ARPs, so clients stop pointing at us
                // (keepalived issue 166). keepalived sends it only with higher_prio_send_advert,
                // which vrrp_strict forbids: so do we there.
                sendAdvert(out);
            }
            ahSequence.otherMasterSeen();
            learnMasterAdverInterval(a, out);
            masterAddress = a.source();
            masterPriority = a.priority();
            wantState = VrrpState.BACKUP;
            leaveMaster(VrrpState.BACKUP, now, out);
        }
        // left: an equal priority from our own address, logged above - more likely our own advert
        // reflected back than another master, so it is not reported as split brain
    }

    /**
     * Another master's advert reached us as MASTER: reports the first one of an episode (see
     * {@link SplitBrainWatch}) with our priority at the time.
     *
     * @param staying we stay MASTER (the other is lower)
     * @return true if a split-brain episode begins with this advert
     */
    private boolean splitBrainSeen(Event.AdvertReceived a, boolean staying, long now, ActionSink out) {
        if (!splitBrain.otherMaster(a.source(), a.priority(), effectivePriority, !staying, now,
                masterDownInterval())) {
            return false;
        }
        out.add(new SplitBrainSeen(this, a.source(), a.priority(), effectivePriority, staying));
        notify(NotifyState.SPLIT_BRAIN, out);
        return true;
    }

    /**
     * The winner of a split brain announces its VIPs again at once, even with
     * garp_lower_prio_repeat 0: the loser's gratuitous ARPs were the last the clients heard.
     * Not under vrrp_strict, which asks for none.
     */
    private void reannounce(ActionSink out) {
        if (!settings.vips().isEmpty() && settings.garpMasterRepeat() > 0) {
            out.add(new SendGratuitousBurst(this, settings.garpMasterRepeat()));
        }
    }

    /** garp_lower_prio_repeat GARPs now and again after garp_lower_prio_delay. */
    void lowerPriorityGarp(long now, ActionSink out) {
        if (settings.garpLowerPrioRepeat() == 0 || settings.vips().isEmpty()) {
            return;
        }
        if (lastLowerPriorityBurst == null || lastLowerPriorityBurst.count() != settings.garpLowerPrioRepeat()) {
            lastLowerPriorityBurst = new SendGratuitousBurst(this, settings.garpLowerPrioRepeat());
        }
        out.add(lastLowerPriorityBurst); // per lower-priority advert heard: shared, as the advert is
        if (!settings.garpLowerPrioDelay().isZero()) {
            arm(TimerKind.GARP_LOWER_PRIO_DELAY, now + settings.garpLowerPrioDelay().toNanos(), out);
        }
    }

    /** MASTER → BACKUP (a better master) or MASTER → FAULT (priority 0 goes out first). */
    void leaveMaster(VrrpState target, long now, ActionSink out) {
        splitBrain.leftMaster();
        cancel(TimerKind.ADVERT, out);
        cancel(TimerKind.GARP_MASTER_DELAY, out);
        cancel(TimerKind.GARP_LOWER_PRIO_DELAY, out);
        cancel(TimerKind.GARP_REFRESH, out);
        if (target == VrrpState.BACKUP) {
            log(LogLevel.INFO, "Entering BACKUP STATE", out);
            setState(VrrpState.BACKUP, out);
            preemptDelayRunning = false;
        } else {
            log(LogLevel.INFO, "Entering FAULT STATE", out);
            setState(VrrpState.FAULT, out);
            // keepalived sends this twice (leave_master and restore_interface); once is enough
            sendPriorityZero(out);
            log(LogLevel.DETAIL, "sent 0 priority", out);
        }
        removeVips(out);
        notify(target == VrrpState.BACKUP ? NotifyState.BACKUP : NotifyState.FAULT, out);
        counters.releasedMaster();
        if (target == VrrpState.BACKUP) {
            armMasterDown(now, masterDownInterval(), out);
        }
    }

    /* Timers ---------------------------------------------------------------------------- */

    private void timerFired(TimerKind kind, long now, ActionSink out) {
        long deadline = timers.deadline(kind);
        if (!timers.isArmed(kind) || now < deadline) {
            return; // cancelled, re-armed later, or early: nothing is due
        }
        timers.remove(kind);
        switch (kind) {
            case MASTER_DOWN -> {
                if (state == VrrpState.BACKUP || (state == VrrpState.INIT && started)) {
                    log(LogLevel.DETAIL, "Receive advertisement timeout", out);
                    gotoMaster(now, out);
                }
            }
            case ADVERT -> {
                if (state == VrrpState.MASTER) {
                    sendAdvert(out);
                    arm(TimerKind.ADVERT, nextOnGrid(deadline, advertInterval(), now), out);
                }
            }
            case GARP_MASTER_DELAY -> {
                if (state == VrrpState.MASTER && settings.garpMasterRepeat() > 0) {
                    out.add(new SendGratuitousBurst(this, settings.garpMasterRepeat()));
                }
            }
            case GARP_LOWER_PRIO_DELAY -> {
                if (state == VrrpState.MASTER && settings.garpLowerPrioRepeat() > 0) {
                    out.add(new SendGratuitousBurst(this, settings.garpLowerPrioRepeat()));
                }
            }
            case GARP_REFRESH -> {
                long period = settings.garpMasterRefresh().toNanos();
                if (state == VrrpState.MASTER && period > 0) {
                    if (settings.garpMasterRefreshRepeat() > 0) {
                        out.add(new SendGratuitousBurst(this, settings.garpMasterRefreshRepeat()));
                    }
                    arm(TimerKind.GARP_REFRESH, nextOnGrid(deadline, period, now), out);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /**
     * The next point of the grid {@code deadline + k·period} after {@code now}: one period
     * on when on time; when the loop stalled past whole periods, the missed ones are skipped
     * rather than sent in a burst.
     */
    static long nextOnGrid(long deadline, long period, long now) {
        long next = deadline + period;
        if (next <= now) {
            next = deadline + ((now - deadline) / period + 1) * period;
        }
        return next;
    }

    private void arm(TimerKind kind, long deadline, ActionSink out) {
        timers.arm(kind, deadline);
        out.armTimer(this, kind, deadline);
    }

    private void cancel(TimerKind kind, ActionSink out) {
        if (timers.remove(kind)) {
            out.add(new CancelTimer(this, kind));
        }
    }

    private void cancelAllTimers(ActionSink out) {
        for (TimerKind k : TimerKind.values()) {
            cancel(k, out);
        }
    }

    /** Master_Down_Timer from now, or from the end of vrrp_startup_delay if later. */
    private void armMasterDown(long now, long interval, ActionSink out) {
        arm(TimerKind.MASTER_DOWN, Math.max(now, delayedStartEnd) + interval, out);
    }

    /* FAULT ----------------------------------------------------------------------------- */

    private void raiseFault(String source, long now, ActionSink out) {
        boolean first = faults.isEmpty();
        if (!faults.add(source) || !first || !started) {
            return; // counted; only the first failing source changes state; Startup decides before
        }
        if (group != null) {
            group.memberFaultRaised(this, now, out);
        } else {
            enterFault(now, out);
        }
    }

    private void clearFault(String source, long now, ActionSink out) {
        if (!faults.remove(source) || !faults.isEmpty() || !started) {
            return;
        }
        if (group != null) {
            group.memberFaultCleared(this, now, out);
        } else if (state == VrrpState.FAULT) {
            leaveFault(now, out);
        }
    }

    void enterFault(long now, ActionSink out) {
        if (state == VrrpState.MASTER) {
            leaveMaster(VrrpState.FAULT, now, out);
        } else if (state == VrrpState.BACKUP || (state == VrrpState.INIT && started)) {
            cancelAllTimers(out);
            log(LogLevel.INFO, "Entering FAULT STATE", out);
            setState(VrrpState.FAULT, out);
            notify(NotifyState.FAULT, out);
        }
    }

    /** FAULT → BACKUP with a fresh down timer, or straight to MASTER for an owner wanting it. */
    void leaveFault(long now, ActionSink out) {
        if (state != VrrpState.FAULT) {
            return;
        }
        masterAdverIntervalCs = settings.advertIntervalCs();
        preemptDelayRunning = false;
        boolean ownerWantsMaster = isOwner() && wantState == VrrpState.MASTER;
        if (ownerWantsMaster && (group == null || group.canGotoMaster(this))) {
            becomeMaster(now, out);
            return;
        }
        if (!ownerWantsMaster) {
            wantState = VrrpState.BACKUP;
        }
        log(LogLevel.INFO, "Entering BACKUP STATE", out);
        setState(VrrpState.BACKUP, out);
        notify(NotifyState.BACKUP, out);
        armMasterDown(now, ownerWantsMaster
                ? VrrpTiming.centisToNanos(masterAdverIntervalCs) + skew()
                : masterDownInterval(), out);
    }

    /* Priority -------------------------------------------------------------------------- */

    /**
     * Recomputes the effective priority. For a tracker change ({@code trackerChange}) the
     * change is logged and a running down timer re-derived here; a reload does both itself.
     */
    private void updateEffectivePriority(boolean trackerChange, ActionSink out) {
        if (basePriority == InstanceSettings.PRIORITY_OWNER) {
            effectivePriority = basePriority; // trackers never move an address owner
            return;
        }
        long total = basePriority;
        for (int w : weights.values()) {
            total += w;
        }
        int np = (int) Math.max(1, Math.min(InstanceSettings.PRIORITY_OWNER - 1, total));
        if (np == effectivePriority) {
            return;
        }
        if (trackerChange) {
            log(LogLevel.INFO, "Changing effective priority from " + effectivePriority + " to " + np, out);
        }
        long oldDown = masterDownInterval();
        effectivePriority = np;
        if (trackerChange && settings.notifyPriorityChanges()) {
            // keepalived's vrrp_set_effective_priority: MASTER_PRIORITY for a master, else BACKUP_PRIORITY
            notify(state == VrrpState.MASTER ? NotifyState.MASTER_PRIORITY : NotifyState.BACKUP_PRIORITY, out);
        }
        if (trackerChange && state == VrrpState.BACKUP) {
            // re-derive the running down timer: keep what has elapsed, change the skew
            if (timers.isArmed(TimerKind.MASTER_DOWN)) {
                arm(TimerKind.MASTER_DOWN, timers.deadline(TimerKind.MASTER_DOWN) + masterDownInterval() - oldDown, out);
            }
        }
        // MASTER: advertised with the next regular advert (see class comment)
    }

    /* Reload ---------------------------------------------------------------------------- */

    private void reload(InstanceSettings next, long now, ActionSink out) {
        if (!next.name().equals(name) || next.vrid() != settings.vrid()
                || next.version() != settings.version() || next.family() != settings.family()) {
            throw new IllegalArgumentException(name + ": reload cannot change name, VRID, version or family;"
                    + " replace the instance instead");
        }
        InstanceSettings old = settings;
        long oldDown = masterDownInterval();
        settings = next;
        basePriority = next.priority();
        if (next.version() == 2 || state != VrrpState.BACKUP) {
            masterAdverIntervalCs = next.advertIntervalCs();
        }
        updateEffectivePriority(false, out);
        if (!started) {
            if (group == null) { // a group decides its members' initial wish itself
                wantState = next.initialState();
            }
            return;
        }
        if (state == VrrpState.MASTER) {
            List<Vip> removed = new ArrayList<>(old.vips());
            removed.removeAll(next.vips());
            List<Vip> added = new ArrayList<>(next.vips());
            added.removeAll(old.vips());
            if (!removed.isEmpty()) {
                out.add(new RemoveVips(this, removed));
            }
            if (!added.isEmpty()) {
                out.add(new AddVips(this, added));
            }
            // like keepalived's reload_master: advertise the new priority/VIP list at once
            sendAdvert(out);
            arm(TimerKind.ADVERT, now + advertInterval(), out);
            if (!added.isEmpty() && next.garpMasterRepeat() > 0) {
                out.add(new SendGratuitousBurst(this, next.garpMasterRepeat()));
            }
            if (next.garpMasterRefresh().isZero() || next.vips().isEmpty()) {
                cancel(TimerKind.GARP_REFRESH, out);
            } else if (!timers.isArmed(TimerKind.GARP_REFRESH)
                    || !next.garpMasterRefresh().equals(old.garpMasterRefresh())) {
                arm(TimerKind.GARP_REFRESH, now + next.garpMasterRefresh().toNanos(), out);
            }
        } else if (state == VrrpState.BACKUP) {
            if (timers.isArmed(TimerKind.MASTER_DOWN) && masterDownInterval() != oldDown) {
                arm(TimerKind.MASTER_DOWN, timers.deadline(TimerKind.MASTER_DOWN) + masterDownInterval() - oldDown, out);
            }
        }
    }

    /* Output helpers -------------------------------------------------------------------- */

    private void sendAdvert(ActionSink out) {
        counters.advertSent(effectivePriority);
        if (lastAdvert == null || lastAdvert.priority() != effectivePriority) {
            lastAdvert = new SendAdvert(this, effectivePriority);
        }
        out.add(lastAdvert);
    }

    private void sendPriorityZero(ActionSink out) {
        counters.advertSent(0);
        out.add(new SendPriorityZeroAdvert(this));
    }

    private void addVips(ActionSink out) {
        if (!settings.vips().isEmpty()) {
            log(LogLevel.DETAIL, "setting VIPs.", out);
            out.add(new AddVips(this, settings.vips()));
        }
    }

    private void removeVips(ActionSink out) {
        if (!settings.vips().isEmpty()) {
            log(LogLevel.DETAIL, "removing VIPs.", out);
            out.add(new RemoveVips(this, settings.vips()));
        }
    }

    private void notify(NotifyState s, ActionSink out) {
        if (lastNotify == null || lastNotify.state() != s || lastNotify.priority() != effectivePriority) {
            lastNotify = new RunNotify(name, s, effectivePriority);
        }
        out.add(lastNotify);
    }

    private void log(LogLevel level, String text, ActionSink out) {
        out.add(Log.lazily(level, () -> "(" + name + ") " + text));
    }

    private void setState(VrrpState next, ActionSink out) {
        VrrpState prev = state;
        state = next;
        out.add(new StateChanged(this, prev, next));
    }

    private long advertInterval() {
        return VrrpTiming.centisToNanos(settings.advertIntervalCs());
    }

    private long skew() {
        return VrrpTiming.skewNanos(settings.version(), effectivePriority, masterAdverIntervalCs);
    }

    /* Accessors ------------------------------------------------------------------------- */

    public String name() {
        return name;
    }

    /** Its name, so an {@link Action} that carries it prints as one that named it. */
    @Override
    public String toString() {
        return name;
    }

    public InstanceSettings settings() {
        return settings;
    }

    public VrrpState state() {
        return state;
    }

    /** What the instance would be without its sync group (keepalived's wantstate). */
    public VrrpState wantState() {
        return wantState;
    }

    void setWantState(VrrpState s) {
        wantState = s;
    }

    /** Between Startup and Shutdown. */
    public boolean isStarted() {
        return started;
    }

    /** Base priority in force: the configured one, or 254 after an owner conflict. */
    public int basePriority() {
        return basePriority;
    }

    public int effectivePriority() {
        return effectivePriority;
    }

    public boolean isOwner() {
        return basePriority == InstanceSettings.PRIORITY_OWNER;
    }

    /** RFC Master_Adver_Interval in centiseconds. */
    public int masterAdverIntervalCs() {
        return masterAdverIntervalCs;
    }

    /** RFC Master_Down_Interval at the current priority and Master_Adver_Interval. */
    public long masterDownInterval() {
        return VrrpTiming.masterDownNanos(settings.version(), effectivePriority, masterAdverIntervalCs,
                settings.downTimerAdverts());
    }

    /** The deadline of the armed timer of this kind, if any. */
    public OptionalLong timerDeadline(TimerKind kind) {
        return timers.isArmed(kind) ? OptionalLong.of(timers.deadline(kind)) : OptionalLong.empty();
    }

    /** All armed timers (a copy). */
    public Map<TimerKind, Long> armedTimers() {
        return timers.asMap();
    }

    /** Names of the failing unweighted trackers (interfaces appear as {@code interface NAME}). */
    public Set<String> faults() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(faults));
    }

    boolean hasOwnFault() {
        return !faults.isEmpty();
    }

    /**
     * keepalived's {@code master_saddr}: the source of the last advert accepted from a master,
     * or discarded by a BACKUP as lower priority. The receive pipeline passes it to the
     * policy's {@code lastMasterAddress} (skip_check_adv_addr).
     */
    public Optional<InetAddress> masterAddress() {
        return Optional.ofNullable(masterAddress);
    }

    /** {@link #masterAddress()} without the Optional (the receive path asks per packet). */
    InetAddress masterAddressOrNull() {
        return masterAddress;
    }

    /** Priority of the last advert accepted from a master (0 if none). */
    public int masterPriority() {
        return masterPriority;
    }

    /** The split brain this instance has seen as MASTER (episodes, the last one's start and peer). */
    /** Accepted adverts that came over a heartbeat path ({@code heartbeat_path}) since start. */
    public long heartbeatPathAdverts() {
        return counters.get(VrrpCounter.HEARTBEAT_PATH_RCVD);
    }

    public SplitBrain splitBrain() {
        return splitBrain.seen();
    }

    public Optional<SyncGroup> syncGroup() {
        return Optional.ofNullable(group);
    }

    /** The AH sequence counter (keepalived's {@code ipsecah_counter}); unused without {@code auth_type AH}. */
    public AhSequenceNumber ahSequence() {
        return ahSequence;
    }

    /**
     * The instance's one counter set, live: {@code become_master}, {@code release_master},
     * {@code advert_sent}, {@code pri_zero_sent} from what the instance does;
     * {@code advert_rcvd}, {@code pri_zero_rcvd}, the packet and authentication error counters
     * and {@code advert_rejected} from the {@link Event.AdvertReceived}/{@link Event.AdvertRejected}
     * it handles. Owned by the thread that calls {@link #handle}; give other threads a
     * {@link VrrpCounters#snapshot()}. Only {@code runt} and {@code unknown_vrid} never move
     * here: they belong to a socket ({@link VridDemultiplexer#counters()}).
     */
    public VrrpCounters counters() {
        return counters;
    }

    /** Zeroes the counters (keepalived's STATS_CLEAR signal). */
    public void clearCounters() {
        counters.clear();
    }
}
