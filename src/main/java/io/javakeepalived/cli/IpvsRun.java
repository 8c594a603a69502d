package io.javakeepalived.cli;

import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.lvs.IpvsDirector;
import io.javakeepalived.lvs.IpvsVerdicts;
import io.javakeepalived.lvs.SyncDaemonDirector;
import io.javakeepalived.net.IpvsNetlink;
import io.javakeepalived.vrrp.Action;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * The daemon's IPVS side: one "ipvs" thread that owns the table, so that start, the checkers'
 * verdicts, reloads and the stop reach the kernel in the order they happened and neither the
 * VRRP loop nor the checker thread waits for it. Nothing is opened for a configuration without
 * {@code virtual_server} (nor lvs_flush, nor lvs_sync_daemon): a VRRP-only node needs no IPVS in its
 * kernel. The same thread switches the connection-sync daemons as the VRRP states change. A kernel
 * without IPVS is logged once, as keepalived logs it, and the daemon runs on without.
 */
final class IpvsRun {
    private final Logger log;
    private final boolean releaseAtStop;
    private final ExecutorService thread;
    private IpvsNetlink table;
    private IpvsDirector director;
    private SyncDaemonDirector syncDaemons;

    private IpvsRun(boolean releaseAtStop, Logger log) {
        this.releaseAtStop = releaseAtStop;
        this.log = log;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ipvs");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts programming the table for {@code config} on the "ipvs" thread. Call it in the
     * daemon's network namespace: the thread (and the netlink socket it opens) is born there.
     *
     * @param releaseAtStop false for {@code -I} (--dont-release-ipvs)
     */
    static IpvsRun start(KeepalivedConfig config, boolean releaseAtStop, Logger log) {
        IpvsRun run = new IpvsRun(releaseAtStop, log);
        run.thread.execute(() -> run.configure(config));
        return run;
    }

    /** Where the checker engine sends its verdicts. */
    HealthVerdicts verdicts() {
        return new IpvsVerdicts(() -> director, thread);
    }

    /**
     * A VRRP notification (on the VRRP loop's thread; returns at once): an instance that becomes
     * MASTER, or leaves it for BACKUP or FAULT, switches the sync daemon that follows it.
     */
    void vrrpNotified(Action notify) {
        if (notify instanceof Action.RunNotify n) {
            switch (n.state()) {
                case MASTER -> syncDaemons(n.instance(), true);
                case BACKUP, FAULT -> syncDaemons(n.instance(), false);
                default -> {
                    // STOP is the stop's business; the others change no role
                }
            }
        }
    }

    private void syncDaemons(String instance, boolean master) {
        try {
            thread.execute(() -> {
                if (syncDaemons != null) {
                    syncDaemons.instanceState(instance, master);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the stop has stopped the daemons already
        }
    }

    /** A reload was applied: the table follows the new configuration (returns at once). */
    void reloaded(KeepalivedConfig next) {
        thread.execute(() -> configure(next));
    }

    /** Removes what we added (unless -I) and ends the thread; waits up to 10 s for it. */
    void stop() {
        thread.execute(() -> {
            if (director != null) {
                syncDaemons.stop();
                director.stop(releaseAtStop);
                table.close();
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.error("IPVS: the table was not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void configure(KeepalivedConfig config) {
        if (director == null) {
            if (config.virtualServers().isEmpty() && !config.global().lvs().flush()
                    && config.global().lvs().syncDaemon().isEmpty()) {
                return;
            }
            try {
                table = IpvsNetlink.open();
            } catch (IOException e) {
                log.error("{} - virtual servers are not programmed", e.getMessage());
                return;
            }
            director = new IpvsDirector(table, log);
            syncDaemons = new SyncDaemonDirector(table, log);
            director.start(config);
            syncDaemons.start(config);
        } else {
            director.reload(config);
            syncDaemons.reload(config);
        }
    }
}
