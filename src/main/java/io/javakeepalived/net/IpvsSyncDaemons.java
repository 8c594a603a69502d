package io.javakeepalived.net;

import java.io.IOException;

/**
 * The kernel's IPVS connection-sync daemons in the network namespace they were opened in: what
 * ipvsadm --start-daemon / --stop-daemon do, over generic netlink. A refusal is an
 * {@link IpvsException} worded as keepalived logs it
 * ({@code IPVS cmd IP_VS_SO_SET_STARTDAEMON(1163) error: Daemon has already run(17)}).
 */
public interface IpvsSyncDaemons {

    /** Starts {@code daemon} in its role (IPVS_CMD_NEW_DAEMON). */
    void startDaemon(IpvsSyncDaemon daemon) throws IOException;

    /** Stops the daemon of {@code daemon}'s role (IPVS_CMD_DEL_DAEMON with its state and syncid). */
    void stopDaemon(IpvsSyncDaemon daemon) throws IOException;
}
