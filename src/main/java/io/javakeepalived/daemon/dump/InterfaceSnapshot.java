package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * An interface keepalived knows of (keepalived.data {@code Interfaces}).
 *
 * @param name interface name
 * @param index ifindex; 0 prints {@code (deleted)}
 * @param ipv4 primary IPv4 address, or null
 * @param extraIpv4 further IPv4 addresses
 * @param ipv6 primary (link-local) IPv6 address, or null
 * @param extraIpv6 further IPv6 addresses
 * @param mac MAC address ({@code 36:5d:69:eb:84:b2}), or null if none
 * @param macBroadcast broadcast MAC address
 * @param up IFF_UP
 * @param running IFF_RUNNING
 * @param broadcast IFF_BROADCAST
 * @param loopback IFF_LOOPBACK
 * @param pointToPoint IFF_POINTOPOINT
 * @param noArp IFF_NOARP
 * @param multicast IFF_MULTICAST
 * @param seenUp has been seen up
 * @param delayedStateChangeRunning a debounced state change is pending
 * @param upDebounceMicros up debounce timer
 * @param downDebounceMicros down debounce timer
 * @param mtu MTU
 * @param hwType {@code LOOPBACK}, {@code ETHERNET} or {@code UNKNOWN (n)}
 * @param linkStatusSource how link state is learnt (the line keepalived prints)
 * @param garpIntervalMillis per-interface GARP interval, or null
 * @param gnaIntervalMillis per-interface GNA interval, or null
 * @param garpAggregationGroup GARP aggregation group, 0 if none
 * @param resetArpConfig instances that changed arp settings
 * @param arpIgnore original arp_ignore
 * @param arpFilter original arp_filter
 * @param rpFilter original rp_filter if changed, else null
 * @param promoteSecondaries original promote_secondaries
 * @param resetPromoteSecondaries instances that set promote_secondaries
 * @param tracking instances tracking it
 */
