package io.javakeepalived.lvs;

import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The checkers' verdicts, carried to the {@link IpvsDirector} on {@code executor}: the checker
 * thread must not wait for the kernel (a netlink round trip per command, a dump per verdict).
 * In order: a single-thread executor keeps the verdicts' order. The director is asked for on
 * that thread: until there is one (IPVS not open yet, or not available) a verdict changes nothing.
 */
public final class IpvsVerdicts implements HealthVerdicts {
    private final Supplier<IpvsDirector> director;
    private final Executor executor;

    /** @param director the director, or null while there is none; read on {@code executor}'s thread */
    public IpvsVerdicts(Supplier<IpvsDirector> director, Executor executor) {
        this.director = Objects.requireNonNull(director, "director");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void realServer(VirtualServer virtualServer, RealServer realServer, boolean alive, int weight) {
        executor.execute(() -> {
            IpvsDirector d = director.get();
            if (d != null) {
                d.realServer(virtualServer, realServer, alive, weight);
            }
        });
    }

    @Override
    public void quorum(VirtualServer virtualServer, boolean gained) {
        executor.execute(() -> {
            IpvsDirector d = director.get();
            if (d != null) {
                d.quorum(virtualServer, gained);
            }
        });
    }
}
