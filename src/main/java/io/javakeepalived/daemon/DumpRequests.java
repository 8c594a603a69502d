package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.dump.DumpMessages;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.sys.signal.SignalRequest;

import java.io.IOException;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * Carries out the dump signals as keepalived 2.2.7 does: DATA (SIGUSR1) writes
 * keepalived_parent.data and keepalived.data, STATS (SIGUSR2) keepalived.stats, STATS_CLEAR
 * (SIGRTMAX-1) keepalived.stats then zeroes the counters, JSON (SIGRTMIN+2) keepalived.json, each
 * announced with keepalived's log line. Runs on the VRRP loop thread so that the snapshot is
 * consistent; a failed write is logged, never thrown.
 */
final class DumpRequests {
    private final DumpFiles files;
    private final Logger log;

    DumpRequests(DumpFiles files, Logger log) {
        this.files = files;
        this.log = log;
    }

    /**
     * @param snapshot      the instances' state, taken when needed
     * @param clearCounters zeroes every instance's counters (STATS_CLEAR)
     */
    void write(SignalRequest r, ConfiguredGlobals globals, Supplier<VrrpStateSnapshot> snapshot,
               Runnable clearCounters) {
        long pid = ProcessHandle.current().pid();
        String file = "";
        try {
            switch (r) {
                case DATA -> {
                    log.info("{}", DumpMessages.parentData(pid));
                    file = DumpFiles.PARENT_DATA;
                    files.writeParentData(globals);
                    log.info("{}", DumpMessages.vrrpData(pid));
                    file = DumpFiles.DATA;
                    files.writeData(snapshot.get());
                }
                case STATS, STATS_CLEAR -> {
                    boolean clear = r == SignalRequest.STATS_CLEAR;
                    log.info("{}", DumpMessages.vrrpStats(pid, clear));
                    VrrpStateSnapshot snap = snapshot.get();
                    if (clear) {
                        clearCounters.run(); // keepalived zeroes them even if the file cannot be written
                    }
                    file = DumpFiles.STATS;
                    files.writeStats(snap);
                }
                case JSON -> {
                    log.info("{}", DumpMessages.vrrpJson(pid));
                    file = DumpFiles.JSON;
                    files.writeJson(snapshot.get());
                }
                default -> throw new IllegalArgumentException(r.toString());
            }
        } catch (IOException x) {
            log.error("Can't open dump file {} ({})", file, x.toString());
        } catch (RuntimeException x) {
            log.error("{} dump failed: {}", r, x.toString(), x);
        }
    }
}
