package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unicast set-ups that accept forged adverts. Multicast adverts must arrive with TTL 255, so only
 * a host on the link can send one; unicast adverts are held to no TTL (they may cross routers),
 * and keepalived by default takes them from any source address. Why it bites: one forged advert
 * with priority 255 makes the master go BACKUP and drop its VIPs, and under VRRPv3 it can carry
 * a long interval that keeps every backup waiting. Both settings stay keepalived's (a config may
 * want them); this says so at load. An instance authenticated with AH is not warned: a forger
 * needs its key.
 *
 * <ul>
 * <li>unicast without {@code check_unicast_src} (nor a peer TTL range, which turns the check on):
 *     any host that can route a packet to this node is heard;</li>
 * <li>a peer on one of the interface's subnets with no TTL range: the source is checked, but a
 *     host beyond a router can still forge that source address; the peer is one hop away, so its
 *     adverts arrive with the TTL it sends (keepalived's unicast_ttl, 255 by default) and
 *     {@code min_ttl} can prove it.</li>
 * </ul>
 */
final class UnsafeUnicast implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            if (!v.unicast() || v.unicastPeers().isEmpty() || authenticatedWithAh(v)) {
                continue;
            }
            if (!v.checkUnicastSource()) {
                out.add(new ConfigWarning(v.unicastPeers().get(0).location(), "(" + v.name() + ") unicast_peer"
                        + " without check_unicast_src accepts adverts from any source address, and unicast"
                        + " adverts are not held to TTL 255 - any host that can send this node a packet can forge"
                        + " an advert with priority 255 that makes it BACKUP and drops its VIPs; add"
                        + " check_unicast_src so that only the unicast_peer addresses are heard"));
                continue;
            }
            for (VrrpInstance.UnicastPeer p : v.unicastPeers()) {
                if (p.minTtl() == 0 && p.maxTtl() == 255 && Addresses.ownAddress(node, p.address()).isEmpty()) {
                    onLinkSubnet(v, p, node).ifPresent(subnet -> out.add(new ConfigWarning(p.location(),
                            "(" + v.name() + ") unicast_peer " + Addresses.text(p.address()) + " is in the subnet"
                            + " of " + v.interfaceName().orElse("") + "'s " + Addresses.text(subnet.address()) + "/"
                            + subnet.prefixLength() + " but the TTL of its adverts is not checked - a host beyond"
                            + " a router can forge adverts with that source address; add min_ttl 255 (the peer's"
                            + " unicast_ttl, if it sets one) to hear only adverts sent on the link")));
                }
            }
        }
        return out;
    }

    private static boolean authenticatedWithAh(VrrpInstance v) {
        return v.authentication().map(a -> a.type() == VrrpInstance.AuthType.AH).orElse(false);
    }

    private static Optional<IpPrefix> onLinkSubnet(VrrpInstance v, VrrpInstance.UnicastPeer p, NodeView node) {
        if (v.interfaceName().isEmpty()) {
            return Optional.empty();
        }
        return node.addresses(v.interfaceName().get()).stream().filter(s -> Addresses.inSubnet(s, p.address()))
                .findFirst();
    }
}
