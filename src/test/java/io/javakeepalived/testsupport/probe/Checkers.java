package io.javakeepalived.testsupport.probe;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.Checker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/** Checker models for probe tests: keepalived's defaults, the address and timeout a test picks. */
public final class Checkers {
    private Checkers() {
    }

    public static final SourceLocation HERE = new SourceLocation("keepalived.conf", 1);

    public static Checker.Timing timing() {
        Duration loop = Duration.ofSeconds(60);
        return new Checker.Timing(1, Duration.ofSeconds(1), loop, loop, false, false);
    }

    public static Checker.Connection connection(String address, int port, Duration timeout) {
        return new Checker.Connection(address(address), port, Optional.empty(), 0, Optional.empty(), timeout, 0);
    }

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    public static Checker.Smtp smtp(String address, int port, Duration timeout) {
        return new Checker.Smtp(connection(address, port, timeout), timing(), "smtpchecker.keepalived.org", false,
                HERE);
    }

    public static Checker.Dns dns(String address, int port, Duration timeout, String type, String name) {
        return new Checker.Dns(connection(address, port, timeout), timing(), type, name, HERE);
    }

    public static Checker.Udp udp(String address, int port, Duration timeout, Optional<String> payloadHex,
                                  boolean requireReply, Optional<String> replyHex, int min, int max) {
        return new Checker.Udp(connection(address, port, timeout), timing(), payloadHex, requireReply, replyHex, min,
                max, HERE);
    }

    public static Checker.Ping ping(String address, Duration timeout) {
        return new Checker.Ping(connection(address, 0, timeout), timing(), HERE);
    }
}
