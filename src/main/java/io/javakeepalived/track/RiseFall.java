package io.javakeepalived.track;

/**
 * keepalived's rise/fall counter for a check ({@code vrrp_script_child_thread()}): {@code result}
 * stays in [0, rise+fall-1] and the check is OK while {@code result >= rise}. A success below
 * rise-1 counts up, one at rise-1 or above jumps to the top; a failure above rise counts down, one
 * at rise or below drops to 0. So from the top it takes {@code fall} failures in a row to become
 * KO, from 0 {@code rise} successes in a row to become OK, and from rise-1 (an undecided start)
 * one result either way. Shared by vrrp_script and the reference addresses.
 */
final class RiseFall {
    final int rise;
    final int fall;
    int result;

    /** @param result where the counter starts (rise-1: undecided; 0: failed) */
    RiseFall(int rise, int fall, int result) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise " + rise + ", fall " + fall);
        }
        this.rise = rise;
        this.fall = fall;
        this.result = result;
    }

    int top() {
        return rise + fall - 1;
    }

    boolean ok() {
        return result >= rise;
    }

    /** Counts a success; true when it made the check OK. */
    boolean success() {
        if (result < rise - 1) {
            result++;
            return false;
        }
        boolean became = result != top() && result < rise;
        result = top();
        return became;
    }

    /**
     * Counts a failure; true when it made the check KO, or when {@code first} (the first result is
     * reported whatever it is).
     */
    boolean failure(boolean first) {
        if (result > rise) {
            result--;
            return false;
        }
        boolean report = result == rise || first;
        result = 0;
        return report;
    }
}
