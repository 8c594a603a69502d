package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.RejectReason;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What can happen to an instance. Each event is handed to
 * {@link VrrpInstance#handle(Event, long)} together with the current time.
 */
public sealed interface Event {

    /** Leave INIT: the daemon has the interface, sockets and config ready. */
    record Startup() implements Event {
    }

    /** Graceful stop (SIGTERM): a master sends priority 0; every state notifies STOP. */
    record Shutdown() implements Event {
    }

    /**
     * An advertisement for this instance's VRID that has ALREADY passed the codec and the
     * receive policy (length, TTL, version, auth, checksum, address list, v2 interval...).
     * Packets that failed those checks must never be turned into this event.
     * {@link InstanceReceiver} makes it from a packet. Counted in {@code advert_rcvd} (and
     * {@code pri_zero_rcvd}) when the instance is BACKUP or MASTER; ignored otherwise.
     *
     * @param source                   IP source address of the packet
     * @param priority                 advertised priority, 0..255
     * @param advertIntervalCs         advertised interval in centiseconds (v3 Max Adver Int; for
     *                                 v2 the seconds field × 100). Used by v3 backups only.
     * @param switchedToOldUnicastChecksum this advert made the receive pipeline switch to
     *                                 keepalived's pre-1.3.6 unicast checksum; the instance logs
     *                                 {@code (name) Setting unicast VRRPv3 checksum to old version}
     * @param ahSequence               the AH sequence number of an {@code auth_type AH} advert
     *                                 (a MASTER re-syncs its counter above a lower-priority
     *                                 one's), -1 without AH
     * @param path                     the heartbeat path it came over, or null for the VRRP path
     */
    record AdvertReceived(InetAddress source, int priority, int advertIntervalCs,
                          boolean switchedToOldUnicastChecksum, long ahSequence, HeartbeatPath path)
            implements Event {
        public AdvertReceived {
            Objects.requireNonNull(source, "source");
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority);
            }
        }

        /** An advert heard on the instance's VRRP path. */
        public AdvertReceived(InetAddress source, int priority, int advertIntervalCs,
                              boolean switchedToOldUnicastChecksum, long ahSequence) {
            this(source, priority, advertIntervalCs, switchedToOldUnicastChecksum, ahSequence, null);
        }

        public AdvertReceived(InetAddress source, int priority, int advertIntervalCs,
                              boolean switchedToOldUnicastChecksum) {
            this(source, priority, advertIntervalCs, switchedToOldUnicastChecksum, -1);
        }

        public AdvertReceived(InetAddress source, int priority, int advertIntervalCs) {
            this(source, priority, advertIntervalCs, false);
        }
    }

    /**
     * A second path ({@code heartbeat_path}) an advert came over: the same validation made it an
     * {@link AdvertReceived}, and it counts as proof of life as one on the VRRP path does. What
     * differs is the address that breaks a tie of equal priorities: the RFC compares the
     * sender's address with ours on the link the advert crossed, so on the path it is the
     * path's, {@code ownAddress}; both ends then compare the same two addresses.
     *
     * @param interfaceName the path's interface
     * @param ownAddress    our address on it (the source of our own adverts there)
     */
    record HeartbeatPath(String interfaceName, InetAddress ownAddress) {
        public HeartbeatPath {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(ownAddress, "ownAddress");
        }
    }

    /**
     * A packet for this instance that the codec or receive policy rejected. It exists so the
     * rejection can be logged and counted per instance; it never changes state and never
     * moves a timer (unlike keepalived 2.2.7, whose master re-arms its advert timer on any
     * packet - see keepalived-measured.md, surprise 1).
     *
     * <p>Counted in {@code advert_rejected}, plus the reason's own counter (and
     * {@code advert_rcvd} for the reasons keepalived checks after counting a packet as
     * received). Logged as {@code (name) reason}: with a {@code kind}, when keepalived logs
     * it ({@link RejectReason#logWhen()}: INFO, or DETAIL for -D lines); without one, at INFO
     * unless the reason is empty.
     *
     * @param source source address, or null if unknown
     * @param reason keepalived's wording without the {@code (name) } prefix, e.g.
     *               {@code received an invalid passwd!}; empty for a silent drop
     * @param kind   the codec's reason, or null if not known (then only advert_rejected counts)
     */
    record AdvertRejected(InetAddress source, String reason, RejectReason kind) implements Event {
        public AdvertRejected {
            Objects.requireNonNull(reason, "reason");
        }

        public AdvertRejected(InetAddress source, String reason) {
            this(source, reason, null);
        }
    }

    /** A timer the instance armed with {@link Action.ArmTimer} reached its deadline. */
    record TimerFired(TimerKind kind) implements Event {
        /** One event per kind, made once: a master's every advert starts with its timer firing. */
        private static final TimerFired[] OF_KIND = new TimerFired[TimerKind.values().length];

        static {
            for (TimerKind k : TimerKind.values()) {
                OF_KIND[k.ordinal()] = new TimerFired(k);
            }
        }

        public TimerFired {
            Objects.requireNonNull(kind, "kind");
        }

        /** The event for {@code kind}, the same object every time (nothing allocated per firing). */
        public static TimerFired of(TimerKind kind) {
            return OF_KIND[kind.ordinal()];
        }
    }

    /**
     * The current contribution of one weighted tracker (script, interface, file, process,
     * BFD) to the effective priority: e.g. {@code -60} while a weight -60 script fails and
     * {@code 0} once it succeeds again. Effective priority = base + Σ contributions, clamped
     * to 1..254, never applied to an owner (255).
     */
    record WeightChanged(String tracker, int weight) implements Event {
        public WeightChanged {
            Objects.requireNonNull(tracker, "tracker");
        }
    }

    /** The instance's interface (or an unweighted tracked interface) lost carrier/went down. */
    record InterfaceDown(String ifname) implements Event {
        public InterfaceDown {
            Objects.requireNonNull(ifname, "ifname");
        }
    }

    /** The interface named in an earlier {@link InterfaceDown} is up again. */
    record InterfaceUp(String ifname) implements Event {
        public InterfaceUp {
            Objects.requireNonNull(ifname, "ifname");
        }
    }

    /**
     * An unweighted tracker started failing (weight-0 script, missing source address, ...).
     * Sources are counted by name: raising one twice counts once. The first failing source
     * puts the instance in FAULT.
     */
    record FaultRaised(String source) implements Event {
        public FaultRaised {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The named source of an earlier {@link FaultRaised} recovered; the last one ends FAULT. */
    record FaultCleared(String source) implements Event {
        public FaultCleared {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * SIGHUP with a new configuration for the same instance (same name, VRID, version and
     * family; anything else is a different instance and needs a new machine). The state is
     * kept, as keepalived does, and no notify runs. A master diffs the VIP lists with
     * {@code equals()} (removes dropped ones, adds and GARPs new ones) and advertises at once;
     * a backup re-derives its running down timer.
     */
    record Reload(InstanceSettings settings) implements Event {
        public Reload {
            Objects.requireNonNull(settings, "settings");
        }
    }
}
