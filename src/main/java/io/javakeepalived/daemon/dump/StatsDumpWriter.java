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

import io.javakeepalived.vrrp.packet.VrrpCounter;
import java.util.List;

/**
 * keepalived.stats (SIGUSR2, and SIGRTMAX-1 which then clears the counters) exactly as
 * keepalived 2.2.7's vrrp_print.c writes it, one block per instance. keepalived-exporter reads
 * it with {@code ParseStats}: {@code VRRP Instance: NAME}, two-space section headers ending in
 * a colon, four-space {@code key: number} lines, and the two-space {@code Became master} /
 * {@code Released master} lines.
 *
 * <p>The wording is {@link VrrpCounter#label()}: a label {@code "Section: Line"} opens the
 * section the first time it is met, a label without a section is a line of its own.
 */
public final class StatsDumpWriter {

    /** vrrp_print.c's order, which is not the JSON order of {@link VrrpCounter}. */
    static final List<VrrpCounter> STATS_ORDER = List.of(ADVERT_RCVD, ADVERT_SENT, BECOME_MASTER,
            RELEASE_MASTER, PACKET_LEN_ERR, IP_TTL_ERR, INVALID_TYPE_RCVD, ADVERT_INTERVAL_ERR, ADDR_LIST_ERR,
            INVALID_AUTHTYPE, AUTHTYPE_MISMATCH, AUTH_FAILURE, PRI_ZERO_RCVD, PRI_ZERO_SENT);

    private static final String SECTION_END = ": ";

    private StatsDumpWriter() {
    }

    public static String render(VrrpStateSnapshot s) {
        return render(s.instances());
    }

    public static String render(List<InstanceSnapshot> instances) {
        StringBuilder o = new StringBuilder(512 * Math.max(1, instances.size()));
        for (InstanceSnapshot v : instances) {
            o.append("VRRP Instance: ").append(v.identity().name()).append('\n');
            String section = null;
            for (VrrpCounter c : STATS_ORDER) {
                String label = c.label();
                int end = label.indexOf(SECTION_END);
                if (end < 0) {
                    section = null;
                    o.append("  ").append(label);
                } else {
                    String title = label.substring(0, end);
                    if (!title.equals(section)) {
                        section = title;
                        o.append("  ").append(title).append(":\n");
                    }
                    o.append("    ").append(label, end + SECTION_END.length(), label.length());
                }
                o.append(": ").append(v.counter(c)).append('\n');
            }
        }
        return o.toString();
    }
}
