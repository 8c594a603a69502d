package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * The nf_tables netlink messages (include/uapi/linux/netfilter/nf_tables.h) this daemon sends,
 * written into a buffer: the batch frame, tables, base chains, named sets, set elements and rules
 * made of payload / lookup / counter / immediate-verdict expressions. Pure: no socket here.
 * Every method writes at {@code off} and returns the offset just past what it wrote.
 *
 * <p>nf_tables attributes carry their integers in network byte order; the netlink header and
 * the set's user data (libnftnl's byte-order hint, read by {@code nft list}) are host order.
 */
final class NfTablesCodec {
    private NfTablesCodec() {
    }

    static final int NFNL_SUBSYS_NFTABLES = 10;
    static final int NFNL_MSG_BATCH_BEGIN = 16;
    static final int NFNL_MSG_BATCH_END = 17;

    static final int NFT_MSG_NEWTABLE = 0;
    static final int NFT_MSG_GETTABLE = 1;
    static final int NFT_MSG_DELTABLE = 2;
    static final int NFT_MSG_NEWCHAIN = 3;
    static final int NFT_MSG_NEWRULE = 6;
    static final int NFT_MSG_NEWSET = 9;
    static final int NFT_MSG_NEWSETELEM = 12;
    static final int NFT_MSG_DELSETELEM = 14;

    static final int NFPROTO_UNSPEC = 0;
    static final int NFPROTO_IPV4 = 2;
    static final int NFPROTO_IPV6 = 10;

    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    static final int NLM_F_APPEND = 0x800;

    static final int NF_INET_LOCAL_IN = 1;
    static final int NF_INET_LOCAL_OUT = 3;
    static final int NF_DROP = 0;
    static final int NF_ACCEPT = 1;

    static final int NFT_REG_VERDICT = 0;
    static final int NFT_REG_1 = 1;
    static final int NFT_PAYLOAD_NETWORK_HEADER = 1;

    /** nft's data types (nftables/include/datatype.h), which {@code nft list} shows a set's type by. */
    static final int TYPE_IPV4_ADDR = 7;
    static final int TYPE_IPV6_ADDR = 8;
    private static final int BYTEORDER_BIG_ENDIAN = 2;
    private static final int NFTNL_UDATA_SET_KEYBYTEORDER = 0;

    // attribute numbers
    static final int NFTA_TABLE_NAME = 1;
    static final int NFTA_CHAIN_TABLE = 1;
    static final int NFTA_CHAIN_NAME = 3;
    static final int NFTA_CHAIN_HOOK = 4;
    static final int NFTA_CHAIN_POLICY = 5;
    static final int NFTA_CHAIN_TYPE = 7;
    static final int NFTA_HOOK_HOOKNUM = 1;
    static final int NFTA_HOOK_PRIORITY = 2;
    static final int NFTA_RULE_TABLE = 1;
    static final int NFTA_RULE_CHAIN = 2;
    static final int NFTA_RULE_EXPRESSIONS = 4;
    static final int NFTA_LIST_ELEM = 1;
    static final int NFTA_EXPR_NAME = 1;
    static final int NFTA_EXPR_DATA = 2;
    static final int NFTA_PAYLOAD_DREG = 1;
    static final int NFTA_PAYLOAD_BASE = 2;
    static final int NFTA_PAYLOAD_OFFSET = 3;
    static final int NFTA_PAYLOAD_LEN = 4;
    static final int NFTA_LOOKUP_SET = 1;
    static final int NFTA_LOOKUP_SREG = 2;
    static final int NFTA_IMMEDIATE_DREG = 1;
    static final int NFTA_IMMEDIATE_DATA = 2;
    static final int NFTA_DATA_VALUE = 1;
    static final int NFTA_DATA_VERDICT = 2;
    static final int NFTA_VERDICT_CODE = 1;
    static final int NFTA_SET_TABLE = 1;
    static final int NFTA_SET_NAME = 2;
    static final int NFTA_SET_KEY_TYPE = 4;
    static final int NFTA_SET_KEY_LEN = 5;
    static final int NFTA_SET_ID = 10;
    static final int NFTA_SET_USERDATA = 13;
    static final int NFTA_SET_ELEM_LIST_TABLE = 1;
    static final int NFTA_SET_ELEM_LIST_SET = 2;
    static final int NFTA_SET_ELEM_LIST_ELEMENTS = 3;
    static final int NFTA_SET_ELEM_KEY = 1;

    private static final int NFGENMSG_LEN = 4;

    // ---------------------------------------------------------------- messages

    /** The netlink message type of an nf_tables message. */
    static int type(int nftMsg) {
        return (NFNL_SUBSYS_NFTABLES << 8) | nftMsg;
    }

