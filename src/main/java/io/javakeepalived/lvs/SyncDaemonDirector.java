package io.javakeepalived.lvs;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.net.IpvsSyncDaemons;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;

/**
 * Drives the kernel's connection-sync daemons as the {@link SyncDaemonSwitch} says: at start, on
 * each VRRP state change of the instance it follows, on reload and at stop. A refusal is logged in
 * keepalived's words (those keepalived ignores, at debug) and the rest go on. Synchronized: state
 * changes come from another thread than reloads in tests; the daemon calls it on one thread.
 */
public final class SyncDaemonDirector {
    private final IpvsSyncDaemons kernel;
    private final Logger log;
    private Optional<SyncDaemonSwitch> current = Optional.empty();

    public SyncDaemonDirector(IpvsSyncDaemons kernel, Logger log) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.log = Objects.requireNonNull(log, "log");
    }

    public synchronized void start(KeepalivedConfig config) {
        current = of(config);
        current.ifPresent(s -> run(s.start()));
    }

    /** The instance {@code instance} became MASTER ({@code master}) or left it. */
    public synchronized void instanceState(String instance, boolean master) {
        current.ifPresent(s -> run(s.instanceState(instance, master)));
    }

    public synchronized void reload(KeepalivedConfig next) {
        Optional<SyncDaemonSwitch> n = of(next);
        current.ifPresent(s -> run(s.reloadTo(n)));
        if (current.isEmpty()) {
            n.ifPresent(s -> run(s.start()));
        }
        current = n;
    }

    public synchronized void stop() {
        current.ifPresent(s -> run(s.stop()));
        current = Optional.empty();
    }

    private Optional<SyncDaemonSwitch> of(KeepalivedConfig config) {
        List<String> problems = new ArrayList<>();
        Optional<SyncDaemonSwitch> s = SyncDaemonSwitch.of(config, problems);
        problems.forEach(p -> log.error("{}", p));
        return s;
    }

    private void run(List<SyncDaemonSwitch.Step> steps) {
        for (SyncDaemonSwitch.Step step : steps) {
            String what = (step.start() ? "start" : "stop") + " sync daemon " + step.daemon().describe();
            log.debug("IPVS: {}", what);
            try {
                if (step.start()) {
                    kernel.startDaemon(step.daemon());
                } else {
                    kernel.stopDaemon(step.daemon());
                }
            } catch (IOException e) {
                if (step.quiet()) {
                    log.debug("IPVS: {}: {}", what, e.getMessage());
                } else {
                    log.error("{}", e.getMessage());
                }
            }
        }
    }
}
