package io.javakeepalived.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Stands in for systemd's notify socket: a bound AF_UNIX datagram socket (a path, or an
 * abstract name given with a leading {@code @}) that records every datagram with the time it
 * arrived. A background thread reads, so datagrams are timed as they come.
 */
public final class NotifyReceiver implements AutoCloseable {

    /** One datagram: its text and {@link System#nanoTime()} at arrival. */
    public record Message(String text, long nanos) {
        /** Its {@code KEY=VALUE} lines. */
        public List<String> lines() {
            return List.of(text.split("\n"));
        }

        public boolean has(String line) {
            return lines().contains(line);
        }
    }

    private final UnixDatagramChannel channel;
    private final String address;
    private final Path path;
    private final List<Message> messages = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    private NotifyReceiver(String address, Path path, String bindName) throws IOException {
        this.address = address;
        this.path = path;
        channel = UnixDatagramChannel.open();
        channel.bind(new UnixSocketAddress(bindName));
        channel.configureBlocking(false);
        reader = new Thread(this::read, "notify-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    /** A receiver bound to {@code path}. */
    public static NotifyReceiver atPath(Path path) throws IOException {
        Files.deleteIfExists(path);
        return new NotifyReceiver(path.toString(), path, path.toString());
    }

    /** A receiver in the abstract namespace; {@link #address()} is {@code @name}. */
    public static NotifyReceiver abstractName(String name) throws IOException {
        return new NotifyReceiver("@" + name, null, "\0" + name);
    }

    /** The value for {@code $NOTIFY_SOCKET}. */
    public String address() {
        return address;
    }

    private void read() {
        ByteBuffer buf = ByteBuffer.allocateDirect(4096);
        while (!closed) {
            buf.clear();
            try {
                channel.receive(buf);
                if (buf.position() > 0) {
                    buf.flip();
                    byte[] b = new byte[buf.remaining()];
                    buf.get(b);
                    synchronized (messages) {
                        messages.add(new Message(new String(b, StandardCharsets.UTF_8), System.nanoTime()));
                        messages.notifyAll();
                    }
                    continue;
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every datagram so far, in arrival order. */
    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The first datagram matching {@code p}, waiting up to {@code timeoutMs}; null if none came. */
    public Message await(Predicate<Message> p, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (messages) {
            while (true) {
                for (Message m : messages) {
                    if (p.test(m)) {
                        return m;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                messages.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        reader.join(2000);
        channel.close();
        if (path != null) {
            Files.deleteIfExists(path);
        }
    }
}
