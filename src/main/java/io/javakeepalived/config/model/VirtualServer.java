package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code virtual_server IP PORT | fwmark N | group NAME { }} after keepalived's checks.
 *
 * @param scheduler           lb_algo; default wlc (keepalived reports it missing)
 * @param persistenceTimeout  seconds, 0 = not persistent (no value = 360)
 * @param protocol            TCP/UDP/SCTP; keepalived defaults to UDP for address services and
 *                            ignores it (warning) for fwmark services
 * @param quorum              default 1; reduced to the total real server weight if above it
 * @param delayLoop           default 60 s
 * @param connectTimeout      default 5 s
 * @param smtpAlert           resolved like {@link VrrpInstance#smtpAlert()}
 */
public record VirtualServer(Kind kind, Optional<InetAddress> address, int port, long fwmark, Optional<String> group,
                            Optional<AddressFamily> family, String scheduler, List<String> schedulerFlags,
                            Forwarding forwarding, long persistenceTimeout, Optional<String> persistenceGranularity,
                            Optional<String> persistenceEngine, Optional<Protocol> protocol, boolean haSuspend,
                            boolean smtpAlert, Optional<String> virtualhost, boolean alpha, boolean omega,
                            long quorum, long hysteresis, Optional<ScriptCommand> quorumUp,
                            Optional<ScriptCommand> quorumDown, int weight, Duration delayLoop,
                            Duration connectTimeout, boolean inhibitOnFailure, Optional<SorryServer> sorryServer,
                            List<RealServer> realServers, SourceLocation location) {
    public VirtualServer {
        schedulerFlags = List.copyOf(schedulerFlags);
        realServers = List.copyOf(realServers);
    }

    public enum Kind { ADDRESS, FWMARK, GROUP }

    public enum Protocol { TCP, UDP, SCTP }

    /** sorry_server IP [PORT], sorry_server_inhibit, sorry_server_lvs_method. */
    public record SorryServer(InetAddress address, int port, Forwarding forwarding, boolean inhibit) {
    }

    /** "IP:PORT", "FWM N" or "group NAME", as keepalived names the service in its messages. */
    public String describe() {
        return switch (kind) {
            case ADDRESS -> {
                String a = address.map(Text::address).orElse("?");
                yield (family.orElse(AddressFamily.IPV4) == AddressFamily.IPV6 ? "[" + a + "]" : a) + ":" + port;
            }
            case FWMARK -> "FWM " + fwmark;
            case GROUP -> "group " + group.orElse("?");
        };
    }
}
