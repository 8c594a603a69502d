package io.javakeepalived.vrrp;

/**
 * keepalived's {@code ipsecah_counter}: ONE AH sequence counter per instance, both the number
 * its next advert carries and the anti-replay floor for adverts received from any sender.
 * Because every accepted advert raises it, a new master continues the old master's sequence
 * (measured: A 1..4, crash, B 5..10, A restarted 11..14); a node that started again at 1
 * after hearing others would be dropped as a replay by keepalived peers.
 *
 * <ul>
 * <li>Sending: +1 per advert (once for all unicast peers), starting at 1.</li>
 * <li>Receiving: an advert must carry a number above the counter
 *     ({@link io.javakeepalived.vrrp.packet.AdvertValidator}); one that passes the AH check
 *     raises the counter to its number.</li>
 * <li>A master hearing a lower-priority advert re-syncs to its number + 1.</li>
 * <li>The 32-bit space: keepalived stops counting at 0xFFFFFFFE ("cycled") and starts again at
 *     0 when it next becomes master; at one advert per second that is 136 years away.</li>
 * </ul>
 * Survives a reload with its instance. Not thread-safe: owned by the instance's loop.
 */
public final class AhSequenceNumber {
    private static final long LAST = 0xFFFFFFFDL;

    private long value;
    private boolean cycled;

    /** The number of the last advert sent or accepted (0 before any): received ones must be above it. */
    public long value() {
        return value;
    }

    /** The number for the next advert we send. */
    public long nextForSending() {
        if (value > LAST) {
            cycled = true;
        } else {
            value++;
        }
        return value;
    }

    /** An advert passed the AH check with {@code received} (above {@link #value()}). */
    void accepted(long received, boolean inBackup) {
        if (received > value) {
            value = received;
        }
        if (inBackup) {
            cycled = false;
        }
    }

    /** MASTER heard a lower-priority advert carrying {@code received}: continue above it. */
    void syncAbove(long received) {
        value = Math.min(received + 1, 0xFFFFFFFFL);
        cycled = false;
    }

    /** MASTER heard a higher-priority advert: someone else counts on. */
    void otherMasterSeen() {
        cycled = false;
    }

    /** Becoming MASTER after the counter ran out: start again, as keepalived does. */
    void restartIfCycled() {
        if (cycled) {
            cycled = false;
            value = 0;
        }
    }
}
