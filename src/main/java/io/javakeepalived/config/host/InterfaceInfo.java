package io.javakeepalived.config.host;

import java.util.Objects;

/**
 * What the configuration checks need to know about one network interface, as the kernel
 * reports it (sysfs {@code type}, {@code flags}, {@code mtu}).
 *
 * @param name              interface name
 * @param arpHardwareType   ARPHRD_* value: 1 Ethernet, 772 loopback
 * @param flags             IFF_* flags
 * @param mtu               MTU in bytes
 */
public record InterfaceInfo(String name, int arpHardwareType, int flags, int mtu) {
    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_MULTICAST = 0x1000;

    public InterfaceInfo {
        Objects.requireNonNull(name, "name");
    }

    /** A typical Ethernet interface (veth, physical NIC): multicast, MTU 1500. */
    public static InterfaceInfo ethernet(String name) {
        return new InterfaceInfo(name, ARPHRD_ETHER, 0x1003 /* UP|BROADCAST|MULTICAST */, 1500);
    }

    /** The loopback interface. */
    public static InterfaceInfo loopback(String name) {
        return new InterfaceInfo(name, ARPHRD_LOOPBACK, 0x9 /* UP|LOOPBACK */, 65536);
    }

    public boolean isLoopback() {
        return arpHardwareType == ARPHRD_LOOPBACK || (flags & IFF_LOOPBACK) != 0;
    }

    public boolean isEthernet() {
        return arpHardwareType == ARPHRD_ETHER;
    }

    public boolean supportsMulticast() {
        return (flags & IFF_MULTICAST) != 0;
    }
}
