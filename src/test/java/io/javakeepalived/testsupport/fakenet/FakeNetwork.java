package io.javakeepalived.testsupport.fakenet;

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

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The native layer in memory, for what the VRRP action executor opens: VRRP sockets that send
 * onto a simulated wire, gratuitous ARP / NA senders that record what they announce, and the
 * rtnetlink table it is given. The loop's own plumbing (link monitor, wake-up fd) is not faked.
 */
public final class FakeNetwork implements NativeNetwork {

    /** One gratuitous ARP (IPv4) or unsolicited NA (IPv6) that left on {@code ifname}. */
    public record Announcement(String ifname, InetAddress address) {
    }

    private final FakeRtnetlink rtnl;
    private final Consumer<SentDatagram> wire;
    private final List<Announcement> announced = new ArrayList<>();
    private final FakeSysctls sysctls = new FakeSysctls();
    private int nextFd = 100;

    public FakeNetwork(FakeRtnetlink rtnl, Consumer<SentDatagram> wire) {
        this.rtnl = rtnl;
        this.wire = wire;
    }

    /** Every announcement sent so far, in order. */
    public List<Announcement> announced() {
        return List.copyOf(announced);
    }

    @Override
    public RtnetlinkSession openRtnetlink() {
        return rtnl;
    }

    @Override
    public VrrpSocket openVrrpSocket(VrrpSocketOptions options) {
        return new FakeVrrpSocket(options, nextFd++, wire);
    }

    @Override
    public LinkLayerAnnouncer openGratuitousArp(int ifindex, String ifname, byte[] mac) {
        return announcer(ifname);
    }

    @Override
    public LinkLayerAnnouncer openNeighbourAdvert(int ifindex, String ifname, byte[] mac, boolean router) {
        return announcer(ifname);
    }

    @Override
    public PollSet newPollSet() {
        return new PollSet() {
            @Override
            public void add(int fd) {
            }

            @Override
            public void remove(int fd) {
            }

            @Override
            public int poll(int timeoutMillis) {
                return 0;
            }

            @Override
            public int readyCount() {
                return 0;
            }

            @Override
            public int readyFd(int i) {
                throw new IndexOutOfBoundsException(i);
            }
        };
    }

    @Override
    public InterfaceSysctls sysctls() {
        return sysctls;
    }

    @Override
    public LinkMonitor openLinkMonitor() {
        throw new UnsupportedOperationException("no link monitor in memory");
    }

    @Override
    public VipDropTable openVipDropTable(VipDropRules rules) {
        return vipDrop;
    }

    /** The no_accept table every {@link #openVipDropTable} answers with. */
    public final FakeVipDropTable vipDrop = new FakeVipDropTable();

    @Override
    public WakeUpFd openWakeUp() {
        throw new UnsupportedOperationException("no wake-up fd in memory");
    }

    private LinkLayerAnnouncer announcer(String ifname) {
        return new LinkLayerAnnouncer() {
            @Override
            public void announce(InetAddress address) {
                announced.add(new Announcement(ifname, address));
            }

            @Override
            public void close() {
            }
        };
    }
}
