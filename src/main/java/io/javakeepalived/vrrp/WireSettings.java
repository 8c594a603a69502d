package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.ReceivePolicy.OldUnicastChecksum;
import io.javakeepalived.vrrp.packet.UnicastPeer;
import io.javakeepalived.vrrp.packet.VrrpCodec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * How one {@code vrrp_instance} talks on the wire, beyond what {@link InstanceSettings} already
 * says for the state machine (VRID, version, family, interval, source address, VIPs). Together
 * they are the one description from which both the receive policy and the adverts we send are
 * derived ({@link InstanceSettings#receivePolicy()}, {@link InstanceSettings#advertTemplates(boolean)}),
 * so the two cannot disagree. Immutable.
 *
 * @param interfaceName      {@code interface}: the socket's interface (log lines name it)
 * @param authType           v2 {@code authentication { auth_type }}; NONE for v3. AH needs IPv4
 * @param password           v2 {@code auth_pass} in keepalived's stored form (bytes cut to 8,
 *                           see {@link Advert#passwordFromConfig}): the PASS password or the AH
 *                           key; "" without authentication
 * @param unicast            the instance uses unicast (a {@code unicast_peer} block)
 * @param unicastPeers       {@code unicast_peer} entries; one advert goes to each
 * @param unicastTtl         {@code unicast_ttl}: IPv4 TTL of unicast adverts (multicast: always 255)
 * @param checkUnicastSrc    {@code check_unicast_src} (or global {@code vrrp_check_unicast_src})
 * @param skipCheckAdvAddr   {@code skip_check_adv_addr}
 * @param v3ChecksumAsV2     {@code v3_checksum_as_v2}
 * @param oldUnicastChecksum {@code old_unicast_checksum}: DETECT (default), NEVER or CONFIGURED;
 *                           DETECTED is a run-time state, not a setting
 * @param multicastGroup4    {@code vrrp_mcast_group4} (224.0.0.18)
 * @param multicastGroup6    {@code vrrp_mcast_group6} (ff02::12)
 */
public record WireSettings(
        String interfaceName,
        AuthType authType,
        String password,
        boolean unicast,
        List<UnicastPeer> unicastPeers,
        int unicastTtl,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        boolean v3ChecksumAsV2,
        OldUnicastChecksum oldUnicastChecksum,
        Inet4Address multicastGroup4,
        Inet6Address multicastGroup6) {

    /** keepalived's defaults: multicast to 224.0.0.18 / ff02::12, no authentication, no interface name. */
    public static final WireSettings DEFAULT = builder().build();

    public WireSettings {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(password, "password");
        if (authType == AuthType.NONE && !password.isEmpty()) {
            throw new IllegalArgumentException("auth_pass given without auth_type");
        }
        if (password.length() > Advert.MAX_PASSWORD_LENGTH || !password.chars().allMatch(c -> c <= 0xFF)
                || password.endsWith("\0")) {
            throw new IllegalArgumentException("password not in stored form (use Builder.authPass)");
        }
        unicastPeers = List.copyOf(unicastPeers);
        if (!unicast && !unicastPeers.isEmpty()) {
            throw new IllegalArgumentException("unicast peers on a multicast instance");
        }
        if (unicastTtl < 1 || unicastTtl > 255) {
            throw new IllegalArgumentException("unicast_ttl outside 1..255: " + unicastTtl);
        }
        Objects.requireNonNull(oldUnicastChecksum, "oldUnicastChecksum");
        if (oldUnicastChecksum == OldUnicastChecksum.DETECTED) {
            throw new IllegalArgumentException("DETECTED is a run-time state, not a setting");
        }
        Objects.requireNonNull(multicastGroup4, "multicastGroup4");
        Objects.requireNonNull(multicastGroup6, "multicastGroup6");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.interfaceName = interfaceName;
        b.authType = authType;
        b.password = password;
        b.unicast = unicast;
        b.unicastPeers = unicastPeers;
        b.unicastTtl = unicastTtl;
        b.checkUnicastSrc = checkUnicastSrc;
        b.skipCheckAdvAddr = skipCheckAdvAddr;
        b.v3ChecksumAsV2 = v3ChecksumAsV2;
        b.oldUnicastChecksum = oldUnicastChecksum;
        b.multicastGroup4 = multicastGroup4;
        b.multicastGroup6 = multicastGroup6;
        return b;
    }

    /** Mutable builder with keepalived's defaults. */
    public static final class Builder {
        private String interfaceName = "";
        private AuthType authType = AuthType.NONE;
        private String password = "";
        private Boolean unicast;
        private List<UnicastPeer> unicastPeers = List.of();
        private int unicastTtl = VrrpCodec.VRRP_TTL;
        private boolean checkUnicastSrc;
        private boolean skipCheckAdvAddr;
        private boolean v3ChecksumAsV2;
        private OldUnicastChecksum oldUnicastChecksum = OldUnicastChecksum.DETECT;
        private Inet4Address multicastGroup4 = VrrpCodec.MCAST_GROUP4;
        private Inet6Address multicastGroup6 = VrrpCodec.MCAST_GROUP6;

        private Builder() {
        }

        public Builder interfaceName(String v) { interfaceName = v; return this; }

        /** auth_type PASS with the configured auth_pass (converted as keepalived stores it). */
        public Builder authPass(String configured) {
            authType = AuthType.SIMPLE_PASSWORD;
            password = Advert.passwordFromConfig(configured);
            return this;
        }

        /** auth_type AH keyed with the configured auth_pass (converted as keepalived stores it). */
        public Builder ahPass(String configured) {
            authType = AuthType.IP_AH;
            password = Advert.passwordFromConfig(configured);
            return this;
        }

        /** The auth type; anything but PASS clears the password. */
        public Builder authType(AuthType v) {
            authType = v;
            if (v != AuthType.SIMPLE_PASSWORD) {
                password = "";
            }
            return this;
        }

        /** Sets the peers; unless {@link #unicast(boolean)} is called, unicast = peers not empty. */
        public Builder unicastPeers(List<UnicastPeer> v) { unicastPeers = v; return this; }
        public Builder unicast(boolean v) { unicast = v; return this; }
        public Builder unicastTtl(int v) { unicastTtl = v; return this; }
        public Builder checkUnicastSrc(boolean v) { checkUnicastSrc = v; return this; }
        public Builder skipCheckAdvAddr(boolean v) { skipCheckAdvAddr = v; return this; }
        public Builder v3ChecksumAsV2(boolean v) { v3ChecksumAsV2 = v; return this; }
        public Builder oldUnicastChecksum(OldUnicastChecksum v) { oldUnicastChecksum = v; return this; }
        public Builder multicastGroup4(Inet4Address v) { multicastGroup4 = v; return this; }
        public Builder multicastGroup6(Inet6Address v) { multicastGroup6 = v; return this; }

        public WireSettings build() {
            boolean uc = unicast != null ? unicast : !unicastPeers.isEmpty();
            return new WireSettings(interfaceName, authType, password, uc, unicastPeers, unicastTtl,
                    checkUnicastSrc, skipCheckAdvAddr, v3ChecksumAsV2, oldUnicastChecksum, multicastGroup4,
                    multicastGroup6);
        }
    }
}
