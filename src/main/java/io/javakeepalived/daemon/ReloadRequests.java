package io.javakeepalived.daemon;

/**
 * Coalesces RELOAD requests: one reload runs at a time; any number of requests arriving while
 * it runs become one more reload after it (the file may have changed again since it was read),
 * as keepalived queues a HUP that arrives during a reload. Owned by the VRRP loop thread.
 */
final class ReloadRequests {
    private boolean running;
    private boolean queued;

    /** A request arrived. @return true if a reload is to start now; false if it was queued */
    boolean request() {
        if (running) {
            queued = true;
            return false;
        }
        running = true;
        return true;
    }

    /** True while a reload runs (and a request would be queued). */
    boolean running() {
        return running;
    }

    /** True if a request is waiting for the running reload to end. */
    boolean queued() {
        return queued;
    }

    /** The running reload ended. @return true if a queued request is to start now */
    boolean finished() {
        if (!running) {
            throw new IllegalStateException("no reload is running");
        }
        if (queued) {
            queued = false;
            return true; // still running: the queued one starts
        }
        running = false;
        return false;
    }
}
