package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The IPVS generic-netlink messages byte for byte, laid out from include/uapi/linux/ip_vs.h and
 * in libipvs's attribute order (what keepalived and ipvsadm send): nlmsghdr, genlmsghdr
 * (cmd, version 1), then IPVS_CMD_ATTR_SERVICE / _DEST nested without NLA_F_NESTED.
 */
class IpvsCodecTest {
    private static final int FAMILY = 0x22;

    private static final String NL_HDR_ADD_SERVICE = "68000000 2200 0500 07000000 00000000 | 01 01 0000";
    private static final String SERVICE_TCP_80 = "5400 0100"
            + "0600 0100 0200 0000"                                   // AF_INET
            + "0600 0200 0600 0000"                                   // IPPROTO_TCP
            + "1400 0300 0a000001 00000000 00000000 00000000"        // 10.0.0.1 as nf_inet_addr
            + "0600 0400 0050 0000"                                   // port 80, big-endian
            + "0800 0600 776c6300"                                    // "wlc"
            + "0c00 0700 00000000 ffffffff"                           // flags 0, mask all ones
            + "0800 0800 00000000"                                    // persistence timeout 0
            + "0800 0900 ffffffff";                                   // netmask /32

    private static ByteBuffer buffer() {
        return RtnlCodec.allocate(1024);
    }

