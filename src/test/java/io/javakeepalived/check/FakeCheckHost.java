package io.javakeepalived.check;

import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.config.model.ScriptCommand;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A checker-loop stand-in with a hand-driven clock: timers run when the test advances time. */
final class FakeCheckHost implements ProbeIo, HealthOutput, HealthVerdicts {

    private record Pending(long deadline, long seq, Runnable task, boolean[] cancelled) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Pending> timers = new PriorityQueue<>();
    private long now;
    private long seq;
    /** Everything observable, in order, each stamped with the time in ms. */
    final List<String> seen = new ArrayList<>();
    /** The notify FIFO lines, in order, apart: they are not log lines. */
    final List<String> fifo = new ArrayList<>();

    long millis() {
        return TimeUnit.NANOSECONDS.toMillis(now);
    }

    /** Runs every timer due up to {@code ms} (in order, each at its own time). */
    void advanceTo(long ms) {
        long until = TimeUnit.MILLISECONDS.toNanos(ms);
        while (!timers.isEmpty() && timers.peek().deadline <= until) {
            Pending p = timers.poll();
            now = Math.max(now, p.deadline);
            if (!p.cancelled[0]) {
                p.task.run();
            }
        }
        now = until;
    }

    /** The observable lines that contain {@code fragment}. */
    List<String> matching(String fragment) {
        return seen.stream().filter(s -> s.contains(fragment)).toList();
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready) {
        throw new UnsupportedOperationException("no sockets in the fake host");
    }

    @Override
    public Timer after(long delayNanos, Runnable task) {
        boolean[] cancelled = new boolean[1];
        timers.add(new Pending(now + delayNanos, seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public void handBack(Runnable task) {
        after(0, task);
    }

    @Override
    public void log(String line) {
        seen.add(millis() + " " + line);
    }

    @Override
    public void runScript(String label, ScriptCommand command) {
        seen.add(millis() + " script " + command.configured());
    }

    /** The alert mails, apart from {@link #seen}: "ms SUBJECT-ish | body". */
    final List<String> mails = new ArrayList<>();

    @Override
    public void mailRealServer(String realServer, String virtualServer, boolean up, String body) {
        mails.add(millis() + " RS " + realServer + " of " + virtualServer + " " + (up ? "UP" : "DOWN") + " | " + body);
    }

    @Override
    public void mailQuorum(String virtualServer, boolean up, String body) {
        mails.add(millis() + " VS " + virtualServer + " " + (up ? "UP" : "DOWN") + " | " + body);
    }

    @Override
    public void fifo(String line) {
        fifo.add(line);
    }

    @Override
    public void realServer(io.javakeepalived.config.model.VirtualServer vs, io.javakeepalived.config.model.RealServer rs,
                           boolean alive, int weight) {
        seen.add(millis() + " verdict " + rs.address().getHostAddress() + ":" + rs.port() + " " + (alive ? "alive" : "dead")
                + " " + weight);
    }

    @Override
    public void quorum(io.javakeepalived.config.model.VirtualServer vs, boolean gained) {
        seen.add(millis() + " verdict quorum " + (gained ? "up" : "down"));
    }
}
