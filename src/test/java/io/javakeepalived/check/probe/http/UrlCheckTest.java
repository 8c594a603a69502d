package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.Checker;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A url's verdict on an answer: keepalived's order (status, digest, regex) and wording. */
class UrlCheckTest {
    private final List<String> warnings = new ArrayList<>();

    private UrlCheck url(Optional<String> digest, List<Checker.StatusRange> codes, Optional<String> regex,
                         boolean noMatch, List<String> options) throws Exception {
        return new UrlCheck(new Checker.Url("/", digest, codes, Optional.empty(), regex, noMatch, options, 0, 0,
                new SourceLocation("k.conf", 7)), HttpProtocol.HTTP_1_0, Optional.empty(),
                InetAddress.getByName("10.0.0.2"), 80, warnings::add, "http_check for RS R VS V url ");
    }

    private static ResponseBody body(UrlCheck url, String text, OptionalLong contentLength) {
        ResponseBody b = url.newBody(contentLength);
        b.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
        return b;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void statusFirstThenDigestThenRegex() throws Exception {
        UrlCheck u = url(Optional.of(md5("hello")), List.of(), Optional.of("hel+o"), false, List.of());
        assertEquals(new UrlVerdict.Fail(HttpFailure.STATUS_CODE, "status code 503"),
                u.judge(503, body(u, "nope", OptionalLong.empty())));
        assertEquals(new UrlVerdict.Fail(HttpFailure.DIGEST, "MD5 digest mismatch"),
                u.judge(200, body(u, "hellO", OptionalLong.empty())));
        assertEquals(new UrlVerdict.Pass("Regex match"), u.judge(200, body(u, "hello", OptionalLong.empty())));
    }

    @Test
    void successNamesTheLastTestPassed() throws Exception {
        UrlCheck plain = url(Optional.empty(), List.of(), Optional.empty(), false, List.of());
        assertEquals(new UrlVerdict.Pass("HTTP status code"), plain.judge(204, body(plain, "", OptionalLong.empty())));
        UrlCheck digest = url(Optional.of(md5("x")), List.of(), Optional.empty(), false, List.of());
        assertEquals(new UrlVerdict.Pass("MD5 digest"), digest.judge(200, body(digest, "x", OptionalLong.empty())));
    }

    @Test
    void theDigestCoversContentLengthBytesOnly() throws Exception {
        UrlCheck u = url(Optional.of(md5("hello")), List.of(), Optional.empty(), false, List.of());
        assertEquals(new UrlVerdict.Pass("MD5 digest"), u.judge(200, body(u, "hello trailing junk", OptionalLong.of(5))));
        assertEquals(new UrlVerdict.Fail(HttpFailure.DIGEST, "MD5 digest mismatch"),
                u.judge(200, body(u, "hello trailing junk", OptionalLong.empty())));
    }

    @Test
    void regexNoMatchInvertsTheTest() throws Exception {
        UrlCheck u = url(Optional.empty(), List.of(), Optional.of("(?i)error"), true, List.of());
        assertEquals(new UrlVerdict.Pass("Regex match"), u.judge(200, body(u, "all fine", OptionalLong.empty())));
        assertEquals(new UrlVerdict.Fail(HttpFailure.REGEX, "regex matched"),
                u.judge(200, body(u, "an ERROR here", OptionalLong.empty())));
    }

    @Test
    void regexOptionsMapToJavaFlags() throws Exception {
        UrlCheck u = url(Optional.empty(), List.of(), Optional.of("^ready$"), false, List.of("caseless", "multiline"));
        assertEquals(new UrlVerdict.Pass("Regex match"), u.judge(200, body(u, "x\nREADY\ny", OptionalLong.empty())));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void anInvalidRegexOrAnUnsupportedOptionIsReportedWithItsLocation() throws Exception {
        UrlCheck u = url(Optional.empty(), List.of(), Optional.of("a(b"), false, List.of("ungreedy"));
        assertEquals(List.of("regex option ungreedy is not supported - ignored",
                "Invalid regex: 'a(b' at offset 3: Unclosed group"), warnings);
        assertEquals(new UrlVerdict.Pass("HTTP status code"), u.judge(200, body(u, "x", OptionalLong.empty())),
                "checked without the regex, as keepalived does");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsLoggedOncePerDifference() throws Exception {
        UrlCheck u = url(Optional.empty(), List.of(), Optional.empty(), false, List.of());
        assertEquals(Optional.of("http_check for RS R VS V url /: content_length (10) does not match received bytes (4)"),
                u.lengthMismatch(OptionalLong.of(10), 4));
        assertEquals(Optional.empty(), u.lengthMismatch(OptionalLong.of(10), 4), "the same lie again");
        assertEquals(Optional.of("http_check for RS R VS V url /: content_length (10) does not match received bytes (5)"),
                u.lengthMismatch(OptionalLong.of(10), 5));
        assertEquals(Optional.empty(), u.lengthMismatch(OptionalLong.of(10), 10));
        assertEquals(Optional.empty(), u.lengthMismatch(OptionalLong.empty(), 3));
        assertEquals(Optional.of("http_check for RS R VS V url /: content_length (10) does not match received bytes (5)"),
                u.lengthMismatch(OptionalLong.of(10), 5), "logged again after a good answer in between");
    }
}
