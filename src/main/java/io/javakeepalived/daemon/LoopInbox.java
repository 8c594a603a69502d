package io.javakeepalived.daemon;

import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.WakeUpFd;
import io.javakeepalived.vrrp.Event;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;

/**
 * How other threads reach the VRRP loop: three queues (signal requests, events for an instance,
 * snapshot requests) and the wake-up fd the loop polls beside its sockets. Posting never blocks;
 * whatever is posted after the loop has {@link #finish finished} is dropped, and the wake-up fd
 * is never written once it may have been closed. The loop thread takes from the queues.
 */
final class LoopInbox {

    /** An event for one instance from another thread (a tracker's result, ...). */
    record InstanceEvent(String instance, Event event) {
    }

    private final WakeUpFd wake;
    private final Logger log;
    private final ConcurrentLinkedQueue<SignalRequest> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<InstanceEvent> instanceEvents = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Consumer<LoopSnapshot>> snapshotRequests = new ConcurrentLinkedQueue<>();
    private final Object wakeLock = new Object();
    private volatile boolean finished;

    LoopInbox(WakeUpFd wake, Logger log) {
        this.wake = wake;
        this.log = log;
    }

    void post(SignalRequest request) {
        Objects.requireNonNull(request, "request");
        if (finished) {
            return;
        }
        requests.offer(request);
        wakeUp();
    }

    void post(String instance, Event event) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(event, "event");
        if (finished) {
            return;
        }
        instanceEvents.offer(new InstanceEvent(instance, event));
        wakeUp();
    }

    void requestSnapshot(Consumer<LoopSnapshot> answer) {
        Objects.requireNonNull(answer, "answer");
        if (finished) {
            return;
        }
        snapshotRequests.offer(answer);
        wakeUp();
    }

    /**
     * Signals the wake-up fd, unless the loop has finished. Under {@link #wakeLock} because the
     * loop closes the fd when it ends: a write racing that close could land on whatever file
     * reuses the descriptor number.
     */
    void wakeUp() {
        synchronized (wakeLock) {
            if (finished) {
                return;
            }
            try {
                wake.signal();
            } catch (ErrnoException e) {
                log.warn("cannot wake the VRRP loop: {}", e.getMessage());
            }
        }
    }

    /** The fd the loop polls to be woken. */
    int fd() {
        return wake.fd();
    }

    /** The wake-up fd was readable: reset it. Loop thread. */
    void drain() throws ErrnoException {
        wake.drain();
    }

    /** The next signal request, or null. Loop thread. */
    SignalRequest nextRequest() {
        return requests.poll();
    }

    /** The next event for an instance, or null. Loop thread. */
    InstanceEvent nextInstanceEvent() {
        return instanceEvents.poll();
    }

    /** The next snapshot request, or null. Loop thread. */
    Consumer<LoopSnapshot> nextSnapshotRequest() {
        return snapshotRequests.poll();
    }

    /** The loop has ended: nothing is queued or woken any more. */
    void finish() {
        synchronized (wakeLock) {
            finished = true;
        }
    }

    boolean isFinished() {
        return finished;
    }

    /** Closes the wake-up fd; after {@link #finish}. */
    void close() {
        wake.close();
    }
}
