package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A health checker inside a real_server, with keepalived's defaults resolved. */
public sealed interface Checker permits Checker.Tcp, Checker.Http, Checker.Smtp, Checker.Dns, Checker.Udp,
        Checker.Ping, Checker.Misc, Checker.File, Checker.Bfd {

    SourceLocation location();

    /**
     * retry / delay_before_retry / warmup / delay_loop / alpha / log_all_failures, each from the
     * checker, else the real server, else the virtual server, else the checker kind's default
     * (retry 1, DNS 3, MISC 0; delay_before_retry 1 s, HTTP/SSL 3 s, DNS = delay_loop;
     * warmup = delay_loop; delay_loop 60 s).
     */
    record Timing(int retry, Duration delayBeforeRetry, Duration warmup, Duration delayLoop, boolean alpha,
                  boolean logAllFailures) {
    }

    /**
     * Where a connection checker connects: connect_ip (default the real server), connect_port
     * (default the real server's port), bindto, bind_port, bind_if, connect_timeout (checker,
     * else real server, else virtual server, default 5 s), fwmark (SO_MARK).
     */
    record Connection(InetAddress connectIp, int connectPort, Optional<InetAddress> bindTo, int bindPort,
                      Optional<String> bindInterface, Duration connectTimeout, long fwmark) {
        public Connection {
            Objects.requireNonNull(connectIp, "connectIp");
        }
    }

    record Tcp(Connection connection, Timing timing, SourceLocation location) implements Checker {
    }

    /**
     * HTTP_GET or SSL_GET ({@code ssl}).
     *
     * @param httpProtocol "1.0" (default), "1.0C" or "1.1"
     */
    record Http(boolean ssl, Connection connection, Timing timing, Optional<String> virtualhost, String httpProtocol,
                boolean enableSni, boolean fastRecovery, List<Url> urls, SourceLocation location) implements Checker {
        public Http {
            urls = List.copyOf(urls);
        }
    }

    /** A status code range min-max. */
    record StatusRange(int min, int max) {
    }

    /**
     * url { path P; digest MD5; status_code ...; virtualhost V; regex ... }.
     *
     * @param statusCodes default 200-299
     * @param digest      32 hex digits, lower case
     */
    record Url(String path, Optional<String> digest, List<StatusRange> statusCodes, Optional<String> virtualhost,
               Optional<String> regex, boolean regexNoMatch, List<String> regexOptions, long regexMinOffset,
               long regexMaxOffset, SourceLocation location) {
        public Url {
            statusCodes = List.copyOf(statusCodes);
            regexOptions = List.copyOf(regexOptions);
        }
    }

    /**
     * SMTP_CHECK; each deprecated {@code host { }} block becomes a checker of its own, as in
     * keepalived.
     *
     * @param heloName default "smtpchecker.keepalived.org"
     */
    record Smtp(Connection connection, Timing timing, String heloName, boolean fromHostBlock, SourceLocation location)
            implements Checker {
    }

    /** DNS_CHECK: type (default SOA) and name (default the root "."). */
    record Dns(Connection connection, Timing timing, String type, String name, SourceLocation location)
            implements Checker {
    }

    /** UDP_CHECK: payload and expected reply as hex, reply length limits (0..255 by default). */
    record Udp(Connection connection, Timing timing, Optional<String> payloadHex, boolean requireReply,
               Optional<String> replyHex, int minReplyLength, int maxReplyLength, SourceLocation location)
            implements Checker {
    }

    record Ping(Connection connection, Timing timing, SourceLocation location) implements Checker {
    }

    /**
     * MISC_CHECK.
     *
     * @param timeout  misc_timeout; zero = the delay_loop
     * @param dynamic  exit codes 2..255 set the weight to code - 2
     */
    record Misc(ScriptCommand script, Duration timeout, boolean dynamic, Timing timing, SourceLocation location)
            implements Checker {
    }

    /** FILE_CHECK { track_file NAME; weight W [reverse] } (weight default: the track_file's). */
    record File(String trackFile, int weight, boolean reverse, SourceLocation location) implements Checker {
    }

    /** BFD_CHECK { name BFD; alpha }. */
    record Bfd(String bfdName, boolean alpha, SourceLocation location) implements Checker {
    }
}
