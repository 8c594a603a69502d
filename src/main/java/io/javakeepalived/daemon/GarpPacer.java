package io.javakeepalived.daemon;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * keepalived's {@code vrrp_garp_interval} / {@code vrrp_gna_interval}: the pause between two
 * gratuitous ARPs (or two unsolicited NAs) on one interface, whichever instance sends them.
 * Pure bookkeeping on the loop's monotonic clock; the loop sends what {@link #run} hands out and
 * sleeps in {@code ppoll(2)} until {@link #nanosUntilNext}, so nothing ever sleeps on the loop.
 *
 * <p>Each (interface, ARP or NA) is a lane with a FIFO of pending announcements and the time
 * its next packet may leave ({@code garp_next_time} in keepalived's vrrp_arp.c): one packet
 * is sent, the lane is closed for the interval counted from the clock reading after the send
 * (so a slow first send, which opens the packet socket, does not shorten the first gap on the
 * wire), the next queued one leaves when it reopens.
 * With an interval of 0 a burst leaves at once, as keepalived does by default.
 *
 * <p>Difference from keepalived 2.2.7 (on purpose): keepalived keeps one "pending" flag per
 * address, so while pacing is on, the repeats of a burst for an address that is already
 * queued collapse into one. Here a burst of {@code n} rounds sends {@code n} packets per
 * address, spaced, as {@code vrrp_garp_master_repeat} is documented. A new burst of an instance
 * replaces what that instance still had queued, so flapping cannot make a queue grow.
 *
 * <p>Not thread-safe: owned by the VRRP loop.
 */
final class GarpPacer {

    /** One gratuitous ARP (IPv4) or unsolicited NA (IPv6) for {@code address} on {@code device}. */
    record Announcement(String instance, String device, InetAddress address) {
        Announcement {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(address, "address");
        }

        boolean ipv6() {
            return address instanceof Inet6Address; // getAddress() would copy the address each time
        }
    }

    /** Where due announcements go (the loop checks that the instance is still MASTER). */
    interface Sender {
        void send(Announcement a);
    }

    private static final class Lane {
        final String device;
        final boolean ipv6;
        final ArrayDeque<Announcement> queue = new ArrayDeque<>();
        long intervalNanos;
        long nextFree;
        boolean sentOnce;

        Lane(String device, boolean ipv6) {
            this.device = device;
            this.ipv6 = ipv6;
        }
    }

    /**
     * In the order they were made, searched and walked by index: a handful of lanes, and a master
     * hearing lower priorities bursts on every advert (garp_lower_prio_repeat), so neither a key
     * nor an iterator per burst (issue 14). No record key either: its equals would bootstrap on
     * the first takeover, between the advert and the first GARP.
     */
    private final List<Lane> lanes = new ArrayList<>();
    /** Announcements in all lanes: the loop asks every turn, and an empty pacer walks no lanes. */
    private int queued;
    private final LongSupplier clock;

    /** @param clock the loop's monotonic nanoseconds */
    GarpPacer(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues {@code rounds} rounds of {@code oneRound} for {@code instance} (dropping what it
     * still had queued) and sends whatever is due at once.
     *
     * @param garpIntervalNanos pause between ARPs on one interface (0 = none)
     * @param gnaIntervalNanos  pause between NAs on one interface (0 = none)
     */
    void burst(String instance, List<Announcement> oneRound, int rounds, long garpIntervalNanos,
               long gnaIntervalNanos, Sender sender) {
        cancel(instance);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < oneRound.size(); i++) {
                Announcement a = oneRound.get(i);
                Lane lane = lane(a.device(), a.ipv6());
                lane.intervalNanos = Math.max(0, a.ipv6() ? gnaIntervalNanos : garpIntervalNanos);
                lane.queue.add(a);
                queued++;
            }
        }
        run(sender);
    }

    /**
     * Makes the lane of ({@code device}, ARP or NA) before it is needed: its first use on a
     * takeover would otherwise load and link the map's and the key's code between the takeover
     * advert and the first GARP.
     */
    void prepare(String device, boolean ipv6) {
        lane(device, ipv6);
    }

    private Lane lane(String device, boolean ipv6) {
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            if (lane.ipv6 == ipv6 && lane.device.equals(device)) {
                return lane;
            }
        }
        Lane lane = new Lane(device, ipv6);
        lanes.add(lane);
        return lane;
    }

    /** Sends every announcement whose lane is open now. */
    void run(Sender sender) {
        if (queued == 0) {
            return;
        }
        long now = clock.getAsLong();
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            while (!lane.queue.isEmpty() && (!lane.sentOnce || now - lane.nextFree >= 0)) {
                Announcement a = lane.queue.poll();
                queued--;
                sender.send(a);
                lane.sentOnce = true;
                if (lane.intervalNanos > 0) {
                    lane.nextFree = clock.getAsLong() + lane.intervalNanos;
                    break;
                }
                lane.nextFree = now;
            }
        }
    }

    /** Forgets what {@code instance} still had queued (it left MASTER, or a new burst replaces it). */
    void cancel(String instance) {
        if (queued == 0) {
            return;
        }
        for (int i = 0; i < lanes.size(); i++) {
            ArrayDeque<Announcement> queue = lanes.get(i).queue;
            for (int n = queue.size(); n > 0; n--) { // round the queue once: order kept, no iterator
                Announcement a = queue.poll();
                if (a.instance().equals(instance)) {
                    queued--;
                } else {
                    queue.add(a);
                }
            }
        }
    }

    /** Announcements still queued. */
    int pending() {
        return queued;
    }

    /**
     * How long the loop may sleep before {@link #run} has something to send: -1 if nothing is
     * queued, else the milliseconds to the earliest lane reopening, rounded up.
     */
    int millisUntilNext() {
        long best = nanosUntilNext();
        if (best < 0) {
            return -1;
        }
        long ms = best / 1_000_000 + (best % 1_000_000 == 0 ? 0 : 1);
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
    }

    /** As {@link #millisUntilNext()}, in nanoseconds (-1: nothing queued). */
    long nanosUntilNext() {
        if (queued == 0) {
            return -1;
        }
        long now = clock.getAsLong();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            if (!lane.queue.isEmpty()) {
                best = Math.min(best, Math.max(0, lane.nextFree - now));
            }
        }
        return best;
    }

    /** The shorter of two poll timeouts in nanoseconds where -1 means "no limit". */
    static long earlier(long a, long b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }
}