public record InterfaceSnapshot(
        String name,
        int index,
        String ipv4,
        List<String> extraIpv4,
        String ipv6,
        List<String> extraIpv6,
        String mac,
        String macBroadcast,
        boolean up,
        boolean running,
        boolean broadcast,
        boolean loopback,
        boolean pointToPoint,
        boolean noArp,
        boolean multicast,
        int seenUp,
        boolean delayedStateChangeRunning,
        long upDebounceMicros,
        long downDebounceMicros,
        long mtu,
        String hwType,
        String linkStatusSource,
        Long garpIntervalMillis,
        Long gnaIntervalMillis,
        int garpAggregationGroup,
        int resetArpConfig,
        int arpIgnore,
        int arpFilter,
        Integer rpFilter,
        int promoteSecondaries,
        int resetPromoteSecondaries,
        List<TrackingInstance> tracking) {

    public InterfaceSnapshot {
        extraIpv4 = List.copyOf(extraIpv4);
        extraIpv6 = List.copyOf(extraIpv6);
        tracking = List.copyOf(tracking);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hwType, "hwType");
    }


    /** A builder with keepalived's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.index = index;
        b.ipv4 = ipv4;
        b.extraIpv4 = extraIpv4;
        b.ipv6 = ipv6;
        b.extraIpv6 = extraIpv6;
        b.mac = mac;
        b.macBroadcast = macBroadcast;
        b.up = up;
        b.running = running;
        b.broadcast = broadcast;
        b.loopback = loopback;
        b.pointToPoint = pointToPoint;
        b.noArp = noArp;
        b.multicast = multicast;
        b.seenUp = seenUp;
        b.delayedStateChangeRunning = delayedStateChangeRunning;
        b.upDebounceMicros = upDebounceMicros;
        b.downDebounceMicros = downDebounceMicros;
        b.mtu = mtu;
        b.hwType = hwType;
        b.linkStatusSource = linkStatusSource;
        b.garpIntervalMillis = garpIntervalMillis;
        b.gnaIntervalMillis = gnaIntervalMillis;
        b.garpAggregationGroup = garpAggregationGroup;
        b.resetArpConfig = resetArpConfig;
        b.arpIgnore = arpIgnore;
        b.arpFilter = arpFilter;
        b.rpFilter = rpFilter;
        b.promoteSecondaries = promoteSecondaries;
        b.resetPromoteSecondaries = resetPromoteSecondaries;
        b.tracking = tracking;
        return b;
    }

    /** Builder for {@link InterfaceSnapshot}; unset values are keepalived's defaults. */
    public static final class Builder {
        private String name;
        private int index = 0;
        private String ipv4 = null;
        private List<String> extraIpv4 = List.of();
        private String ipv6 = null;
        private List<String> extraIpv6 = List.of();
        private String mac = null;
        private String macBroadcast = null;
        private boolean up = false;
        private boolean running = false;
        private boolean broadcast = true;
        private boolean loopback = false;
        private boolean pointToPoint = false;
        private boolean noArp = false;
        private boolean multicast = true;
        private int seenUp = 0;
        private boolean delayedStateChangeRunning = false;
        private long upDebounceMicros = 0;
        private long downDebounceMicros = 0;
        private long mtu = 1500;
        private String hwType = "ETHERNET";
        private String linkStatusSource = "NIC netlink status update";
        private Long garpIntervalMillis = null;
        private Long gnaIntervalMillis = null;
        private int garpAggregationGroup = 0;
        private int resetArpConfig = 0;
        private int arpIgnore = 0;
        private int arpFilter = 0;
        private Integer rpFilter = null;
        private int promoteSecondaries = 0;
        private int resetPromoteSecondaries = 0;
        private List<TrackingInstance> tracking = List.of();

        private Builder() {
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder index(int v) {
            index = v;
            return this;
        }

        public Builder ipv4(String v) {
            ipv4 = v;
            return this;
        }

        public Builder extraIpv4(List<String> v) {
            extraIpv4 = v;
            return this;
        }

        public Builder ipv6(String v) {
            ipv6 = v;
            return this;
        }

        public Builder extraIpv6(List<String> v) {
            extraIpv6 = v;
            return this;
        }

        public Builder mac(String v) {
            mac = v;
            return this;
        }

        public Builder macBroadcast(String v) {
            macBroadcast = v;
            return this;
        }

        public Builder up(boolean v) {
            up = v;
            return this;
        }

        public Builder running(boolean v) {
            running = v;
            return this;
        }

        public Builder broadcast(boolean v) {
            broadcast = v;
            return this;
        }

        public Builder loopback(boolean v) {
            loopback = v;
            return this;
        }

        public Builder pointToPoint(boolean v) {
            pointToPoint = v;
            return this;
        }

        public Builder noArp(boolean v) {
            noArp = v;
            return this;
        }

        public Builder multicast(boolean v) {
            multicast = v;
            return this;
        }

        public Builder seenUp(int v) {
            seenUp = v;
            return this;
        }

        public Builder delayedStateChangeRunning(boolean v) {
            delayedStateChangeRunning = v;
            return this;
        }

        public Builder upDebounceMicros(long v) {
            upDebounceMicros = v;
            return this;
        }

        public Builder downDebounceMicros(long v) {
            downDebounceMicros = v;
            return this;
        }

        public Builder mtu(long v) {
            mtu = v;
            return this;
        }

        public Builder hwType(String v) {
            hwType = v;
            return this;
        }

        public Builder linkStatusSource(String v) {
            linkStatusSource = v;
            return this;
        }

        public Builder garpIntervalMillis(Long v) {
            garpIntervalMillis = v;
            return this;
        }

        public Builder gnaIntervalMillis(Long v) {
            gnaIntervalMillis = v;
            return this;
        }

        public Builder garpAggregationGroup(int v) {
            garpAggregationGroup = v;
            return this;
        }

        public Builder resetArpConfig(int v) {
            resetArpConfig = v;
            return this;
        }

        public Builder arpIgnore(int v) {
            arpIgnore = v;
            return this;
        }

        public Builder arpFilter(int v) {
            arpFilter = v;
            return this;
        }

        public Builder rpFilter(Integer v) {
            rpFilter = v;
            return this;
        }

        public Builder promoteSecondaries(int v) {
            promoteSecondaries = v;
            return this;
        }

        public Builder resetPromoteSecondaries(int v) {
            resetPromoteSecondaries = v;
            return this;
        }

        public Builder tracking(List<TrackingInstance> v) {
            tracking = v;
            return this;
        }

        public InterfaceSnapshot build() {
            return new InterfaceSnapshot(name, index, ipv4, extraIpv4, ipv6, extraIpv6, mac, macBroadcast, up, running, broadcast, loopback, pointToPoint, noArp, multicast, seenUp, delayedStateChangeRunning, upDebounceMicros, downDebounceMicros, mtu, hwType, linkStatusSource, garpIntervalMillis, gnaIntervalMillis, garpAggregationGroup, resetArpConfig, arpIgnore, arpFilter, rpFilter, promoteSecondaries, resetPromoteSecondaries, tracking);
        }
    }
}
