package io.javakeepalived.testsupport.probe;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal {@link ProbeIo} for probe tests: the calling thread becomes the engine thread and
 * turns a selector until the probe reports. Not the engine (no schedule, no retries): it shows
 * what one attempt does against a real server, and what it costs (channels left open, late
 * callbacks after {@code done}).
 */
public final class ProbeRig implements ProbeIo, AutoCloseable {

    private record Pending(long deadline, long seq, Runnable task) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Selector selector;
    private final PriorityQueue<Pending> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> handedBack = new ConcurrentLinkedQueue<>();
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private long seq;

    public ProbeRig() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code probe} and turns until it reports; fails if it calls {@code done} twice or has
     * not reported within {@code limit} (then it is aborted).
     */
    public ProbeResult run(Probe probe, Duration limit) {
        ProbeResult[] result = new ProbeResult[1];
        probe.start(this, r -> {
            if (result[0] != null) {
                throw new AssertionError("done called twice: " + result[0] + ", then " + r);
            }
            result[0] = r;
        });
        long deadline = System.nanoTime() + limit.toNanos();
        while (result[0] == null) {
            if (System.nanoTime() - deadline > 0) {
                probe.abort();
                throw new AssertionError("no result within " + limit);
            }
            turn(deadline);
        }
        return result[0];
    }

    /** Keeps turning for {@code time} (to see that nothing fires after a result or an abort). */
    public void idle(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() - deadline < 0) {
            turn(deadline);
        }
    }

    /** Channels still registered: a probe that reported must have closed all of its own. */
    public int openChannels() {
        try {
            selector.selectNow(); // flush cancelled keys
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (SelectionKey k : selector.keys()) {
            if (k.isValid() && k.channel().isOpen()) {
                n++;
            }
        }
        return n;
    }

    /** Lines the probe logged, in order. */
    public List<String> logged() {
        synchronized (logged) {
            return List.copyOf(logged);
        }
    }

    private void turn(long untilNanos) {
        long now = System.nanoTime();
        Pending next = timers.peek();
        long wake = next == null ? untilNanos : Math.min(untilNanos, next.deadline);
        long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - now));
        try {
            selector.select(handedBack.isEmpty() ? Math.min(waitMs, 20) : 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (SelectionKey k : new ArrayList<>(selector.selectedKeys())) {
            if (k.isValid()) {
                @SuppressWarnings("unchecked")
                Consumer<SelectionKey> ready = (Consumer<SelectionKey>) k.attachment();
                ready.accept(k);
            }
        }
        selector.selectedKeys().clear();
        Runnable r;
        while ((r = handedBack.poll()) != null) {
            r.run();
        }
        while (!timers.isEmpty() && System.nanoTime() - timers.peek().deadline >= 0) {
            timers.poll().task.run();
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready)
            throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, interestOps, ready);
    }

    @Override
    public Timer after(long delayNanos, Runnable task) {
        Pending p = new Pending(System.nanoTime() + delayNanos, seq++, task);
        timers.add(p);
        return () -> timers.remove(p);
    }

    @Override
    public void handBack(Runnable task) {
        handedBack.add(task);
        selector.wakeup();
    }

    @Override
    public void log(String line) {
        logged.add(line);
    }

    @Override
    public void close() throws IOException {
        selector.close();
    }
}
