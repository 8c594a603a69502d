package io.javakeepalived.daemon.dump;

import static io.javakeepalived.vrrp.packet.VrrpCounter.ADDR_LIST_ERR;
import static io.javakeepalived.vrrp.packet.VrrpCounter.ADVERT_INTERVAL_ERR;
import static io.javakeepalived.vrrp.packet.VrrpCounter.ADVERT_RCVD;
import static io.javakeepalived.vrrp.packet.VrrpCounter.ADVERT_SENT;
import static io.javakeepalived.vrrp.packet.VrrpCounter.AUTHTYPE_MISMATCH;
import static io.javakeepalived.vrrp.packet.VrrpCounter.AUTH_FAILURE;
import static io.javakeepalived.vrrp.packet.VrrpCounter.BECOME_MASTER;
import static io.javakeepalived.vrrp.packet.VrrpCounter.INVALID_AUTHTYPE;
import static io.javakeepalived.vrrp.packet.VrrpCounter.INVALID_TYPE_RCVD;
import static io.javakeepalived.vrrp.packet.VrrpCounter.IP_TTL_ERR;
import static io.javakeepalived.vrrp.packet.VrrpCounter.PACKET_LEN_ERR;
import static io.javakeepalived.vrrp.packet.VrrpCounter.PRI_ZERO_RCVD;
import static io.javakeepalived.vrrp.packet.VrrpCounter.PRI_ZERO_SENT;
import static io.javakeepalived.vrrp.packet.VrrpCounter.RELEASE_MASTER;

import java.util.List;

/**
 * keepalived.stats (SIGUSR2, and SIGRTMAX-1 which then clears the counters) exactly as
 * keepalived 2.2.7's vrrp_print.c writes it, one block per instance. keepalived-exporter reads
 * it with {@code ParseStats}: {@code VRRP Instance: NAME}, two-space section headers ending in
 * a colon, four-space {@code key: number} lines, and the two-space {@code Became master} /
 * {@code Released master} lines.
 */
public final class StatsDumpWriter {

    private StatsDumpWriter() {
    }

    public static String render(VrrpStateSnapshot s) {
        return render(s.instances());
    }

    public static String render(List<InstanceSnapshot> instances) {
        StringBuilder o = new StringBuilder(512 * Math.max(1, instances.size()));
        for (InstanceSnapshot v : instances) {
            o.append("VRRP Instance: ").append(v.name()).append('\n');
            o.append("  Advertisements:\n");
            o.append("    Received: ").append(v.counter(ADVERT_RCVD)).append('\n');
            o.append("    Sent: ").append(v.counter(ADVERT_SENT)).append('\n');
            o.append("  Became master: ").append(v.counter(BECOME_MASTER)).append('\n');
            o.append("  Released master: ").append(v.counter(RELEASE_MASTER)).append('\n');
            o.append("  Packet Errors:\n");
            o.append("    Length: ").append(v.counter(PACKET_LEN_ERR)).append('\n');
            o.append("    TTL: ").append(v.counter(IP_TTL_ERR)).append('\n');
            o.append("    Invalid Type: ").append(v.counter(INVALID_TYPE_RCVD)).append('\n');
            o.append("    Advertisement Interval: ").append(v.counter(ADVERT_INTERVAL_ERR)).append('\n');
            o.append("    Address List: ").append(v.counter(ADDR_LIST_ERR)).append('\n');
            o.append("  Authentication Errors:\n");
            o.append("    Invalid Type: ").append(v.counter(INVALID_AUTHTYPE)).append('\n');
            o.append("    Type Mismatch: ").append(v.counter(AUTHTYPE_MISMATCH)).append('\n');
            o.append("    Failure: ").append(v.counter(AUTH_FAILURE)).append('\n');
            o.append("  Priority Zero:\n");
            o.append("    Received: ").append(v.counter(PRI_ZERO_RCVD)).append('\n');
            o.append("    Sent: ").append(v.counter(PRI_ZERO_SENT)).append('\n');
        }
        return o.toString();
    }
}
