package io.javakeepalived.config.status;

import io.javakeepalived.config.SourceLocation;

import java.util.Objects;

/**
 * A keyword a configuration uses that the daemon accepts and does not act on, at its first use.
 * Printed as {@code FILE:LINE: KEYWORD is accepted for compatibility but not implemented - REASON}.
 *
 * @param keyword as written; with its argument where only that value is not implemented ({@code auth_type AH})
 */
public record UnimplementedKeyword(SourceLocation location, String keyword, String reason) {

    public UnimplementedKeyword {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return location + ": " + keyword + " is accepted for compatibility but not implemented - " + reason;
    }
}