    /** A message header and its nfgenmsg; finish the message with {@link RtnlCodec#end}. */
    static int begin(ByteBuffer b, int off, int type, int flags, int seq, int family, int resId) {
        int p = RtnlCodec.begin(b, off, type, RtnlCodec.NLM_F_REQUEST | flags, seq);
        b.put(p, (byte) family);
        b.put(p + 1, (byte) 0); // NFNETLINK_V0
        b.put(p + 2, (byte) (resId >>> 8));
        b.put(p + 3, (byte) resId);
        return p + NFGENMSG_LEN;
    }

    /**
     * A message about an object of a table: chains, sets, set elements and rules all start with
     * attribute 1 = the table, then their name (the chain, for a rule): attribute 2, except for
     * a chain, whose attribute 2 is its handle and 3 its name.
     */
    private static int beginNamed(ByteBuffer b, int off, int msg, int flags, int seq, int family, String table,
                                  String name) {
        int p = begin(b, off, type(msg), flags, seq, family, 0);
        p = RtnlCodec.putString(b, p, NFTA_CHAIN_TABLE, table);
        return RtnlCodec.putString(b, p, msg == NFT_MSG_NEWCHAIN ? NFTA_CHAIN_NAME : NFTA_SET_NAME, name);
    }

    /** NFNL_MSG_BATCH_BEGIN / _END: the frame that makes the messages between one transaction. */
    static int batchMark(ByteBuffer b, int off, int seq, boolean beginning) {
        int p = begin(b, off, beginning ? NFNL_MSG_BATCH_BEGIN : NFNL_MSG_BATCH_END, 0, seq, NFPROTO_UNSPEC,
                NFNL_SUBSYS_NFTABLES);
        RtnlCodec.end(b, off, p);
        return p;
    }

    /** NEWTABLE (create, no EXCL: an existing table is kept), DELTABLE or GETTABLE. */
    static int table(ByteBuffer b, int off, int seq, int msg, int family, String name) {
        int flags = NLM_F_ACK | (msg == NFT_MSG_NEWTABLE ? NLM_F_CREATE : 0);
        int p = begin(b, off, type(msg), flags, seq, family, 0);
        p = RtnlCodec.putString(b, p, NFTA_TABLE_NAME, name);
        RtnlCodec.end(b, off, p);
        return p;
    }

    /** A base chain of type filter on {@code hook} with {@code priority} and policy accept. */
    static int baseChain(ByteBuffer b, int off, int seq, int family, String table, String name, int hook,
                         int priority) {
        int p = beginNamed(b, off, NFT_MSG_NEWCHAIN, NLM_F_CREATE | NLM_F_ACK, seq, family, table, name);
        int h = p;
        p = RtnlCodec.beginNested(b, p, NFTA_CHAIN_HOOK);
        p = putBe32(b, p, NFTA_HOOK_HOOKNUM, hook);
        p = putBe32(b, p, NFTA_HOOK_PRIORITY, priority);
        p = RtnlCodec.endNested(b, h, p);
        p = putBe32(b, p, NFTA_CHAIN_POLICY, NF_ACCEPT);
        p = RtnlCodec.putString(b, p, NFTA_CHAIN_TYPE, "filter");
        RtnlCodec.end(b, off, p);
        return p;
    }

    /** A named set of addresses ({@link #TYPE_IPV4_ADDR} / {@link #TYPE_IPV6_ADDR}). */
    static int addressSet(ByteBuffer b, int off, int seq, int family, String table, String name, int keyType,
                          int setId) {
        int p = beginNamed(b, off, NFT_MSG_NEWSET, NLM_F_CREATE | NLM_F_ACK, seq, family, table, name);
        p = putBe32(b, p, NFTA_SET_KEY_TYPE, keyType);
        p = putBe32(b, p, NFTA_SET_KEY_LEN, keyType == TYPE_IPV4_ADDR ? 4 : 16);
        p = putBe32(b, p, NFTA_SET_ID, setId);
        // libnftnl user data: one TLV (u8 type, u8 len) saying the key is big-endian, so that
        // nft lists the elements as addresses
        byte[] udata = new byte[6];
        udata[0] = NFTNL_UDATA_SET_KEYBYTEORDER;
        udata[1] = 4;
        ByteBuffer.wrap(udata, 2, 4).order(b.order()).putInt(2, BYTEORDER_BIG_ENDIAN);
        p = RtnlCodec.putAttr(b, p, NFTA_SET_USERDATA, udata);
        RtnlCodec.end(b, off, p);
        return p;
    }

