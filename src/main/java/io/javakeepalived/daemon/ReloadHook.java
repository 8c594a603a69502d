package io.javakeepalived.daemon;

import java.util.Map;
import java.util.Set;

/**
 * Who rewires what lives outside the VRRP loop (trackers, notify hooks) when a reload is applied.
 * Called on the loop thread after the diff is applied and before the instances it added
 * start; it must return at once (hand heavy work to another thread). It may
 * {@link VrrpLoop#holdStartup hold} added instances, which then wait in INIT for a posted
 * {@code Event.Startup}, and may {@link VrrpLoop#trackInterfaces replace} the interface tracking,
 * which the loop then restates from the links' current state.
 */
@FunctionalInterface
public interface ReloadHook {
    /** Does nothing. */
    ReloadHook NONE = (loaded, added, kept) -> { };

    /**
     * @param added the instances the reload added (not started yet)
     * @param kept  the instances it kept, with their state and effective priority now
     */
    void applied(ReloadSource.Loaded loaded, Set<String> added, Map<String, Standing> kept);

    /** This hook, then {@code next}. */
    default ReloadHook andThen(ReloadHook next) {
        return (loaded, added, kept) -> {
            applied(loaded, added, kept);
            next.applied(loaded, added, kept);
        };
    }
}
