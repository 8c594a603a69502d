package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.ReceivePolicy;
import io.javakeepalived.vrrp.packet.UnicastPeer;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code vrrp_instance} block means to the state machine, after the config layer
 * has resolved globals, defaults and keepalived's "warn and clear" rules. Immutable.
 *
 * <p>The config binder is expected to have applied keepalived's normalisation already:
 * v2 intervals rounded to whole seconds, {@code nopreempt}/{@code preempt_delay} cleared
 * with {@code state MASTER}, {@code preempt_delay} cleared with {@code nopreempt} or strict
 * mode, {@code garp_master_repeat 0} turned into 1, weighted trackers dropped inside sync
 * groups without {@code sync_group_tracking_weight}. The constructor only rejects values the
 * machine cannot run with.
 *
 * @param name                    instance name, as in log lines {@code (VI_1) ...}
 * @param vrid                    virtual router id, 1..255
 * @param version                 VRRP version, 2 or 3
 * @param family                  {@link StandardProtocolFamily#INET} or {@code INET6} (v3 only)
 * @param priority                configured (base) priority, 1..255; 255 = address owner
 * @param advertIntervalCs        own Advertisement_Interval in centiseconds, 1..4095
 *                                (v2: a multiple of 100)
 * @param initialState            configured {@code state}: MASTER or BACKUP. Only an owner
 *                                (255) with MASTER starts as master; everyone else waits the
 *                                master-down interval, as keepalived 2.2.7 does
 * @param nopreempt               a higher-priority backup never takes over from a live master
 * @param preemptDelay            keep accepting a lower-priority master's adverts for this long
 *                                after the first one (added to the master-down interval)
 * @param primaryAddress          our advert source address, used for the equal-priority
 *                                tie-break (RFC "Primary IP Address"); null if unknown
 * @param vips                    virtual addresses, in advert order; the machine reads their
 *                                addresses only and hands them back in
 *                                {@link Action.AddVips}/{@link Action.RemoveVips}
 * @param downTimerAdverts        adverts missed before master-down (RFC: 3), 1..100
 * @param lowerPrioNoAdvert       a master hearing a lower priority does not answer with an advert
 * @param higherPrioSendAdvert    a master hearing a higher priority sends one advert before yielding
 * @param garpMasterDelay         delay of the second GARP burst after becoming master; 0 = none
 * @param garpMasterRepeat        GARPs per burst on becoming master
 * @param garpMasterRefresh       period of GARP bursts while master; 0 = none
 * @param garpMasterRefreshRepeat GARPs per refresh burst
 * @param garpLowerPrioDelay      delay of the second burst after hearing a lower priority; 0 = none
 * @param garpLowerPrioRepeat     GARPs per burst after hearing a lower priority; 0 = none
 * @param minGarp                 {@code vrrp_min_garp} was in force for the defaults above
 *                                (informational; {@link Builder} applies it)
 * @param startupDelay            {@code vrrp_startup_delay}: master-down timers start this late
 * @param wire                    the rest of what goes on the wire: interface, authentication,
 *                                unicast peers, checksum compatibility (see {@link #receivePolicy()}
 *                                and {@link #advertTemplates(boolean)})
 * @param notifyPriorityChanges   {@code notify_priority_changes} (resolved through the sync group
 *                                and global_defs): a tracker's change of the effective priority is
 *                                notified as {@link NotifyState#MASTER_PRIORITY} / {@code BACKUP_PRIORITY}
 * @param strict                  {@code vrrp_strict}: only what RFC 5798 sends goes on the wire, so the
 *                                split-brain healing packets of javakeepalived's own (an advert before
 *                                yielding, gratuitous ARPs of the winner) are not sent; it is still reported
 */
public record InstanceSettings(
        String name,
        int vrid,
        int version,
        StandardProtocolFamily family,
        int priority,
        int advertIntervalCs,
        VrrpState initialState,
        boolean nopreempt,
        Duration preemptDelay,
        InetAddress primaryAddress,
        List<Vip> vips,
        int downTimerAdverts,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        Duration garpMasterDelay,
        int garpMasterRepeat,
        Duration garpMasterRefresh,
        int garpMasterRefreshRepeat,
        Duration garpLowerPrioDelay,
        int garpLowerPrioRepeat,
        boolean minGarp,
        Duration startupDelay,
        WireSettings wire,
        boolean notifyPriorityChanges,
        boolean strict) {

    /** keepalived's VRRP_PRIO_OWNER. */
    public static final int PRIORITY_OWNER = 255;

    public InstanceSettings {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("instance name is empty");
        }
        requireRange("vrid", vrid, 1, 255);
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException(name + ": version must be 2 or 3, not " + version);
        }
        Objects.requireNonNull(family, "family");
        if (family == StandardProtocolFamily.UNIX) {
            throw new IllegalArgumentException(name + ": family must be INET or INET6");
        }
        if (family == StandardProtocolFamily.INET6 && version != 3) {
            throw new IllegalArgumentException(name + ": IPv6 needs VRRP version 3");
        }
        requireRange("priority", priority, 1, PRIORITY_OWNER);
        requireRange("advertIntervalCs", advertIntervalCs, 1, 4095);
        if (version == 2 && advertIntervalCs % 100 != 0) {
            throw new IllegalArgumentException(name + ": a VRRPv2 advert interval is whole seconds, not "
                    + advertIntervalCs + " cs");
        }
        if (initialState != VrrpState.MASTER && initialState != VrrpState.BACKUP) {
            throw new IllegalArgumentException(name + ": initial state must be MASTER or BACKUP");
        }
        requireNonNegative("preemptDelay", preemptDelay);
        if (primaryAddress != null
                && (primaryAddress instanceof Inet6Address) != (family == StandardProtocolFamily.INET6)) {
            throw new IllegalArgumentException(name + ": primary address " + primaryAddress
                    + " is not of family " + family);
        }
        vips = List.copyOf(vips);
        requireRange("downTimerAdverts", downTimerAdverts, 1, 100);
        requireNonNegative("garpMasterDelay", garpMasterDelay);
        requireRange("garpMasterRepeat", garpMasterRepeat, 0, Integer.MAX_VALUE);
        requireNonNegative("garpMasterRefresh", garpMasterRefresh);
        requireRange("garpMasterRefreshRepeat", garpMasterRefreshRepeat, 0, Integer.MAX_VALUE);
        requireNonNegative("garpLowerPrioDelay", garpLowerPrioDelay);
        requireRange("garpLowerPrioRepeat", garpLowerPrioRepeat, 0, Integer.MAX_VALUE);
        requireNonNegative("startupDelay", startupDelay);
        Objects.requireNonNull(wire, "wire");
        if (version == 3 && wire.authType() != AuthType.NONE) {
            throw new IllegalArgumentException(name + ": VRRPv3 has no authentication");
        }
        if (wire.authType() == AuthType.IP_AH && family == StandardProtocolFamily.INET6) {
            throw new IllegalArgumentException(name + ": auth_type AH needs IPv4");
        }
        for (UnicastPeer p : wire.unicastPeers()) {
            if ((p.address() instanceof Inet6Address) != (family == StandardProtocolFamily.INET6)) {
                throw new IllegalArgumentException(name + ": unicast peer " + p.address() + " is not of family "
                        + family);
            }
        }
    }

    /* The wire side: one description, so what we accept and what we send cannot disagree ---- */

    /** The codec's name for {@link #family()}. */
    public IpFamily ipFamily() {
        return family == StandardProtocolFamily.INET6 ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** The addresses our adverts carry and received adverts must carry: {@link #vips()} in order. */
    public List<InetAddress> advertAddresses() {
        List<InetAddress> out = new ArrayList<>(vips.size());
        for (Vip v : vips) {
            out.add(v.address());
        }
        return out;
    }

    /** The advert we send, at priority 0 (each template write gives the priority). */
    public Advert advert() {
        // the AH key never goes on the wire: the templates carry it, not the advert
        String password = wire.authType() == AuthType.SIMPLE_PASSWORD ? wire.password() : "";
        return new Advert(version, vrid, 0, advertIntervalCs, wire.authType(), password, advertAddresses());
    }

    /**
     * What this instance accepts (keepalived's {@code vrrp_check_packet()} inputs), with
     * {@code lastMasterAddress} unset and the configured old-checksum mode. The receive
     * pipeline ({@link InstanceReceiver}) keeps the run-time parts current.
     */
    public ReceivePolicy receivePolicy() {
        ReceivePolicy.Builder b = ReceivePolicy.builder(ipFamily(), version, vrid)
                .interfaceName(wire.interfaceName())
                .advertIntervalCentis(advertIntervalCs)
                .vips(advertAddresses())
                .unicast(wire.unicast())
                .unicastPeers(wire.unicastPeers())
                .checkUnicastSrc(wire.checkUnicastSrc())
                .skipCheckAdvAddr(wire.skipCheckAdvAddr())
                .v3ChecksumAsV2(wire.v3ChecksumAsV2())
                .oldUnicastChecksum(wire.oldUnicastChecksum())
                .multicastGroup4(wire.multicastGroup4());
        if (wire.authType() == AuthType.SIMPLE_PASSWORD) {
            b.storedPassword(wire.password());
        } else if (wire.authType() == AuthType.IP_AH) {
            b.storedAhPassword(wire.password());
        } else {
            b.authType(wire.authType());
        }
        return b.build();
    }

    /**
     * The send templates, from {@link #primaryAddress()}: one to the multicast group, or one
     * per unicast peer in peer order (a v3/IPv6 checksum covers the destination). Unicast
     * IPv4 packets carry {@code unicast_ttl}. With {@code oldUnicastChecksum} (configured, or
     * detected at run time) v3 unicast over IPv4 is checksummed against the multicast group,
     * as keepalived before 1.3.6 did.
     *
     * @throws IllegalStateException if there is no primary address to send from
     */
    public List<AdvertTemplate> advertTemplates(boolean oldUnicastChecksum) {
        if (primaryAddress == null) {
            throw new IllegalStateException(name + ": no source address to send adverts from");
        }
        Advert advert = advert();
        boolean v6 = family == StandardProtocolFamily.INET6;
        if (!wire.unicast()) {
            InetAddress group = v6 ? wire.multicastGroup6() : wire.multicastGroup4();
            return List.of(withAhKey(AdvertTemplate.builder(advert, primaryAddress, group))
                    .v3ChecksumAsV2(wire.v3ChecksumAsV2()).build());
        }
        List<AdvertTemplate> out = new ArrayList<>(wire.unicastPeers().size());
        for (UnicastPeer p : wire.unicastPeers()) {
            AdvertTemplate.Builder b = withAhKey(AdvertTemplate.builder(advert, primaryAddress, p.address()))
                    .ttl(wire.unicastTtl())
                    .v3ChecksumAsV2(wire.v3ChecksumAsV2());
            if (oldUnicastChecksum && !v6 && version == 3) {
                b.checksumDestination(wire.multicastGroup4());
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    private AdvertTemplate.Builder withAhKey(AdvertTemplate.Builder b) {
        return wire.authType() == AuthType.IP_AH ? b.ahPassword(wire.password()) : b;
    }

    /** {@link #advertTemplates(boolean)} with the configured old-checksum mode. */
    public List<AdvertTemplate> advertTemplates() {
        return advertTemplates(wire.oldUnicastChecksum().usesOldChecksum());
    }

    /** Whether this instance is the address owner (priority 255). */
    public boolean isOwner() {
        return priority == PRIORITY_OWNER;
    }

    /** A builder with keepalived 2.2.7's defaults for everything but name and VRID. */
    public static Builder builder(String name, int vrid) {
        return new Builder(name, vrid);
    }

    /** A builder holding these settings, every value counting as explicitly set. */
    public Builder toBuilder() {
        Builder b = new Builder(name, vrid);
        b.version = version;
        b.family = family;
        b.priority = priority;
        b.advertIntervalCs = advertIntervalCs;
        b.initialState = initialState;
        b.nopreempt = nopreempt;
        b.preemptDelay = preemptDelay;
        b.primaryAddress = primaryAddress;
        b.vips = vips;
        b.downTimerAdverts = downTimerAdverts;
        b.lowerPrioNoAdvert = lowerPrioNoAdvert;
        b.higherPrioSendAdvert = higherPrioSendAdvert;
        b.garpMasterDelay = garpMasterDelay;
        b.garpMasterRepeat = garpMasterRepeat;
        b.garpMasterRefresh = garpMasterRefresh;
        b.garpMasterRefreshRepeat = garpMasterRefreshRepeat;
        b.garpLowerPrioDelay = garpLowerPrioDelay;
        b.garpLowerPrioRepeat = garpLowerPrioRepeat;
        b.minGarp = minGarp;
        b.startupDelay = startupDelay;
        b.wire = wire;
        b.notifyPriorityChanges = notifyPriorityChanges;
        b.strict = strict;
        return b;
    }

    private void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + what + " " + value + " outside " + min + ".." + max);
        }
    }

    private void requireNonNegative(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + ": " + what + " is negative");
        }
    }

    /**
     * Mutable builder. Defaults are keepalived 2.2.7's: v2, IPv4, priority 100, advert 1 s,
     * state BACKUP, down_timer_adverts 3, GARP 5 now + 5 after 5 s, no refresh, lower-priority
     * GARP following the master values. {@link #minGarp(boolean)} changes only the GARP values
     * that were not set explicitly, as {@code vrrp_min_garp} changes only defaults.
     */
    public static final class Builder {
        private final String name;
        private final int vrid;
        private int version = 2;
        private StandardProtocolFamily family = StandardProtocolFamily.INET;
        private int priority = 100;
        private int advertIntervalCs = 100;
        private VrrpState initialState = VrrpState.BACKUP;
        private boolean nopreempt;
        private Duration preemptDelay = Duration.ZERO;
        private InetAddress primaryAddress;
        private List<Vip> vips = List.of();
        private int downTimerAdverts = 3;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private Duration garpMasterDelay;
        private Integer garpMasterRepeat;
        private Duration garpMasterRefresh;
        private Integer garpMasterRefreshRepeat;
        private Duration garpLowerPrioDelay;
        private Integer garpLowerPrioRepeat;
        private boolean minGarp;
        private Duration startupDelay = Duration.ZERO;
        private WireSettings wire = WireSettings.DEFAULT;
        private boolean notifyPriorityChanges;
        private boolean strict;

        private Builder(String name, int vrid) {
            this.name = name;
            this.vrid = vrid;
        }

        public Builder version(int v) { this.version = v; return this; }
        public Builder family(StandardProtocolFamily f) { this.family = f; return this; }
        public Builder priority(int p) { this.priority = p; return this; }
        public Builder advertIntervalCs(int cs) { this.advertIntervalCs = cs; return this; }
        public Builder initialState(VrrpState s) { this.initialState = s; return this; }
        public Builder nopreempt(boolean b) { this.nopreempt = b; return this; }
        public Builder preemptDelay(Duration d) { this.preemptDelay = d; return this; }
        public Builder vips(List<Vip> v) { this.vips = v; return this; }
        public Builder downTimerAdverts(int n) { this.downTimerAdverts = n; return this; }
        public Builder lowerPrioNoAdvert(boolean b) { this.lowerPrioNoAdvert = b; return this; }
        public Builder higherPrioSendAdvert(boolean b) { this.higherPrioSendAdvert = b; return this; }
        public Builder garpMasterDelay(Duration d) { this.garpMasterDelay = d; return this; }
        public Builder garpMasterRepeat(int n) { this.garpMasterRepeat = n; return this; }
        public Builder garpMasterRefresh(Duration d) { this.garpMasterRefresh = d; return this; }
        public Builder garpMasterRefreshRepeat(int n) { this.garpMasterRefreshRepeat = n; return this; }
        public Builder garpLowerPrioDelay(Duration d) { this.garpLowerPrioDelay = d; return this; }
        public Builder garpLowerPrioRepeat(int n) { this.garpLowerPrioRepeat = n; return this; }
        public Builder minGarp(boolean b) { this.minGarp = b; return this; }
        public Builder startupDelay(Duration d) { this.startupDelay = d; return this; }
        public Builder wire(WireSettings w) { this.wire = w; return this; }
        public Builder notifyPriorityChanges(boolean b) { this.notifyPriorityChanges = b; return this; }
        public Builder strict(boolean b) { this.strict = b; return this; }

        /** Our source address; also sets the family to match it. */
        public Builder primaryAddress(InetAddress a) {
            this.primaryAddress = a;
            if (a instanceof Inet4Address) {
                family = StandardProtocolFamily.INET;
            } else if (a instanceof Inet6Address) {
                family = StandardProtocolFamily.INET6;
            }
            return this;
        }

        public InstanceSettings build() {
            // vrrp_min_garp: 1 GARP, no second burst, no refresh - for values left at default
            Duration masterDelay = garpMasterDelay != null ? garpMasterDelay
                    : minGarp ? Duration.ZERO : Duration.ofSeconds(5);
            int masterRepeat = garpMasterRepeat != null ? garpMasterRepeat : minGarp ? 1 : 5;
            Duration refresh = garpMasterRefresh != null ? garpMasterRefresh : Duration.ZERO;
            int refreshRepeat = garpMasterRefreshRepeat != null ? garpMasterRefreshRepeat : 1;
            Duration lowerDelay = garpLowerPrioDelay != null ? garpLowerPrioDelay : masterDelay;
            int lowerRepeat = garpLowerPrioRepeat != null ? garpLowerPrioRepeat : masterRepeat;
            return new InstanceSettings(name, vrid, version, family, priority, advertIntervalCs,
                    initialState, nopreempt, preemptDelay, primaryAddress, vips, downTimerAdverts,
                    lowerPrioNoAdvert, higherPrioSendAdvert, masterDelay, masterRepeat, refresh,
                    refreshRepeat, lowerDelay, lowerRepeat, minGarp, startupDelay, wire, notifyPriorityChanges,
                    strict);
        }
    }
}
