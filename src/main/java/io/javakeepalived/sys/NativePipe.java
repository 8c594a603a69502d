package io.javakeepalived.sys;

import io.javakeepalived.util.Eintr;

import jnr.constants.platform.OpenFlags;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Out;

import java.io.IOException;

/**
 * {@link OutputPipe} through libc: {@code pipe2(O_CLOEXEC)}, so neither end leaks into other
 * children (the spawn dups the write end onto fds 1 and 2 of its child, which clears the flag
 * there); the spawn closes the write end in this process once the child has it.
 */
final class NativePipe implements OutputPipe {

    /** The libc functions used here. */
    public interface LibC {
        int pipe2(@Out int[] fds, int flags);

        long read(int fd, @Out byte[] buffer, long count);

        int close(int fd);

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private volatile int readFd;
    private int writeFd;

    private NativePipe(int readFd, int writeFd) {
        this.readFd = readFd;
        this.writeFd = writeFd;
    }

    static NativePipe open() throws IOException {
        int[] fds = new int[2];
        if (Holder.LIBC.pipe2(fds, OpenFlags.O_CLOEXEC.intValue()) != 0) {
            throw new IOException("pipe2: " + Holder.LIBC.strerror(errno()));
        }
        return new NativePipe(fds[0], fds[1]);
    }

    /** The end the child writes to (-1 once handed over). */
    synchronized int writeFd() {
        return writeFd;
    }

    /** After the spawn: only the child (and what it starts) holds the write end now. */
    synchronized void closeWriteEnd() {
        if (writeFd >= 0) {
            Holder.LIBC.close(writeFd);
            writeFd = -1;
        }
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int fd = readFd;
        if (fd < 0) {
            return -1;
        }
        long n = Eintr.retrying(() -> Holder.LIBC.read(fd, buffer, buffer.length), NativePipe::errno);
        if (n < 0) {
            throw new IOException("read: " + Holder.LIBC.strerror(errno()));
        }
        return n == 0 ? -1 : (int) n;
    }

    @Override
    public synchronized void close() {
        closeWriteEnd();
        if (readFd >= 0) {
            Holder.LIBC.close(readFd);
            readFd = -1;
        }
    }

    private static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }
}
