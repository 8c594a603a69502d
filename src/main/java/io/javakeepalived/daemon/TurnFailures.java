package io.javakeepalived.daemon;

import io.javakeepalived.log.RateLimitedLog;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * What went wrong in the VRRP loop's turns. Each step of a turn (requests, one socket, the
 * timers ...) is contained on its own, so a socket that throws still lets the timers fire; the
 * failures are counted here. A failure that repeats is logged with its stack trace at most
 * {@value #TRACES_PER_MINUTE} times a minute per step and kind (then summed up), not once per
 * turn. A turn with a failure is no proof of life: while the latest turn failed, the loop
 * stops vouching to the watchdog ({@link #vouching()}), and after {@link #giveUpAfter} failing
 * turns in a row the loop gives up ({@link #endTurn()}) and the daemon exits non-zero, so that
 * systemd restarts it instead of it turning for ever without adverts. Loop thread only.
 */
final class TurnFailures {
    /** Failing turns in a row after which the loop gives up. */
    static final int GIVE_UP_AFTER = 50;
    private static final int TRACES_PER_MINUTE = 3;

    private final RateLimitedLog<String> traces;
    private final int giveUpAfter;
    private boolean failedThisTurn;
    private int inARow;

    TurnFailures(Logger log, LongSupplier clock) {
        this(log, clock, GIVE_UP_AFTER);
    }

    TurnFailures(Logger log, LongSupplier clock, int giveUpAfter) {
        this.traces = new RateLimitedLog<>(log, Level.ERROR, TRACES_PER_MINUTE, Duration.ofMinutes(1), clock);
        this.giveUpAfter = giveUpAfter;
    }

    /** A step of this turn failed; {@code where} names it ("reading socket IPV4/eth0/multicast"). */
    void failed(String where, Throwable t) {
        failedThisTurn = true;
        traces.logWithTrace(where + " " + t.getClass().getName(), t, "VRRP loop: {} failed: {}", where, t.toString());
    }

    /** The turn is over. @return true if the loop is to give up: {@link #giveUpAfter} failing turns in a row */
    boolean endTurn() {
        inARow = failedThisTurn ? inARow + 1 : 0;
        failedThisTurn = false;
        return inARow >= giveUpAfter;
    }

    /** True unless the latest turn failed: only then may a turn count as the loop's proof of life. */
    boolean vouching() {
        return inARow == 0;
    }

    /** Failing turns in a row so far. */
    int inARow() {
        return inARow;
    }

    /** Summaries of traces held back whose minute is over. */
    void flush() {
        traces.flush();
    }
}
