package io.javakeepalived.check.probe.http;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;

/**
 * What a url's checks need of the body, taken as it streams: the MD5 of its first Content-Length
 * bytes (all of it without one, as keepalived) and the regex window. Nothing else is kept.
 */
final class ResponseBody {
    private final MessageDigest md5;
    private final RegexWindow regex;
    private final long digestLimit;
    private long received;

    /**
     * @param wantDigest    whether the url has a {@code digest}
     * @param regex         the url's regex window, or null
     * @param contentLength the response's Content-Length header
     */
    ResponseBody(boolean wantDigest, RegexWindow regex, OptionalLong contentLength) {
        this.md5 = wantDigest ? newMd5() : null;
        this.regex = regex;
        this.digestLimit = contentLength.orElse(Long.MAX_VALUE);
    }

    /** Takes all of {@code bytes}, the next part of the body. */
    void feed(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (md5 != null && received < digestLimit) {
            ByteBuffer part = bytes.duplicate();
            part.limit(part.position() + (int) Math.min(n, digestLimit - received));
            md5.update(part);
        }
        if (regex != null) {
            regex.feed(bytes);
        }
        bytes.position(bytes.limit());
        received += n;
    }

    /** The MD5 of the body (empty array when the url has no digest). */
    byte[] digest() {
        return md5 == null ? new byte[0] : md5.digest();
    }

    /** Whether the regex matched somewhere allowed (false when there is none). */
    boolean regexMatched() {
        return regex != null && regex.matchedAtEnd();
    }

    long received() {
        return received;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
