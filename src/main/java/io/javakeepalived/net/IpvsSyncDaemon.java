package io.javakeepalived.net;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the kernel's IPVS connection-sync daemons (ipvsadm --start-daemon): a master sends the
 * director's connection table to the backups over multicast on {@code interfaceName}, a backup
 * takes it in, so that a failover keeps the established connections. 0 in {@code maxLength},
 * {@code port} or {@code ttl} leaves the kernel's default (libipvs does not send them then).
 *
 * @param role          master or backup
 * @param interfaceName the multicast interface
 * @param syncId        the SyncID both ends agree on (0 to 255)
 * @param maxLength     the UDP payload size
 * @param port          the multicast port (the kernel's default 8848)
 * @param ttl           the multicast TTL
 * @param group         the multicast group (the kernel's default 224.0.0.81)
 */
public record IpvsSyncDaemon(Role role, String interfaceName, int syncId, int maxLength, int port, int ttl,
                             Optional<InetAddress> group) {

    /** IP_VS_STATE_MASTER / IP_VS_STATE_BACKUP. */
    public enum Role {
        MASTER(1), BACKUP(2);

        private final int kernelState;

        Role(int kernelState) {
            this.kernelState = kernelState;
        }

        int kernelState() {
            return kernelState;
        }
    }

    public IpvsSyncDaemon {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(group, "group");
    }

    /** The same daemon in {@code other}'s role. */
    public IpvsSyncDaemon as(Role other) {
        return new IpvsSyncDaemon(other, interfaceName, syncId, maxLength, port, ttl, group);
    }

    /** {@code master syncid 5 on eth0}: how our log lines name it. */
    public String describe() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + " syncid " + syncId + " on " + interfaceName;
    }
}
