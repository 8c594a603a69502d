package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code heartbeat_path INTERFACE PEER [PEER...]} in a vrrp_instance: javakeepalived's second
 * heartbeat path ({@link HeartbeatPath}); one line per path. It is a line, never a block:
 * keepalived 2.2.7 ignores the '{' of a block it does not know but not its '}', which would end
 * the vrrp_instance early and lose what follows; a line only costs an "Unknown keyword" warning.
 *
 * <p>Read here: the interface (it must exist, as a tracked interface must) and the peers.
 * Checked at completion ({@link #complete}), when the instance's family is known: peers of the
 * other family are dropped, and so is every path of an {@code auth_type AH} instance (the AH ICV
 * covers the IP header a path advert changes).
 */
final class HeartbeatPathKeyword {
    private HeartbeatPathKeyword() {
    }

    static final String SYNTAX = "heartbeat_path INTERFACE PEER_ADDRESS [PEER_ADDRESS...]";

    /** This keyword's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .line("heartbeat_path", HeartbeatPathKeyword::line);

    private static void line(VrrpDrafts.Instance v, ConfigNode n, BindContext c) {
        String owner = "(" + v.name + ") ";
        SourceLocation at = n.location();
        if (n.hasBlock()) {
            c.error(at, owner + "heartbeat_path takes one line per path (" + SYNTAX + "), not a block: keepalived"
                    + " would end the vrrp_instance at its '}' - ignoring");
            return;
        }
        if (n.argCount() < 2) {
            c.error(at, owner + "heartbeat_path needs an interface and at least one peer address, expected "
                    + SYNTAX + " - ignoring");
            return;
        }
        String ifname = n.arg(0);
        if (ifname.length() >= 16) {
            c.error(at, owner + "heartbeat_path interface name '" + ifname + "' too long, expected at most 15"
                    + " characters - ignoring");
            return;
        }
        if (!c.useInterface(ifname, at)) {
            c.error(at, owner + "heartbeat_path interface " + ifname + " doesn't exist - ignoring");
            return;
        }
        if (c.interfaceInfo(ifname).map(i -> i.isLoopback()).orElse(false)) {
            c.error(at, owner + "heartbeat_path cannot use a loopback interface (" + ifname + ") - ignoring");
            return;
        }
        if (v.heartbeatPaths.stream().anyMatch(p -> p.interfaceName().equals(ifname))) {
            c.error(at, owner + "duplicate heartbeat_path on " + ifname + ", expected one line per interface"
                    + " with all its peers - ignoring");
            return;
        }
        List<InetAddress> peers = new ArrayList<>();
        for (int i = 1; i < n.argCount(); i++) {
            String w = n.arg(i);
            Optional<InetAddress> a = InetText.parse(w);
            if (a.isEmpty()) {
                c.error(at, owner + "heartbeat_path peer '" + w + "' is not an IPv4 or IPv6 address - ignoring it");
            } else if (a.get().isMulticastAddress() || a.get().isAnyLocalAddress()) {
                c.error(at, owner + "heartbeat_path peer " + w + " is not a unicast address - ignoring it");
            } else if (peers.contains(a.get())) {
                c.error(at, owner + "heartbeat_path peer " + w + " given twice - ignoring the second");
            } else {
                peers.add(a.get());
            }
        }
        if (!peers.isEmpty()) {
            v.heartbeatPaths.add(new HeartbeatPath(ifname, peers, at));
        }
    }

    /** Completion: peers of the instance's family only; no paths for auth_type AH. */
    static void complete(VrrpDrafts.Instance v, BindContext c) {
        AddressFamily family = v.family != null ? v.family : AddressFamily.IPV4;
        List<HeartbeatPath> kept = new ArrayList<>();
        for (HeartbeatPath p : v.heartbeatPaths) {
            if (v.authType == VrrpInstance.AuthType.AH) {
                c.error(p.location(), "(" + v.name + ") heartbeat_path cannot be used with auth_type AH (its"
                        + " ICV covers the IP header, which differs on the path) - ignoring");
                continue;
            }
            List<InetAddress> peers = new ArrayList<>();
            for (InetAddress a : p.peers()) {
                if (AddressFamily.of(a) == family) {
                    peers.add(a);
                } else {
                    c.error(p.location(), "(" + v.name + ") heartbeat_path peer " + Text.address(a) + " is not "
                            + (family == AddressFamily.IPV4 ? "IPv4" : "IPv6") + " like the instance - ignoring it");
                }
            }
            if (!peers.isEmpty()) {
                kept.add(new HeartbeatPath(p.interfaceName(), peers, p.location()));
            }
        }
        v.heartbeatPaths.clear();
        v.heartbeatPaths.addAll(kept);
    }
}
