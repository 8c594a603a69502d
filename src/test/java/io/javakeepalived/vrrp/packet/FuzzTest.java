package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.testsupport.SharedFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decode and validate only ever return a result: at least 100,000 seeded random mutations of
 * the captured and forged packets per run (bit flips, truncation, extension, random bytes,
 * length / count / header fields), each parsed, decoded and validated against several
 * policies. Reproduce a failure with {@code -Dfuzz.seed=N} (the seed is in the failure message).
 */
class FuzzTest {

    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 120_000);

    record Base(IpFamily family, byte[] bytes, InetAddress source, InetAddress destination) {
    }

    @Test
    void decodeAndValidateNeverThrow() throws IOException {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        Random rnd = new Random(seed);
        List<Base> bases = bases();
        CodecCheck codec = new CodecCheck();
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            Base base = bases.get(rnd.nextInt(bases.size()));
            byte[] b = mutate(base, rnd);
            try {
                codec.check(base, b, rnd);
            } catch (Throwable t) {
                fail("seed " + seed + " (rerun with -Dfuzz.seed=" + seed + "), iteration " + i + ", "
                        + base.family() + " packet " + HexFormat.of().formatHex(b), t);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(codec.outcomes[0] > 0 && codec.outcomes[2] > 0, "fuzz never reached both outcomes, seed " + seed);
        System.out.printf("fuzz: %d mutations in %d ms, seed %d, accepted %d, rejected after counting %d, "
                + "rejected %d%n", ITERATIONS, ms, seed, codec.outcomes[0], codec.outcomes[1],
                codec.outcomes[2]);
    }

    static byte[] mutate(Base base, Random rnd) {
        byte[] b = base.bytes().clone();
        int kind = rnd.nextInt(9);
        int rounds = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0);
        for (int r = 0; r < rounds; r++) {
            b = mutateOnce(b, base.family(), kind, rnd);
            kind = rnd.nextInt(9);
        }
        return b;
    }

    static byte[] mutateOnce(byte[] b, IpFamily family, int kind, Random rnd) {
        int vrrp = family == IpFamily.IPV4 && b.length >= 20 ? (b[0] & 0x0F) * 4 : 0;
        switch (kind) {
            case 0: // bit flips
                for (int n = 1 + rnd.nextInt(8); n > 0 && b.length > 0; n--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            case 1: // truncation
                return java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 2: { // extension
                byte[] tail = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(tail);
                byte[] out = java.util.Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, out, b.length, tail.length);
                return out;
            }
            case 3: { // random bytes
                byte[] out = new byte[rnd.nextInt(120)];
                rnd.nextBytes(out);
                if (family == IpFamily.IPV4 && out.length > 0 && rnd.nextBoolean()) {
                    out[0] = 0x45;
                }
                if (family == IpFamily.IPV4 && out.length > 9 && rnd.nextBoolean()) {
                    out[9] = (byte) (rnd.nextBoolean() ? 112 : 51);
                }
                return out;
            }
            case 4: // address count
                if (vrrp + 3 < b.length) {
                    b[vrrp + 3] = (byte) rnd.nextInt(256);
                }
                return b;
            case 5: // IPv4 total length / IHL / protocol / TTL
                if (family == IpFamily.IPV4 && b.length >= 20) {
                    switch (rnd.nextInt(4)) {
                        case 0 -> {
                            int len = rnd.nextBoolean() ? rnd.nextInt(65536) : b.length + rnd.nextInt(17) - 8;
                            b[2] = (byte) (len >>> 8);
                            b[3] = (byte) len;
                        }
                        case 1 -> b[0] = (byte) ((rnd.nextBoolean() ? 0x40 : rnd.nextInt(16) << 4) | rnd.nextInt(16));
                        case 2 -> b[9] = (byte) (rnd.nextBoolean() ? 51 : rnd.nextInt(256));
                        default -> b[8] = (byte) rnd.nextInt(256);
                    }
                }
                return b;
            case 6: // VRRP version / type / auth type / interval
                if (vrrp + 5 < b.length) {
                    int i = vrrp + (rnd.nextBoolean() ? 0 : 4 + rnd.nextInt(2));
                    b[i] = (byte) rnd.nextInt(256);
                }
                return b;
            case 7: // random byte overwrites
                for (int n = 1 + rnd.nextInt(4); n > 0 && b.length > 0; n--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            default: // checksum field
                if (vrrp + 7 < b.length) {
                    b[vrrp + 6 + rnd.nextInt(2)] = (byte) rnd.nextInt(256);
                }
                return b;
        }
    }

    static List<Base> bases() throws IOException {
        List<Base> out = new ArrayList<>();
        Path dir = SharedFiles.dir().resolve("captures");
        List<Path> pcaps;
        try (Stream<Path> s = Files.list(dir)) {
            pcaps = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        for (Path p : pcaps) {
            for (Pcap.VrrpPacket c : Pcap.vrrpPackets(p)) {
                out.add(new Base(c.family(), c.bytes(), c.source(), c.destination()));
            }
        }
        InetAddress s4 = ip("10.99.0.2");
        List<InetAddress> vips4 = List.of(ip("10.99.0.50"), ip("10.99.0.51"));
        Advert pass = Advert.v2(51, 100, 1, AuthType.SIMPLE_PASSWORD, "s3cret", vips4);
        out.add(new Base(IpFamily.IPV4, PacketForge.of(pass, s4, VrrpCodec.MCAST_GROUP4).ipv4Packet(), s4,
                VrrpCodec.MCAST_GROUP4));
        out.add(new Base(IpFamily.IPV4, PacketForge.of(Advert.v2(51, 100, 1, AuthType.IP_AH, "", vips4), s4,
                VrrpCodec.MCAST_GROUP4).ahHeader(112).ipv4Packet(), s4, VrrpCodec.MCAST_GROUP4));
        out.add(new Base(IpFamily.IPV4, PacketForge.of(Advert.v3(51, 100, 100, vips4), s4, ip("10.99.0.1"))
                .checksumDestination(VrrpCodec.MCAST_GROUP4).ipv4Packet(), s4, ip("10.99.0.1")));
        out.add(new Base(IpFamily.IPV4, PacketForge.of(Advert.v3(51, 0, 4095, List.of()), s4, VrrpCodec.MCAST_GROUP4)
                .ipv4Packet(), s4, VrrpCodec.MCAST_GROUP4));
        InetAddress s6 = ip("fe80::2");
        out.add(new Base(IpFamily.IPV6, PacketForge.of(Advert.v2(52, 100, 1, AuthType.SIMPLE_PASSWORD, "x",
                List.of(ip("fd99::50"))), s6, VrrpCodec.MCAST_GROUP6).vrrpBytes(), s6, VrrpCodec.MCAST_GROUP6));
        out.add(new Base(IpFamily.IPV6, PacketForge.of(Advert.v3(52, 150, 50, RoundTripTest.addresses(IpFamily.IPV6, 5)),
                s6, ip("fe80::1")).vrrpBytes(), s6, ip("fe80::1")));
        return out;
    }

    static List<ReceivePolicy> policies(IpFamily family) {
        List<ReceivePolicy> out = new ArrayList<>();
        if (family == IpFamily.IPV4) {
            List<InetAddress> vips = List.of(ip("10.99.0.50"), ip("10.99.0.51"));
            out.add(ReceivePolicy.builder(family, 2, 51).vips(vips).password("s3cret").build());
            out.add(ReceivePolicy.builder(family, 2, 51).vips(List.of(ip("10.99.0.50"))).build());
            out.add(ReceivePolicy.builder(family, 2, 51).vips(vips).authType(AuthType.IP_AH).build());
            out.add(ReceivePolicy.builder(family, 3, 51).vips(List.of(ip("10.99.0.50"))).build());
            out.add(ReceivePolicy.builder(family, 2, 53).vips(List.of(ip("10.99.0.53")))
                    .unicastPeers(List.of(UnicastPeer.of(ip("10.99.0.1"), 1, 255))).skipCheckAdvAddr(true).build());
            out.add(ReceivePolicy.builder(family, 3, 51).vips(vips).unicastPeers(List.of(UnicastPeer.of(ip("10.99.0.2"))))
                    .checkUnicastSrc(true).build());
            out.add(ReceivePolicy.builder(family, 3, 51).vips(vips).v3ChecksumAsV2(true).build());
        } else {
            out.add(ReceivePolicy.builder(family, 3, 52).vips(List.of(ip("fd99::50"))).build());
            out.add(ReceivePolicy.builder(family, 2, 52).vips(List.of(ip("fd99::50"))).password("x").build());
            out.add(ReceivePolicy.builder(family, 3, 52).vips(RoundTripTest.addresses(IpFamily.IPV6, 5))
                    .unicastPeers(List.of(UnicastPeer.of(ip("fe80::2"), 10, 255))).skipCheckAdvAddr(true).build());
        }
        return out;
    }
}