    private static IpvsService tcp80() throws Exception {
        return new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.0.0.1"), 80), "wlc",
                0, 0, IpvsService.fullNetmask(false), "");
    }

    @Test
    void addServiceIsLibipvsLayout() throws Exception {
        ByteBuffer b = buffer();
        int len = IpvsCodec.encodeService(b, 0, FAMILY, 7, IpvsCommand.ADD_SERVICE, tcp80());
        assertEquals(Bytes.hex(Bytes.hex(NL_HDR_ADD_SERVICE + SERVICE_TCP_80)), Bytes.hex(b, 0, len));
    }

    @Test
    void addDestCarriesTheServiceThenTheDest() throws Exception {
        ByteBuffer b = buffer();
        IpvsDest dr = new IpvsDest(InetAddress.getByName("10.0.0.2"), 80, IpvsDest.DROUTE, 3, 100, 10, 0, 0, 0);
        int len = IpvsCodec.encodeDest(b, 0, FAMILY, 9, IpvsCommand.ADD_DEST, tcp80(), dr);
        String dest = "4800 0200"
                + "0600 0b00 0200 0000"                               // IPVS_DEST_ATTR_ADDR_FAMILY AF_INET
                + "1400 0100 0a000002 00000000 00000000 00000000"    // 10.0.0.2
                + "0600 0200 0050 0000"                               // port 80
                + "0800 0300 03000000"                                // IP_VS_CONN_F_DROUTE
                + "0800 0400 03000000"                                // weight 3
                + "0800 0500 64000000"                                // uthreshold 100
                + "0800 0600 0a000000";                               // lthreshold 10
        String header = "b0000000 2200 0500 09000000 00000000 | 05 01 0000";
        assertEquals(Bytes.hex(Bytes.hex(header + SERVICE_TCP_80 + dest)), Bytes.hex(b, 0, len));
    }

    @Test
    void gueTunnelSendsTypePortAndChecksumFlags() throws Exception {
        ByteBuffer b = buffer();
        IpvsDest tun = new IpvsDest(InetAddress.getByName("10.0.0.3"), 80, IpvsDest.TUNNEL, 1, 0, 0,
                IpvsDest.TUN_GUE, 6080, IpvsDest.TUN_CSUM);
        int len = IpvsCodec.encodeDest(b, 0, FAMILY, 9, IpvsCommand.ADD_DEST, tcp80(), tun);
        String tail = "0800 0300 02000000"                              // IP_VS_CONN_F_TUNNEL
                + "0800 0400 01000000"
                + "0500 0d00 01000000"                                // TUN_TYPE gue (u8, padded)
                + "0600 0e00 17c0 0000"                               // TUN_PORT 6080 big-endian
                + "0600 0f00 0100 0000"                               // TUN_FLAGS csum
                + "0800 0500 00000000 0800 0600 00000000";
        String all = Bytes.hex(b, 0, len);
        assertEquals(Bytes.hex(Bytes.hex(tail)), all.substring(all.length() - tail.replace(" ", "").length()));
    }

    @Test
    void persistentIpv6FwmarkServiceWithEngine() {
        ByteBuffer b = buffer();
        IpvsService s = new IpvsService(IpvsServiceKey.fwmark(5, true), "sh",
                IpvsService.PERSISTENT | IpvsService.SCHED1 | IpvsService.SCHED2, 300, 64, "sip");
        int len = IpvsCodec.encodeService(b, 0, FAMILY, 1, IpvsCommand.ADD_SERVICE, s);
        String expected = "54000000 2200 0500 01000000 00000000 | 01 01 0000"
                + "4000 0100"
                + "0600 0100 0a00 0000"                               // AF_INET6
                + "0800 0500 05000000"                                // fwmark 5 (no protocol/addr/port)
                + "0700 0600 736800 00"                               // "sh"
                + "0800 0b00 73697000"                                // pe "sip"
                + "0c00 0700 19000000 ffffffff"                       // PERSISTENT|SCHED1|SCHED2
                + "0800 0800 2c010000"                                // 300 s
                + "0800 0900 40000000";                               // prefix length 64, host order
        assertEquals(Bytes.hex(Bytes.hex(expected)), Bytes.hex(b, 0, len));
    }

    @Test
    void ipv4GranularityGoesAsMaskBytes() throws Exception {
        ByteBuffer b = buffer();
        IpvsService s = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.UDP, InetAddress.getByName("10.0.0.1"), 53),
                "rr", IpvsService.PERSISTENT, 60, 0xffffff00, "");
        int len = IpvsCodec.encodeService(b, 0, FAMILY, 1, IpvsCommand.ADD_SERVICE, s);
        String all = Bytes.hex(b, 0, len);
        assertEquals("08000900ffffff00", all.substring(all.length() - 16));
    }

    @Test
    void dumpRequestsAndBareCommands() throws Exception {
        ByteBuffer b = buffer();
        int len = IpvsCodec.encodeDumpServices(b, 0, FAMILY, 3);
        assertEquals("14000000" + "2200" + "0103" + "03000000" + "00000000" + "04010000", Bytes.hex(b, 0, len));
        len = IpvsCodec.encodeBare(b, 0, FAMILY, 4, IpvsCommand.FLUSH);
        assertEquals("14000000" + "2200" + "0500" + "04000000" + "00000000" + "11010000", Bytes.hex(b, 0, len));
        len = IpvsCodec.encodeSetTimeouts(b, 0, FAMILY, 5, new IpvsTimeouts(900, 120, 300));
        assertEquals("2c000000" + "2200" + "0500" + "05000000" + "00000000" + "0c010000"
                + "0800040084030000" + "0800050078000000" + "080006002c010000", Bytes.hex(b, 0, len));
        len = IpvsCodec.encodeDumpDests(b, 0, FAMILY, 6, IpvsServiceKey.of(IpvsServiceKey.TCP,
                InetAddress.getByName("10.0.0.1"), 80));
        assertEquals("44000000" + "2200" + "0103" + "06000000" + "00000000" + "08010000"
                + "3000 0100 0600 0100 0200 0000 0600 0200 0600 0000"
                        .replace(" ", "")
                + "140003000a000001000000000000000000000000" + "0600040000500000", Bytes.hex(b, 0, len));
    }

    @Test
    void serviceAndDestDecodeBackFromAKernelReply() throws Exception {
        ByteBuffer b = buffer();
        IpvsService s = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.SCTP, InetAddress.getByName("2001:db8::1"),
                443), "mh", IpvsService.SCHED2, 0, 128, "");
        // a reply is the request's layout with cmd NEW_SERVICE and extra attributes (stats) we skip
        int len = IpvsCodec.encodeService(b, 0, FAMILY, 1, IpvsCommand.ADD_SERVICE, s);
        assertEquals(s, IpvsCodec.decodeService(b, 0));
        assertEquals(len, RtnlCodec.msgLen(b, 0));

        IpvsDest d = new IpvsDest(InetAddress.getByName("2001:db8::2"), 8443, IpvsDest.MASQ, 7, 0, 0, 0, 0, 0);
        IpvsCodec.encodeDest(b, 0, FAMILY, 1, IpvsCommand.ADD_DEST, s, d);
        assertEquals(d, IpvsCodec.decodeDest(b, 0, true));
    }

    @Test
    void ipv4MaskDecodesBackToTheMask() throws Exception {
        ByteBuffer b = buffer();
        IpvsService s = new IpvsService(IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("10.1.2.3"), 0),
                "wrr", IpvsService.PERSISTENT | IpvsService.HASHED, 360, 0xffff0000, "");
        IpvsCodec.encodeService(b, 0, FAMILY, 1, IpvsCommand.ADD_SERVICE, s);
        IpvsService back = IpvsCodec.decodeService(b, 0);
        assertEquals(0xffff0000, back.netmask());
        assertEquals(IpvsService.PERSISTENT, back.flags(), "the kernel's HASHED flag is not ours");
    }

    @Test
    void getFamilyAsksTheControllerByName() {
        ByteBuffer b = buffer();
        int len = GenlCodec.encodeGetFamily(b, 0, 2, "IPVS");
        assertEquals("20000000" + "1000" + "0500" + "02000000" + "00000000" + "03010000" + "0900020049505653"
                + "00000000", Bytes.hex(b, 0, len));
        // the controller's answer: CTRL_CMD_NEWFAMILY with CTRL_ATTR_FAMILY_ID first
        b.put(0, Bytes.hex("1c000000 1000 0000 02000000 00000000 01020000 0600 0100 2300 0000"
                + "0900 0200 49505653 00000000"));
        b.putInt(0, 36);
        assertEquals(0x23, GenlCodec.decodeFamilyId(b, 0));
    }

    @Test
    void errorsAreWordedAsKeepalivedLogsThem() throws Exception {
        IpvsDest d = IpvsDest.of(InetAddress.getByName("10.0.0.2"), 80, IpvsDest.MASQ, 1);
        IpvsException e = new IpvsException(IpvsCommand.ADD_DEST, Errno.EEXIST,
                tcp80().key().describe() + " -> " + d.describe());
        assertEquals("IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: Destination already exists(17)"
                + " (10.0.0.1:tcp:80 -> 10.0.0.2:80)", e.getMessage());
        assertEquals("IPVS cmd IP_VS_SO_SET_DEL(1156) error: No such service(3) (Fwm 7 inet6)",
                new IpvsException(IpvsCommand.DELETE_SERVICE, Errno.ESRCH, IpvsServiceKey.fwmark(7, true).describe())
                        .getMessage());
        assertEquals("No such destination", IpvsCommand.EDIT_DEST.describe(Errno.ENOENT));
        assertEquals("Scheduler or persistence engine not found", IpvsCommand.ADD_SERVICE.describe(Errno.ENOENT));
    }
    @Test
    void startDaemonCarriesStateInterfaceSyncIdAndTheSetOptions() throws Exception {
        ByteBuffer b = buffer();
        IpvsSyncDaemon master = new IpvsSyncDaemon(IpvsSyncDaemon.Role.MASTER, "eth0", 5, 0, 8848, 0,
                java.util.Optional.of(InetAddress.getByName("224.0.0.81")));
        int len = IpvsCodec.encodeDaemon(b, 0, FAMILY, 3, IpvsCommand.START_DAEMON, master);
        String expected = "44000000 2200 0500 03000000 00000000 | 09 01 0000"
                + "3000 0300"
                + "0800 0100 01000000"                                // IP_VS_STATE_MASTER
                + "0900 0200 65746830 00000000"                       // "eth0"
                + "0800 0300 05000000"                                // syncid 5
                + "0600 0700 9022 0000"                               // port 8848, host order
                + "0800 0500 e0000051";                               // 224.0.0.81
        assertEquals(Bytes.hex(Bytes.hex(expected)), Bytes.hex(b, 0, len));
    }

    @Test
    void stopDaemonCarriesOnlyStateAndSyncId() throws Exception {
        ByteBuffer b = buffer();
        IpvsSyncDaemon backup = new IpvsSyncDaemon(IpvsSyncDaemon.Role.BACKUP, "eth0", 7, 1400, 0, 2,
                java.util.Optional.empty());
        int len = IpvsCodec.encodeDaemon(b, 0, FAMILY, 4, IpvsCommand.STOP_DAEMON, backup);
        String expected = "28000000 2200 0500 04000000 00000000 | 0a 01 0000"
                + "1400 0300"
                + "0800 0100 02000000"                                // IP_VS_STATE_BACKUP
                + "0800 0300 07000000";                               // syncid 7
        assertEquals(Bytes.hex(Bytes.hex(expected)), Bytes.hex(b, 0, len));
    }

    @Test
    void daemonRefusalsAreWordedAsLibipvs() {
        assertEquals("IPVS cmd IP_VS_SO_SET_STARTDAEMON(1163) error: Daemon has already run(17)",
                new IpvsException(IpvsCommand.START_DAEMON, 17, "").getMessage());
        assertEquals("IPVS cmd IP_VS_SO_SET_STOPDAEMON(1164) error: No daemon is running(3)",
                new IpvsException(IpvsCommand.STOP_DAEMON, 3, "").getMessage());
    }
}
