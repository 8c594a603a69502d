package io.javakeepalived.check.probe.http;

/**
 * keepalived's {@code http_protocol}: which request line it sends and whether it asks the server
 * to close. keepalived always reads to the end of the stream and never decodes a chunked body,
 * so "1.1" changes only the request, not how the answer is read.
 */
public enum HttpProtocol {
    /** "GET P HTTP/1.0", no Connection header (the default). */
    HTTP_1_0("1.0", false),
    /** "GET P HTTP/1.0" with "Connection: close", for servers that keep 1.0 connections alive. */
    HTTP_1_0C("1.0", true),
    /** "GET P HTTP/1.1" with "Connection: close". */
    HTTP_1_1("1.1", true);

    private final String version;
    private final boolean connectionClose;

    HttpProtocol(String version, boolean connectionClose) {
        this.version = version;
        this.connectionClose = connectionClose;
    }

    /** The model's spelling: "1.0", "1.0C" (or "1.0c") or "1.1". */
    public static HttpProtocol of(String configured) {
        return switch (configured) {
            case "1.0C", "1.0c" -> HTTP_1_0C;
            case "1.1" -> HTTP_1_1;
            default -> HTTP_1_0;
        };
    }

    String version() {
        return version;
    }

    boolean connectionClose() {
        return connectionClose;
    }
}
