package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A virtual address written without a prefix (so /32 or /128) that lies in none of the subnets
 * of the interface it goes on. Why it bites: it is added, but hosts on that link only ARP (or
 * solicit) for addresses of their own subnets, and with a host prefix no route on this node
 * covers the rest of its subnet, so the address may never be reachable. A VIP written with a
 * prefix of its own is taken as a deliberate extra subnet on the link and not warned about.
 * IPv6 link-local addresses of the interface count for nothing (every interface has one).
 */
final class VipOutsideInterfaceSubnets implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            for (IpAddressSpec vip : v.virtualAddresses()) {
                Optional<String> dev = Addresses.device(v, vip);
                if (dev.isEmpty() || vip.prefixLength() != vip.family().maxPrefix() || vip.address().isLinkLocalAddress()) {
                    continue;
                }
                List<IpPrefix> subnets = node.addresses(dev.get()).stream()
                        .filter(p -> p.family() == vip.family() && !p.address().isLinkLocalAddress()).toList();
                if (subnets.isEmpty() || subnets.stream().anyMatch(s -> Addresses.inSubnet(s, vip.address()))) {
                    continue; // nothing to compare with, or inside a subnet of the link
                }
                out.add(new ConfigWarning(vip.location(), "(" + v.name() + ") virtual address "
                        + Addresses.text(vip.address()) + " has no prefix and is outside every subnet of "
                        + dev.get() + " (" + subnets.stream().map(IpPrefix::toString).collect(Collectors.joining(", "))
                        + ") - it is added, but hosts on " + dev.get() + " do not ARP for an address outside their"
                        + " subnet, so it may never be reached; write it with the prefix of its subnet, or with"
                        + " dev on the interface of that subnet"));
            }
        }
        return out;
    }
}
