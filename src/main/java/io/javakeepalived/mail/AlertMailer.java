package io.javakeepalived.mail;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * Sends the alerts on one thread of its own ("mail"), so that no failover ever waits for a mail
 * server: {@link #submit} puts the alert in a bounded {@link MailQueue} and returns at once (the
 * lock it takes is never held across I/O); the thread sends the due mails one at a time, each
 * attempt bounded by {@code smtp_connect_timeout} per step, and a failed one is tried again by
 * the {@link RetryPolicy} (logged each time, and when given up).
 *
 * <p>At stop, {@link #drain} gives the queued mails (the STOP alerts) one last attempt each,
 * bounded in time; then the thread ends.
 */
public final class AlertMailer implements AutoCloseable {

    /** How many alerts may wait; a flapping instance makes two per flap. */
    public static final int CAPACITY = 64;

    /** Sends one alert; the real one is an {@link SmtpSession}. */
    @FunctionalInterface
    interface Sender {
        SmtpSession.Result send(MailSettings settings, Alert alert, ZonedDateTime date);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final MailQueue queue;
    private final int capacity;
    private final RetryPolicy policy;
    private final Sender sender;
    private final LongSupplier nanos;
    private final Supplier<ZonedDateTime> wallClock;
    private final Logger log;
    private final Thread thread;
    private volatile MailSettings settings;
    /** Guarded by lock. */
    private boolean draining;
    private boolean closed;
    private boolean sending;

    AlertMailer(MailSettings settings, RetryPolicy policy, int capacity, Sender sender, LongSupplier nanos,
                Supplier<ZonedDateTime> wallClock, Logger log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.queue = new MailQueue(capacity, policy);
        this.capacity = capacity;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.log = Objects.requireNonNull(log, "log");
        this.thread = new Thread(this::serve, "mail");
        thread.setDaemon(true); // never keeps the process alive: drain() is the bounded wait
    }

    /**
     * Over SMTP with the {@link RetryPolicy#DEFAULT default policy}. Alerts submitted before
     * {@link #startThread()} wait in the queue.
     */
    public static AlertMailer overSmtp(MailSettings settings, Logger log) {
        return new AlertMailer(settings, RetryPolicy.DEFAULT, CAPACITY,
                (s, alert, date) -> new SmtpSession(s, log).send(alert, date), System::nanoTime, ZonedDateTime::now,
                log);
    }

    /**
     * Starts the mail thread. A thread is born in its creator's network namespace, so call this
     * from a thread in the namespace the mails should leave from ({@code net_namespace}).
     */
    public AlertMailer startThread() {
        thread.start();
        return this;
    }

    /** The settings for mails sent from now on (a reload). Any thread. */
    public void configure(MailSettings next) {
        settings = Objects.requireNonNull(next, "next");
    }

    public MailSettings settings() {
        return settings;
    }

    /**
     * Queues {@code alert}; returns at once, whatever the mail server does. Without
     * {@code smtp_server} or {@code notification_email} nothing is sent, as in keepalived.
     */
    public void submit(Alert alert) {
        if (!settings.sends()) {
            return;
        }
        Optional<Alert> dropped;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            dropped = queue.offer(alert, nanos.getAsLong());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        dropped.ifPresent(d -> log.warn("SMTP alert queue full ({} waiting) - dropped the oldest alert \"{}\"",
                capacity, d.subject()));
    }

    /**
     * Called by the LVS checker engine when a checker changes a real server's state and the real
     * server has {@code smtp_alert} (resolved by the binder; the engine applies keepalived's
     * {@code no_checker_emails}): {@code [router] Realserver [10.0.0.2]:tcp:80 of virtual server
     * [10.0.0.1]:tcp:80 - DOWN}. Returns at once.
     *
     * @param body the checker's words, e.g. {@code => TCP CHECK failed on service <=}
     */
    public void realServerChanged(String realServer, String virtualServer, boolean up, String body) {
        submit(AlertTexts.realServer(settings.routerId(), realServer, virtualServer, up, body));
    }

    /** The virtual server's quorum was gained ({@code up}) or lost: {@code [router] Virtualserver ... - UP}. */
    public void virtualServerQuorum(String virtualServer, boolean up, String body) {
        submit(AlertTexts.virtualServer(settings.routerId(), virtualServer, up, body));
    }

    /**
     * At stop: each queued mail gets one more attempt, no retries; waits until they are done, at most
     * {@code limit}, then ends the thread.
     *
     * @return true if nothing was left unsent for lack of time
     */
    public boolean drain(Duration limit) {
        long deadline = nanos.getAsLong() + limit.toNanos();
        lock.lock();
        try {
            if (!thread.isAlive()) { // never started (the daemon stopped before its loop ran), or ended
                closed = true;
                return queue.isEmpty();
            }
            draining = true;
            changed.signalAll();
            while (!queue.isEmpty() || sending) {
                long left = deadline - nanos.getAsLong();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            closed = true;
            changed.signalAll();
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void serve() {
        while (true) {
            MailQueue.Pending next;
            boolean last;
            lock.lock();
            try {
                next = null;
                while (!closed && next == null) {
                    long now = nanos.getAsLong();
                    Optional<MailQueue.Pending> due = draining ? queue.takeNext() : queue.takeDue(now);
                    if (due.isPresent()) {
                        next = due.get();
                    } else {
                        long wait = queue.nanosUntilDue(now);
                        changed.awaitNanos(wait == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(60) : wait);
                    }
                }
                if (next == null) {
                    return;
                }
                sending = true;
                last = draining;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            attempt(next, last);
        }
    }

    /** One attempt, off the lock; a failure goes back to the queue unless given up. */
    private void attempt(MailQueue.Pending p, boolean last) {
        SmtpSession.Result r;
        try {
            r = sender.send(settings, p.alert, wallClock.get());
        } catch (RuntimeException e) {
            log.error("SMTP alert \"{}\" failed: {}", p.alert.subject(), e.toString());
            r = new SmtpSession.Result(false, false);
        }
        lock.lock();
        try {
            if (!r.sent()) {
                MailQueue.Verdict v = queue.failed(p, nanos.getAsLong(), r.retryable() && !last);
                if (v.retried()) {
                    log.warn("SMTP alert \"{}\" not sent - attempt {} of {}, next in {} s", p.alert.subject(),
                            p.attempts(), policy.maxAttempts(), TimeUnit.NANOSECONDS.toSeconds(v.delayNanos()));
                } else {
                    log.error("SMTP alert \"{}\" not sent - giving up after {} attempt{}", p.alert.subject(),
                            p.attempts(), p.attempts() == 1 ? "" : "s");
                }
            }
            sending = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
