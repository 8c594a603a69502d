package io.javakeepalived.daemon;

/**
 * How the VRRP loop's own thread is scheduled (global_defs {@code vrrp_priority},
 * {@code vrrp_rt_priority}, {@code max_auto_priority} ...): the loop says when its thread starts
 * taking turns and how late each wait for its earliest deadline ended; what follows from that
 * is decided elsewhere ({@code cli} builds the real one). Both calls come on the loop thread.
 */
public interface LoopScheduling {

    /** Changes nothing. */
    LoopScheduling NONE = new LoopScheduling() {
        @Override
        public void turnsStart() {
        }

        @Override
        public void woke(long deadlineNanos, long nowNanos) {
        }
    };

    /** Once, on the loop thread, after start-up and before the first turn. */
    void turnsStart();

    /**
     * After a wait that was to end at {@code deadlineNanos} (the earliest timer, on the loop's
     * clock) ended at {@code nowNanos}: a wake-up far past the deadline means the thread is not
     * getting the CPU when it needs it.
     */
    void woke(long deadlineNanos, long nowNanos);
}
