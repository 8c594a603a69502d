package io.javakeepalived.check;

import io.javakeepalived.check.probe.ServiceNames;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;
import io.javakeepalived.util.CommandText;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The "LVS Topology" section of keepalived_check.data as keepalived 2.2.7 writes it
 * (check_data.c {@code dump_check_data}, {@code dump_vsg}, {@code dump_vs}, {@code dump_rs},
 * {@code dump_forwarding_method}), from the configuration and the checkers' standing. Pure.
 *
 * <p>Where the model has no counterpart the line follows what keepalived prints for an unset
 * value: the per-server {@code Retry count}, {@code Retry delay} and {@code Warmup} lines (which
 * keepalived prints only when retry, delay_before_retry or warmup is set at virtual or real server
 * level; here they are per checker) are not written; {@code previous effective_weight} and
 * {@code reloaded} are 0 (keepalived sets them during a reload only); a virtual server's
 * {@code alive} is 1 (keepalived sets it once the service is programmed).
 */
final class LvsTopologyDump {

    /** The IPVS version keepalived's headers carry (IP_VS_VERSION_CODE 0x010201). */
    static final String LVS_VERSION = "1.2.1";

    private LvsTopologyDump() {
    }

    static void write(StringBuilder out, List<VirtualServerGroup> groups, List<VirtualServerHealth> pools) {
        if (pools.isEmpty()) {
            return;
        }
        line(out, "------< LVS Topology >------");
        line(out, " System is compiled with LVS v" + LVS_VERSION);
        for (VirtualServerGroup g : groups) {
            group(out, g, pools);
        }
        for (VirtualServerHealth vs : pools) {
            virtualServer(out, vs);
        }
    }

    private static void group(StringBuilder out, VirtualServerGroup g, List<VirtualServerHealth> pools) {
        line(out, " ------< Virtual server group >------");
        boolean v4 = false;
        boolean v6 = false;
        for (VirtualServerGroup.Entry e : g.entries()) {
            if (e instanceof VirtualServerGroup.AddressRange r) {
                v4 |= !(r.first() instanceof Inet6Address);
                v6 |= r.first() instanceof Inet6Address;
            } else if (e instanceof VirtualServerGroup.Fwmark f) {
                v4 |= f.family().map(x -> x == AddressFamily.IPV4).orElse(true);
                v6 |= f.family().map(x -> x == AddressFamily.IPV6).orElse(true);
            }
        }
        line(out, " Virtual Server Group = " + g.name() + ", IPv4 = " + yesNo(v4) + ", IPv6 = " + yesNo(v6));
        // keepalived lists the address entries, then the fwmark ones
        for (VirtualServerGroup.Entry e : g.entries()) {
            if (e instanceof VirtualServerGroup.AddressRange r) {
                String first = Text.address(r.first());
                line(out, r.first().equals(r.last()) ? "   VIP = " + first + ", VPORT = " + r.port()
                        : "   VIP Range = " + first + "-" + Text.address(r.last()) + ", VPORT = " + r.port());
                line(out, "     Alive: " + alive(g, pools, VirtualServer.Protocol.TCP) + " tcp, "
                        + alive(g, pools, VirtualServer.Protocol.UDP) + " udp, "
                        + alive(g, pools, VirtualServer.Protocol.SCTP) + " sctp");
                line(out, "     reloaded = False");
            }
        }
        for (VirtualServerGroup.Entry e : g.entries()) {
            if (e instanceof VirtualServerGroup.Fwmark f) {
                line(out, "   FWMARK = " + f.mark() + f.family().map(x -> x == AddressFamily.IPV4 ? " IPv4" : " IPv6")
                        .orElse(""));
                long users = pools.stream().filter(p -> p.config().group().equals(Optional.of(g.name()))).count();
                line(out, "     Alive: " + users + " IPv4, " + users + " IPv6");
                line(out, "     reloaded = False");
            }
        }
    }

