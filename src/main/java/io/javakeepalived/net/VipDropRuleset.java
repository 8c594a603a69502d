package io.javakeepalived.net;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The nf_tables transactions behind {@link VipDropRules}, as keepalived 2.2.7's vrrp_nftables.c
 * makes them for IPv4 (the same table, chains, set, rules and element updates), written into an
 * {@link NfBatch}. Pure.
 */
final class VipDropRuleset {
    static final String SET = "vips";
    static final String IN = "in";
    static final String OUT = "out";
    private static final int IPV4_SADDR = 12;
    private static final int IPV4_DADDR = 16;

    private VipDropRuleset() {
    }

    /**
     * Replaces whatever table of that name is there (a killed predecessor's, with its elements)
     * by an empty one, in one transaction: adding a table that exists is no error, so
     * add-delete-add works whether or not it was there, and nothing is ever half installed.
     */
    static NfBatch install(NfBatch batch, VipDropRules r) {
        String t = r.table();
        int ip = NfTablesCodec.NFPROTO_IPV4;
        return batch
                .add("add table ip " + t, (b, off, seq) -> NfTablesCodec.table(b, off, seq,
                        NfTablesCodec.NFT_MSG_NEWTABLE, ip, t))
                .add("delete table ip " + t, (b, off, seq) -> NfTablesCodec.table(b, off, seq,
                        NfTablesCodec.NFT_MSG_DELTABLE, ip, t))
                .add("add table ip " + t, (b, off, seq) -> NfTablesCodec.table(b, off, seq,
                        NfTablesCodec.NFT_MSG_NEWTABLE, ip, t))
                .add("add chain ip " + t + " " + OUT, (b, off, seq) -> NfTablesCodec.baseChain(b, off, seq, ip, t,
                        OUT, NfTablesCodec.NF_INET_LOCAL_OUT, r.priority()))
                .add("add chain ip " + t + " " + IN, (b, off, seq) -> NfTablesCodec.baseChain(b, off, seq, ip, t,
                        IN, NfTablesCodec.NF_INET_LOCAL_IN, r.priority()))
                .add("add set ip " + t + " " + SET, (b, off, seq) -> NfTablesCodec.addressSet(b, off, seq, ip, t,
                        SET, NfTablesCodec.TYPE_IPV4_ADDR, 1))
                .add("add rule ip " + t + " " + IN + " ip daddr @" + SET + " drop",
                        (b, off, seq) -> dropRule(b, off, seq, r, IN, IPV4_DADDR))
                .add("add rule ip " + t + " " + OUT + " ip saddr @" + SET + " drop",
                        (b, off, seq) -> dropRule(b, off, seq, r, OUT, IPV4_SADDR));
    }

    /** {@code ip daddr|saddr @vips [counter] drop}. */
    private static int dropRule(ByteBuffer b, int off, int seq, VipDropRules r, String chain,
                                int addressOffset) {
        int e = NfTablesCodec.beginRule(b, off, seq, NfTablesCodec.NFPROTO_IPV4, r.table(), chain);
        int p = NfTablesCodec.payload(b, e, NfTablesCodec.NFT_PAYLOAD_NETWORK_HEADER, addressOffset, 4,
                NfTablesCodec.NFT_REG_1);
        p = NfTablesCodec.lookup(b, p, NfTablesCodec.NFT_REG_1, SET);
        if (r.counters()) {
            p = NfTablesCodec.counter(b, p);
        }
        p = NfTablesCodec.verdict(b, p, NfTablesCodec.NF_DROP);
        return NfTablesCodec.endRule(b, off, e, p);
    }

    /** Adds the addresses to the set of dropped VIPs ({@code add}) or takes them out. */
    static NfBatch elements(NfBatch batch, VipDropRules r, boolean add, List<Inet4Address> addresses) {
        List<byte[]> keys = new ArrayList<>(addresses.size());
        StringBuilder text = new StringBuilder();
        for (Inet4Address a : addresses) {
            keys.add(a.getAddress());
            text.append(text.length() == 0 ? "" : ", ").append(a.getHostAddress());
        }
        return batch.add((add ? "add" : "delete") + " element ip " + r.table() + " " + SET + " { " + text + " }",
                (b, off, seq) -> NfTablesCodec.setElements(b, off, seq, add, NfTablesCodec.NFPROTO_IPV4, r.table(),
                        SET, keys));
    }

    static NfBatch deleteTable(NfBatch batch, VipDropRules r) {
        return batch.add("delete table ip " + r.table(), (b, off, seq) -> NfTablesCodec.table(b, off, seq,
                NfTablesCodec.NFT_MSG_DELTABLE, NfTablesCodec.NFPROTO_IPV4, r.table()));
    }
}
