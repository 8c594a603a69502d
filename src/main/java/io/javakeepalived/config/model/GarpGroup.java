package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code garp_group { garp_interval T; gna_interval T; interface IF | interfaces { IF... } }}. */
public record GarpGroup(Optional<Duration> garpInterval, Optional<Duration> gnaInterval, List<String> interfaces,
                        SourceLocation location) {
    public GarpGroup {
        interfaces = List.copyOf(interfaces);
    }
}
