package io.javakeepalived.metrics;

import io.javakeepalived.daemon.LoopSnapshot;

import java.util.function.Consumer;

/**
 * Where snapshots come from: {@code VrrpLoop::requestSnapshot} in the daemon, a stand-in in tests.
 * {@link #request} must not block; the answer comes later on the source's own thread, or never.
 */
@FunctionalInterface
public interface SnapshotSource {
    void request(Consumer<LoopSnapshot> answer);
}
