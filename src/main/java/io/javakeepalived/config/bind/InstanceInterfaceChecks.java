package io.javakeepalived.config.bind;

import static io.javakeepalived.config.bind.InstanceCompletion.interfaceInfo;
import static io.javakeepalived.config.bind.InstanceCompletion.isUnicast;
import static io.javakeepalived.config.bind.InstanceCompletion.n;

import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The checks of vrrp_complete_instance that concern the instance's interface: what a vmac or
 * ipvlan allows, what the interface can carry (multicast, the MTU for the addresses of one
 * advert), which device each VIP goes on. None of them stops keepalived's VRRP process; a few
 * put the instance in fault state. {@link InstanceCompletion} runs them in keepalived's order.
 */
final class InstanceInterfaceChecks {
    private final BindContext c;

    InstanceInterfaceChecks(BindContext c) {
        this.c = c;
    }

    /** RFC 5798 fixes the virtual MAC (00-00-5E-00-01-VRID); strict mode allows no other. */
    void strictClearsVmacAddress(VrrpDrafts.Instance v) {
        if (v.strict && v.vmacMac != null) {
            c.error(v.location, n(v) + ": cannot specify MAC address with strict mode - clearing");
            v.vmacMac = null;
        }
    }

    void vmacNeedsEthernet(VrrpDrafts.Instance v) {
        Optional<InterfaceInfo> info = interfaceInfo(c, v);
        if ((v.vmac || v.ipvlan != null) && info.isPresent() && !info.get().isEthernet()) {
            v.vmac = false;
            v.ipvlan = null;
            v.vmacAddr = false;
            v.xmitBase = false;
            v.dontTrackPrimary = false;
            c.error(v.location, n(v) + ": vmacs are only supported on Ethernet type interfaces");
            v.configFaults++;
        }
    }

    void multicastCapableInterface(VrrpDrafts.Instance v) {
        Optional<InterfaceInfo> info = interfaceInfo(c, v);
        if (info.isPresent() && !info.get().supportsMulticast() && !isUnicast(v)) {
            c.error(v.location, n(v) + " interface " + v.interfaceName + " does not support multicast, specify unicast"
                    + " peers - disabling");
            v.configFaults++;
        }
    }

    /** RFC 5798 5.2.9: the first IPv6 address is the link-local one; an error only in strict mode. */
    void firstIpv6VipLinkLocal(VrrpDrafts.Instance v) {
        if (v.family == AddressFamily.IPV6 && !isUnicast(v) && !v.vips.isEmpty()
                && !InetText.isLinkLocal(v.vips.get(0).address())) {
            if (v.strict) {
                c.error(v.vips.get(0).location(), n(v) + " the first IPv6 VIP address must be link local");
            } else {
                c.note(v.vips.get(0).location(), n(v) + " the first IPv6 VIP address should be link local");
            }
        }
    }

    void vrfNeedsUnicastWithoutInterface(VrrpDrafts.Instance v) {
        if (v.vrf != null && (v.interfaceName != null || !isUnicast(v))) {
            c.error(v.location, n(v) + " vrf can only be specified with"
                    + (v.interfaceName != null ? "out interface" : " unicast") + " - clearing");
            v.vrf = null;
        }
    }

    /**
     * An advert carries at most 255 addresses and must fit the interface MTU (Ethernet, IP and
     * VRRP headers, the v2 authentication data, AH); keepalived moves the rest to the eVIPs.
     */
    void vipsFitInOnePacket(VrrpDrafts.Instance v) {
        int mtu = interfaceInfo(c, v).map(InterfaceInfo::mtu).orElse(1500);
        int hdr = v.family == AddressFamily.IPV4 ? 14 + 20 + 8 + (v.version == 2 ? 8 : 0)
                + (v.version == 2 && v.authType == VrrpInstance.AuthType.AH ? 24 : 0) : 14 + 40 + 8;
        int maxAddr = Math.min(255, Math.max(0, (mtu - hdr) / (v.family == AddressFamily.IPV4 ? 4 : 16)));
        if (v.vips.size() > maxAddr) {
            c.error(v.location, n(v) + " Number of VIPs (" + v.vips.size() + ") exceeds maximum/space available in"
                    + " packet (max " + maxAddr + " addresses) - excess moved to eVIPs");
            List<IpAddressSpec> excess = new ArrayList<>(v.vips.subList(maxAddr, v.vips.size()));
            v.vips.subList(maxAddr, v.vips.size()).clear();
            v.evips.addAll(excess);
        }
    }

