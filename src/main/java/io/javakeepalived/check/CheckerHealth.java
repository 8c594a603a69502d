package io.javakeepalived.check;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;

import java.util.Objects;

/**
 * One checker's view of its real server, with keepalived's arithmetic (check_tcp.c
 * {@code tcp_epilog}, the shape every connection checker shares). Pure; the engine feeds it one
 * result per attempt and asks when the next attempt is due.
 *
 * <p>A checker starts up ({@code alpha}: down) and "not run". A passing check brings it up at once.
 * A failing check while it is up uses a retry (the next attempt comes after delay_before_retry);
 * once {@code retry} retries have failed too, it goes down: retry + 1 failures in a row,
 * retry × delay_before_retry after the first. The retry counter starts full, so the very first
 * check decides at once, as keepalived's "one failure is enough initially". While down, checks
 * come every delay_loop and failures say nothing.
 */
public final class CheckerHealth {

    /** When the next attempt is due after a result. */
    public enum Next {
        /** delay_loop after this attempt's start. */
        LOOP,
        /** delay_before_retry after it. */
        RETRY
    }

    private final CheckerKind kind;
    private final CheckerKind.Subject subject;
    private final int retry;
    private final boolean alpha;
    private final boolean logAllFailures;
    private RealServerHealth realServer;
    private boolean up;
    private boolean hasRun;
    private int retryIt;
    /** keepalived's cur_weight: what this checker adds to the real server's configured weight. */
    private long weightShift;
    /** Attempts with a result since start (a reload keeps them), and how many of them failed: for /metrics. */
    private long checksRun;
    private long checksFailed;

    CheckerHealth(CheckerKind kind, CheckerKind.Subject subject, Checker.Timing timing) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.retry = timing.retry();
        this.alpha = timing.alpha();
        this.logAllFailures = timing.logAllFailures();
        this.up = !alpha;
        this.retryIt = retry;
    }

    void attach(RealServerHealth owner) {
        this.realServer = owner;
    }

    /** A reload kept this checker: its state carries over. */
    void carryOver(CheckerHealth previous) {
        up = previous.up;
        hasRun = previous.hasRun;
        retryIt = Math.min(previous.retryIt, retry);
        weightShift = previous.weightShift;
        checksRun = previous.checksRun;
        checksFailed = previous.checksFailed;
    }

    /** Applies one attempt's result and says when the next is due. */
    public Next onResult(ProbeResult result) {
        boolean success = result instanceof ProbeResult.Success;
        checksRun++;
        if (!success) {
            checksFailed++;
        }
        boolean takesDown = !success && (up || !hasRun) && retryIt >= retry;
        if (result instanceof ProbeResult.Failure failure) {
            kind.failureLines(subject, failure, standing(), retry, logAllFailures, takesDown)
                    .forEach(realServer.output()::log);
        }
        Next next = Next.LOOP;
        if (success || takesDown) {
            retryIt = 0;
            boolean wasUp = up;
            boolean wasAlive = realServer.alive();
            if (success) {
                applyWeight((ProbeResult.Success) result);
                if (!up || !hasRun) {
                    kind.successLine(subject).ifPresent(realServer.output()::log);
                    realServer.checkerState(this, true);
                    realServer.mailChange(this, wasUp, wasAlive, "");
                }
            } else {
                realServer.checkerState(this, false);
                realServer.mailChange(this, wasUp, wasAlive, ((ProbeResult.Failure) result).reason());
                if (weightShift != 0) { // a dynamic weight does not outlive the failure (check_misc.c)
                    weightShift = 0;
                    realServer.reweigh(false);
                }
            }
        } else if (up) {
            next = Next.RETRY;
            retryIt++;
        }
        hasRun = true;
        return next;
    }

    private void applyWeight(ProbeResult.Success success) {
        if (success.newWeight().isEmpty()) {
            return;
        }
        long shift = success.newWeight().getAsInt() - (long) realServer.configuredWeight();
        if (shift != weightShift) {
            weightShift = shift;
            realServer.reweigh(true);
        }
    }

    /**
     * The first check agreed with the starting state: keepalived then only runs the notify of
     * that state if it is down or alpha was set (update_svr_checker_state).
     */
    boolean firstRunAgrees() {
        boolean first = !hasRun;
        hasRun = true;
        return first && (alpha || !up);
    }

    /** Where this checker stands now, as a probe that needs it is told. */
    public CheckerStanding standing() {
        return new CheckerStanding(up, hasRun);
    }

    public CheckerKind kind() {
        return kind;
    }

    public CheckerKind.Subject subject() {
        return subject;
    }

    public boolean isUp() {
        return up;
    }

    void setUp(boolean up) {
        this.up = up;
    }

    public boolean hasRun() {
        return hasRun;
    }

    public int retry() {
        return retry;
    }

    public int retryIterations() {
        return retryIt;
    }

    public boolean alpha() {
        return alpha;
    }

    public long weightShift() {
        return weightShift;
    }

    /** Attempts that reached a result (an aborted, overdue attempt counts as failed). */
    public long checksRun() {
        return checksRun;
    }

    /** Attempts that failed, whether or not they used a retry or changed the standing. */
    public long checksFailed() {
        return checksFailed;
    }
}
