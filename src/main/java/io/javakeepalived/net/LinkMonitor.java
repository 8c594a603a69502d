package io.javakeepalived.net;

import java.io.Closeable;
import java.util.function.Consumer;

/**
 * The kernel's link and address events, to poll: {@link RtnetlinkMonitor} is the real one. Poll
 * {@link #fd()} for input, then {@link #drain}. Owned by one thread.
 */
public interface LinkMonitor extends Closeable {

    int fd();

    /**
     * Hands every queued event to {@code sink}, {@link NetlinkEvent.Overrun} if the kernel dropped
     * some; returns how many were handed.
     */
    int drain(Consumer<NetlinkEvent> sink) throws ErrnoException;

    @Override
    void close();
}
