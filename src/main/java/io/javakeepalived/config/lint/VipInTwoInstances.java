package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same virtual address on the same interface in two instances. Why it bites: the two
 * instances change state independently, so one deletes the address the other has just added
 * (and is still MASTER for).
 */
final class VipInTwoInstances implements Check {

    private record Key(InetAddress address, Optional<String> device) {
    }

    private record Owner(VrrpInstance instance, IpAddressSpec vip) {
    }

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        Map<Key, Owner> first = new HashMap<>();
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            for (IpAddressSpec vip : Addresses.all(v)) {
                Owner earlier = first.putIfAbsent(new Key(vip.address(), Addresses.device(v, vip)), new Owner(v, vip));
                if (earlier != null && earlier.instance() != v) {
                    out.add(new ConfigWarning(vip.location(), "(" + v.name() + ") virtual address "
                            + Addresses.text(vip.address()) + " is also a virtual address of " + earlier.instance().name()
                            + " (" + earlier.vip().location() + ") - the two instances fight over it: when one leaves"
                            + " MASTER it deletes the address the other still serves; give each address to one"
                            + " instance only (put the instances in a vrrp_sync_group to move them together)"));
                }
            }
        }
        return out;
    }
}
