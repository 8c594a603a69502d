package io.javakeepalived.config.status;

import java.util.Objects;

/**
 * Whether the running daemon acts on a keyword the configuration accepts.
 *
 * @param support what the daemon does with it
 * @param reason  for {@link Support#NOT_IMPLEMENTED}: what the operator loses, in a few words;
 *                for {@link Support#ACTED_ON}: empty, or why a keyword with no visible effect counts
 */
public record KeywordStatus(Support support, String reason) {

    /** The two answers; there is no third ("partly"): a keyword acted on in part is NOT_IMPLEMENTED, the missing part named. */
    public enum Support {
        /** the running daemon reads it and does what keepalived does with it */
        ACTED_ON,
        /** accepted so that keepalived's configurations load, then ignored (in whole or in part) */
        NOT_IMPLEMENTED
    }

    public KeywordStatus {
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(reason, "reason");
        if (support == Support.NOT_IMPLEMENTED && reason.isBlank()) {
            throw new IllegalArgumentException("a keyword that is not implemented says what is missing");
        }
    }

    static final KeywordStatus ACTED = new KeywordStatus(Support.ACTED_ON, "");

    static KeywordStatus notImplemented(String reason) {
        return new KeywordStatus(Support.NOT_IMPLEMENTED, reason);
    }

    public boolean implemented() {
        return support == Support.ACTED_ON;
    }
}
