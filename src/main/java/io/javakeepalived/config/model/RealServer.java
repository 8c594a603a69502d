package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code real_server IP [PORT] { }} with the virtual server's defaults applied.
 *
 * @param port       for NAT (and non-fwmark services) the virtual server's port when not given
 * @param weight     default: the virtual server's weight (1)
 * @param smtpAlert  resolved: own, else smtp_alert_checker / smtp_alert, else on (keepalived's
 *                   backward-compatible default for real servers)
 */
public record RealServer(InetAddress address, int port, int weight, Forwarding forwarding, long upperThreshold,
                         long lowerThreshold, boolean inhibitOnFailure, Optional<ScriptCommand> notifyUp,
                         Optional<ScriptCommand> notifyDown, boolean alpha, boolean smtpAlert,
                         Optional<String> virtualhost, List<Checker> checkers, SourceLocation location) {
    public RealServer {
        Objects.requireNonNull(address, "address");
        checkers = List.copyOf(checkers);
    }
}
