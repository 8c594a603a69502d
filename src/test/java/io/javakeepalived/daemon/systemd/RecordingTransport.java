package io.javakeepalived.daemon.systemd;

import io.javakeepalived.sys.NotifyTransport;

import java.util.ArrayList;
import java.util.List;

/** Keeps every datagram; can be told to fail. */
final class RecordingTransport implements NotifyTransport {
    final List<String> sent = new ArrayList<>();
    boolean failing;

    @Override
    public synchronized boolean send(String message) {
        if (failing) {
            return false;
        }
        sent.add(message);
        return true;
    }

    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public String target() {
        return "@test";
    }

    @Override
    public String lastError() {
        return failing ? "Connection refused" : null;
    }

    @Override
    public void close() {
    }
}
