package io.javakeepalived.daemon.dump;

import java.util.Objects;

/**
 * A notify FIFO from global_defs ({@code notify_fifo}, {@code vrrp_notify_fifo}).
 *
 * @param name   FIFO path
 * @param uid    owner uid
 * @param gid    owner gid
 * @param script the script reading it, or null
 */
public record FifoInfo(String name, long uid, long gid, NotifyScript script) {

    public FifoInfo {
        Objects.requireNonNull(name, "name");
    }
}
