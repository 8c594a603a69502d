package io.javakeepalived.config.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * lb_kind / lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum].
 */
public record Forwarding(Method method, Optional<String> tunnelType, OptionalInt tunnelPort,
                         Optional<String> tunnelChecksum) {
    public static final Forwarding NAT = new Forwarding(Method.NAT, Optional.empty(), OptionalInt.empty(),
            Optional.empty());

    public enum Method { NAT, DR, TUN }
}
