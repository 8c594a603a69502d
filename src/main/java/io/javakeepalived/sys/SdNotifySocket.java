package io.javakeepalived.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jnr.unixsocket.UnixSocketAddress;

/**
 * The sd_notify(3) socket without libsystemd: an unbound AF_UNIX datagram socket that sends
 * each message to {@code $NOTIFY_SOCKET} with sendto(2). A leading {@code @} names a socket in
 * the abstract namespace (its first byte becomes NUL, the address length covers the name
 * exactly); anything else starting with {@code /} is a path. Other forms ({@code vsock:}) are
 * not supported and mean no notifications, logged by the caller.
 *
 * <p>Non-blocking: systemd reads its notify socket promptly, and a full queue must delay
 * neither the VRRP loop nor the watchdog; the datagram is dropped instead, as sd_notify would
 * after its own short wait. No SCM_CREDENTIALS are attached: the kernel adds the sender's pid
 * itself when the receiver has SO_PASSCRED set, which is how systemd checks NotifyAccess=main.
 */
public final class SdNotifySocket implements NotifyTransport {
    private final String target;
    private final UnixSocketAddress address;
    private final UnixDatagramSocket socket = new UnixDatagramSocket();
    private String lastError;

    private SdNotifySocket(String target, UnixSocketAddress address) {
        this.target = target;
        this.address = address;
    }

    /**
     * The transport {@code notifySocket} (the value of {@code $NOTIFY_SOCKET}) names, or empty
     * when it is unset, empty or of an unsupported form.
     */
    public static Optional<NotifyTransport> forAddress(String notifySocket) {
        if (notifySocket == null || notifySocket.length() < 2) {
            return Optional.empty();
        }
        String path;
        if (notifySocket.charAt(0) == '@') {
            path = "\0" + notifySocket.substring(1);
        } else if (notifySocket.charAt(0) == '/') {
            path = notifySocket;
        } else {
            return Optional.empty();
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > 107) {
            return Optional.empty(); // longer than sun_path
        }
        SdNotifySocket s = new SdNotifySocket(notifySocket, new UnixSocketAddress(path));
        s.openNow();
        return Optional.of(s);
    }

    /** {@link #forAddress} of this process's {@code $NOTIFY_SOCKET}. */
    public static Optional<NotifyTransport> fromEnvironment() {
        return forAddress(System.getenv("NOTIFY_SOCKET"));
    }

    /**
     * Opens the socket here, on the thread that reads the environment: an abstract name is
     * looked up in the network namespace the socket was made in, and the VRRP loop may run in
     * another one (net_namespace). A failure is left for send() to retry and report.
     */
    private synchronized void openNow() {
        try {
            socket.get();
        } catch (IOException | RuntimeException | LinkageError e) {
            lastError = String.valueOf(e.getMessage());
        }
    }

    @Override
    public synchronized boolean send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                int n = socket.get().send(ByteBuffer.wrap(bytes), address);
                if (n == bytes.length) {
                    return true;
                }
                lastError = "sent " + n + " of " + bytes.length + " bytes";
                return false;
            } catch (IOException | RuntimeException e) {
                lastError = String.valueOf(e.getMessage());
                if (UnixDatagramTransport.wouldBlock(e)) {
                    return false;
                }
                socket.drop(); // a broken socket: reopen once and retry
            } catch (LinkageError e) {
                lastError = "no AF_UNIX support: " + e;
                return false;
            }
        }
        return false;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public synchronized String lastError() {
        return lastError;
    }

    @Override
    public synchronized void close() {
        socket.drop();
    }
}
