package io.javakeepalived.config.model;

import java.util.Optional;

/** The top-level {@code SSL { password; ca; certificate; key }} block of the checkers. */
public record SslContext(Optional<String> password, Optional<String> ca, Optional<String> certificate,
                         Optional<String> key) {
}
