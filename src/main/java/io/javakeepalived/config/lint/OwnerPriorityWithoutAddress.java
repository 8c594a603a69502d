package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Priority 255 (given, or keepalived's default for {@code state MASTER} without a priority) on
 * a node that does not own the virtual addresses. Why it bites: RFC 5798 reserves 255 for the
 * router whose real addresses the VIPs are; an instance at 255 takes over at once, ignoring
 * preempt_delay and nopreempt, and two nodes at 255 are both MASTER.
 */
final class OwnerPriorityWithoutAddress implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        if (node.allAddresses().isEmpty()) {
            return out; // nothing known about the node's addresses: ownership cannot be judged
        }
        for (VrrpInstance v : config.instances()) {
            if (!v.isAddressOwner()) {
                continue;
            }
            List<IpAddressSpec> notOwned = v.virtualAddresses().stream()
                    .filter(vip -> Addresses.ownAddress(node, vip.address()).isEmpty()).toList();
            if (!notOwned.isEmpty()) {
                out.add(new ConfigWarning(v.location(), "(" + v.name() + ") has priority 255 but this node does not"
                        + " own " + notOwned.stream().map(a -> Addresses.text(a.address()))
                        .collect(Collectors.joining(", ")) + " - RFC 5798 reserves 255 for the address owner: it"
                        + " preempts at once whatever preempt_delay or nopreempt say, and two nodes at 255 are both"
                        + " MASTER; write priority 254 or lower (state MASTER alone defaults to 255)"));
            }
        }
        return out;
    }
}