    /** How many virtual servers of {@code protocol} use the group (keepalived counts them as they are set up). */
    private static long alive(VirtualServerGroup g, List<VirtualServerHealth> pools, VirtualServer.Protocol protocol) {
        return pools.stream().map(VirtualServerHealth::config)
                .filter(c -> c.group().equals(Optional.of(g.name()))
                        && c.protocol().orElse(VirtualServer.Protocol.UDP) == protocol)
                .count();
    }

    private static void virtualServer(StringBuilder out, VirtualServerHealth health) {
        VirtualServer vs = health.config();
        line(out, " ------< Virtual server >------");
        switch (vs.kind()) {
            case GROUP -> line(out, " VS GROUP = " + ServiceNames.virtualServer(vs));
            case FWMARK -> line(out, " VS FWMARK = " + vs.fwmark());
            case ADDRESS -> line(out, " VS VIP = " + Text.address(vs.address().orElseThrow()) + ", VPORT = " + vs.port());
        }
        vs.virtualhost().ifPresent(h -> line(out, "   VirtualHost = " + h));
        line(out, "   Address family = " + vs.family().map(f -> f == AddressFamily.IPV4 ? "inet" : "inet6")
                .orElse("unknown"));
        line(out, "   connection timeout = " + decimal(vs.connectTimeout()));
        line(out, "   delay_loop = " + decimal(vs.delayLoop()));
        line(out, "   lvs_sched = " + vs.scheduler());
        line(out, "   Hashed = " + able(vs.schedulerFlags().contains("hashed")));
        boolean flag1 = hasAny(vs, "flag-1", "sh-fallback", "mh-fallback");
        boolean flag2 = hasAny(vs, "flag-2", "sh-port", "mh-port");
        if (vs.scheduler().equals("sh") || vs.scheduler().equals("mh")) {
            line(out, "   " + vs.scheduler() + "-port = " + able(flag2));
            line(out, "   " + vs.scheduler() + "-fallback = " + able(flag1));
        } else {
            line(out, "   flag-1 = " + able(flag1));
            line(out, "   flag-2 = " + able(flag2));
            line(out, "   flag-3 = " + able(vs.schedulerFlags().contains("flag-3")));
        }
        boolean ops = vs.schedulerFlags().contains("ops");
        line(out, "   One packet scheduling = " + able(ops)
                + (ops && vs.protocol().orElse(VirtualServer.Protocol.UDP) != VirtualServer.Protocol.UDP
                ? " (inactive due to not UDP)" : ""));
        if (vs.persistenceTimeout() != 0) {
            line(out, "   persistence timeout = " + vs.persistenceTimeout());
        }
        vs.persistenceGranularity().ifPresent(g -> line(out, "   persistence granularity = " + g));
        line(out, "   protocol = " + (vs.kind() == VirtualServer.Kind.FWMARK ? "none"
                : vs.protocol().orElse(VirtualServer.Protocol.UDP).name()));
        line(out, "   alpha is " + onOff(vs.alpha()));
        line(out, "   omega is " + onOff(vs.omega()));
        line(out, "   Inhibit on failure is " + onOff(vs.inhibitOnFailure()));
        line(out, "   quorum = " + vs.quorum() + ", hysteresis = " + vs.hysteresis());
        vs.quorumUp().ifPresent(s -> line(out, "   Quorum up notify script = " + command(s)));
        vs.quorumDown().ifPresent(s -> line(out, "   Quorum down notify script = " + command(s)));
        if (vs.haSuspend()) {
            line(out, "   Using HA suspend");
        }
        line(out, "   Using smtp notification = " + yesNo(vs.smtpAlert()));
        forwarding(out, "default ", vs.forwarding());
        vs.sorryServer().ifPresent(s -> {
            boolean duplicates = vs.realServers().stream()
                    .anyMatch(rs -> rs.address().equals(s.address()) && rs.port() == s.port());
            line(out, "   sorry server " + (duplicates ? "(duplicates rs) " : "") + "= "
                    + ServiceNames.server(s.address(), s.port(), vs));
            forwarding(out, "  ", s.forwarding() != null ? s.forwarding() : vs.forwarding());
            line(out, "     Inhibit on failure is " + onOff(s.inhibit()));
        });
        line(out, "   alive = 1");
        line(out, "   quorum_state_up = " + (health.quorumUp() ? 1 : 0));
        line(out, "   reloaded = 0");
        for (RealServerHealth rs : health.realServers()) {
            realServer(out, health, rs);
        }
    }

