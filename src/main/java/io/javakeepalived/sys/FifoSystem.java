package io.javakeepalived.sys;

import java.io.IOException;

/**
 * The few system calls a notify FIFO needs, none of which the JDK offers (it cannot create a FIFO
 * nor open one without blocking). {@code io.javakeepalived.sys.NativeFifos} is the real one; tests
 * may use fakes.
 */
public interface FifoSystem {

    /**
     * mkfifo(3).
     *
     * @return true if it was created, false if something already exists at {@code path}
     * @throws IOException any other failure, with the errno in the message
     */
    boolean mkfifo(String path, int mode) throws IOException;

    /** chown(2); -1 leaves that id unchanged. */
    void chown(String path, int uid, int gid) throws IOException;

    /**
     * Opens a FIFO for writing without ever blocking: {@code O_RDWR | O_NONBLOCK | O_CLOEXEC |
     * O_NOFOLLOW}, as keepalived does (holding the read side too, the open never waits for a
     * reader, and writes never fail with EPIPE while there is none: lines wait in the pipe).
     */
    Channel open(String path) throws IOException;

    /**
     * What fstat(2) says of an open file.
     *
     * @param fifo whether it is a FIFO
     * @param mode its permission bits (07777)
     */
    record Stat(boolean fifo, int mode, int uid, int gid) {
    }

    /** An open FIFO. */
    interface Channel extends AutoCloseable {
        /** fstat(2) of the open descriptor: what was opened, whatever the path points to now. */
        Stat stat() throws IOException;

        /**
         * One non-blocking write(2).
         *
         * @return the bytes written, or -1 if the pipe is full (EAGAIN)
         * @throws IOException any other failure
         */
        int write(byte[] data) throws IOException;

        @Override
        void close();
    }
}
