package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.net.LinkLayerAnnouncer;
import io.javakeepalived.track.TrackScriptState;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.LogLevel;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.IpFamily;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Hands events to the core ({@link io.javakeepalived.vrrp.VrrpInstance#handle}) and carries out
 * the {@link Action}s it returns, in order: adverts on the instance's socket, VIPs through the
 * {@link VipInstaller} (with the virtual routes and rules of {@link VirtualRoutes} after them on
 * entering MASTER, before them on leaving it), gratuitous ARP / NA bursts through the {@link GarpPacer}, timers in the
 * {@link InstanceTable}'s queue, notifications to the {@link NotifySink}, log lines. One action
 * that fails is logged and the next one still runs. Loop thread only.
 */
final class ActionExecutor {
    private static final int MAX_PACKET = 8192;

    private final InstanceTable table;
    private final VipInstaller vips;
    private final VirtualRoutes routes;
    private final Announcers announcers;
    private final GarpPacer garps;
    private final NotifySink notifySink;
    private final RejectedPacketLog rejects;
    private final AdvertLines advertLines;
    private final DetailLog detail;
    private final Logger log;
    private final Clock wallClock;
    private final byte[] sendArray = new byte[MAX_PACKET];
    private final ByteBuffer sendBuffer = ByteBuffer.wrap(sendArray);
    /** Made once: a method reference made on the takeover would bootstrap there, before the first GARP. */
    private final GarpPacer.Sender announce = this::announce;
    /** Log lines of the actions being carried out, written when the outermost {@link #execute} ends. */
    private final List<Action.Log> heldLines = new ArrayList<>();
    private ActionBatch spareBatch = new ActionBatch();
    private int depth;
    private boolean statesChanged;
    /** The instances' second paths (heartbeat_path): each advert goes there too. */
    private HeartbeatPaths paths;
    /** Set while a reload is applied: no address another instance holds is removed. */
    private boolean reloading;

    ActionExecutor(InstanceTable table, VipInstaller vips, VirtualRoutes routes, Announcers announcers,
                   LongSupplier clock, NotifySink notifySink, RejectedPacketLog rejects, DetailLog detail,
                   Clock wallClock) {
        this.table = table;
        this.vips = vips;
        this.routes = routes;
        this.announcers = announcers;
        this.garps = new GarpPacer(clock);
        this.notifySink = notifySink;
        this.rejects = rejects;
        this.advertLines = new AdvertLines(detail.log(), clock);
        this.detail = detail;
        this.log = detail.log();
        this.wallClock = wallClock;
    }

    /** Before the first advert: every advert also goes out on the instance's heartbeat paths. */
    void sendAlsoOn(HeartbeatPaths p) {
        paths = p;
    }

    void deliver(InstanceEntry e, Event event, long now) {
        ActionBatch b = takeBatch();
        e.instance.handle(event, now, b);
        execute(b, true);
        giveBack(b);
    }

    /** Tracker events for instances by name; unknown names are ignored. */
    void deliverAll(List<TrackScriptState.Delivery> deliveries, long now) {
        for (TrackScriptState.Delivery d : deliveries) {
            InstanceEntry e = table.find(d.instance());
            if (e != null) {
                deliver(e, d.event(), now);
            }
        }
    }

    /** A packet the instance rejects: the core counts it; its log lines go through the rate limit. */
    void rejected(InstanceEntry e, Event.AdvertRejected r, long now) {
        ActionBatch b = takeBatch();
        e.instance.handle(r, now, b);
        executeLimited(b, e, r);
        giveBack(b);
    }

    /** What the core answered a rejected packet with: log lines through the rate limit, the rest as usual. */
    void executeRejected(InstanceEntry e, Event.AdvertRejected r, List<Action> actions) {
        ActionBatch b = takeBatch();
        b.addAll(actions);
        executeLimited(b, e, r);
        giveBack(b);
    }

    /**
     * An accepted advert. Its log lines ("Received advert from ... with lower priority", a
     * changed interval ...) come once per packet: unless the advert changed a state, they go
     * through a rate limit per instance, so that a flood of adverts cannot flood the log.
     */
    void advert(InstanceEntry e, Event event, long now) {
        ActionBatch b = takeBatch();
        e.instance.handle(event, now, b);
        boolean logs = false;
        for (int i = 0; i < b.size(); i++) {
            Action a = b.action(i);
            if (a instanceof Action.StateChanged || a instanceof Action.GroupStateChanged) {
                logs = false;
                break;
            }
            logs |= a instanceof Action.Log;
        }
        if (logs) {
            executeLimited(b, e, null);
        } else {
            execute(b, true); // a backup hearing its master: the timer re-armed, nothing to log
        }
        giveBack(b);
    }

    /** Summaries of advert lines held back whose interval is over. */
    void flushLogs() {
        advertLines.flush();
    }

    /**
     * The batch's log lines through a rate limit per instance (the rejected packet's, or the
     * accepted adverts'), written before the rest is carried out; their text is made only for
     * the lines the limit lets through.
     */
    private void executeLimited(ActionBatch b, InstanceEntry e, Event.AdvertRejected rejected) {
        for (int i = 0; i < b.size(); i++) {
            if (b.action(i) instanceof Action.Log l && (l.level() == LogLevel.INFO || detail.enabled())) {
                if (rejected != null) {
                    rejects.log(e.name(), rejected.kind(), l.text());
                } else {
                    advertLines.offer(e.name(), l);
                }
            }
        }
        execute(b, false);
    }

    /**
     * Carries out {@code actions} in order, except that their log lines (and the detailed lines
     * this class adds) are written after the others, in their own order: a log line is a
     * fraction of a millisecond, and on a takeover "Entering MASTER STATE" came between the
     * advert and the VIP, so that the first GARP left milliseconds after the advert (issue 14).
     * Errors are still logged as they happen.
     */
    void execute(List<Action> actions) {
        ActionBatch b = takeBatch();
        b.addAll(actions);
        execute(b, true);
        giveBack(b);
    }

    /** As {@link #execute(List)}; without {@code withLogs}, its log lines are left out (written already). */
    private void execute(ActionBatch b, boolean withLogs) {
        depth++;
        try {
            for (int i = 0; i < b.size(); i++) { // no iterator: this runs for every advert
                Action a = b.action(i);
                if (a instanceof Action.Log l) {
                    if (withLogs) {
                        heldLines.add(l);
                    }
                    continue;
                }
                try {
                    if (a == null) {
                        table.timers().arm(table.entryOf(b.timerOwner(i)).index, b.timerKind(i), b.deadline(i));
                    } else {
                        executeOne(a);
                    }
                } catch (RuntimeException x) {
                    log.error("cannot carry out {}: {}", a != null ? a : "timer " + b.timerKind(i) + " of "
                            + b.timerOwner(i), x.toString(), x);
                }
            }
        } finally {
            if (--depth == 0) {
                writeHeldLines();
            }
        }
    }

    /**
     * The one batch the executor reuses (an advert's answer, a timer's ...), or a new one while
     * it is in use: carrying out actions never delivers events itself today, but a batch reused
     * under a caller still reading it would carry out another event's actions. A batch whose
     * event threw is not given back: the next one is new, once.
     */
    private ActionBatch takeBatch() {
        ActionBatch b = spareBatch;
        spareBatch = null;
        return b != null ? b : new ActionBatch();
    }

    private void giveBack(ActionBatch b) {
        b.clear();
        spareBatch = b;
    }

    private void writeHeldLines() {
        for (int i = 0; i < heldLines.size(); i++) {
            Action.Log l = heldLines.get(i);
            if (l.level() == LogLevel.INFO) {
                log.info("{}", l.text());
            } else {
                detail.detail(l.text());
            }
        }
        heldLines.clear();
    }

    private void executeOne(Action a) {
        if (a instanceof Action.ForInstance f) {
            carryOut(table.entryOf(f.instance()), f);
        } else if (a instanceof Action.RunNotify n) {
            if (log.isDebugEnabled()) { // a master hearing lower priorities notifies per advert: no boxing then
                log.debug("({}) notify {} {}", n.instance(), n.state(), n.priority());
            }
            notifySink.dispatch(n);
        } else if (a instanceof Action.RunGroupNotify n) {
            log.debug("VRRP_Group({}) notify {} 0", n.group(), n.state());
            notifySink.dispatch(n);
        } else if (a instanceof Action.GroupStateChanged c) {
            log.debug("VRRP_Group({}) state {} -> {}", c.group(), c.from(), c.to());
        }
    }

    /** An action on one instance, its entry resolved once from the instance the action carries. */
    private void carryOut(InstanceEntry e, Action.ForInstance a) {
        if (a instanceof Action.SendAdvert s) {
            sendAdvert(e, s.priority());
        } else if (a instanceof Action.SendPriorityZeroAdvert) {
            // the routes go before the backup is told to take over: a routing daemon announcing
            // them (FRR) withdraws this node's path while its VIPs are still here to answer
            routes.uninstall(e.name());
            sendAdvert(e, 0);
        } else if (a instanceof Action.AddVips v) {
            for (Vip vip : withExcluded(e, v.vips())) {
                vips.add(e.name(), vip);
            }
            e.vipsInstalled = true;
            if (e.instance.state() == VrrpState.MASTER) {
                routes.install(e.name(), e.plan.kernel().routing());
            }
        } else if (a instanceof Action.RemoveVips v) {
            if (v.vips().equals(e.instance.settings().vips())) {
                routes.uninstall(e.name());
            }
            for (Vip vip : withExcluded(e, v.vips())) {
                removeVip(e, vip);
            }
            e.vipsInstalled = false;
        } else if (a instanceof Action.SendGratuitousBurst g) {
            gratuitousBurst(e, g.count());
        } else if (a instanceof Action.ArmTimer t) {
            table.timers().arm(e.index, t.kind(), t.deadlineNanos());
        } else if (a instanceof Action.CancelTimer t) {
            table.timers().cancel(e.index, t.kind());
        } else if (a instanceof Action.HeartbeatPathNotice n) {
            log.warn("{}", n.text()); // once per episode by the core, like split brain
        } else if (a instanceof Action.SplitBrainSeen b) {
            // once per episode by the core: never held back by the per-advert rate limit
            log.warn("{}", b.text());
        } else if (a instanceof Action.StateChanged c) {
            log.debug("({}) state {} -> {}", e.name(), c.from(), c.to());
            e.lastTransition = wallClock.instant();
            e.countTransition(c.from(), c.to());
            if (c.from() == VrrpState.MASTER) {
                garps.cancel(e.name()); // keepalived drops queued GARPs on leaving MASTER
            }
            routesWithoutVips(e, c);
            statesChanged = true;
        }
    }

    /**
     * An instance without VIPs gets no AddVips / RemoveVips: its routes and rules follow the state
     * itself (a master with VIPs installs them with its VIPs, and leaving MASTER removes the VIPs
     * after this, so the routes are gone first either way).
     */
    private void routesWithoutVips(InstanceEntry e, Action.StateChanged c) {
        if (c.to() == VrrpState.MASTER && e.instance.settings().vips().isEmpty()) {
            routes.install(e.name(), e.plan.kernel().routing());
        } else if (c.from() == VrrpState.MASTER) {
            routes.uninstall(e.name());
        }
    }

    /** A reload gave the instance other virtual routes or rules: a master changes only those. */
    void routingChanged(InstanceEntry e) {
        if (e.instance.state() != VrrpState.MASTER) {
            return;
        }
        if (routes.installed(e.name())) {
            routes.update(e.name(), e.plan.kernel().routing());
        } else {
            routes.install(e.name(), e.plan.kernel().routing());
        }
    }

    /** The action's VIPs; when they are the instance's whole list, its excluded VIPs too. */
    private static List<Vip> withExcluded(InstanceEntry e, List<Vip> vips) {
        List<Vip> out = new ArrayList<>(vips);
        if (vips.equals(e.instance.settings().vips())) {
            out.addAll(e.plan.addresses().excludedVips());
        }
        return out;
    }

    private void sendAdvert(InstanceEntry e, int priority) {
        SharedSocket s = e.socket;
        if (s == null) {
            return;
        }
        InstanceSettings settings = e.instance.settings();
        int hopLimit = settings.wire().unicast() ? settings.wire().unicastTtl() : 255;
        List<AdvertTemplate> templates = e.receiver.sendTemplates();
        // auth_type AH: one sequence number per advert, whatever the number of unicast peers
        long ahSequence = !templates.isEmpty() && templates.get(0).authHeader()
                ? e.instance.ahSequence().nextForSending() : 0;
        for (int i = 0; i < templates.size(); i++) { // no iterator: nothing allocated per advert
            AdvertTemplate t = templates.get(i);
            try {
                sendBuffer.clear();
                if (t.family() == IpFamily.IPV4) {
                    int n = t.writeIpv4Packet(priority, s.nextIpId(), ahSequence, sendArray, 0);
                    sendBuffer.limit(n);
                    s.socket.sendIpv4Datagram(sendBuffer);
                } else {
                    int n = t.writeVrrp(priority, sendArray, 0);
                    sendBuffer.limit(n);
                    s.socket.send(sendBuffer, t.source(), t.destination(), hopLimit);
                }
            } catch (IOException x) {
                log.warn("({}) cannot send advert: {}", e.name(), x.getMessage());
            }
        }
        if (paths != null) {
            paths.send(e, priority);
        }
    }

    /** Puts one of the instance's addresses up (a reload's newly excluded VIP). */
    void addVip(InstanceEntry e, Vip v) {
        vips.add(e.name(), v);
    }

    /** Takes one of the instance's addresses down, unless a reload runs and another instance holds it. */
    void removeVip(InstanceEntry e, Vip v) {
        if (reloading && table.heldByAnother(e, v)) {
            detail.detail("(" + e.name() + ") " + v + " stays: another instance holds it");
            return;
        }
        vips.remove(e.name(), v);
    }

    /**
     * Queues {@code count} rounds of gratuitous ARP / NA for all the instance's addresses, grouped
     * by interface, and sends what is due at once. On a takeover this runs between the advert
     * and the first GARP, so it makes no lambda and no text unless the detailed log wants it.
     */
    void gratuitousBurst(InstanceEntry e, int count) {
        List<GarpPacer.Announcement> round = e.announcementRound();
        InstancePlan.Announcing pacing = e.plan.announcing();
        garps.burst(e.name(), round, count, pacing.garpInterval().toNanos(), pacing.gnaInterval().toNanos(),
                announce);
        if (detail.enabled()) {
            for (GarpPacer.Announcement a : round) { // -D only: text per announcement anyway
                heldLines.add(new Action.Log(LogLevel.DETAIL, "(" + e.name() + ") Sending/queueing "
                        + (a.ipv6() ? "Unsolicited Neighbour Adverts" : "gratuitous ARPs") + " on " + a.device()
                        + " for " + a.address().getHostAddress()));
            }
            if (depth == 0) { // called from outside execute(): nobody else writes them
                writeHeldLines();
            }
        }
    }

    /**
     * Opens the GARP / NA senders, makes the pacing lanes and the round of announcements the
     * instance's addresses need, so that its takeover does none of it between its advert and
     * its first GARP.
     */
    void prepareAnnouncing(InstanceEntry e) {
        e.announcementRound();
        List<Vip> all = e.plan.allAddresses();
        announcers.prepare(e.name(), all);
        for (Vip v : all) {
            garps.prepare(v.device(), v.isIpv6());
        }
    }

    /** Sends the paced announcements that are due. */
    void announceDue() {
        garps.run(announce);
    }

    /** Nanoseconds until the next paced announcement is due (-1: none), as {@link GarpPacer#nanosUntilNext()}. */
    long nanosUntilNextAnnouncement() {
        return garps.nanosUntilNext();
    }

    /** Sends one paced announcement, if its instance is still MASTER with its VIPs (as keepalived checks). */
    private void announce(GarpPacer.Announcement a) {
        InstanceEntry e = table.find(a.instance());
        if (e == null || e.instance.state() != VrrpState.MASTER || !e.vipsInstalled) {
            return;
        }
        LinkLayerAnnouncer an = announcers.get(e.name(), a.device(), a.ipv6());
        if (an == null) {
            return;
        }
        try {
            an.announce(a.address());
        } catch (IOException x) {
            log.warn("({}) cannot announce {}: {}", e.name(), a.address().getHostAddress(), x.getMessage());
        }
    }

    /** Whether some instance changed state since the last call. */
    boolean takeStatesChanged() {
        boolean changed = statesChanged;
        statesChanged = false;
        return changed;
    }

    /** While a reload is applied, an address another instance holds stays up. */
    void reloading(boolean on) {
        reloading = on;
    }
}
