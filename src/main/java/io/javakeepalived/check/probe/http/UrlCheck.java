package io.javakeepalived.check.probe.http;

import io.javakeepalived.config.model.Checker;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code url { }} made ready once per checker (request bytes, status set, digest, compiled
 * regex), then used by every attempt: what to send, and what the answer must be.
 */
final class UrlCheck {
    private final String path;
    private final Optional<String> virtualhost;
    private final byte[] request;
    private final StatusCodes statusCodes;
    private final byte[] digest;          // null: no digest test
    private final Pattern regex;          // null: no regex test
    private final boolean regexNoMatch;
    private final long regexMinOffset;
    private final long regexMaxOffset;
    private final String mismatchLine;
    /** Content-Length minus bytes received at the last answer; the one state kept between attempts. */
    private long lastMismatch;

    /**
     * @param warn hears what keepalived would log about the url at load time (a regex that does
     *             not compile, an option Java lacks); the url is then checked without it
     */
    UrlCheck(Checker.Url url, HttpProtocol protocol, Optional<String> checkerVirtualhost, InetAddress target,
             int port, Consumer<String> warn, String mismatchPrefix) {
        this.path = url.path();
        this.mismatchLine = mismatchPrefix + url.virtualhost().orElse("") + url.path()
                + ": content_length (%d) does not match received bytes (%d)";
        this.virtualhost = url.virtualhost().or(() -> checkerVirtualhost);
        this.request = HttpRequestText.of(url.path(), protocol, virtualhost, target, port);
        this.statusCodes = new StatusCodes(url.statusCodes());
        this.digest = url.digest().map(HexFormat.of()::parseHex).orElse(null);
        this.regex = url.regex().map(r -> compile(r, url.regexOptions(), warn)).orElse(null);
        this.regexNoMatch = url.regexNoMatch();
        boolean offsetsClash = url.regexMaxOffset() != 0 && url.regexMinOffset() > url.regexMaxOffset();
        if (offsetsClash) {
            warn.accept("regex min offset " + url.regexMinOffset() + " > regex_max_offset "
                    + url.regexMaxOffset() + " - ignoring");
        }
        this.regexMinOffset = offsetsClash ? 0 : url.regexMinOffset();
        this.regexMaxOffset = offsetsClash ? 0 : url.regexMaxOffset();
    }

    String path() {
        return path;
    }

    /** The name the request gives in Host (and SSL_GET's SNI, with enable_sni), if any. */
    Optional<String> virtualhost() {
        return virtualhost;
    }

    /** The request, a fresh copy (the caller's buffer is consumed as it is written). */
    byte[] request() {
        return request.clone();
    }

    /** A new body reader for one answer. */
    ResponseBody newBody(OptionalLong contentLength) {
        return new ResponseBody(digest != null,
                regex == null ? null : new RegexWindow(regex, regexMinOffset, regexMaxOffset), contentLength);
    }

    /** Whether the status alone already fails the url (the body need not be read then). */
    boolean refuses(int statusCode) {
        return !statusCodes.accepts(statusCode);
    }

    /**
     * keepalived's line when an answer's body is not as long as its Content-Length said, logged
     * the first time that difference is seen (a server that keeps lying is not logged again).
     */
    Optional<String> lengthMismatch(OptionalLong contentLength, long received) {
        if (contentLength.isEmpty() || contentLength.getAsLong() == received) {
            lastMismatch = 0;
            return Optional.empty();
        }
        long mismatch = contentLength.getAsLong() - received;
        if (mismatch == lastMismatch) {
            return Optional.empty();
        }
        lastMismatch = mismatch;
        return Optional.of(String.format(mismatchLine, contentLength.getAsLong(), received));
    }

    /** The verdict on a status code this url refuses. */
    static UrlVerdict.Fail statusFailure(int statusCode) {
        return new UrlVerdict.Fail(HttpFailure.STATUS_CODE, "status code " + statusCode);
    }

    /** keepalived's order: status code, then MD5 digest, then regex. */
    UrlVerdict judge(int statusCode, ResponseBody body) {
        if (refuses(statusCode)) {
            return statusFailure(statusCode);
        }
        String what = "HTTP status code";
        if (digest != null) {
            if (!MessageDigest.isEqual(digest, body.digest())) {
                return new UrlVerdict.Fail(HttpFailure.DIGEST, "MD5 digest mismatch");
            }
            what = "MD5 digest";
        }
        if (regex != null) {
            if (body.regexMatched() == regexNoMatch) {
                return new UrlVerdict.Fail(HttpFailure.REGEX, regexNoMatch ? "regex matched" : "regex did not match");
            }
            what = "Regex match";
        }
        return new UrlVerdict.Pass(what);
    }

    private static Pattern compile(String regex, List<String> options, Consumer<String> warn) {
        int flags = RegexOptions.flags(options, o -> warn.accept("regex option " + o + " is not supported - ignored"));
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            warn.accept("Invalid regex: '" + regex + "' at offset " + Math.max(0, e.getIndex()) + ": "
                    + e.getDescription());
            return null;
        }
    }
}
