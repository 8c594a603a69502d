package io.javakeepalived.check.probe.http;

/**
 * Why an HTTP_GET / SSL_GET attempt failed, with the words keepalived's timeout_epilog() logs
 * for it: "PHRASE server [10.0.0.2]:tcp:80." (the odd grammar is keepalived's).
 */
enum HttpFailure {
    TIMEOUT_CONNECTING("Timeout connecting"),
    CONNECTION_FAILED("Connection failed"),
    NETWORK_UNREACHABLE("HTTP/SSL_CHECK - network unreachable"),
    TLS_HANDSHAKE("SSL handshake/communication error connecting to"),
    CANNOT_SEND("Cannot send get request to"),
    /** The request could not be written within connect_timeout. */
    TIMEOUT_WEB_WRITE("Timeout WEB write"),
    /** No byte of the answer arrived within connect_timeout of the request. */
    TIMEOUT_WEB_READ("Timeout WEB read"),
    /** The answer stopped for connect_timeout (or the attempt's deadline passed) over HTTP. */
    TIMEOUT_HTTP_READ("Timeout HTTP read"),
    /** The same over TLS. */
    TIMEOUT_SSL_READ("Timeout SSL read"),
    READ_ERROR("Read error with"),
    SSL_READ_ERROR("SSL read error from"),
    /** The stream ended (or a head limit was hit) before the end of the headers. */
    NO_DATA("Read, no data received from "),
    STATUS_CODE("HTTP status code error to"),
    DIGEST("MD5 digest error to"),
    REGEX("Regex match failed");

    private final String phrase;

    HttpFailure(String phrase) {
        this.phrase = phrase;
    }

    /** keepalived's line for this failure of the checker named {@code label} ("[ip]:tcp:port"). */
    String logLine(String label) {
        return phrase + " server " + label + ".";
    }
}
