package io.javakeepalived.vrrp;

/**
 * How long a Master_Adver_Interval a VRRPv3 backup adopts from the adverts it accepts (RFC 5798
 * §6.4.2 says: whatever the master sends). Unbounded, one forged advert carrying 40.95 s makes
 * every backup wait 3 × 40.95 s + skew, about two minutes with nobody holding the VIPs, and
 * VRRPv3 has no authentication to stop the forger.
 *
 * <p>The bound is {@value #FACTOR} × the configured advert_int. Why 3: a backup's master-down
 * interval is 3 × the adopted interval + skew, so a real master that advertises up to about 9 ×
 * our interval is still heard before we take over - far beyond any sane mix of advert_int values
 * (the pure RFC case, equal intervals, and the 2:1 mixes seen in migrations stay untouched). A
 * forgery then holds the VIPs off for at most 9 advert intervals + skew (some 10 s at 1 s)
 * instead of two minutes. Shorter intervals are adopted as sent: a forged short interval only
 * brings a takeover sooner, which a forged priority 0 advert can do anyway.
 */
final class AdoptedIntervalBound {
    /** The adopted interval is at most this many times the configured one. */
    static final int FACTOR = 3;

    private AdoptedIntervalBound() {
    }

    /** The longest Master_Adver_Interval, in centiseconds, adopted with {@code configuredCs}. */
    static int maxAdoptedCs(int configuredCs) {
        return configuredCs * FACTOR;
    }
}
