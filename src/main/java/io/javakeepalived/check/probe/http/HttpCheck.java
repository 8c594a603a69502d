package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ServiceNames;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP_GET or SSL_GET checker made ready once (at load and reload): its urls compiled, its
 * name in the log, where it connects. {@link #newProbe} then makes the probe of each attempt,
 * which is cheap.
 */
public final class HttpCheck {
    /** An exchange (one url) ends by this many connect_timeouts, whatever the server does. */
    static final int EXCHANGE_TIMEOUTS = 3;

    private final String label;
    private final Checker.Http checker;
    private final InetSocketAddress target;
    private final List<UrlCheck> urls;
    private final TlsClient tls;
    private final List<String> warnings;

    private HttpCheck(String label, Checker.Http checker, List<UrlCheck> urls, TlsClient tls, List<String> warnings) {
        this.label = label;
        this.checker = checker;
        this.target = new InetSocketAddress(checker.connection().connectIp(), checker.connection().connectPort());
        this.urls = List.copyOf(urls);
        this.tls = tls;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param tls the TLS context of the SSL block (built once for all checkers); used only when
     *            the checker is an SSL_GET, and then required
     */
    public static HttpCheck of(VirtualServer virtualServer, RealServer realServer, Checker.Http checker,
                               Optional<TlsClient> tls) {
        if (checker.ssl() && tls.isEmpty()) {
            throw new IllegalArgumentException("SSL_GET needs the TLS context");
        }
        List<String> warnings = new ArrayList<>();
        HttpProtocol protocol = HttpProtocol.of(checker.httpProtocol());
        List<UrlCheck> urls = new ArrayList<>();
        for (Checker.Url u : checker.urls()) {
            urls.add(new UrlCheck(u, protocol, checker.virtualhost(), checker.connection().connectIp(),
                    checker.connection().connectPort(),
                    w -> warnings.add(u.location().file() + ":" + u.location().line() + ": " + w),
                    "http_check for RS " + ServiceNames.realServer(realServer, virtualServer) + " VS "
                            + ServiceNames.virtualServer(virtualServer) + " url "));
        }
        return new HttpCheck(ServiceNames.realServer(realServer, virtualServer), checker, urls,
                checker.ssl() ? tls.get() : null, warnings);
    }

    /** A probe for one attempt: every url in order, each on a connection of its own. */
    public Probe newProbe(CheckerStanding standing) {
        return new HttpGetProbe(this, urls, Objects.requireNonNull(standing, "standing"));
    }

    /**
     * A probe for url number {@code url} alone (0-based, in config order): keepalived itself
     * checks one url per delay_loop and moves to the next only after a success, which an engine
     * can mirror with this.
     */
    public Probe newProbe(CheckerStanding standing, int url) {
        return new HttpGetProbe(this, List.of(urls.get(url)), Objects.requireNonNull(standing, "standing"));
    }

    /** How many urls the checker has (none: every attempt passes without connecting, as keepalived). */
    public int urlCount() {
        return urls.size();
    }

    /**
     * What keepalived would have logged about these urls when it read the config (a regex that
     * does not compile, an option Java lacks), each "FILE:LINE: text"; the check runs without them.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The longest one attempt can take before it reports: an outer deadline must be longer. */
    public Duration longestAttempt() {
        return checker.connection().connectTimeout().multipliedBy((long) EXCHANGE_TIMEOUTS * Math.max(1, urls.size()));
    }

    String label() {
        return label;
    }

    boolean tls() {
        return tls != null;
    }

    long connectTimeoutNanos() {
        return Math.max(1, checker.connection().connectTimeout().toNanos());
    }

    InetSocketAddress target() {
        return target;
    }

    /**
     * bindto / bind_port. bind_if (SO_BINDTODEVICE) and fwmark (SO_MARK) need socket options
     * the JDK does not have; they are not applied.
     */
    void bind(SocketChannel channel) throws IOException {
        Checker.Connection c = checker.connection();
        if (c.bindTo().isPresent() || c.bindPort() != 0) {
            channel.bind(c.bindTo().map(a -> new InetSocketAddress(a, c.bindPort()))
                    .orElseGet(() -> new InetSocketAddress(c.bindPort())));
        }
    }

    /** The byte stream for {@code url} on a connected channel. */
    Transport transport(SocketChannel channel, UrlCheck url) {
        if (tls == null) {
            return new PlainTransport(channel);
        }
        return new TlsTransport(channel, tls.newEngine(checker.enableSni() ? url.virtualhost() : Optional.empty()));
    }

    boolean targetIsIpv6() {
        return target.getAddress() instanceof Inet6Address;
    }
}
