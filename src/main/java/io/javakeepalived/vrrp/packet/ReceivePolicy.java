package io.javakeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a receiving VRRP instance expects of an advert: the inputs of keepalived's
 * {@code vrrp_check_packet()}. Immutable; rebuild (or use the {@code with…} methods) when
 * config or the remembered master changes.
 *
 * @param interfaceName      for log lines only ("Unknown VRID(52) received on interface(eth0)")
 * @param family             the instance's address family (sockets are per family)
 * @param version            2 or 3
 * @param vrid               virtual_router_id
 * @param authType           v2 auth_type; NONE for v3
 * @param password           v2 PASS, or the AH key: keepalived's stored form, see {@link Advert#passwordFromConfig}
 * @param advertIntervalCentis advert_int in centiseconds; only VRRPv2 checks it (v3 adopts the master's)
 * @param vips               virtual_ipaddress (the addresses put in adverts), in config order
 * @param unicast            the instance uses unicast peers (keepalived's VRRP_FLAG_UNICAST)
 * @param unicastPeers       unicast_peer entries
 * @param checkUnicastSrc    check_unicast_src in the instance or vrrp_check_unicast_src in
 *                           global_defs; peers with min_ttl/max_ttl turn it on as well
 * @param skipCheckAdvAddr   skip_check_adv_addr
 * @param lastMasterAddress  keepalived's {@code master_saddr}: the source of the last advert a
 *                           BACKUP accepted (or discarded as lower priority); null if none. With
 *                           skip_check_adv_addr, adverts from this address skip the address
 *                           checks. <b>Pass null in MASTER state</b>: keepalived's master always
 *                           checks addresses.
 * @param v3ChecksumAsV2     v3_checksum_as_v2 (keepalived 2.2.8+): VRRPv3 over IPv4 checksummed
 *                           without the pseudo-header
 * @param oldUnicastChecksum old_unicast_checksum handling for VRRPv3 unicast over IPv4
 * @param multicastGroup4    vrrp_mcast_group4 (224.0.0.18), used by the old unicast checksum
 */
public record ReceivePolicy(
        String interfaceName,
        IpFamily family,
        int version,
        int vrid,
        AuthType authType,
        String password,
        int advertIntervalCentis,
        List<InetAddress> vips,
        boolean unicast,
        List<UnicastPeer> unicastPeers,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        InetAddress lastMasterAddress,
        boolean v3ChecksumAsV2,
        OldUnicastChecksum oldUnicastChecksum,
        Inet4Address multicastGroup4) {

    /**
     * keepalived's {@code unicast_chksum_compat}: VRRPv3 unicast over IPv4 from keepalived up to
     * 1.3.5 used the multicast group instead of the peer as pseudo-header destination.
     */
    public enum OldUnicastChecksum {
        /** default: new checksum, but switch to the old one when a peer's advert only verifies that way */
        DETECT,
        /** {@code old_unicast_checksum never}: new checksum, never switch */
        NEVER,
        /** {@code old_unicast_checksum}: old checksum from the start */
        CONFIGURED,
        /** switched after {@link Verdict.Accepted#switchToOldUnicastChecksum()} */
        DETECTED;

        /** True if the multicast group is the pseudo-header destination. */
        public boolean usesOldChecksum() {
            return this == CONFIGURED || this == DETECTED;
        }
    }

    public ReceivePolicy {
        interfaceName = interfaceName == null ? "" : interfaceName;
        Objects.requireNonNull(family, "family");
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        if (vrid < 0 || vrid > 255) {
            throw new IllegalArgumentException("vrid out of range: " + vrid);
        }
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(password, "password");
        if (version == 3 && authType != AuthType.NONE) {
            throw new IllegalArgumentException("VRRPv3 has no authentication");
        }
        Advert.checkPassword(password);
        if (advertIntervalCentis < 0) {
            throw new IllegalArgumentException("negative advert interval");
        }
        vips = AddressList.copyOf(vips);
        for (InetAddress a : vips) {
            if (!family.matches(a)) {
                throw new IllegalArgumentException("VIP " + a + " is not " + family);
            }
        }
        if (vips.size() > 255) {
            throw new IllegalArgumentException("more than 255 VIPs");
        }
        unicastPeers = List.copyOf(unicastPeers);
        for (UnicastPeer p : unicastPeers) {
            if (!family.matches(p.address())) {
                throw new IllegalArgumentException("unicast peer " + p.address() + " is not " + family);
            }
        }
        Objects.requireNonNull(oldUnicastChecksum, "oldUnicastChecksum");
        Objects.requireNonNull(multicastGroup4, "multicastGroup4");
    }

    /** True if unicast sources are checked: check_unicast_src (instance/global) or a peer TTL range. */
    public boolean effectiveCheckUnicastSrc() {
        if (checkUnicastSrc) {
            return true;
        }
        for (UnicastPeer p : unicastPeers) {
            if (p.hasTtlRange()) {
                return true;
            }
        }
        return false;
    }

    public ReceivePolicy withLastMasterAddress(InetAddress address) {
        return new ReceivePolicy(interfaceName, family, version, vrid, authType, password, advertIntervalCentis,
                vips, unicast, unicastPeers, checkUnicastSrc, skipCheckAdvAddr, address, v3ChecksumAsV2,
                oldUnicastChecksum, multicastGroup4);
    }

    public ReceivePolicy withOldUnicastChecksum(OldUnicastChecksum mode) {
        return new ReceivePolicy(interfaceName, family, version, vrid, authType, password, advertIntervalCentis,
                vips, unicast, unicastPeers, checkUnicastSrc, skipCheckAdvAddr, lastMasterAddress, v3ChecksumAsV2,
                mode, multicastGroup4);
    }

    public static Builder builder(IpFamily family, int version, int vrid) {
        return new Builder(family, version, vrid);
    }

    /** Builder with keepalived's defaults: no auth, advert_int 1 s, multicast, DETECT, 224.0.0.18. */
    public static final class Builder {
        private String interfaceName = "";
        private final IpFamily family;
        private final int version;
        private final int vrid;
        private AuthType authType = AuthType.NONE;
        private String password = "";
        private int advertIntervalCentis = 100;
        private List<InetAddress> vips = List.of();
        private Boolean unicast;
        private List<UnicastPeer> unicastPeers = List.of();
        private boolean checkUnicastSrc;
        private boolean skipCheckAdvAddr;
        private InetAddress lastMasterAddress;
        private boolean v3ChecksumAsV2;
        private OldUnicastChecksum oldUnicastChecksum = OldUnicastChecksum.DETECT;
        private Inet4Address multicastGroup4 = VrrpCodec.MCAST_GROUP4;

        private Builder(IpFamily family, int version, int vrid) {
            this.family = family;
            this.version = version;
            this.vrid = vrid;
        }

        public Builder interfaceName(String v) {
            interfaceName = v;
            return this;
        }

        /** auth_type PASS with the configured auth_pass (converted by {@link Advert#passwordFromConfig}). */
        public Builder password(String configuredAuthPass) {
            authType = AuthType.SIMPLE_PASSWORD;
            password = Advert.passwordFromConfig(configuredAuthPass);
            return this;
        }

        /** auth_type PASS with a password already in stored form (ISO-8859-1 chars, as in {@link Advert#password()}). */
        public Builder storedPassword(String stored) {
            authType = AuthType.SIMPLE_PASSWORD;
            password = stored;
            return this;
        }

        public Builder authType(AuthType v) {
            authType = v;
            if (v != AuthType.SIMPLE_PASSWORD) {
                password = "";
            }
            return this;
        }

        /** auth_type AH keyed with a password already in stored form (see {@link AuthenticationHeader#key}). */
        public Builder storedAhPassword(String stored) {
            authType = AuthType.IP_AH;
            password = stored;
            return this;
        }

        public Builder advertIntervalCentis(int v) {
            advertIntervalCentis = v;
            return this;
        }

        public Builder vips(List<InetAddress> v) {
            vips = v;
            return this;
        }

        /** Sets the peers; unless {@link #unicast(boolean)} is called, unicast = peers not empty. */
        public Builder unicastPeers(List<UnicastPeer> v) {
            unicastPeers = v;
            return this;
        }

        public Builder unicast(boolean v) {
            unicast = v;
            return this;
        }

        public Builder checkUnicastSrc(boolean v) {
            checkUnicastSrc = v;
            return this;
        }

        public Builder skipCheckAdvAddr(boolean v) {
            skipCheckAdvAddr = v;
            return this;
        }

        public Builder lastMasterAddress(InetAddress v) {
            lastMasterAddress = v;
            return this;
        }

        public Builder v3ChecksumAsV2(boolean v) {
            v3ChecksumAsV2 = v;
            return this;
        }

        public Builder oldUnicastChecksum(OldUnicastChecksum v) {
            oldUnicastChecksum = v;
            return this;
        }

        public Builder multicastGroup4(Inet4Address v) {
            multicastGroup4 = v;
            return this;
        }

        public ReceivePolicy build() {
            boolean uc = unicast != null ? unicast : !unicastPeers.isEmpty();
            return new ReceivePolicy(interfaceName, family, version, vrid, authType, password, advertIntervalCentis,
                    vips, uc, unicastPeers, checkUnicastSrc, skipCheckAdvAddr, lastMasterAddress, v3ChecksumAsV2,
                    oldUnicastChecksum, multicastGroup4);
        }
    }
}
