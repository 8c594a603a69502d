package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an instance asks its owner to do, in the order it must be done (e.g. on takeover:
 * advert first so the old master drops the VIPs, then add VIPs, GARP, notify).
 * An action the owner carries out on an instance ({@link ForInstance}) carries that instance
 * itself, so the actions of a sync group, which touch several instances, form one ordered list
 * and the owner finds each one's instance without a search by name. Notifications leave the
 * owner for scripts, the FIFO and mail, which know instances by name only (and a deleted
 * instance's last one has no instance behind it), so they carry the name.
 */
public sealed interface Action {

    /** An action carried out on one instance: the one that emitted it, or a member of its sync group. */
    sealed interface ForInstance extends Action {
        VrrpInstance instance();
    }

    /** Send one advertisement with this priority (1..255), own interval and VIP list. */
    record SendAdvert(VrrpInstance instance, int priority) implements ForInstance {
    }

    /** Send one advertisement with priority 0 (the master is leaving: RFC "Shutdown"). */
    record SendPriorityZeroAdvert(VrrpInstance instance) implements ForInstance {
    }

    /** Install these virtual addresses (from {@link InstanceSettings#vips()}). */
    record AddVips(VrrpInstance instance, List<Vip> vips) implements ForInstance {
        public AddVips {
            vips = List.copyOf(vips);
        }
    }

    /** Remove these virtual addresses; removing an absent address is not an error. */
    record RemoveVips(VrrpInstance instance, List<Vip> vips) implements ForInstance {
        public RemoveVips {
            vips = List.copyOf(vips);
        }
    }

    /**
     * Send {@code count} rounds of gratuitous ARP (IPv4) / unsolicited NA (IPv6) for every
     * VIP of the instance, paced as the daemon sees fit.
     */
    record SendGratuitousBurst(VrrpInstance instance, int count) implements ForInstance {
    }

    /**
     * Run the instance's notifications for a state: notify_&lt;state&gt; script, generic
     * {@code notify INSTANCE name STATE priority}, FIFO line, SMTP alert, in that order.
     *
     * @param priority the effective priority at the time (what keepalived passes)
     */
    record RunNotify(String instance, NotifyState state, int priority) implements Action {
    }

    /** Run a sync group's notifications: {@code notify GROUP name STATE 0}. */
    record RunGroupNotify(String group, NotifyState state) implements Action {
        /** keepalived always passes priority 0 for groups. */
        public int priority() {
            return 0;
        }
    }

    /**
     * A log line in keepalived 2.2.7's wording, instance prefix included. A line the core writes
     * per advert can be made {@link #lazily}: its text is built on the first {@link #text()},
     * which the owner calls only when the line is written - a flood of lower-priority adverts
     * at a master is mostly held back by the owner's rate limit, and text nobody reads was most
     * of what such an advert cost (issue 14). Equal when level and text are, as a record.
     */
    final class Log implements Action {
        private final LogLevel level;
        private final Supplier<String> maker;
        private String text;

        public Log(LogLevel level, String text) {
            this.level = Objects.requireNonNull(level, "level");
            this.text = Objects.requireNonNull(text, "text");
            this.maker = null;
        }

        private Log(LogLevel level, Supplier<String> maker) {
            this.level = Objects.requireNonNull(level, "level");
            this.maker = Objects.requireNonNull(maker, "maker");
        }

        /** A line whose text {@code maker} builds when it is first asked for (once). */
        public static Log lazily(LogLevel level, Supplier<String> maker) {
            return new Log(level, maker);
        }

        public LogLevel level() {
            return level;
        }

        public String text() {
            if (text == null) {
                text = Objects.requireNonNull(maker.get(), "text");
            }
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Log l && level == l.level && text().equals(l.text());
        }

        @Override
        public int hashCode() {
            return 31 * level.hashCode() + text().hashCode();
        }

        @Override
        public String toString() {
            return "Log[level=" + level + ", text=" + text() + "]";
        }
    }

    /**
     * Deliver {@code new Event.TimerFired(kind)} to the instance at (or after) this deadline,
     * on the clock whose readings are passed as {@code now}. Replaces any armed timer of the
     * same kind. A late or stale firing is harmless: the instance checks the deadline.
     * A timer that has fired is no longer armed; no {@link CancelTimer} follows for it.
     */
    record ArmTimer(VrrpInstance instance, TimerKind kind, long deadlineNanos) implements ForInstance {
    }

    /** Forget the armed timer of this kind. */
    record CancelTimer(VrrpInstance instance, TimerKind kind) implements ForInstance {
    }

    /** The instance changed state (for status, data dumps, SNMP/DBus; notify is separate). */
    record StateChanged(VrrpInstance instance, VrrpState from, VrrpState to) implements ForInstance {
    }

    /**
     * A BACKUP's VRRP path fell silent while its heartbeat path still carries the master's
     * adverts, or the VRRP path carries them again (one line each, per episode; see
     * {@link HeartbeatPathWatch}). The owner logs {@link #text()} at WARNING, outside any
     * per-advert rate limit: without the path this node would be a second MASTER.
     */
    record HeartbeatPathNotice(VrrpInstance instance, String line) implements ForInstance {
        public HeartbeatPathNotice {
            Objects.requireNonNull(line, "line");
        }

        /** The log line, instance prefix included. */
        public String text() {
            return "(" + instance.name() + ") " + line;
        }
    }

    /**
     * As MASTER the instance heard another MASTER of its VRID: an episode of split brain begins
     * (one per episode, not per advert; see {@link SplitBrainWatch}). The owner logs {@link #text()}
     * outside any per-advert rate limit; the notification is a separate {@link RunNotify}
     * ({@link NotifyState#SPLIT_BRAIN}).
     *
     * @param peer         the other master's address
     * @param peerPriority the priority it advertised
     * @param ourPriority  our effective priority
     * @param staying      true if we stay MASTER (the other is lower), false if we yield to it
     */
    record SplitBrainSeen(VrrpInstance instance, InetAddress peer, int peerPriority, int ourPriority,
                          boolean staying) implements ForInstance {
        public SplitBrainSeen {
            Objects.requireNonNull(peer, "peer");
        }

        /** The log line, instance prefix included. */
        public String text() {
            return "(" + instance.name() + ") split brain - " + AddressText.ntop(peer) + " is MASTER too, priority "
                    + peerPriority + ", ours " + ourPriority + (staying ? " - staying MASTER" : " - leaving MASTER");
        }
    }

    /** A sync group changed state. */
    record GroupStateChanged(String group, VrrpState from, VrrpState to) implements Action {
    }
}
