package io.javakeepalived.net;

import java.io.Closeable;

/**
 * A pollable fd other threads {@link #signal()} to wake an event loop: {@link EventFd} is the real
 * one. The loop {@link #drain()}s it when it is readable.
 */
public interface WakeUpFd extends Closeable {

    int fd();

    /** Makes the fd readable; any thread. */
    void signal() throws ErrnoException;

    /** Makes it unreadable again; returns the count the signals added up to. */
    long drain() throws ErrnoException;

    @Override
    void close();
}
