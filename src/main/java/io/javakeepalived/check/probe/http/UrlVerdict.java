package io.javakeepalived.check.probe.http;

/** How one url of an attempt ended. */
sealed interface UrlVerdict {

    /**
     * The url passed; {@code what} names the last test it passed, as keepalived's success line
     * does ("HTTP status code", "MD5 digest", "Regex match").
     */
    record Pass(String what) implements UrlVerdict {
    }

    /** It failed: {@code failure} gives keepalived's line, {@code reason} says what exactly ("status code 503"). */
    record Fail(HttpFailure failure, String reason) implements UrlVerdict {
    }
}
