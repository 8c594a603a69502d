package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of static_rules / virtual_rules; words kept as configured plus the fields
 * keepalived checks.
 *
 * @param action      "table" (with {@link #table}), "goto", "nop", "blackhole", "unreachable",
 *                    "prohibit" or "l3mdev"
 * @param preference  rule preference; keepalived sets 16384 (with an error) when missing
 */
public record RuleSpec(AddressFamily family, Optional<IpPrefix> from, Optional<IpPrefix> to, String action,
                       Optional<String> table, long preference, Optional<String> inputInterface,
                       Optional<String> outputInterface, Optional<String> fwmark, boolean noTrack,
                       Optional<String> trackGroup, List<String> words, SourceLocation location) {
    public RuleSpec {
        Objects.requireNonNull(family, "family");
        words = List.copyOf(words);
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
