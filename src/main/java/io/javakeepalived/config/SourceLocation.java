package io.javakeepalived.config;

import java.util.Objects;

/**
 * Where a piece of configuration came from: the file as the operator named it (or as an
 * include resolved it) and the 1-based line. Printed as {@code FILE:LINE}, the form every
 * config message starts with.
 */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
