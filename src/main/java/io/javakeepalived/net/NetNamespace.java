package io.javakeepalived.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code inside another network namespace. {@code setns(2)} changes the namespace of the
 * calling thread only, so the work runs on a fresh thread that enters the namespace and then ends;
 * the rest of the JVM is untouched. Sockets (raw, packet, netlink) stay bound to the namespace they
 * were created in, so they can be used from any thread afterwards; interface name lookups
 * ({@link NetInterfaces}) must be made inside.
 *
 * <p>Used by the test harness, and usable for keepalived's {@code net_namespace} setting.
 */
public final class NetNamespace {
    private NetNamespace() {}

    /** The bind-mount {@code ip netns add NAME} creates. */
    public static Path namedPath(String name) {
        return Path.of("/var/run/netns", name);
    }

    /** Runs {@code work} inside the named namespace ({@code ip netns} name) and returns its result. */
    public static <T> T call(String name, Callable<T> work) throws IOException {
        return call(namedPath(name), work);
    }

    /** Runs {@code work} inside the namespace whose nsfs file is {@code nsFile} (e.g. /proc/PID/ns/net). */
    public static <T> T call(Path nsFile, Callable<T> work) throws IOException {
        Objects.requireNonNull(work);
        if (!Files.exists(nsFile)) {
            throw new IOException("network namespace " + nsFile + " does not exist");
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            int fd = -1;
            try {
                fd = Native.LIBC.open(nsFile.toString(), Sys.O_RDONLY | Sys.O_CLOEXEC);
                if (fd < 0) {
                    throw Native.error("open(" + nsFile + ")");
                }
                if (Native.LIBC.setns(fd, Sys.CLONE_NEWNET) < 0) {
                    throw Native.error("setns(" + nsFile + ")");
                }
                result.set(work.call());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                Native.close(fd);
            }
        }, "netns-" + nsFile.getFileName());
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running in " + nsFile, e);
        }
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        } else if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IOException(new ExecutionException(e));
        }
        return result.get();
    }
}
