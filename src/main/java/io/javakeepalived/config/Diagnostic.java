package io.javakeepalived.config;

/**
 * One message about the configuration. {@code location} is null only for problems that
 * belong to no line (e.g. the main file cannot be opened). Printed as
 * {@code FILE:LINE: message}.
 */
public record Diagnostic(ConfigErrorKind kind, SourceLocation location, String message) {

    @Override
    public String toString() {
        return location == null ? message : location + ": " + message;
    }
}
