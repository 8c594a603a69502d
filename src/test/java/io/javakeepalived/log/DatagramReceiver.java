package io.javakeepalived.log;

import io.javakeepalived.sys.UnixDatagramTransport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/** A bound AF_UNIX datagram socket standing in for /dev/log. */
final class DatagramReceiver implements AutoCloseable {

    private final UnixDatagramChannel channel;
    final Path path;

    DatagramReceiver(Path path) throws IOException {
        this.path = path;
        Files.deleteIfExists(path);
        channel = UnixDatagramChannel.open();
        channel.bind(new UnixSocketAddress(path.toFile()));
        channel.configureBlocking(false);
    }

    /** The next datagram as text, or null after {@code timeoutMillis}. */
    String receive(long timeoutMillis) throws IOException, InterruptedException {
        ByteBuffer buf = ByteBuffer.allocateDirect(65536);
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < end) {
            buf.clear();
            try {
                if (channel.receive(buf) != null || buf.position() > 0) {
                    buf.flip();
                    byte[] b = new byte[buf.remaining()];
                    buf.get(b);
                    return new String(b, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                if (!UnixDatagramTransport.wouldBlock(e)) {
                    throw e;
                }
            }
            Thread.sleep(2);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }
}
