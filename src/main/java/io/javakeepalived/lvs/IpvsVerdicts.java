package io.javakeepalived.lvs;

import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The checkers' verdicts, carried to the {@link IpvsDirector} on {@code executor}: the checker
 * thread must not wait for the kernel (a netlink round trip per command, a dump per verdict).
 * In order: a single-thread executor keeps the verdicts' order.
 */
public final class IpvsVerdicts implements HealthVerdicts {
    private final IpvsDirector director;
    private final Executor executor;

    public IpvsVerdicts(IpvsDirector director, Executor executor) {
        this.director = Objects.requireNonNull(director, "director");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void realServer(VirtualServer virtualServer, RealServer realServer, boolean alive, int weight) {
        executor.execute(() -> director.realServer(virtualServer, realServer, alive, weight));
    }

    @Override
    public void quorum(VirtualServer virtualServer, boolean gained) {
        executor.execute(() -> director.quorum(virtualServer, gained));
    }
}
