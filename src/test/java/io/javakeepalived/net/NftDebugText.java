package io.javakeepalived.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an nf_tables batch back and prints it the way {@code nft --debug=netlink} prints what it
 * sends (libnftnl's text of each chain, set, rule and element message), so that the bytes this
 * daemon writes can be compared with what nft itself writes for the same ruleset.
 */
final class NftDebugText {
    private NftDebugText() {
    }

    static String of(ByteBuffer b, int len) {
        StringBuilder out = new StringBuilder();
        for (int off = 0; off < len; off += RtnlCodec.align(RtnlCodec.msgLen(b, off))) {
            int type = RtnlCodec.msgType(b, off);
            int end = off + RtnlCodec.msgLen(b, off);
            List<int[]> attrs = attrs(b, off + RtnlCodec.NLMSG_HDRLEN + 4, end);
            switch (type & 0xff) {
                case NfTablesCodec.NFT_MSG_NEWCHAIN -> {
                    int[] hook = find(attrs, NfTablesCodec.NFTA_CHAIN_HOOK);
                    List<int[]> h = attrs(b, hook[1], hook[2]);
                    int num = be32(b, find(h, NfTablesCodec.NFTA_HOOK_HOOKNUM));
                    out.append("ip (null) (null) use 0 type ").append(str(b, find(attrs, NfTablesCodec.NFTA_CHAIN_TYPE)))
                            .append(" hook ").append(num == NfTablesCodec.NF_INET_LOCAL_IN ? "input" : "output")
                            .append(" prio ").append(be32(b, find(h, NfTablesCodec.NFTA_HOOK_PRIORITY)))
                            .append(" packets 0 bytes 0\n");
                }
                case NfTablesCodec.NFT_MSG_NEWSET -> out.append(str(b, find(attrs, NfTablesCodec.NFTA_SET_NAME)))
                        .append(' ').append(str(b, find(attrs, NfTablesCodec.NFTA_SET_TABLE))).append(" 0\n");
                case NfTablesCodec.NFT_MSG_NEWRULE -> rule(b, attrs, out);
                case NfTablesCodec.NFT_MSG_NEWSETELEM, NfTablesCodec.NFT_MSG_DELSETELEM -> elements(b, attrs, out);
                default -> { } // tables and the batch frame: nft prints nothing for them
            }
        }
        return out.toString();
    }

    private static void rule(ByteBuffer b, List<int[]> attrs, StringBuilder out) {
        out.append("ip ").append(str(b, find(attrs, NfTablesCodec.NFTA_RULE_TABLE))).append(' ')
                .append(str(b, find(attrs, NfTablesCodec.NFTA_RULE_CHAIN))).append('\n');
        int[] list = find(attrs, NfTablesCodec.NFTA_RULE_EXPRESSIONS);
        for (int[] elem : attrs(b, list[1], list[2])) {
            List<int[]> e = attrs(b, elem[1], elem[2]);
            String name = str(b, find(e, NfTablesCodec.NFTA_EXPR_NAME));
            int[] data = find(e, NfTablesCodec.NFTA_EXPR_DATA);
            List<int[]> d = attrs(b, data[1], data[2]);
            out.append("  [ ");
            switch (name) {
                case "payload" -> out.append("payload load ").append(be32(b, find(d, NfTablesCodec.NFTA_PAYLOAD_LEN)))
                        .append("b @ ").append(be32(b, find(d, NfTablesCodec.NFTA_PAYLOAD_BASE)) == 1 ? "network" : "?")
                        .append(" header + ").append(be32(b, find(d, NfTablesCodec.NFTA_PAYLOAD_OFFSET)))
                        .append(" => reg ").append(be32(b, find(d, NfTablesCodec.NFTA_PAYLOAD_DREG)));
                case "lookup" -> out.append("lookup reg ").append(be32(b, find(d, NfTablesCodec.NFTA_LOOKUP_SREG)))
                        .append(" set ").append(str(b, find(d, NfTablesCodec.NFTA_LOOKUP_SET)));
                case "counter" -> out.append("counter pkts 0 bytes 0");
                case "immediate" -> {
                    int[] imm = find(d, NfTablesCodec.NFTA_IMMEDIATE_DATA);
                    int[] verdict = find(attrs(b, imm[1], imm[2]), NfTablesCodec.NFTA_DATA_VERDICT);
                    int code = be32(b, find(attrs(b, verdict[1], verdict[2]), NfTablesCodec.NFTA_VERDICT_CODE));
                    out.append("immediate reg ").append(be32(b, find(d, NfTablesCodec.NFTA_IMMEDIATE_DREG)))
                            .append(' ').append(code == NfTablesCodec.NF_DROP ? "drop" : "verdict " + code);
                }
                default -> out.append(name);
            }
            out.append(" ]\n");
        }
        out.append('\n');
    }

    private static void elements(ByteBuffer b, List<int[]> attrs, StringBuilder out) {
        out.append(str(b, find(attrs, NfTablesCodec.NFTA_SET_ELEM_LIST_SET))).append(' ')
                .append(str(b, find(attrs, NfTablesCodec.NFTA_SET_ELEM_LIST_TABLE))).append(" 0\n");
        int[] list = find(attrs, NfTablesCodec.NFTA_SET_ELEM_LIST_ELEMENTS);
        for (int[] elem : attrs(b, list[1], list[2])) {
            int[] key = find(attrs(b, elem[1], elem[2]), NfTablesCodec.NFTA_SET_ELEM_KEY);
            int[] value = find(attrs(b, key[1], key[2]), NfTablesCodec.NFTA_DATA_VALUE);
            // libnftnl prints the key as host-order 32-bit words
            out.append(String.format("\telement %08x  : 0 [end]",
                    b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(value[1])));
        }
        out.append('\n');
    }

    /** {type, value start, value end} of each attribute in [from, to). */
    static List<int[]> attrs(ByteBuffer b, int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int p = from; p + 4 <= to; ) {
            int len = b.getShort(p) & 0xffff;
            out.add(new int[] {b.getShort(p + 2) & 0x7fff, p + 4, p + len});
            p += RtnlCodec.align(len);
        }
        return out;
    }

    static int[] find(List<int[]> attrs, int type) {
        return attrs.stream().filter(a -> a[0] == type).findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + type));
    }

    static int be32(ByteBuffer b, int[] a) {
        return b.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(a[1]);
    }

    static String str(ByteBuffer b, int[] a) {
        byte[] raw = new byte[a[2] - a[1]];
        b.get(a[1], raw);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }
}
