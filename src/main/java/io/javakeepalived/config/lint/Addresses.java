package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Address facts the checks share: subnets, the node's own addresses, where a VIP goes. */
final class Addresses {
    private Addresses() {
    }

    /** Whether {@code address} lies in {@code subnet} (same family, same leading prefixLength bits). */
    static boolean inSubnet(IpPrefix subnet, InetAddress address) {
        byte[] net = subnet.address().getAddress();
        byte[] a = address.getAddress();
        if (net.length != a.length) {
            return false;
        }
        int bits = subnet.prefixLength();
        for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((net[i] & mask) != (a[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The node's own address equal to {@code address}, if it has one. */
    static Optional<IpPrefix> ownAddress(NodeView node, InetAddress address) {
        return node.allAddresses().stream().filter(p -> p.address().equals(address)).findFirst();
    }

    /** The interface a VIP is added to: its dev, else the instance's interface. */
    static Optional<String> device(VrrpInstance instance, IpAddressSpec vip) {
        return vip.device().isPresent() ? vip.device() : instance.interfaceName();
    }

    /** virtual_ipaddress and virtual_ipaddress_excluded: every address the instance adds. */
    static List<IpAddressSpec> all(VrrpInstance instance) {
        return java.util.stream.Stream.concat(instance.virtualAddresses().stream(),
                instance.excludedAddresses().stream()).toList();
    }

    /** The address as written in messages. */
    static String text(InetAddress a) {
        return io.javakeepalived.config.model.Text.address(a);
    }
}
