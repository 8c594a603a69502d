package io.javakeepalived.sys;

import java.io.IOException;

/**
 * The read end of a pipe whose write end a child gets as stdout and stderr
 * ({@link ProcessControl#spawn}). A pipe rather than a file: nothing lands on disk, however much
 * a script (or a background child that inherited the descriptor) writes, as long as someone reads.
 */
public interface OutputPipe extends AutoCloseable {

    /**
     * Blocks until output arrives.
     *
     * @return bytes read into {@code buffer}, or -1 once every writer has closed its end
     */
    int read(byte[] buffer) throws IOException;

    /** Closes the read end; a writer still holding the other end then gets EPIPE/SIGPIPE. */
    @Override
    void close();
}
