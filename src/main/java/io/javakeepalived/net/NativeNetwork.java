package io.javakeepalived.net;

import java.io.IOException;

/**
 * What the VRRP loop opens from the native layer: the rtnetlink channels, the raw VRRP sockets,
 * the gratuitous ARP / NA senders, the interface sysctls, the wake-up fd and the poll set. The loop receives one from
 * the composition root ({@code cli}) and never names a concrete class of this package, so a test
 * can hand it fakes. Each call opens in the calling thread's network namespace.
 * {@link LinuxNetwork} is the real one.
 */
public interface NativeNetwork {

    RtnetlinkSession openRtnetlink() throws IOException;

    LinkMonitor openLinkMonitor() throws IOException;

    VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException;

    /** A gratuitous ARP sender on the interface with this index, name and Ethernet address. */
    LinkLayerAnnouncer openGratuitousArp(int ifindex, String ifname, byte[] mac) throws ErrnoException;

    /** An unsolicited Neighbour Advertisement sender; {@code router} sets the R flag. */
    LinkLayerAnnouncer openNeighbourAdvert(int ifindex, String ifname, byte[] mac, boolean router)
            throws ErrnoException;

    /** The per-interface kernel settings (arp_ignore, rp_filter, ...) a VMAC needs. */
    InterfaceSysctls sysctls();

    WakeUpFd openWakeUp() throws ErrnoException;

    /** The nf_tables channel for keepalived's no_accept table (nothing is sent until it is used). */
    VipDropTable openVipDropTable(VipDropRules rules) throws ErrnoException;

    PollSet newPollSet();
}
