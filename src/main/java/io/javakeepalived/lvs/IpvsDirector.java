package io.javakeepalived.lvs;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.net.IpvsException;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;
import io.javakeepalived.net.IpvsTable;
import io.javakeepalived.net.IpvsTimeouts;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;

/**
 * Keeps the kernel's IPVS table in step with the configuration and the checkers' verdicts: at
 * start it reconciles with what the table holds ({@code lvs_flush} empties it first), on each
 * verdict and on reload it applies the {@link TableDiff} between the table and the
 * {@link DesiredTable}, at stop it removes what it added (or flushes, as
 * {@code lvs_flush_on_stop} says). It owns the services of the configured virtual servers;
 * services it does not own are left alone. A command the kernel refuses is logged in
 * keepalived's words and the rest go on. Synchronized: verdicts come from another thread than
 * reloads.
 */
public final class IpvsDirector {
    private final IpvsTable table;
    private final Logger log;
    private KeepalivedConfig config;
    private HealthBook health = new HealthBook();
    private Set<IpvsServiceKey> owned = Set.of();
    private IpvsTimeouts originalTimeouts;

    public IpvsDirector(IpvsTable table, Logger log) {
        this.table = Objects.requireNonNull(table, "table");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Programs the table for {@code startConfig}: every real server as keepalived starts it (see {@link HealthBook}). */
    public synchronized void start(KeepalivedConfig startConfig) {
        config = startConfig;
        GlobalDefs.LvsGlobals lvs = startConfig.global().lvs();
        if (lvs.flush()) {
            run(table::flush);
        }
        timeouts(lvs);
        health = HealthBook.atStart(startConfig.virtualServers());
        reconcile(desired(), null);
    }

    /** A checker verdict on a real server: the services of its virtual server follow. */
    public synchronized void realServer(VirtualServer vs, RealServer rs, boolean alive, int weight) {
        if (config == null) {
            return;
        }
        health.realServer(vs, rs, alive, weight);
        reconcile(desired(), ServerId.of(vs));
    }

    /** The checker engine's quorum verdict. */
    public synchronized void quorum(VirtualServer vs, boolean gained) {
        if (config == null) {
            return;
        }
        health.quorum(vs, gained);
        reconcile(desired(), ServerId.of(vs));
    }

    /**
     * A reload: real servers that stay keep their standing, and the table gets the difference -
     * a staying real server whose weight changed is edited in place; services no longer
     * configured go.
     */
    public synchronized void reload(KeepalivedConfig next) {
        if (config == null) {
            start(next);
            return;
        }
        config = next;
        timeouts(next.global().lvs());
        health = health.carriedTo(next.virtualServers());
        reconcile(desired(), null);
    }

    /**
     * Stop: {@code release} false ({@code -I}) leaves the table as it is; otherwise
     * {@code lvs_flush_on_stop} decides: flush all, delete our services, or (keepalived's
     * default) delete our real servers and then our services. Timeouts we changed go back.
     */
    public synchronized void stop(boolean release) {
        if (config == null) {
            return;
        }
        if (release) {
            GlobalDefs.FlushOnStop how = config.global().lvs().flushOnStop();
            if (how == GlobalDefs.FlushOnStop.FULL) {
                run(table::flush);
            } else {
                TableState ours = current(owned);
                if (how == GlobalDefs.FlushOnStop.NONE) {
                    ours.services().values().forEach(e -> e.dests().forEach(d ->
                            apply(IpvsOp.on(IpvsOp.Kind.DELETE_DEST, e.service(), d))));
                }
                ours.services().values().forEach(e -> apply(IpvsOp.on(IpvsOp.Kind.DELETE_SERVICE, e.service())));
            }
        }
        if (originalTimeouts != null) {
            IpvsTimeouts back = originalTimeouts;
            run(() -> table.setTimeouts(back));
        }
        config = null;
        owned = Set.of();
    }

    private TableState desired() {
        return DesiredTable.of(config.virtualServers(), config.virtualServerGroups(), health);
    }

    /**
     * Diffs the table against {@code desired} and applies it: all services we own now or owned
     * before ({@code onlyFor} null), or just those of one virtual server (a verdict).
     */
    private void reconcile(TableState desired, String onlyFor) {
        Set<IpvsServiceKey> scope = new HashSet<>();
        if (onlyFor == null) {
            scope.addAll(owned);
            scope.addAll(desired.services().keySet());
            owned = Set.copyOf(desired.services().keySet());
        } else {
            config.virtualServers().stream().filter(v -> ServerId.of(v).equals(onlyFor))
                    .forEach(v -> scope.addAll(DesiredTable.of(List.of(v), config.virtualServerGroups(), health)
                            .services().keySet()));
        }
        Map<IpvsServiceKey, TableState.Entry> want = new LinkedHashMap<>(desired.services());
        want.keySet().retainAll(scope);
        TableState have = current(scope);
        for (IpvsOp op : TableDiff.between(have, new TableState(want))) {
            apply(op);
        }
    }

    /** What the table holds of the services in {@code scope}. */
    private TableState current(Set<IpvsServiceKey> scope) {
        Map<IpvsServiceKey, TableState.Entry> out = new LinkedHashMap<>();
        if (scope.isEmpty()) {
            return TableState.EMPTY;
        }
        try {
            for (IpvsService s : table.services()) {
                if (scope.contains(s.key())) {
                    out.put(s.key(), new TableState.Entry(s, table.dests(s.key())));
                }
            }
        } catch (IOException e) {
            log.error("{}", e.getMessage());
        }
        return new TableState(out);
    }

    private void apply(IpvsOp op) {
        log.debug("IPVS: {}", op.describe());
        try {
            op.applyTo(table);
        } catch (IpvsException e) {
            if (op.kind() == IpvsOp.Kind.EDIT_DEST && e.destMissing()) {
                // keepalived: a dest to edit that is not there is added
                apply(IpvsOp.on(IpvsOp.Kind.ADD_DEST, op.service(), op.dest()));
            } else if (e.harmless()) {
                log.info("{}", e.getMessage());
            } else {
                log.error("{}", e.getMessage());
            }
        } catch (IOException e) {
            log.error("IPVS: {} failed: {}", op.describe(), e.getMessage());
        }
    }

    /** lvs_timeouts: the kernel's values are kept to be put back at stop, as keepalived does. */
    private void timeouts(GlobalDefs.LvsGlobals lvs) {
        int tcp = lvs.tcpTimeout().orElse(0);
        int fin = lvs.tcpFinTimeout().orElse(0);
        int udp = lvs.udpTimeout().orElse(0);
        if (tcp == 0 && fin == 0 && udp == 0) {
            return;
        }
        if (originalTimeouts == null) {
            try {
                originalTimeouts = table.timeouts();
            } catch (IOException e) {
                log.error("{}", e.getMessage());
            }
        }
        IpvsTimeouts base = originalTimeouts != null ? originalTimeouts : new IpvsTimeouts(0, 0, 0);
        IpvsTimeouts t = new IpvsTimeouts(tcp != 0 ? tcp : base.tcp(), fin != 0 ? fin : base.tcpFin(),
                udp != 0 ? udp : base.udp());
        run(() -> table.setTimeouts(t));
    }

    private interface Command {
        void run() throws IOException;
    }

    private void run(Command c) {
        try {
            c.run();
        } catch (IOException e) {
            log.error("{}", e.getMessage());
        }
    }
}
