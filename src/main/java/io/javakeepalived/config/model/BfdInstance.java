package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code bfd_instance NAME { }} (accepted and checked; javakeepalived does not run BFD).
 *
 * @param minRx     ms, default 10
 * @param minTx     ms, default 10
 * @param idleTx    ms, default 1000
 * @param multiplier default 5
 */
public record BfdInstance(String name, Optional<InetAddress> neighbor, Optional<InetAddress> source, int minRx,
                          int minTx, int idleTx, int multiplier, boolean passive, int ttl, int hopLimit, int maxHops,
                          int weight, boolean weightReverse, boolean vrrpOnly, boolean checkerOnly,
                          SourceLocation location) {
}
