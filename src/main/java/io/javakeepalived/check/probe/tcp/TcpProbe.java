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
 */
public final class TcpProbe implements Probe {

    private final Checker.Connection connection;
    private SocketChannel channel;
    private ProbeIo.Timer timeout;
    private Consumer<ProbeResult> done;
    private boolean over;

    public TcpProbe(Checker.Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
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
            timeout = io.after(connection.connectTimeout().toNanos(), () -> finish(new ProbeResult.Failure("timeout")));
        } catch (IOException | RuntimeException e) {
            finish(new ProbeResult.Failure(reason(e)));
        }
    }

    private void connectable(SelectionKey key) {
        try {
            if (channel.finishConnect()) {
                finish(ProbeResult.Success.plain());
            }
        } catch (IOException e) {
            finish(new ProbeResult.Failure(reason(e)));
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(java.util.Locale.ROOT);
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
