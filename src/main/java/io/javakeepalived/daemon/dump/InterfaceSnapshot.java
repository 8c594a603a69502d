package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * An interface as keepalived.data's {@code Interfaces} section shows it (vrrp_if.c {@code dump_if}).
 *
 * @param name          interface name
 * @param index         ifindex; 0 prints {@code (deleted)}
 * @param addresses     its addresses
 * @param flags         its IFF_* flags
 * @param link          link state and how it is learnt
 * @param announcements per-interface GARP/GNA pacing
 * @param sysctls       the ARP and promote_secondaries settings keepalived changed or saved
 * @param tracking      instances tracking it
 */
public record InterfaceSnapshot(String name, int index, Addresses addresses, Flags flags, Link link,
                                Announcements announcements, Sysctls sysctls, List<TrackingInstance> tracking) {

    public InterfaceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(announcements, "announcements");
        Objects.requireNonNull(sysctls, "sysctls");
        tracking = List.copyOf(tracking);
    }

    /**
     * @param ipv4         primary IPv4 address, or null
     * @param extraIpv4    further IPv4 addresses
     * @param ipv6         primary (link-local) IPv6 address, or null
     * @param extraIpv6    further IPv6 addresses
     * @param mac          MAC address ({@code 36:5d:69:eb:84:b2}), or null if none
     * @param macBroadcast broadcast MAC address, or null
     */
    public record Addresses(String ipv4, List<String> extraIpv4, String ipv6, List<String> extraIpv6, String mac,
                            String macBroadcast) {

        public Addresses {
            extraIpv4 = List.copyOf(extraIpv4);
            extraIpv6 = List.copyOf(extraIpv6);
        }
    }

    /** IFF_UP, IFF_RUNNING, IFF_BROADCAST, IFF_LOOPBACK, IFF_POINTOPOINT, IFF_NOARP, IFF_MULTICAST. */
    public record Flags(boolean up, boolean running, boolean broadcast, boolean loopback, boolean pointToPoint,
                        boolean noArp, boolean multicast) {

        /** An Ethernet-like interface: broadcast and multicast capable. */
        public static Flags ethernet(boolean up, boolean running) {
            return new Flags(up, running, true, false, false, false, true);
        }

        /** The loopback interface: neither broadcast nor multicast. */
        public static Flags loopback(boolean up, boolean running) {
            return new Flags(up, running, false, true, false, false, false);
        }
    }

    /**
     * @param seenUp                    has been seen up
     * @param delayedStateChangeRunning a debounced state change is pending
     * @param upDebounceMicros          up debounce timer
     * @param downDebounceMicros        down debounce timer
     * @param mtu                       MTU
     * @param hwType                    {@code LOOPBACK}, {@code ETHERNET} or {@code UNKNOWN (n)}
     * @param linkStatusSource          how link state is learnt (the line keepalived prints)
     */
    public record Link(int seenUp, boolean delayedStateChangeRunning, long upDebounceMicros, long downDebounceMicros,
                       long mtu, String hwType, String linkStatusSource) {

        public Link {
            Objects.requireNonNull(hwType, "hwType");
            Objects.requireNonNull(linkStatusSource, "linkStatusSource");
        }

        /** No debouncing, link state from netlink (keepalived's default). */
        public static Link netlink(int seenUp, long mtu, String hwType) {
            return new Link(seenUp, false, 0, 0, mtu, hwType, "NIC netlink status update");
        }
    }

    /**
     * @param garpIntervalMillis   per-interface GARP interval, or null
     * @param gnaIntervalMillis    per-interface GNA interval, or null
     * @param garpAggregationGroup GARP aggregation group, 0 if none
     */
    public record Announcements(Long garpIntervalMillis, Long gnaIntervalMillis, int garpAggregationGroup) {

        public static final Announcements NONE = new Announcements(null, null, 0);
    }

    /**
     * @param resetArpConfig          instances that changed arp settings
     * @param arpIgnore               original arp_ignore
     * @param arpFilter               original arp_filter
     * @param rpFilter                original rp_filter if changed, else null
     * @param promoteSecondaries      original promote_secondaries
     * @param resetPromoteSecondaries instances that set promote_secondaries
     */
    public record Sysctls(int resetArpConfig, int arpIgnore, int arpFilter, Integer rpFilter, int promoteSecondaries,
                          int resetPromoteSecondaries) {

        /** Nothing changed, every original value 0. */
        public static final Sysctls UNCHANGED = new Sysctls(0, 0, 0, null, 0, 0);
    }
}
