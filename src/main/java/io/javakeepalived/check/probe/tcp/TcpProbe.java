package io.javakeepalived.check.probe.tcp;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * TCP_CHECK: one non-blocking connect to connect_ip:connect_port within connect_timeout; an
 * established connection is a success and is closed at once (keepalived sends nothing either).
 * bindto / bind_port are honoured; bind_if (SO_BINDTODEVICE) and fwmark (SO_MARK) have no JDK
 * socket option, so they are not applied (the configuration check says so).
 *
 * <p>A failure's reason is the line keepalived's check_tcp.c logs for it with log_all_failures:
 * "TCP connection to [10.0.0.2]:tcp:80 timeout." or "... failed." (never the errno).
 */
public final class TcpProbe implements Probe {

    private final Checker.Connection connection;
    private final String service;
    private SocketChannel channel;
    private ProbeIo.Timer timeout;
    private Consumer<ProbeResult> done;
    private boolean over;

    /** @param service the real server as keepalived's lines name it ("[10.0.0.2]:tcp:80") */
    public TcpProbe(Checker.Connection connection, String service) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.done = done;
        InetSocketAddress target = new InetSocketAddress(connection.connectIp(), connection.connectPort());
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (connection.bindTo().isPresent() || connection.bindPort() != 0) {
                channel.bind(connection.bindTo().map(a -> new InetSocketAddress(a, connection.bindPort()))
                        .orElseGet(() -> new InetSocketAddress(connection.bindPort())));
            }
            if (channel.connect(target)) {
                finish(ProbeResult.Success.plain());
                return;
            }
            io.register(channel, SelectionKey.OP_CONNECT, this::connectable);
            timeout = io.after(connection.connectTimeout().toNanos(), () -> finish(failure("timeout")));
        } catch (IOException | RuntimeException e) {
            finish(failure("failed"));
        }
    }

    private void connectable(SelectionKey key) {
        try {
            if (channel.finishConnect()) {
                finish(ProbeResult.Success.plain());
            }
        } catch (IOException e) {
            finish(failure("failed"));
        }
    }

    private ProbeResult.Failure failure(String how) {
        return new ProbeResult.Failure("TCP connection to " + service + " " + how + ".");
    }

    private void finish(ProbeResult result) {
        if (over) {
            return;
        }
        close();
        done.accept(result);
    }

    @Override
    public void abort() {
        close();
    }

    private void close() {
        over = true;
        if (timeout != null) {
            timeout.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
