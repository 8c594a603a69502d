package io.javakeepalived.vrrp;

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
     *
     * @param source           IP source address of the packet
     * @param priority         advertised priority, 0..255
     * @param advertIntervalCs advertised interval in centiseconds (v3 Max Adver Int; for v2
     *                         the seconds field × 100). Used by v3 backups only.
     */
    record AdvertReceived(InetAddress source, int priority, int advertIntervalCs) implements Event {
        public AdvertReceived {
            Objects.requireNonNull(source, "source");
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority);
            }
        }
    }

    /**
     * A packet for this instance that the codec or receive policy rejected. It exists so the
     * rejection can be logged and counted per instance; it never changes state and never
     * moves a timer (unlike keepalived 2.2.7, whose master re-arms its advert timer on any
     * packet - see keepalived-measured.md, surprise 1).
     *
     * @param source source address, or null if unknown
     * @param reason keepalived's wording without the {@code (name) } prefix, e.g.
     *               {@code received an invalid passwd!}; empty for a silent drop
     */
    record AdvertRejected(InetAddress source, String reason) implements Event {
        public AdvertRejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A timer the instance armed with {@link Action.ArmTimer} reached its deadline. */
    record TimerFired(TimerKind kind) implements Event {
        public TimerFired {
            Objects.requireNonNull(kind, "kind");
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
