package io.javakeepalived.net;

/**
 * A network interface as rtnetlink reports it (struct ifinfomsg + IFLA_* attributes).
 *
 * @param index interface index
 * @param name IFLA_IFNAME
 * @param flags IFF_* from the header
 * @param operState IFLA_OPERSTATE (RFC 2863: {@link #OPER_UP} 6, {@link #OPER_DOWN} 2, …), -1 if absent
 * @param carrier IFLA_CARRIER, or IFF_LOWER_UP when the attribute is absent
 * @param mac IFLA_ADDRESS (hardware address), empty if none
 * @param mtu IFLA_MTU, 0 if absent
 * @param kind IFLA_LINKINFO/IFLA_INFO_KIND ("veth", "macvlan", "bridge"), null for plain devices
 * @param linkIndex IFLA_LINK (the lower device of a macvlan/vlan), 0 if none
 * @param masterIndex IFLA_MASTER (bridge/bond/VRF), 0 if none
 * @param arpType ifi_type, the ARPHRD_* hardware type: {@link #ARPHRD_ETHER} 1 (also veth, macvlan,
 *                bridge), {@link #ARPHRD_LOOPBACK} 772, tunnels others
 */
public record LinkInfo(int index, String name, int flags, int operState, boolean carrier, byte[] mac, int mtu,
                       String kind, int linkIndex, int masterIndex, int arpType) {
    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    public static final int OPER_UNKNOWN = 0;
    public static final int OPER_NOTPRESENT = 1;
    public static final int OPER_DOWN = 2;
    public static final int OPER_LOWERLAYERDOWN = 3;
    public static final int OPER_TESTING = 4;
    public static final int OPER_DORMANT = 5;
    public static final int OPER_UP = 6;

    public LinkInfo {
        mac = mac == null ? new byte[0] : mac.clone();
    }

    /** A link whose hardware type follows from its flags: loopback, else Ethernet (tests, fakes). */
    public LinkInfo(int index, String name, int flags, int operState, boolean carrier, byte[] mac, int mtu,
                    String kind, int linkIndex, int masterIndex) {
        this(index, name, flags, operState, carrier, mac, mtu, kind, linkIndex, masterIndex,
                (flags & IFF_LOOPBACK) != 0 ? ARPHRD_LOOPBACK : ARPHRD_ETHER);
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** Administratively up (IFF_UP). */
    public boolean isAdminUp() {
        return (flags & IFF_UP) != 0;
    }

    /**
     * Usable for VRRP: administratively up and running with carrier (IFF_UP and IFF_RUNNING),
     * which is keepalived's test (IF_ISUP = IFF_UP && IFF_RUNNING).
     */
    public boolean isUsable() {
        return (flags & IFF_UP) != 0 && (flags & IFF_RUNNING) != 0;
    }

    public boolean isNoArp() {
        return (flags & IFF_NOARP) != 0;
    }

    /** aa:bb:cc:dd:ee:ff. */
    public String macString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mac.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", mac[i] & 0xff));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkInfo l && l.index == index && l.name.equals(name) && l.flags == flags
                && l.operState == operState && l.carrier == carrier && java.util.Arrays.equals(l.mac, mac)
                && l.mtu == mtu && java.util.Objects.equals(l.kind, kind) && l.linkIndex == linkIndex
                && l.masterIndex == masterIndex && l.arpType == arpType;
    }

    @Override
    public int hashCode() {
        return index * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "LinkInfo[" + index + " " + name + " flags 0x" + Integer.toHexString(flags) + " oper " + operState
                + " carrier " + carrier + " mac " + macString() + " mtu " + mtu + (kind != null ? " " + kind : "")
                + (linkIndex != 0 ? " link " + linkIndex : "") + (masterIndex != 0 ? " master " + masterIndex : "") + "]";
    }
}
