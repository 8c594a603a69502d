package io.javakeepalived.track;

import java.util.Optional;

/**
 * Whether a tracked process has its quorum: {@code quorum <= count <= quorum_max}, with
 * keepalived's delays. Pure; the clock is passed in.
 *
 * <p>keepalived learns of each fork and exit from the kernel's proc connector and starts a timer
 * when the count crosses a quorum boundary: {@code fork_delay} when the crossing was caused by a
 * process appearing, {@code terminate_delay} when by one going away ({@code delay} sets both).
 * The quorum state changes when the timer expires, if the count is then still on the new side; a
 * crossing back before then cancels the timer. Here the count comes from a /proc scan, and the
 * delay is chosen by the direction the count moved since the previous scan, which is the same
 * rule seen at the scan's granularity. A delay expires at the first scan at or after its
 * deadline. One difference: keepalived applies fork_delay only to forks of processes it already
 * tracks, while a process that appears through exec (a service started afresh) counts at once;
 * a scan cannot tell the two apart, so every appearance waits fork_delay here.
 */
public final class ProcessQuorum {

    private final int quorum;
    private final long quorumMax;
    private final long forkDelayNanos;
    private final long terminateDelayNanos;
    private int count;
    private boolean have;
    private boolean pending;
    private long deadline;

    /**
     * @param quorumMax           the upper bound (use {@link Long#MAX_VALUE} for none)
     * @param forkDelayNanos      0 = none
     * @param terminateDelayNanos 0 = none
     */
    public ProcessQuorum(int quorum, long quorumMax, long forkDelayNanos, long terminateDelayNanos) {
        if (quorum < 0 || quorumMax < quorum) {
            throw new IllegalArgumentException("quorum " + quorum + ".." + quorumMax);
        }
        this.quorum = quorum;
        this.quorumMax = quorumMax;
        this.forkDelayNanos = forkDelayNanos;
        this.terminateDelayNanos = terminateDelayNanos;
    }

    /** The starting count: the quorum state is set at once, without a delay (keepalived's start-up). */
    public void start(int count) {
        this.count = count;
        this.have = inQuorum(count);
        this.pending = false;
    }

    public boolean haveQuorum() {
        return have;
    }

    public int count() {
        return count;
    }

    /** Whether a delay is running. */
    public boolean delaying() {
        return pending;
    }

    /**
     * A new count at {@code nowNanos}.
     *
     * @return the new quorum state when it changed
     */
    public Optional<Boolean> update(int newCount, long nowNanos) {
        int old = count;
        count = newCount;
        boolean in = inQuorum(newCount);
        if (in == have) {
            pending = false;
            return Optional.empty();
        }
        if (!pending) {
            long delay = newCount > old ? forkDelayNanos : newCount < old ? terminateDelayNanos : 0;
            if (delay <= 0) {
                have = in;
                return Optional.of(in);
            }
            pending = true;
            deadline = nowNanos + delay;
            return Optional.empty();
        }
        if (nowNanos - deadline >= 0) {
            pending = false;
            have = in;
            return Optional.of(in);
        }
        return Optional.empty();
    }

    private boolean inQuorum(int n) {
        return n >= quorum && n <= quorumMax;
    }
}