    private static void realServer(StringBuilder out, VirtualServerHealth vs, RealServerHealth health) {
        RealServer rs = health.config();
        VirtualServer v = vs.config();
        line(out, "   ------< Real server >------");
        line(out, "   RIP = " + Text.address(rs.address()) + ", RPORT = " + rs.port() + ", WEIGHT = " + health.weight()
                + " EFF WEIGHT = " + health.effectiveWeight());
        forwarding(out, "", rs.forwarding());
        line(out, "   Alpha is " + onOff(rs.alpha()));
        line(out, "   connection timeout = " + decimal(v.connectTimeout()));
        line(out, "   connection limit range = " + rs.lowerThreshold() + " -> " + rs.upperThreshold());
        line(out, "   Delay loop = " + decimal(v.delayLoop()));
        line(out, "   Inhibit on failure is " + onOff(rs.inhibitOnFailure()));
        rs.notifyUp().ifPresent(s -> line(out, "     RS up notify script = " + command(s)));
        rs.notifyDown().ifPresent(s -> line(out, "     RS down notify script = " + command(s)));
        rs.virtualhost().ifPresent(h -> line(out, "    VirtualHost = '" + h + "'"));
        line(out, "   Using smtp notification = " + yesNo(rs.smtpAlert()));
        line(out, "   initial weight = " + rs.weight());
        line(out, "   effective weight = " + health.effectiveWeight());
        line(out, "   previous effective_weight = 0");
        line(out, "   alive = " + (health.alive() ? 1 : 0));
        line(out, "   num failed checkers = " + health.failedCheckers());
        boolean set = HealthSnapshot.tableWeight(v, vs.quorumUp(), rs, health.alive(), health.weight()).isPresent();
        line(out, "   RS set = " + (set ? 1 : 0));
        line(out, "   reloaded = 0");
    }

    /**
     * dump_forwarding_method for a build with tunnel types; its GUE and GRE lines leave the prefix
     * out (the format has one %s fewer than the call passes), which is copied here.
     */
    private static void forwarding(StringBuilder out, String prefix, Forwarding f) {
        String method = "forwarding method = ";
        switch (f.method()) {
            case NAT -> line(out, "   " + prefix + method + "NAT");
            case DR -> line(out, "   " + prefix + method + "DR");
            case TUN -> {
                String type = f.tunnelType().orElse("ipip");
                String csum = switch (f.tunnelChecksum().orElse("nocsum")) {
                    case "csum" -> ", checksum";
                    case "remcsum" -> ", remote checksum";
                    default -> ", no checksum";
                };
                if (type.equals("gue")) {
                    line(out, "   " + method + "TUN, type = GUE, port = " + f.tunnelPort().orElse(0) + csum);
                } else if (type.equals("gre")) {
                    line(out, "   " + method + "TUN, type = GRE" + csum);
                } else {
                    line(out, "   " + prefix + method + "TUN, type = IPIP");
                }
            }
        }
    }

    private static boolean hasAny(VirtualServer vs, String... flags) {
        for (String f : flags) {
            if (vs.schedulerFlags().contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** keepalived's cmd_str and the uid:gid it runs as. */
    private static String command(ScriptCommand s) {
        return CommandText.of(s.argv()) + ", uid:gid " + s.uid() + ":" + s.gid();
    }

    /** keepalived's format_decimal(value, TIMER_HZ_DIGITS): seconds with six decimals. */
    static String decimal(Duration d) {
        long micros = d.toNanos() / 1_000;
        return micros / 1_000_000 + "." + String.format(java.util.Locale.ROOT, "%06d", micros % 1_000_000);
    }

    private static String able(boolean b) {
        return b ? "enabled" : "disabled";
    }

    private static String onOff(boolean b) {
        return b ? "ON" : "OFF";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }
}
