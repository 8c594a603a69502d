package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.LinkLayerAnnouncer;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.testsupport.fakenet.DelegatingNetwork;
import io.javakeepalived.testsupport.fakenet.DelegatingVrrpSocket;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.AdvertTemplate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/**
 * Issue 14: "no allocation per advert sent or received in steady state", measured through the
 * whole path the loop runs - the socket read into the receive buffer, the demultiplexer, the
 * instance's checks, the core's answer, the executor carrying it out (timers re-armed, adverts
 * written and sent, log lines through the rate limit) - on the in-memory native layer of the
 * conformance tests, with a socket that keeps nothing of what it sends.
 */
class SteadyStateAllocationTest {
    private static final InetAddress A = ip("10.77.0.1");
    private static final InetAddress B = ip("10.77.0.2");
    private static final long SECOND = 1_000_000_000L;
    private static final int ADVERTS = 10_000;
    /**
     * The JIT compiles the path (and its escape analysis removes what does not escape) during
     * the warm-up; allocation counts then depend on the code alone, not on the machine's load.
     */
    private static final int WARM_UP = 20_000;

    /** Allocation is per advert or not at all: under one byte per advert on average is none. */
    private static final long NOTHING = ADVERTS;

    @Test
    void aBackupHearingItsMasterAllocatesNothing() throws IOException {
        assertNothingPerAdvert("a v2 backup hearing its 1 s master",
                backupHearing(settings(B, 90, 100), settings(A, 100, 100), SECOND));
        assertNothingPerAdvert("a v3 backup hearing its 10 ms master",
                backupHearing(settings(B, 90, 1).version(3), settings(A, 100, 1).version(3), SECOND / 100));
    }

    private long backupHearing(InstanceSettings.Builder us, InstanceSettings.Builder master, long interval)
            throws IOException {
        Node n = new Node(us.build());
        n.rig.deliver(n.vi, new Event.Startup(), n.now);
        byte[] packet = sentBy(master.build(), 100);
        long bytes = bytesPerRun(() -> {
            n.now += interval;
            n.receive(packet);
            n.rig.fireDue(n.now);
            n.rig.endOfTurn();
        });
        assertEquals(VrrpState.BACKUP, n.vi.state(), "every advert heard in time: no takeover");
        assertEquals(0, n.socket.sent, "a backup sends nothing");
        return bytes;
    }

    /**
     * A flood of lower-priority adverts (one a millisecond) at a master: each is answered with an
     * advert and a notification, and its line goes through the rate limit, which writes the
     * first 5 of the minute and holds the rest back - without making their text.
     * {@code garp_lower_prio_repeat 0} here; with it, {@link #itsGratuitousArpBurstsAllocateNothingEither()}.
     */
    @Test
    void aMasterHearingLowerPrioritiesAllocatesNothing() throws IOException {
        Node n = new Node(settings(B, 150, 100).garpLowerPrioRepeat(0).build());
        n.becomeMaster();
        int linesBefore = n.log.lines.size();
        long sentBefore = n.socket.sent;
        long bytes = masterHearingLower(n);
        assertNothingPerAdvert("a master hearing lower priorities", bytes);
        assertEquals(VrrpState.MASTER, n.vi.state());
        assertTrue(n.socket.sent - sentBefore >= WARM_UP + ADVERTS, "each lower-priority advert answered");
        List<String> written = n.log.lines.subList(linesBefore, n.log.lines.size());
        assertEquals(5, written.stream().filter(l -> l.equals("(VI_1) Received advert from 10.77.0.1 with lower"
                + " priority 100, ours 150, forcing new election")).count(), written.toString());
    }

    /**
     * The same flood with keepalived's default garp_lower_prio_repeat 5: each advert also
     * bursts gratuitous ARPs (a round made once per plan, queued in the pacer's lanes).
     */
    @Test
    void itsGratuitousArpBurstsAllocateNothingEither() throws IOException {
        Node n = new Node(settings(B, 150, 100).garpLowerPrioRepeat(5).build());
        n.becomeMaster();
        long announcedBefore = n.announced[0];
        long bytes = masterHearingLower(n);
        assertNothingPerAdvert("a master hearing lower priorities, 5 GARPs each", bytes);
        // and garp_master_delay's second burst of 5, 5 s after the takeover, in the middle of the flood
        assertEquals(5L * (WARM_UP + ADVERTS) + 5, n.announced[0] - announcedBefore, "5 GARPs per lower-priority advert");
    }

    private static long masterHearingLower(Node n) throws IOException {
        byte[] packet = sentBy(settings(A, 100, 100).build(), 100);
        return bytesPerRun(() -> {
            n.now += SECOND / 1000;
            n.receive(packet);
            n.rig.fireDue(n.now);
            n.rig.endOfTurn();
        });
    }

