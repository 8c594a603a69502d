package io.javakeepalived.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The record of one long fuzz run ({@code -Plongfuzz}): how many mutations ran, how many ended in
 * an exception the code under test did not turn into its own result, the most heap in use after
 * a full GC (sampled periodically: live data, not garbage, so growth means a leak), and the time.
 * A failure is kept with what reproduces it rather than stopping the run, so one run reports
 * every kind of failure it met. Several workers may share one ledger ({@link #workers()}): each
 * claims its mutations with {@link #more()}, so the counts are the run's sums.
 */
public final class FuzzLedger {
    /** The run's length unless {@code -Djavakeepalived.fuzz.iterations=N} says otherwise. */
    public static final long DEFAULT_ITERATIONS = 10_000_000L;
    private static final int KEPT_FAILURES = 20;
    private static final long MB = 1024 * 1024;

    private final String name;
    private final long seed = Long.getLong("javakeepalived.fuzz.seed", new java.util.Random().nextLong());
    private final long target;
    private final long deadline;
    private final long start = System.nanoTime();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<String> failures = new ArrayList<>();
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong iterations = new AtomicLong();
    private final AtomicLong exceptions = new AtomicLong();
    private volatile long maxHeapAfterGc;
    private int workers = 1;

    /**
     * A run called {@code name}: its seed from {@code -Djavakeepalived.fuzz.seed=N} (else random,
     * printed here), its length from {@code -Djavakeepalived.fuzz.<kind>=N}, else
     * {@code -Djavakeepalived.fuzz.iterations=N}, else 10 million, cut short after
     * {@code -Djavakeepalived.fuzz.minutes=N} of wall time if given.
     */
    public FuzzLedger(String name, String kind) {
        this.name = name;
        this.target = Long.getLong("javakeepalived.fuzz." + kind,
                Long.getLong("javakeepalived.fuzz.iterations", DEFAULT_ITERATIONS));
        long minutes = Long.getLong("javakeepalived.fuzz.minutes", 0);
        this.deadline = minutes <= 0 ? Long.MAX_VALUE : start + minutes * 60_000_000_000L;
        System.out.printf("%s: seed %d (rerun with -Djavakeepalived.fuzz.seed=%d)%n", name, seed, seed);
        sampleHeap();
    }

    public long seed() {
        return seed;
    }

    /**
     * Worker {@code worker}'s seed: the run's seed for worker 0, so that a one-worker run and
     * worker 0 of a larger one draw the same mutations; a different stream for each other worker.
     */
    public long seed(int worker) {
        return seed ^ (worker * 0x9E3779B97F4A7C15L);
    }

    /** How many threads mutate at once: {@code -Djavakeepalived.fuzz.threads=N}, 1 unless given. */
    public static int workersAsked() {
        return Math.max(1, Integer.getInteger("javakeepalived.fuzz.threads", 1));
    }

    /**
     * Runs {@code worker} (given its index) on {@code count} threads at once and waits for all;
     * a worker that dies of something it did not catch is a failure of the run, not a hang.
     */
    public void runWorkers(int count, IntConsumer worker) throws InterruptedException {
        workers = count;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int index = w;
            Thread t = new Thread(() -> worker.accept(index), name + " " + w);
            t.setUncaughtExceptionHandler((th, e) -> failure(-1, th.getName() + " died", e));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Whether another mutation is due (fewer claimed than asked for, and time left, read every
     * 64); a true answer claims it for the caller.
     */
    public boolean more() {
        long n = claimed.getAndIncrement();
        return n < target && ((n & 63) != 0 || System.nanoTime() < deadline);
    }

    /** One mutation done. */
    public void iteration() {
        long n = iterations.incrementAndGet();
        if (n % 250_000 == 0) {
            sampleHeap();
            // a long run on a shared machine can be cut short: it says how far it got as it goes
            System.out.printf("%s: %d so far, %d uncaught exceptions, max heap after GC %d MB, %.0f s%n", name, n,
                    exceptions(), maxHeapAfterGcMb(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** An uncaught exception (or a broken invariant) at this mutation; {@code input} reproduces it. */
    public synchronized void failure(long iteration, String input, Throwable t) {
        exceptions.incrementAndGet();
        if (failures.size() < KEPT_FAILURES) {
            java.io.StringWriter trace = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(trace));
            String line = name + ": seed " + seed + ", iteration " + iteration + ": " + t + "\n  input: " + input
                    + "\n" + trace;
            failures.add(line);
            System.out.println(line);
        }
    }

    public long iterations() {
        return iterations.get();
    }

    public long exceptions() {
        return exceptions.get();
    }

    public long maxHeapAfterGcMb() {
        return maxHeapAfterGc / MB;
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** One line for the README and the CI log. */
    public String summary() {
        sampleHeap();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long n = iterations();
        return String.format("%s: %d iterations, %d uncaught exceptions, max heap after GC %d MB "
                        + "(-Xmx %d MB), %.1f s (%.0f/s), %d thread(s), seed %d", name, n, exceptions(),
                maxHeapAfterGcMb(), Runtime.getRuntime().maxMemory() / MB, ms / 1000.0,
                n * 1000.0 / Math.max(1, ms), workers, seed);
    }

    private synchronized void sampleHeap() {
        System.gc();
        maxHeapAfterGc = Math.max(maxHeapAfterGc, memory.getHeapMemoryUsage().getUsed());
    }
}
