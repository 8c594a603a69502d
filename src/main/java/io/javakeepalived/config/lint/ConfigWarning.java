package io.javakeepalived.config.lint;

import io.javakeepalived.config.SourceLocation;

import java.util.Objects;

/**
 * A configuration keepalived accepts but that bites in production: what is wrong, why it
 * bites and what to write instead, at the line at fault. Printed as
 * {@code FILE:LINE: WARNING: message}, the form of every other config message.
 *
 * @param location the line at fault; null only when the model has no line for it
 */
public record ConfigWarning(SourceLocation location, String message) {

    public ConfigWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + "WARNING: " + message;
    }
}
