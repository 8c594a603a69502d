package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * A virtual address equal to an address the node already has, on an instance that is not the
 * address owner (priority below 255). Why it bites: when the instance leaves MASTER (or stops) it
 * deletes the "VIP" - the node's own address - and whatever used it loses it.
 */
final class VipIsInterfaceAddress implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            if (v.isAddressOwner()) {
                continue; // RFC 5798's owner: its VIPs are its own addresses by definition
            }
            for (IpAddressSpec vip : Addresses.all(v)) {
                Addresses.ownAddress(node, vip.address()).ifPresent(own -> out.add(new ConfigWarning(
                        vip.location(), "(" + v.name() + ") virtual address " + Addresses.text(vip.address())
                        + " is already an address of this node - when the instance leaves MASTER or stops it"
                        + " deletes it, and the node loses its own address; use an address no interface has")));
            }
        }
        return out;
    }
}
