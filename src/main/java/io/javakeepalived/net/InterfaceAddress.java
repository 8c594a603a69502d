package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address on an interface, as rtnetlink carries it (struct ifaddrmsg + IFA_* attributes).
 * Used both for requests ({@link AddressManager#addAddress}) and for what the kernel reports.
 *
 * @param ifindex interface index
 * @param address the local address (IFA_LOCAL, or IFA_ADDRESS for IPv6)
 * @param prefixLength prefix length (32/128 for a host address)
 * @param broadcast IPv4 broadcast (IFA_BROADCAST) or null
 * @param scope RT_SCOPE_* ({@link #SCOPE_UNIVERSE} 0 "global", {@link #SCOPE_LINK} 253, {@link #SCOPE_HOST} 254)
 * @param label IPv4 label (IFA_LABEL, e.g. "eth0:vip"), or null
 * @param flags IFA_F_* (full 32 bits: header byte plus IFA_FLAGS)
 * @param proto IFA_PROTO, the originator ({@link #PROTO_JAVAKEEPALIVED} for ours, 0 unknown)
 * @param preferredLifetime seconds the address stays preferred (IFA_CACHEINFO's ifa_prefered);
 *              {@link #FOREVER} by default; 0 = deprecated, never picked as a source address
 */
public record InterfaceAddress(int ifindex, InetAddress address, int prefixLength, InetAddress broadcast,
                               int scope, String label, int flags, int proto, long preferredLifetime) {
    /** The kernel's INFINITY_LIFE_TIME. */
    public static final long FOREVER = 0xFFFF_FFFFL;

    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_SITE = 200;
    public static final int SCOPE_LINK = 253;
    public static final int SCOPE_HOST = 254;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_OPTIMISTIC = 0x04;
    public static final int IFA_F_DADFAILED = 0x08;
    public static final int IFA_F_DEPRECATED = 0x20;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;

    /**
     * IFA_PROTO value marking addresses javakeepalived added (kernel ≥ 5.18 stores and reports it;
     * older kernels ignore the attribute). 18 is keepalived's number for routes
     * (RTPROT_KEEPALIVED), so one number means "keepalived" in both tables; name it with a line
     * {@code 18 keepalived} in /etc/iproute2/rt_addrprotos to make {@code ip addr} print a name.
     * Values 0-3 are the kernel's (unspec, kernel_lo, kernel_ra, kernel_ll).
     */
    public static final int PROTO_JAVAKEEPALIVED = 18;

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        int max = address instanceof Inet6Address ? 128 : 32;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address.getHostAddress());
        }
        if (broadcast != null && (address instanceof Inet6Address || broadcast instanceof Inet6Address)) {
            throw new IllegalArgumentException("broadcast is IPv4 only");
        }
        if (label != null && (label.isEmpty() || label.length() >= NetInterfaces.IFNAMSIZ)) {
            throw new IllegalArgumentException("label '" + label + "' must be 1-15 characters");
        }
        if (scope < 0 || scope > 255 || proto < 0 || proto > 255) {
            throw new IllegalArgumentException("scope/proto out of range");
        }
        if (preferredLifetime < 0 || preferredLifetime > FOREVER) {
            throw new IllegalArgumentException("preferred lifetime " + preferredLifetime);
        }
    }

    /** An address preferred forever (the kernel's default). */
    public InterfaceAddress(int ifindex, InetAddress address, int prefixLength, InetAddress broadcast, int scope,
                            String label, int flags, int proto) {
        this(ifindex, address, prefixLength, broadcast, scope, label, flags, proto, FOREVER);
    }

    /**
     * A virtual address as the daemon adds it: global scope, marked with
     * {@link #PROTO_JAVAKEEPALIVED}; IPv6 gets IFA_F_NODAD so it is usable at once (keepalived does
     * the same).
     */
    public static InterfaceAddress vip(int ifindex, InetAddress address, int prefixLength) {
        int flags = address instanceof Inet6Address ? IFA_F_NODAD : 0;
        return new InterfaceAddress(ifindex, address, prefixLength, null, SCOPE_UNIVERSE, null, flags, PROTO_JAVAKEEPALIVED);
    }

    public InterfaceAddress withBroadcast(InetAddress b) {
        return new InterfaceAddress(ifindex, address, prefixLength, b, scope, label, flags, proto, preferredLifetime);
    }

    public InterfaceAddress withScope(int s) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, s, label, flags, proto, preferredLifetime);
    }

    public InterfaceAddress withLabel(String l) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, scope, l, flags, proto, preferredLifetime);
    }

    public InterfaceAddress withFlags(int f) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, scope, label, f, proto, preferredLifetime);
    }

    public InterfaceAddress withProto(int p) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, scope, label, flags, p, preferredLifetime);
    }

    /** The same address with this preferred lifetime in seconds ({@link #FOREVER}, or 0 for deprecated). */
    public InterfaceAddress withPreferredLifetime(long seconds) {
        return new InterfaceAddress(ifindex, address, prefixLength, broadcast, scope, label, flags, proto, seconds);
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    public boolean isOurs() {
        return proto == PROTO_JAVAKEEPALIVED;
    }

    public boolean hasFlag(int f) {
        return (flags & f) == f;
    }

    /** Same interface, address and prefix length (what identifies an address to the kernel). */
    public boolean sameAddress(InterfaceAddress o) {
        return ifindex == o.ifindex && prefixLength == o.prefixLength && address.equals(o.address);
    }

    /** {@code 10.0.0.1/24}. */
    public String cidr() {
        return AddressText.ntop(address) + "/" + prefixLength;
    }
}