    /** A 10 ms master: Adver_Timer fires, the core answers SendAdvert and the re-arm, the socket sends. */
    @Test
    void aMasterSendingAllocatesNothing() throws IOException {
        Node n = new Node(settings(B, 150, 1).version(3).build());
        n.becomeMaster();
        long sentBefore = n.socket.sent;
        long bytes = bytesPerRun(() -> {
            n.now += SECOND / 100;
            n.rig.fireDue(n.now);
            n.rig.endOfTurn();
        });
        assertNothingPerAdvert("a master sending every 10 ms", bytes);
        assertEquals(WARM_UP + ADVERTS, n.socket.sent - sentBefore, "one advert per interval");
    }

    private static void assertNothingPerAdvert(String who, long bytes) {
        assertTrue(bytes < NOTHING, who + ": " + bytes + " bytes allocated over " + ADVERTS + " adverts");
    }

    interface Step {
        void run() throws IOException;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long bytesPerRun(Step advert) throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            advert.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < ADVERTS; i++) {
            advert.run();
        }
        return allocatedBytes() - before;
    }

    private static InstanceSettings.Builder settings(InetAddress primary, int priority, int intervalCs) {
        return InstanceSettings.builder("VI_1", 77).primaryAddress(primary).priority(priority)
                .advertIntervalCs(intervalCs).vips(List.of(Vip.of(ip("10.77.0.100"), "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").build());
    }

    private static byte[] sentBy(InstanceSettings sender, int priority) {
        AdvertTemplate t = sender.advertTemplates().get(0);
        byte[] packet = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(priority, 1, packet, 0);
        return packet;
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
    }

    /** One node: the executor on the in-memory kernel, its socket {@link QuietSocket}. */
    private static final class Node {
        final ExecutorRig rig;
        final VrrpInstance vi;
        final CountingLogger log = new CountingLogger();
        QuietSocket socket;
        /** Gratuitous ARPs sent (the fake network's announcer would record each one). */
        final long[] announced = {0};
        long now = SECOND;

        Node(InstanceSettings s) {
            Map<String, LinkInfo> links = new LinkedHashMap<>();
            links.put("eth0", new LinkInfo(2, "eth0", LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP,
                    LinkInfo.OPER_UP, true, new byte[] {2, 0, 0, 0, 0, 2}, 1500, null, 0, 0));
            FakeRtnetlink kernel = new FakeRtnetlink(List.copyOf(links.values()));
            DelegatingNetwork network = new DelegatingNetwork(new FakeNetwork(kernel, d -> { })) {
                @Override
                public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws io.javakeepalived.net.ErrnoException {
                    socket = new QuietSocket(super.openVrrpSocket(options));
                    return socket;
                }

                @Override
                public LinkLayerAnnouncer openGratuitousArp(int ifindex, String ifname, byte[] mac) {
                    return new LinkLayerAnnouncer() {
                        @Override
                        public void announce(InetAddress address) {
                            announced[0]++;
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
            };
            rig = new ExecutorRig(List.of(InstancePlan.of(s)), kernel, network, links, () -> now, log);
            vi = rig.instances().get("VI_1");
        }

        void receive(byte[] packet) throws IOException {
            socket.queue(packet);
            rig.readable(vi);
        }

        void becomeMaster() {
            rig.deliver(vi, new Event.Startup(), now);
            now += 10 * SECOND;
            rig.fireDue(now);
            assertEquals(VrrpState.MASTER, vi.state());
        }
    }

    /** Sends nowhere (counting), and reads back the one datagram queued, as the kernel would. */
    private static final class QuietSocket extends DelegatingVrrpSocket implements ReceivedPacketInfo {
        long sent;
        private byte[] queued;
        private int length;

        QuietSocket(VrrpSocket real) {
            super(real);
        }

        void queue(byte[] packet) {
            queued = packet;
        }

        @Override
        public void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl) {
            sent++;
        }

        @Override
        public void sendIpv4Datagram(ByteBuffer datagram) {
            sent++;
        }

        @Override
        public ReceivedPacketInfo receive(ByteBuffer into) {
            if (queued == null) {
                return null;
            }
            System.arraycopy(queued, 0, into.array(), 0, queued.length);
            length = queued.length;
            queued = null;
            return this;
        }

        @Override
        public boolean isIpv6() {
            return false;
        }

        @Override
        public int ttl() {
            return 255;
        }

        @Override
        public int interfaceIndex() {
            return 2;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public boolean truncated() {
            return false;
        }

        @Override
        public int receivedLength() {
            return length;
        }

        @Override
        public int ipHeaderLength() {
            return 20;
        }

        @Override
        public int ipTotalLength() {
            return length;
        }

        @Override
        public InetAddress source() {
            return A;
        }

        @Override
        public InetAddress destination() {
            return null;
        }

        @Override
        public boolean isMulticastDestination() {
            return true;
        }
    }

    /** keepalived's lines at INFO and above, counted (debug is off, as in a daemon without -D). */
    static final class CountingLogger extends LegacyAbstractLogger {
        final List<String> lines = new java.util.ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String format, Object[] args,
                                                   Throwable t) {
            lines.add(org.slf4j.helpers.MessageFormatter.basicArrayFormat(format, args));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
