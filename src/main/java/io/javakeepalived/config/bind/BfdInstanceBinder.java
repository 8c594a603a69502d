package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * bfd_instance blocks (bfd_parser.c): a BFD session's neighbour, source, intervals and TTL,
 * and the weight it carries for the VRRP instances and checkers that track it.
 */
final class BfdInstanceBinder {
    private BfdInstanceBinder() {
    }

    // ---------------------------------------------------------------- bfd_instance

    static final KeywordTable<VrrpDrafts.Bfd> BFD = new KeywordTable<VrrpDrafts.Bfd>("bfd_instance")
            .line("neighbor_ip", BfdInstanceBinder::bfdNeighbor)
            .line("neighbour_ip", BfdInstanceBinder::bfdNeighbor)
            .line("source_ip", (b, n, c) -> {
                String v = Args.need(n, 0, "an IP address");
                Optional<InetAddress> a = InetText.sockaddr(v);
                if (a.isEmpty()) {
                    c.error(n, "BFD instance " + b.name + " source_ip " + v + " is not an address, ignoring");
                } else {
                    b.source = a.get();
                }
            })
            .line("min_rx", (b, n, c) -> bfdMs(b, n, c, 1, 1000, v -> b.minRx = v))
            .line("min_tx", (b, n, c) -> bfdMs(b, n, c, 1, 1000, v -> b.minTx = v))
            .line("idle_tx", (b, n, c) -> bfdMs(b, n, c, 1000, 10000, v -> b.idleTx = v))
            .line("multiplier", (b, n, c) -> NumberArg.unsigned(n, c, "a multiplier 1-255", 1, 255,
                    v -> "BFD instance " + b.name + " multiplier " + v + " not valid, expected 1-255, ignoring")
                    .ifPresent(value -> b.multiplier = (int) value))
            .line("passive", (b, n, c) -> b.passive = true)
            .line("ttl", (b, n, c) -> bfdTtl(b, n, c))
            .line("hoplimit", (b, n, c) -> bfdTtl(b, n, c))
            .line("max_hops", (b, n, c) -> NumberArg.signed(n, c, "a hop count 0-255", -1, 255,
                    v -> "BFD instance " + b.name + " max_hops " + v + " not valid, ignoring")
                    .ifPresent(value -> b.maxHops = (int) value))
            .line("weight", (b, n, c) -> {
                OptionalLong w = NumberArg.signed(n, c, "a weight -253..253", -253, 253,
                        v -> "BFD instance " + b.name + " weight " + v + " not valid, expected -253..253, ignoring");
                if (w.isEmpty()) {
                    return;
                }
                b.weight = (int) w.getAsLong();
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        b.reverse = true;
                    } else {
                        c.error(n, "BFD instance " + b.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("vrrp", (b, n, c) -> b.vrrp = true)
            .line("checker", (b, n, c) -> b.checker = true);

    private static void bfdNeighbor(VrrpDrafts.Bfd b, ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "an IP address");
        Optional<InetAddress> a = InetText.sockaddr(v);
        if (a.isEmpty()) {
            c.error(n, "BFD instance " + b.name + " neighbor_ip " + v + " is not an address, ignoring");
        } else {
            b.neighbor = a.get();
        }
    }

    private static void bfdMs(VrrpDrafts.Bfd b, ConfigNode n, BindContext c, long min, long max,
                              java.util.function.IntConsumer set) throws ConfigFatalException {
        NumberArg.decimal(n, c, "milliseconds " + min + "-" + max, min * 1000, max * 1000, 3,
                v -> "BFD instance " + b.name + " " + n.keyword() + " value " + v + " not valid (must be in range ["
                        + min + "-" + max + "]), ignoring")
                .ifPresent(ms -> set.accept((int) (ms / 1000)));
    }

    private static void bfdTtl(VrrpDrafts.Bfd b, ConfigNode n, BindContext c) throws ConfigFatalException {
        OptionalLong t = NumberArg.unsigned(n, c, "a TTL 1-255", 1, 255,
                v -> "BFD instance " + b.name + " " + n.keyword() + " " + v + " not valid, expected 1-255");
        if (t.isEmpty()) {
            return;
        }
        if (n.keyword().equals("ttl")) {
            b.ttl = (int) t.getAsLong();
        } else {
            b.hopLimit = (int) t.getAsLong();
        }
    }

    static void bfdInstance(ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "a BFD instance name");
        if (name.length() >= 32) {
            c.error(n, "BFD instance name " + name + " too long, expected at most 31 characters - skipping");
            return;
        }
        if (c.bfd(name) != null) {
            c.error(n, "BFD instance " + name + " already specified - skipping");
            return;
        }
        VrrpDrafts.Bfd b = new VrrpDrafts.Bfd();
        b.name = name;
        b.location = n.location();
        BFD.dispatch(b, n.children(), c);
        if (b.neighbor == null) {
            c.error(n, "BFD instance " + name + " has no neighbor_ip, expected neighbor_ip IP - disabling");
            return;
        }
        c.bfds.add(b);
    }
}
