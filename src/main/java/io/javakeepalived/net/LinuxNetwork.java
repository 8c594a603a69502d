package io.javakeepalived.net;

/** The {@link NativeNetwork} of this package: the real sockets, through jnr-ffi. */
public final class LinuxNetwork implements NativeNetwork {

    @Override
    public RtnetlinkSession openRtnetlink() throws ErrnoException {
        return Rtnetlink.open();
    }

    @Override
    public LinkMonitor openLinkMonitor() throws ErrnoException {
        return RtnetlinkMonitor.open();
    }

    @Override
    public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException {
        return RawVrrpSocket.open(options);
    }

    @Override
    public LinkLayerAnnouncer openGratuitousArp(int ifindex, String ifname, byte[] mac) throws ErrnoException {
        return GratuitousArpSender.open(ifindex, ifname, mac);
    }

    @Override
    public LinkLayerAnnouncer openNeighbourAdvert(int ifindex, String ifname, byte[] mac, boolean router)
            throws ErrnoException {
        return NeighbourAdvertSender.open(ifindex, ifname, mac, router);
    }

    @Override
    public InterfaceSysctls sysctls() {
        return new ProcSysctls();
    }

    @Override
    public WakeUpFd openWakeUp() throws ErrnoException {
        return new EventFd();
    }

    @Override
    public VipDropTable openVipDropTable(VipDropRules rules) throws ErrnoException {
        return NfTablesVipDrop.open(rules);
    }

    @Override
    public PollSet newPollSet() {
        return new Poller();
    }
}
