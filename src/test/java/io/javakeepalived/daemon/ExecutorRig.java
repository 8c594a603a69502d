package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.RtnetlinkSession;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.VrrpInstance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * The part of one node's VRRP loop that carries out what the core decides, assembled as
 * {@code VrrpLoop} assembles it (instance table with its timer slots, socket pool, VIP installer,
 * gratuitous ARP pacing, {@link ActionExecutor}) on whatever native layer it is given - in tests,
 * the in-memory fakes of {@code testsupport.fakenet}. What is left to the caller is the loop
 * itself: when to fire timers, and which packets reach which socket. Not the real loop's thread,
 * poller or link watching.
 */
public final class ExecutorRig {
    private static final Logger QUIET = NOPLogger.NOP_LOGGER;

    private final InstanceTable table;
    private final ActionExecutor executor;
    private final SocketPool sockets;

    /**
     * @param links the node's interfaces by name (VIPs go on them, announcements leave on them)
     * @param clock the loop's monotonic nanoseconds (a simulation's fake time)
     */
    public ExecutorRig(List<InstanceSettings> instances, NativeNetwork network, RtnetlinkSession rtnl,
                       Map<String, LinkInfo> links, LongSupplier clock) {
        this(plansOf(instances), rtnl, network, links, clock);
    }

    /** The same with whole plans (virtual routes and rules, excluded VIPs ...). */
    public ExecutorRig(List<InstancePlan> plans, RtnetlinkSession rtnl, NativeNetwork network,
                       Map<String, LinkInfo> links, LongSupplier clock) {
        this(plans, rtnl, network, links, clock, QUIET);
    }

    /** The same, writing keepalived's log lines to {@code log} (without {@code -D}). */
    public ExecutorRig(List<InstancePlan> plans, RtnetlinkSession rtnl, NativeNetwork network,
                       Map<String, LinkInfo> links, LongSupplier clock, Logger log) {
        Clock wallClock = Clock.systemUTC();
        DetailLog detail = new DetailLog(log, false);
        RejectedPacketLog rejects = new RejectedPacketLog(log, clock);
        table = new InstanceTable(VrrpPlan.of(plans));
        executor = new ActionExecutor(table, new VipInstaller(rtnl, links, log),
                new VirtualRoutes(new RoutingRequests(rtnl, log)), new Announcers(links, network, log), clock,
                NotifySink.NONE, rejects, detail, wallClock);
        sockets = new SocketPool(network, network.newPollSet(), table, executor, rejects, detail, clock);
        for (InstancePlan p : plans) {
            table.add(p, wallClock.instant());
        }
        table.makeTimers();
        for (InstanceEntry e : table.entries()) {
            sockets.attach(e);
        }
    }

    /** The instances by name, in configuration order. */
    public Map<String, VrrpInstance> instances() {
        Map<String, VrrpInstance> out = new LinkedHashMap<>();
        for (InstanceEntry e : table.entries()) {
            out.put(e.name(), e.instance);
        }
        return out;
    }

    private static List<InstancePlan> plansOf(List<InstanceSettings> instances) {
        List<InstancePlan> plans = new ArrayList<>();
        for (InstanceSettings s : instances) {
            plans.add(InstancePlan.of(s));
        }
        return plans;
    }

    public InstanceReceiver receiver(VrrpInstance instance) {
        return table.entryOf(instance).receiver;
    }

    /**
     * Hands the event to the instance and has the executor carry out the actions, as the loop
     * does (a rejected advert's log lines through the rate limit); returns the actions.
     */
    public List<Action> deliver(VrrpInstance instance, Event event, long now) {
        InstanceEntry e = table.entryOf(instance);
        List<Action> out = instance.handle(event, now);
        if (event instanceof Event.AdvertRejected r) {
            executor.executeRejected(e, r, out);
        } else {
            executor.execute(out);
        }
        return out;
    }

    /** The earliest armed timer's deadline, if any. */
    public OptionalLong nextTimer() {
        return table.timers().isEmpty() ? OptionalLong.empty() : OptionalLong.of(table.timers().nextDeadline());
    }

    /** A timer that fired, and what its instance did. */
    public record Fired(VrrpInstance instance, TimerKind kind, List<Action> actions) {
    }

    /** Fires the earliest timer due at {@code now} (as the loop's timer slots hand them out), or returns null. */
    public Fired fireNext(long now) {
        int slot = table.timers().pollDue(now);
        if (slot < 0) {
            return null;
        }
        VrrpInstance i = table.entries().get(TimerQueue.ownerOf(slot)).instance;
        TimerKind kind = TimerQueue.kindOf(slot);
        return new Fired(i, kind, deliver(i, new Event.TimerFired(kind), now));
    }

    /**
     * Reads the instance's socket as the loop does when polling finds it readable: every
     * datagram queued there goes through its demultiplexer to the executor.
     */
    public void readable(VrrpInstance instance) throws java.io.IOException {
        sockets.readable(table.entryOf(instance).socket.socket.fd());
    }

    /** Fires every timer due at {@code now} as the loop does, keeping nothing of what they did. */
    public void fireDue(long now) {
        for (int slot = table.timers().pollDue(now); slot >= 0; slot = table.timers().pollDue(now)) {
            InstanceEntry e = table.entries().get(TimerQueue.ownerOf(slot));
            executor.deliver(e, Event.TimerFired.of(TimerQueue.kindOf(slot)), now);
        }
    }

    /** What the loop does at the end of every turn: paced announcements due, held-back lines' summaries. */
    public void endOfTurn() {
        executor.announceDue();
        executor.flushLogs();
    }

    /** After a reload: an instance whose interface, family or cast changed moves to its new socket. */
    public void resocket() {
        for (InstanceEntry e : table.entries()) {
            if (e.socket != null && !e.socket.demux.key().equals(e.receiver.socket())) {
                sockets.detach(e);
            }
            if (e.socket == null) {
                sockets.attach(e);
            }
        }
    }

    /** The socket (its demultiplexer) for a key, or null if no instance reads one like it. */
    public VridDemultiplexer socket(VridDemultiplexer.SocketKey key) {
        for (VridDemultiplexer d : sockets()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        return null;
    }

    /** The open sockets' demultiplexers, each once. */
    public List<VridDemultiplexer> sockets() {
        List<VridDemultiplexer> out = new ArrayList<>();
        for (InstanceEntry e : table.entries()) {
            if (e.socket != null && !out.contains(e.socket.demux)) {
                out.add(e.socket.demux);
            }
        }
        return out;
    }
}
