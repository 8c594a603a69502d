package io.javakeepalived.notify.fifo;

import io.javakeepalived.sys.FifoSystem;
import io.javakeepalived.sys.NativeFifos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real FIFO nodes (mkfifo through libc, so that path checks see a FIFO) but fake channels: what
 * is written is recorded, and each channel holds {@code capacity} bytes before it is "full".
 */
final class FakeFifos implements FifoSystem {
    final List<String> calls = new ArrayList<>();
    final List<Chan> channels = new ArrayList<>();
    int capacity = 1 << 16;
    /** What fstat says of every channel opened from now on; null: the real node's. */
    Stat stat;

    final class Chan implements Channel {
        final String path;
        final StringBuilder data = new StringBuilder();
        boolean closed;

        Chan(String path) {
            this.path = path;
        }

        @Override
        public Stat stat() throws IOException {
            if (stat != null) {
                return stat;
            }
            // the real node's mode; owned by root, as the daemon would have made it, whoever runs the tests
            int mode = (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of(path), "unix:mode");
            return new Stat(true, mode & 07777, 0, 0);
        }

        @Override
        public int write(byte[] bytes) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            if (data.length() + bytes.length > capacity) {
                return -1;
            }
            data.append(new String(bytes, StandardCharsets.UTF_8));
            return bytes.length;
        }

        @Override
        public void close() {
            closed = true;
            calls.add("close " + path);
        }
    }

    @Override
    public boolean mkfifo(String path, int mode) throws IOException {
        boolean made = NativeFifos.system().mkfifo(path, mode);
        calls.add("mkfifo " + path + " " + Integer.toOctalString(mode) + (made ? "" : " exists"));
        return made;
    }

    @Override
    public void chown(String path, int uid, int gid) {
        calls.add("chown " + path + " " + uid + ":" + gid);
    }

    @Override
    public Channel open(String path) {
        calls.add("open " + path);
        Chan c = new Chan(path);
        channels.add(c);
        return c;
    }

    Chan last() {
        return channels.get(channels.size() - 1);
    }
}