    /** track_src_ip needs a source; the vmac options that keepalived resets for vmacs. */
    void vmacOptions(VrrpDrafts.Instance v) {
        if (v.saddr == null) {
            v.trackSaddr = false;
        }
        if (v.vmac || v.ipvlan != null) {
            if (v.vmac && v.strict && v.xmitBase) {
                c.error(v.location, n(v) + " xmit_base is incompatible with strict mode - resetting");
                v.xmitBase = false;
            }
            if (v.promoteSecondaries) {
                c.error(v.location, n(v) + " promote_secondaries is automatically set for vmacs - ignoring");
                v.promoteSecondaries = false;
            }
        }
    }

    void ipvlanNeedsIpv4Source(VrrpDrafts.Instance v) {
        if (v.ipvlan != null && v.family == AddressFamily.IPV4 && v.ipvlan.address().isEmpty()) {
            c.error(v.location, n(v) + " IPv4 ipvlan requires a source ip address to be configured. setting instance"
                    + " to fault state");
            v.configFaults++;
        }
    }

    /** The instance's own interface already faults it when down; tracking it again is dropped. */
    void ownInterfaceNotTracked(VrrpDrafts.Instance v) {
        if (v.interfaceName == null) {
            return;
        }
        v.trackers.interfaces.removeIf(t -> {
            if (t.name().equals(v.interfaceName)) {
                c.error(t.location(), n(v) + " Ignoring track_interface " + t.name() + " since own interface");
                return true;
            }
            return false;
        });
    }

    void xmitBaseNeedsVmac(VrrpDrafts.Instance v) {
        if (v.xmitBase && !v.vmac) {
            c.error(v.location, n(v) + " vmac_xmit_base is only valid with a vmac");
            v.xmitBase = false;
        }
    }

    /** Addresses without a dev go on the instance's interface, or its vmac for the same family. */
    void vipDevices(VrrpDrafts.Instance v) {
        String vmacIf = vmacName(c, v);
        replaceAll(v.vips, a -> assignDevice(v, a, vmacIf));
        replaceAll(v.evips, a -> assignDevice(v, a, vmacIf));
    }

    private static void replaceAll(List<IpAddressSpec> list, UnaryOperator<IpAddressSpec> f) {
        List<IpAddressSpec> out = new ArrayList<>();
        for (IpAddressSpec a : list) {
            out.add(f.apply(a));
        }
        list.clear();
        list.addAll(out);
    }

    private IpAddressSpec assignDevice(VrrpDrafts.Instance v, IpAddressSpec a, String vmacIf) {
        String n = n(v);
        boolean own = a.device().isEmpty() || a.device().get().equals(v.interfaceName);
        if (a.useVmac() && own && v.vmac && a.family() == v.family) {
            c.error(a.location(), n + " use_vmac specified for VIP/eVIP " + a.prefix() + " and vrrp instance");
        } else if (a.useVmac() && (!own || a.family() != v.family) && v.vmacAddr) {
            c.error(a.location(), n + " use_vmac_addr specified and use_vmac specified for VIP/eVIP " + a.prefix());
        }
        if (!own) {
            return a;
        }
        String dev = v.vmac && vmacIf != null && v.family == a.family() ? vmacIf : v.interfaceName;
        if (dev == null) {
            c.error(a.location(), n + ": no interface for vip " + a.prefix() + " - removing");
            return a;
        }
        return a.device().isPresent() && a.device().get().equals(dev) ? a : a.withDevice(dev);
    }

    /**
     * The vmac interface's name: vmac_name, else PREFIX.VRID (vrrp unless vmac_prefix); an IPv6
     * instance whose name would clash with another instance's vmac_name gets PREFIX6.VRID.
     */
    static String vmacName(BindContext c, VrrpDrafts.Instance v) {
        if (!v.vmac && v.ipvlan == null) {
            return null;
        }
        if (v.vmacName != null) {
            return v.vmacName;
        }
        String prefix = c.global.vmacPrefix != null ? c.global.vmacPrefix : "vrrp";
        String name = prefix + "." + v.vrid;
        boolean clash = c.instances.stream().anyMatch(o -> o != v && name.equals(o.vmacName));
        if (clash && v.family == AddressFamily.IPV6) {
            return prefix + "6." + v.vrid;
        }
        return name;
    }
}
