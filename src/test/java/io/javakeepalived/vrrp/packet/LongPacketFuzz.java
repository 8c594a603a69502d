package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.javakeepalived.testsupport.FuzzLedger;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.VridDemultiplexer.Dispatch;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.WireSettings;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The long packet run ({@code mvn -Plongfuzz}, {@code scripts/fuzz-long.sh}; not in the default
 * build): {@link FuzzTest}'s mutations, 10 million unless {@code -Djavakeepalived.fuzz.packets=N},
 * each through the codec checks of {@link CodecCheck} and then the receive path the loop runs:
 * {@link VridDemultiplexer} of every socket the packet could arrive on → {@link InstanceReceiver}
 * → {@link VrrpInstance#handle}, with instances configured as the captures' senders expect, so
 * the core sees the packets in every state (timers fire as a fake clock passes; links go down
 * and up, faults come and go; instances stop and start). One packet in eight is a well-formed
 * advert at a random priority and interval, so that instances change state rather than sit in
 * BACKUP.
 */
class LongPacketFuzz {

    private static final TimerKind[] TIMERS = TimerKind.values();

    @Test
    void packetsThroughCodecAndCore() throws Exception {
        FuzzLedger ledger = new FuzzLedger("packet fuzz", "packets");
        Random rnd = new Random(ledger.seed());
        List<FuzzTest.Base> bases = FuzzTest.bases();
        CodecCheck codec = new CodecCheck();
        Core core = new Core();
        long[] dispatches = new long[3];
        for (long i = 0; ledger.more(); i++) {
            FuzzTest.Base base = bases.get(rnd.nextInt(bases.size()));
            byte[] b = rnd.nextInt(8) == 0 ? core.wellFormed(base.family(), rnd) : FuzzTest.mutate(base, rnd);
            try {
                codec.check(base, b, rnd);
                core.deliver(base, b, rnd, dispatches);
                core.passTime(rnd);
            } catch (Throwable t) {
                ledger.failure(i, base.family() + " " + HexFormat.of().formatHex(b), t);
            }
            ledger.iteration();
        }
        System.out.printf("packet fuzz: codec accepted %d, rejected after counting %d, rejected %d; "
                        + "demultiplexer delivered %d, ignored %d, dropped %d; core states %s%n",
                codec.outcomes[0], codec.outcomes[1], codec.outcomes[2], dispatches[0], dispatches[1], dispatches[2],
                core.states());
        System.out.println(ledger.summary());
        assertEquals(List.of(), ledger.failures(), ledger.summary());
    }

    /** The instances the captures and forged bases talk to, on their sockets, on a fake clock. */
    static final class Core {
        private final InetAddress s4 = ip("10.99.0.2");
        private final List<InetAddress> vips4 = List.of(ip("10.99.0.50"), ip("10.99.0.51"));
        private final List<InetAddress> vips6 = RoundTripTest.addresses(IpFamily.IPV6, 5);
        private final Map<VridDemultiplexer.SocketKey, VridDemultiplexer> sockets = new LinkedHashMap<>();
        private final List<VrrpInstance> instances = new ArrayList<>();
        private long now;

        Core() {
            InetAddress self = ip("10.99.0.9");
            add(settings("PASS", 51, self, vips4).wire(WireSettings.builder().interfaceName("eth0")
                    .authPass("s3cret").build()));
            add(settings("AH", 51, self, vips4).wire(WireSettings.builder().interfaceName("eth0")
                    .ahPass("").build()));
            add(settings("V3", 51, self, List.of(ip("10.99.0.50"))).version(3).advertIntervalCs(100)
                    .wire(WireSettings.builder().interfaceName("eth1").build()));
            add(settings("UNICAST", 53, ip("10.99.0.100"), List.of(ip("10.99.0.53"))).priority(130)
                    .wire(WireSettings.builder().interfaceName("eth0")
                            .unicastPeers(List.of(UnicastPeer.of(ip("10.99.0.1")))).build()));
            add(settings("UNICAST_V3", 51, self, vips4).version(3).wire(WireSettings.builder().interfaceName("eth0")
                    .unicastPeers(List.of(UnicastPeer.of(s4))).checkUnicastSrc(true).build()));
            add(settings("V6", 52, ip("fe80::9"), vips6).family(StandardProtocolFamily.INET6).version(3)
                    .advertIntervalCs(50).priority(150).wire(WireSettings.builder().interfaceName("eth0").build()));
            for (VrrpInstance v : instances) {
                v.handle(new Event.Startup(), now);
            }
        }

        private static InstanceSettings.Builder settings(String name, int vrid, InetAddress self,
                                                         List<InetAddress> vips) {
            String dev = "eth0";
            return InstanceSettings.builder(name, vrid).primaryAddress(self).priority(100)
                    .vips(vips.stream().map(a -> Vip.of(a, dev)).toList());
        }

        private void add(InstanceSettings.Builder b) {
            VrrpInstance v = new VrrpInstance(b.build());
            InstanceReceiver r = new InstanceReceiver(v);
            sockets.computeIfAbsent(r.socket(), VridDemultiplexer::new).add(r);
            instances.add(v);
        }

        /** An advert the instances accept in form, at a random priority and interval. */
        byte[] wellFormed(IpFamily family, Random rnd) {
            int priority = rnd.nextInt(256);
            if (family == IpFamily.IPV6) {
                return PacketForge.of(Advert.v3(52, priority, 1 + rnd.nextInt(200), vips6), ip("fe80::2"),
                        VrrpCodec.MCAST_GROUP6).vrrpBytes();
            }
            Advert a = switch (rnd.nextInt(4)) {
                case 0 -> Advert.v2(51, priority, 1 + rnd.nextInt(3), AuthType.SIMPLE_PASSWORD, "s3cret", vips4);
                case 1 -> Advert.v3(51, priority, 1 + rnd.nextInt(300), vips4);
                case 2 -> Advert.v2(51, priority, 1, AuthType.IP_AH, "", vips4);
                default -> Advert.v2(53, priority, 1, AuthType.NONE, "", List.of(ip("10.99.0.53")));
            };
            InetAddress source = a.vrid() == 53 ? ip("10.99.0.1") : s4;
            PacketForge forge = PacketForge.of(a, source, VrrpCodec.MCAST_GROUP4);
            return (a.authType() == AuthType.IP_AH ? forge.ahHeader(112) : forge).ipv4Packet();
        }

        /** The datagram as every socket of its family would read it, each dispatch carried out. */
        void deliver(FuzzTest.Base base, byte[] b, Random rnd, long[] dispatches) {
            for (VridDemultiplexer demux : sockets.values()) {
                if (demux.key().family() != base.family()) {
                    continue;
                }
                if (rnd.nextInt(4) == 0) {
                    demux.beginRound();
                }
                Dispatch d = base.family() == IpFamily.IPV4 ? demux.routeIpv4(b, 0, b.length)
                        : demux.routeIpv6(base.source(), base.destination(), 255, b, 0, b.length);
                assertNotNull(d);
                demux.roundOver();
                if (d instanceof Dispatch.Deliver deliver) {
                    dispatches[0]++;
                    assertNotNull(deliver.instance().handle(deliver.event(), now));
                } else if (d instanceof Dispatch.Ignored) {
                    dispatches[1]++;
                } else {
                    Dispatch.Dropped dropped = (Dispatch.Dropped) d;
                    dispatches[2]++;
                    assertNotNull(dropped.logLine());
                    dropped.logged(rnd.nextBoolean());
                }
            }
        }

        /** Up to 50 ms pass; due timers fire; now and then a link, a fault or a restart. */
        void passTime(Random rnd) {
            now += rnd.nextInt(50_000_000);
            for (VrrpInstance v : instances) {
                for (TimerKind k : TIMERS) {
                    OptionalLong due = v.timerDeadline(k);
                    if (due.isPresent() && due.getAsLong() <= now) {
                        assertNotNull(v.handle(new Event.TimerFired(k), now));
                    }
                }
            }
            if (rnd.nextInt(2000) == 0) {
                VrrpInstance v = instances.get(rnd.nextInt(instances.size()));
                String ifname = v.settings().wire().interfaceName();
                if (!v.isStarted()) {
                    assertNotNull(v.handle(new Event.Startup(), now));
                } else if (!v.faults().isEmpty()) {
                    assertNotNull(v.handle(new Event.InterfaceUp(ifname), now));
                    assertNotNull(v.handle(new Event.FaultCleared("fuzz"), now));
                } else {
                    Event e = switch (rnd.nextInt(4)) {
                        case 0 -> new Event.InterfaceDown(ifname);
                        case 1 -> new Event.FaultRaised("fuzz");
                        case 2 -> new Event.WeightChanged("fuzz", rnd.nextInt(511) - 255);
                        default -> new Event.Shutdown();
                    };
                    assertNotNull(v.handle(e, now));
                }
            }
        }

        Map<String, String> states() {
            Map<String, String> out = new LinkedHashMap<>();
            for (VrrpInstance v : instances) {
                out.put(v.name(), v.state() + " rcvd " + v.counters().get(VrrpCounter.ADVERT_RCVD));
            }
            return out;
        }
    }
}