    /** NEWSETELEM (create; an element already there is not an error) or DELSETELEM, one key each. */
    static int setElements(ByteBuffer b, int off, int seq, boolean add, int family, String table, String set,
                           Iterable<byte[]> keys) {
        int msg = add ? NFT_MSG_NEWSETELEM : NFT_MSG_DELSETELEM;
        int p = beginNamed(b, off, msg, NLM_F_ACK | (add ? NLM_F_CREATE : 0), seq, family, table, set);
        int list = p;
        p = RtnlCodec.beginNested(b, p, NFTA_SET_ELEM_LIST_ELEMENTS);
        for (byte[] key : keys) {
            int elem = p;
            p = RtnlCodec.beginNested(b, p, NFTA_LIST_ELEM);
            int k = p;
            p = RtnlCodec.beginNested(b, p, NFTA_SET_ELEM_KEY);
            p = RtnlCodec.putAttr(b, p, NFTA_DATA_VALUE, key);
            p = RtnlCodec.endNested(b, k, p);
            p = RtnlCodec.endNested(b, elem, p);
        }
        p = RtnlCodec.endNested(b, list, p);
        RtnlCodec.end(b, off, p);
        return p;
    }

    /** Starts a rule appended to {@code chain}; add expressions, then {@link #endRule}. */
    static int beginRule(ByteBuffer b, int off, int seq, int family, String table, String chain) {
        int p = beginNamed(b, off, NFT_MSG_NEWRULE, NLM_F_APPEND | NLM_F_CREATE | NLM_F_ACK, seq, family, table,
                chain);
        return RtnlCodec.beginNested(b, p, NFTA_RULE_EXPRESSIONS);
    }

    /** Closes the expression list opened {@code 4} bytes before {@code expressions} and the message. */
    static int endRule(ByteBuffer b, int off, int expressions, int p) {
        RtnlCodec.endNested(b, expressions - 4, p);
        RtnlCodec.end(b, off, p);
        return p;
    }

    // ---------------------------------------------------------------- expressions

    /** {@code payload load LEN @ network header + OFFSET => reg DREG}. */
    static int payload(ByteBuffer b, int p, int base, int offset, int len, int dreg) {
        int[] e = beginExpr(b, p, "payload");
        p = e[2];
        p = putBe32(b, p, NFTA_PAYLOAD_DREG, dreg);
        p = putBe32(b, p, NFTA_PAYLOAD_BASE, base);
        p = putBe32(b, p, NFTA_PAYLOAD_OFFSET, offset);
        p = putBe32(b, p, NFTA_PAYLOAD_LEN, len);
        return endExpr(b, e, p);
    }

    /** {@code lookup reg SREG set SET}: the rule goes on when the register's value is in the set. */
    static int lookup(ByteBuffer b, int p, int sreg, String set) {
        int[] e = beginExpr(b, p, "lookup");
        p = e[2];
        p = putBe32(b, p, NFTA_LOOKUP_SREG, sreg);
        p = RtnlCodec.putString(b, p, NFTA_LOOKUP_SET, set);
        return endExpr(b, e, p);
    }

    /** An anonymous counter (keepalived's {@code nftables_counters}). */
    static int counter(ByteBuffer b, int p) {
        int[] e = beginExpr(b, p, "counter");
        return endExpr(b, e, e[2]);
    }

    /** {@code immediate reg 0 VERDICT}. */
    static int verdict(ByteBuffer b, int p, int code) {
        int[] e = beginExpr(b, p, "immediate");
        p = e[2];
        p = putBe32(b, p, NFTA_IMMEDIATE_DREG, NFT_REG_VERDICT);
        int data = p;
        p = RtnlCodec.beginNested(b, p, NFTA_IMMEDIATE_DATA);
        int v = p;
        p = RtnlCodec.beginNested(b, p, NFTA_DATA_VERDICT);
        p = putBe32(b, p, NFTA_VERDICT_CODE, code);
        p = RtnlCodec.endNested(b, v, p);
        p = RtnlCodec.endNested(b, data, p);
        return endExpr(b, e, p);
    }

    /** {list elem start, data start, next write offset}. */
    private static int[] beginExpr(ByteBuffer b, int p, String name) {
        int elem = p;
        p = RtnlCodec.beginNested(b, p, NFTA_LIST_ELEM);
        p = RtnlCodec.putString(b, p, NFTA_EXPR_NAME, name);
        int data = p;
        p = RtnlCodec.beginNested(b, p, NFTA_EXPR_DATA);
        return new int[] {elem, data, p};
    }

    private static int endExpr(ByteBuffer b, int[] e, int p) {
        RtnlCodec.endNested(b, e[1], p);
        return RtnlCodec.endNested(b, e[0], p);
    }

    static int putBe32(ByteBuffer b, int off, int type, int v) {
        b.putShort(off, (short) 8);
        b.putShort(off + 2, (short) type);
        b.put(off + 4, (byte) (v >>> 24));
        b.put(off + 5, (byte) (v >>> 16));
        b.put(off + 6, (byte) (v >>> 8));
        b.put(off + 7, (byte) v);
        return off + 8;
    }
}
