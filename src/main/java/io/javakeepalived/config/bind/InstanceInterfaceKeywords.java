package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a vrrp_instance sends from (vrrp_parser.c): the interface, a VRF, a VMAC or ipvlan
 * interface of its own, and the socket's receive buffer. An interface that does not exist is
 * looked up as keepalived's if_get_by_ifname does ({@link BindContext#useInterface}); a VMAC
 * name or MAC is checked here, its clash with the interface at completion.
 */
final class InstanceInterfaceKeywords {
    private InstanceInterfaceKeywords() {
    }

    /** This theme's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .line("use_vmac", InstanceInterfaceKeywords::useVmac)
            .line("use_vmac_addr", (v, n, c) -> v.vmacAddr = true)
            .line("vmac_xmit_base", (v, n, c) -> v.xmitBase = true)
            .line("use_ipvlan", InstanceInterfaceKeywords::useIpvlan)
            .line("interface", InstanceInterfaceKeywords::interfaceLine)
            .line("vrf", InstanceInterfaceKeywords::vrf)
            .line("linkbeat_use_polling", (v, n, c) -> {
                v.linkbeatPolling = true;
                c.deprecated(n.location(), "(" + v.name + ") 'linkbeat_use_polling' in vrrp instance deprecated"
                        + " - use a top-level linkbeat_interfaces { IF } block");
            })
            .line("kernel_rx_buf_size", (v, n, c) -> {
                if (n.argCount() == 1) {
                    OptionalLong s = Numbers.unsigned(c, n.location(), n.arg(0), 0, Numbers.UINT_MAX);
                    if (s.isPresent()) {
                        v.kernelRxBufSize = (int) Math.min(Integer.MAX_VALUE, s.getAsLong());
                        return;
                    }
                }
                c.error(n, "(" + v.name + ") invalid kernel_rx_buf_size specified, expected one size in bytes");
            });

    private static boolean devNameValid(String name) {
        return !name.isEmpty() && name.length() < 16 && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch));
    }

    private static void useVmac(VrrpDrafts.Instance v, ConfigNode n, BindContext c) {
        v.vmac = true;
        boolean macSet = false;
        for (int i = 0; i < n.argCount() && i < 2; i++) {
            String w = n.arg(i);
            if (w.indexOf(':') >= 0) {
                if (macSet) {
                    c.error(n, "(" + v.name + ") VMAC interface address already specified");
                    continue;
                }
                String[] parts = w.endsWith(":") ? w.substring(0, w.length() - 1).split(":", -1) : w.split(":", -1);
                boolean ok = (parts.length == 5 || parts.length == 6);
                int[] bytes = new int[parts.length];
                for (int k = 0; ok && k < parts.length; k++) {
                    ok = parts[k].matches("[0-9A-Fa-f]{1,2}");
                    if (ok) {
                        bytes[k] = Integer.parseInt(parts[k], 16);
                    }
                }
                if (!ok) {
                    c.error(n, "(" + v.name + ") VMAC invalid MAC address " + w + ", expected 5 or 6 hex octets"
                            + " - ignored");
                } else if ((bytes[0] & 1) != 0) {
                    c.error(n, "(" + v.name + ") VMAC MAC address is multicast " + w + " - ignoring");
                } else if (bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x5e && bytes[3] == 0
                        && (bytes[4] == 1 || bytes[4] == 2)) {
                    c.error(n, "(" + v.name + ") VMAC MAC address not allowed to be an RFC5798 address (" + w
                            + ") - ignoring");
                } else {
                    v.vmacMac = w;
                    v.vmacMacUsesVrid = parts.length == 5;
                    macSet = true;
                }
            } else {
                if (v.vmacName != null) {
                    c.error(n, "(" + v.name + ") VMAC interface name already specified");
                    continue;
                }
                if (!devNameValid(w)) {
                    c.error(n, "(" + v.name + ") VMAC interface name '" + w + "' too long or invalid characters"
                            + " - ignoring");
                    continue;
                }
                Optional<VrrpDrafts.Instance> other = c.instances.stream()
                        .filter(o -> o != v && w.equals(o.vmacName)).findFirst();
                if (other.isPresent()) {
                    c.error(n, "(" + v.name + ") VRRP instance " + other.get().name + " is already using " + w
                            + " - ignoring name");
                    continue;
                }
                v.vmacName = w;
            }
        }
    }

    private static void useIpvlan(VrrpDrafts.Instance v, ConfigNode n, BindContext c) {
        if (v.ipvlan != null) {
            c.error(n, "(" + v.name + ") use_ipvlan already specified");
            return;
        }
        String mode = "bridge";
        boolean hadMode = false;
        String name = null;
        IpPrefix addr = null;
        for (String w : n.args()) {
            if (w.equals("bridge") || w.equals("private") || w.equals("vepa")) {
                if (hadMode) {
                    c.error(n, "(" + v.name + ") ipvlan type already specified - ignoring '" + w + "'");
                } else {
                    mode = w;
                    hadMode = true;
                }
                continue;
            }
            Optional<IpPrefix> p = InetText.prefix(w, -1);
            if (p.isPresent()) {
                if (addr != null) {
                    c.error(n, "(" + v.name + ") ipvlan address already specified - ignoring '" + w + "'");
                    continue;
                }
                if (v.family == null) {
                    v.family = p.get().family();
                } else if (v.family != p.get().family()) {
                    c.error(n, "(" + v.name + ") ipvlan address [" + w + "] MUST match vrrp instance family !!!"
                            + " Skipping...");
                    continue;
                }
                addr = p.get();
                if (v.saddr == null) {
                    v.saddr = addr.address();
                }
                continue;
            }
            if (name != null) {
                c.error(n, "(" + v.name + ") IPVLAN interface already specified - ignoring '" + w + "'");
                continue;
            }
            if (w.length() >= 16) {
                c.error(n, "(" + v.name + ") IPVLAN interface name '" + w + "' too long - ignoring");
                continue;
            }
            name = w;
            v.vmacName = w;
        }
        v.ipvlan = new VrrpInstance.Ipvlan(Optional.ofNullable(name), Optional.ofNullable(addr), mode);
    }

    private static void interfaceLine(VrrpDrafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "an interface name");
        if (name.length() >= 16) {
            c.error(n, "(" + v.name + ") Interface name '" + name + "' too long, expected at most 15 characters"
                    + " - ignoring");
            return;
        }
        v.interfaceName = name;
        v.interfaceLocation = n.location();
        v.interfaceUsable = c.useInterface(name, n.location());
        if (!v.interfaceUsable) {
            c.error(n, "WARNING - interface " + name + " for vrrp_instance " + v.name + " doesn't exist");
            v.interfaceName = null;
            return;
        }
        Optional<InterfaceInfo> info = c.interfaceInfo(name);
        if (info.isPresent() && info.get().isLoopback()) {
            c.error(n, "(" + v.name + ") cannot use a loopback interface (" + name + ") for vrrp - ignoring");
            v.interfaceName = null;
            v.interfaceUsable = false;
        }
    }

    private static void vrf(VrrpDrafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "a VRF interface name");
        if (name.length() >= 16) {
            c.error(n, "(" + v.name + ") VRF interface name '" + name + "' too long - ignoring");
            return;
        }
        if (v.interfaceName != null) {
            c.error(n, "(" + v.name + ") Cannot specify VRF interface and interface - ignoring");
            return;
        }
        if (v.vrf != null) {
            c.error(n, "(" + v.name + ") VRF interface already specified as '" + v.vrf + "' - ignoring");
            return;
        }
        if (!c.useInterface(name, n.location())) {
            c.error(n, "(" + v.name + ") WARNING - VRF interface " + name + " doesn't exist");
            return;
        }
        if (c.interfaceInfo(name).map(InterfaceInfo::isLoopback).orElse(false)) {
            c.error(n, "(" + v.name + ") cannot use a loopback interface (" + name + ") for VRF - ignoring");
            return;
        }
        v.vrf = name;
    }
}
