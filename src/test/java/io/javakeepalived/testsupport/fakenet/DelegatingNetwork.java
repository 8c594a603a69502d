package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceSysctls;
import io.javakeepalived.net.LinkLayerAnnouncer;
import io.javakeepalived.net.LinkMonitor;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.PollSet;
import io.javakeepalived.net.RtnetlinkSession;
import io.javakeepalived.net.VipDropRules;
import io.javakeepalived.net.VipDropTable;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.net.WakeUpFd;

import java.io.IOException;

/**
 * A native layer that hands everything to another one: tests override {@link #openVrrpSocket}
 * to hand out sockets that fail, count or feed packets, over the fakes or the real thing.
 */
public class DelegatingNetwork implements NativeNetwork {
    private final NativeNetwork real;

    public DelegatingNetwork(NativeNetwork real) {
        this.real = real;
    }

    @Override
    public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException {
        return real.openVrrpSocket(options);
    }

    @Override
    public RtnetlinkSession openRtnetlink() throws IOException {
        return real.openRtnetlink();
    }

    @Override
    public LinkMonitor openLinkMonitor() throws IOException {
        return real.openLinkMonitor();
    }

    @Override
    public LinkLayerAnnouncer openGratuitousArp(int ifindex, String ifname, byte[] mac) throws ErrnoException {
        return real.openGratuitousArp(ifindex, ifname, mac);
    }

    @Override
    public LinkLayerAnnouncer openNeighbourAdvert(int ifindex, String ifname, byte[] mac, boolean router)
            throws ErrnoException {
        return real.openNeighbourAdvert(ifindex, ifname, mac, router);
    }

    @Override
    public WakeUpFd openWakeUp() throws ErrnoException {
        return real.openWakeUp();
    }

    @Override
    public PollSet newPollSet() {
        return real.newPollSet();
    }

    @Override
    public InterfaceSysctls sysctls() {
        return real.sysctls();
    }

    @Override
    public VipDropTable openVipDropTable(VipDropRules rules) throws ErrnoException {
        return real.openVipDropTable(rules);
    }
}
