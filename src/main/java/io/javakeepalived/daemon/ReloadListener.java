package io.javakeepalived.daemon;

/**
 * Learns when a reload begins and ends - the seam for systemd's {@code RELOADING=1} and
 * {@code READY=1}. Both calls come from the VRRP loop thread, so an implementation must return
 * at once (a datagram to {@code $NOTIFY_SOCKET} is fine; anything slower goes to a thread of
 * its own). A request coalesced into a running reload gives no extra call; a queued second
 * reload gives its own pair.
 */
public interface ReloadListener {

    /** Tells nobody. */
    ReloadListener NONE = new ReloadListener() {
        @Override
        public void reloadStarted() {
        }

        @Override
        public void reloadFinished(boolean applied) {
        }
    };

    /** A RELOAD request was taken up: the configuration is being read. */
    void reloadStarted();

    /**
     * The reload is over.
     *
     * @param applied true if the new configuration is now running, false if it was rejected and
     *                the old one runs on
     */
    void reloadFinished(boolean applied);
}
