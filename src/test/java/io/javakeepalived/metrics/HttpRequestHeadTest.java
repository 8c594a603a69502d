package io.javakeepalived.metrics;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpRequestHeadTest {

    private static Optional<HttpRequestHead> parse(String received) {
        ByteBuffer b = ByteBuffer.allocate(MetricsServer.MAX_HEAD_BYTES);
        b.put(received.getBytes(StandardCharsets.US_ASCII));
        return HttpRequestHead.parse(b);
    }

    @Test
    void aPrometheusScrape() {
        assertEquals(Optional.of(new HttpRequestHead("GET", "/metrics")), parse("GET /metrics?x=1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:9650\r\nAccept-Encoding: gzip\r\nX-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\n"));
        assertEquals(Optional.of(new HttpRequestHead("HEAD", "/")), parse("HEAD / HTTP/1.0\n\n"));
    }

    @Test
    void incompleteUntilTheBlankLine() {
        assertEquals(Optional.empty(), parse(""));
        assertEquals(Optional.empty(), parse("GET /metr"));
        assertEquals(Optional.empty(), parse("GET /metrics HTTP/1.1\r\nHost: x\r\n"));
    }

    @Test
    void notHttpIsABadRequest() {
        assertEquals(Optional.of(new HttpRequestHead("", "")), parse("hello\r\n\r\n"));
        assertEquals(Optional.of(new HttpRequestHead("", "")), parse("GET /metrics SSH-2.0\r\n\r\n"));
    }
}
