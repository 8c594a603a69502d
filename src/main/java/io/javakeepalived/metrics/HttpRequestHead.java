package io.javakeepalived.metrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The little of an HTTP/1.x request the endpoint needs: its method and path, once the head (request
 * line and headers, up to the blank line) has arrived. A request body is never read. Pure.
 *
 * @param method {@code GET}, {@code HEAD}, ...
 * @param path   the target without its query string
 */
record HttpRequestHead(String method, String path) {

    /**
     * The head in {@code buffer}'s bytes 0 to {@code position()}, if complete.
     *
     * @return empty while the blank line has not arrived; a head with method {@code ""} if the request
     *         line is not HTTP
     */
    static Optional<HttpRequestHead> parse(ByteBuffer buffer) {
        int end = buffer.position();
        byte[] b = buffer.array();
        int headEnd = -1;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n' && (i + 1 < end && b[i + 1] == '\n'
                    || i + 2 < end && b[i + 1] == '\r' && b[i + 2] == '\n')) {
                headEnd = i;
                break;
            }
        }
        if (headEnd < 0) {
            return Optional.empty();
        }
        int lineEnd = 0;
        while (lineEnd < end && b[lineEnd] != '\r' && b[lineEnd] != '\n') {
            lineEnd++;
        }
        String[] parts = new String(b, 0, lineEnd, StandardCharsets.US_ASCII).split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return Optional.of(new HttpRequestHead("", ""));
        }
        String target = parts[1];
        int q = target.indexOf('?');
        return Optional.of(new HttpRequestHead(parts[0], q < 0 ? target : target.substring(0, q)));
    }
}
