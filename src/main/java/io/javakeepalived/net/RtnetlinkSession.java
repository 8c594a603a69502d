package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * An open rtnetlink request channel as the VRRP loop uses it: the {@link AddressManager} and
 * {@link RouteManager} requests, the addresses a killed predecessor left, the VMAC (macvlan) links,
 * and closing. {@link Rtnetlink} is the real
 * one; a test may put a table in memory behind it.
 */
public interface RtnetlinkSession extends AddressManager, RouteManager, Closeable {

    /** macvlan modes (IFLA_MACVLAN_MODE). keepalived's VMACs use {@link #MACVLAN_PRIVATE}. */
    int MACVLAN_PRIVATE = 1;
    int MACVLAN_VEPA = 2;
    int MACVLAN_BRIDGE = 4;
    int MACVLAN_PASSTHRU = 8;

    /** The addresses this daemon (or a killed predecessor) added: those with our IFA_PROTO. */
    List<InterfaceAddress> ourAddresses() throws IOException;

    /**
     * Creates a macvlan {@code name} on {@code parentIndex}, down; returns it as the kernel
     * reports it. Fails with {@link Errno#EEXIST} when the name is taken.
     *
     * @param mac its Ethernet address, or null for one the kernel chooses
     * @param mode {@link #MACVLAN_PRIVATE} etc.
     */
    LinkInfo createMacvlan(String name, int parentIndex, byte[] mac, int mode) throws IOException;

    /** Sets or clears IFF_UP of the link with this index. */
    void setLinkUp(int index, boolean up) throws IOException;

    /** Deletes the link with this index. */
    void deleteLink(int index) throws IOException;

    @Override
    void close();
}
