package io.javakeepalived.mail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The alerts waiting for the mail thread, pure (readings of a monotonic clock are passed in): at
 * most {@code capacity}, the oldest dropped to make room (a burst of flaps must not grow the heap,
 * and the newest state is the one that matters), each with its attempts and the time it may next
 * be tried. Due mails are taken oldest first. Not thread-safe: {@link AlertMailer} guards it.
 */
final class MailQueue {

    /** One alert and how its sending went so far. */
    static final class Pending {
        final Alert alert;
        final long raisedNanos;
        final long sequence;
        int attempts;
        long dueNanos;

        Pending(Alert alert, long raisedNanos, long sequence) {
            this.alert = alert;
            this.raisedNanos = raisedNanos;
            this.sequence = sequence;
            this.dueNanos = raisedNanos;
        }

        int attempts() {
            return attempts;
        }
    }

    /** What became of a failed attempt. */
    record Verdict(boolean retried, long delayNanos) {
    }

    private static final Comparator<Pending> DUE_ORDER = Comparator.<Pending>comparingLong(p -> p.dueNanos)
            .thenComparingLong(p -> p.sequence);

    private final int capacity;
    private final RetryPolicy policy;
    private final List<Pending> pending = new ArrayList<>();
    private long sequence;

    MailQueue(int capacity, RetryPolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
    }

    /**
     * Queues {@code alert}, raised at {@code now}.
     *
     * @return the alert dropped to make room, if the queue was full
     */
    Optional<Alert> offer(Alert alert, long now) {
        Optional<Alert> dropped = Optional.empty();
        if (pending.size() >= capacity) {
            Pending oldest = pending.stream().min(Comparator.comparingLong(p -> p.sequence)).orElseThrow();
            pending.remove(oldest);
            dropped = Optional.of(oldest.alert);
        }
        pending.add(new Pending(alert, now, sequence++));
        return dropped;
    }

    /** The mail to try now, taken off the queue (put back by {@link #failed}); empty if none is due. */
    Optional<Pending> takeDue(long now) {
        Optional<Pending> first = pending.stream().min(DUE_ORDER).filter(p -> p.dueNanos - now <= 0);
        first.ifPresent(pending::remove);
        return first;
    }

    /** The next mail whether due or not (the last attempts at stop), taken off the queue. */
    Optional<Pending> takeNext() {
        Optional<Pending> first = pending.stream().min(DUE_ORDER);
        first.ifPresent(pending::remove);
        return first;
    }

    /** Nanoseconds until the next mail is due ({@link Long#MAX_VALUE} if none waits, 0 if one is due). */
    long nanosUntilDue(long now) {
        return pending.stream().min(DUE_ORDER).map(p -> Math.max(0, p.dueNanos - now)).orElse(Long.MAX_VALUE);
    }

    /**
     * An attempt at {@code p} failed at {@code now}; it goes back into the queue if the policy
     * allows another attempt within the window and {@code retryable}.
     */
    Verdict failed(Pending p, long now, boolean retryable) {
        p.attempts++;
        long delay = policy.delayNanosAfter(p.attempts);
        boolean again = retryable && p.attempts < policy.maxAttempts()
                && now + delay - p.raisedNanos <= policy.window().toNanos();
        if (again) {
            p.dueNanos = now + delay;
            if (pending.size() < capacity) {
                pending.add(p);
            } else {
                again = false; // newer alerts filled the room meanwhile: they win
            }
        }
        return new Verdict(again, delay);
    }

    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }
}
