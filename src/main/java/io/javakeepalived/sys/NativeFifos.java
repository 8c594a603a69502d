package io.javakeepalived.sys;

import io.javakeepalived.util.Eintr;

import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * {@link FifoSystem} through libc (jnr-ffi): mkfifo, chown, open, write, close. Loaded on first
 * use (loading jnr costs a few hundred milliseconds).
 */
public final class NativeFifos implements FifoSystem {

    /** The libc functions used here. */
    public interface LibC {
        int mkfifo(String path, int mode);

        int chown(String path, int uid, int gid);

        int open(String path, int flags, int mode);

        long write(int fd, @In byte[] data, long count);

        int close(int fd);

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private static final NativeFifos INSTANCE = new NativeFifos();

    private NativeFifos() {
    }

    public static NativeFifos system() {
        return INSTANCE;
    }

    @Override
    public boolean mkfifo(String path, int mode) throws IOException {
        if (Holder.LIBC.mkfifo(path, mode) == 0) {
            return true;
        }
        int errno = errno();
        if (errno == Errno.EEXIST.intValue()) {
            return false;
        }
        throw failure("mkfifo " + path, errno);
    }

    @Override
    public void chown(String path, int uid, int gid) throws IOException {
        if (Holder.LIBC.chown(path, uid, gid) != 0) {
            throw failure("chown " + path + " " + uid + ":" + gid, errno());
        }
    }

    @Override
    public Channel open(String path) throws IOException {
        int flags = OpenFlags.O_RDWR.intValue() | OpenFlags.O_NONBLOCK.intValue() | OpenFlags.O_CLOEXEC.intValue()
                | OpenFlags.O_NOFOLLOW.intValue();
        int fd = Holder.LIBC.open(path, flags, 0);
        if (fd < 0) {
            throw failure("open " + path, errno());
        }
        return new Fd(fd);
    }

    private static final class Fd implements Channel {
        private int fd;

        Fd(int fd) {
            this.fd = fd;
        }

        /**
         * fstat through procfs: /proc/self/fd/N leads to the inode this descriptor has open (not
         * to whatever the FIFO's path names now), and spares us libc's per-architecture struct stat.
         */
        @Override
        public synchronized Stat stat() throws IOException {
            if (fd < 0) {
                throw new IOException("closed");
            }
            Path self = Path.of("/proc/self/fd", Integer.toString(fd));
            Map<String, Object> a = Files.readAttributes(self, "unix:mode,uid,gid");
            boolean fifo = Files.readAttributes(self, BasicFileAttributes.class).isOther()
                    && (((Integer) a.get("mode")) & 0170000) == 0010000;
            return new Stat(fifo, ((Integer) a.get("mode")) & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"));
        }

        @Override
        public synchronized int write(byte[] data) throws IOException {
            if (fd < 0) {
                throw new IOException("closed");
            }
            int open = fd;
            long n = Eintr.retrying(() -> Holder.LIBC.write(open, data, data.length), NativeFifos::errno);
            if (n >= 0) {
                return (int) n;
            }
            int errno = errno();
            if (errno == Errno.EAGAIN.intValue() || errno == Errno.EWOULDBLOCK.intValue()) {
                return -1;
            }
            throw failure("write", errno);
        }

        @Override
        public synchronized void close() {
            if (fd >= 0) {
                Holder.LIBC.close(fd);
                fd = -1;
            }
        }
    }

    private static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }

    private static IOException failure(String what, int errno) {
        return new IOException(what + ": " + Holder.LIBC.strerror(errno) + " (errno " + errno + ")");
    }
}
