package io.javakeepalived.mail;

import java.util.Objects;

/** One alert as keepalived words it: the whole subject line (router_id included) and the body. */
public record Alert(String subject, String body) {
    public Alert {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
