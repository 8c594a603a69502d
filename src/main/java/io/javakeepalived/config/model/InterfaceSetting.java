package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.time.Duration;
import java.util.Optional;

/**
 * A per-interface line of {@code linkbeat_interfaces} (polling method) or
 * {@code interface_up_down_delays} (down and up debounce delays).
 */
public record InterfaceSetting(String interfaceName, Optional<String> linkbeatMethod, Optional<Duration> downDelay,
                               Optional<Duration> upDelay, SourceLocation location) {
}
