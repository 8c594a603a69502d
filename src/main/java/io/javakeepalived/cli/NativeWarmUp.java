package io.javakeepalived.cli;

import io.javakeepalived.net.NativeLibraries;

/**
 * The native layer's first binding, made on a thread of its own while {@code main} sets up the
 * signal handlers, the command line and logback: on a host with an idle core (the usual case when
 * a daemon starts) the binding's few hundred milliseconds then overlap main's own instead of
 * following them, and the first advert goes out that much sooner. On a busy host nothing is lost
 * but a thread start. The daemon waits for it ({@link #awaitLoaded()}) before its own first native
 * call, so the two threads never initialise jnr's classes against each other (a class
 * initialisation deadlock takes two threads starting from opposite ends). Whatever the binding
 * throws is left for the daemon's own first call to meet and report.
 */
final class NativeWarmUp {
    private static Thread thread;

    private NativeWarmUp() {
    }

    /** Starts the binding (once; {@code main} only). */
    static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(() -> {
            try {
                NativeLibraries.load();
            } catch (RuntimeException | LinkageError e) {
                // the daemon's first native call meets the same failure and reports it
            }
        }, "native-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for {@link #start()}'s binding, if one was started. */
    static void awaitLoaded() {
        Thread t;
        synchronized (NativeWarmUp.class) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
