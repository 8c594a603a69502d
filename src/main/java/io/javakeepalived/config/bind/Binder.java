package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.BfdInstance;
import io.javakeepalived.config.model.GarpGroup;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.InterfaceSetting;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SslContext;
import io.javakeepalived.config.model.StaticTrackGroup;
import io.javakeepalived.config.model.TopLevel;
import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.config.model.TrackProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the keyword tree of a keepalived.conf into the validated model, reporting what
 * keepalived 2.2.7 would report. Entry point of the binding package.
 */
public final class Binder {
    private Binder() {
    }

    /** The host as the checks see it. */
    public record Host(InterfaceDirectory interfaces, FileSystemView files, UserDirectory users) {
    }

    /**
     * Binds and validates.
     *
     * @throws ConfigFatalException where keepalived would exit at once (a keyword missing the
     *                              parameter its handler reads)
     */
    public static KeepalivedConfig bind(List<ConfigNode> tree, Diagnostics diagnostics, Host host)
            throws ConfigFatalException {
        BindContext c = new BindContext(diagnostics, host.interfaces(), host.files(), host.users());
        RootBinder.TABLE.dispatch(c, tree, c);
        startStopScripts(c);
        GlobalDefs global = global(c);
        LvsCompletion lvs = new LvsCompletion(c);
        lvs.run();
        Optional<Diagnostic> badIf = Optional.empty();
        if (c.nonExistentInterface) {
            String msg = "Non-existent interface specified in configuration (keepalived's VRRP process will not"
                    + " start; create the interface or set dynamic_interfaces in global_defs)";
            c.report(ConfigErrorKind.BAD_INTERFACE, c.firstMissingInterface, msg);
            badIf = Optional.of(new Diagnostic(ConfigErrorKind.BAD_INTERFACE, c.firstMissingInterface, msg));
        }
        VrrpCompletion vrrp = new VrrpCompletion(c, global.vrrp());
        vrrp.run(badIf);
        return new KeepalivedConfig(top(c), global, c.staticAddresses, c.staticRoutes, c.staticRules,
                trackGroups(c), garpGroups(c), settings(c.linkbeatInterfaces), settings(c.interfaceDelays),
                vrrp.scripts, trackFiles(c), trackProcesses(c), c.references, bfds(c), vrrp.syncGroups, vrrp.instances,
                lvs.groups, lvs.servers, ssl(c), vrrp.failure());
    }

    /** The root keywords keepalived's parent process reads (global_parser.c, active in every pass). */
    private static final java.util.Set<String> PARENT_KEYWORDS = java.util.Set.of("global_defs",
            "linkbeat_use_polling", "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "use_pid_dir",
            "instance", "child_wait_time");

    /**
     * keepalived's parent pass: only global_defs and the top-level global keywords are read,
     * every other known block is skipped silently. Used when keepalived would stop right after
     * it (a net_namespace that cannot be entered).
     */
    public static TopLevel bindParentPass(List<ConfigNode> tree, Diagnostics diagnostics, Host host)
            throws ConfigFatalException {
        BindContext c = new BindContext(diagnostics, host.interfaces(), host.files(), host.users());
        for (ConfigNode n : tree) {
            if (PARENT_KEYWORDS.contains(n.keyword()) || !RootBinder.TABLE.knows(n.keyword())) {
                RootBinder.TABLE.dispatch(c, n, c);
            }
        }
        return top(c);
    }

    /** main.c: start-up and shut-down scripts are checked by the parent process. */
    private static void startStopScripts(BindContext c) {
        GlobalDrafts.Global g = c.global;
        if (g.startupScript == null && g.shutdownScript == null) {
            return;
        }
        ScriptSecurity sec = new ScriptSecurity(c);
        g.startupScript = sec.trackScript(g.startupScript);
        g.shutdownScript = sec.trackScript(g.shutdownScript);
        sec.reportViolation(() -> null, "start/shutdown scripts", "");
    }

    private static TopLevel top(BindContext c) {
        GlobalDrafts.Top t = c.top;
        return new TopLevel(Optional.ofNullable(t.netNamespace), Optional.ofNullable(t.netNamespaceIpvs),
                t.namespaceWithIpsets, t.usePidDir, Optional.ofNullable(t.instanceName),
                t.childWaitTime == null ? OptionalInt.empty() : OptionalInt.of(t.childWaitTime), t.linkbeatUsePolling);
    }

    private static OptionalInt opt(Integer v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    private static Optional<GlobalDefs.NotifyFifo> fifo(GlobalDrafts.Fifo f) {
        if (f.path == null) {
            return Optional.empty();
        }
        return Optional.of(new GlobalDefs.NotifyFifo(f.path, Optional.ofNullable(f.user), Optional.ofNullable(f.group),
                Optional.ofNullable(f.script)));
    }

    private static GlobalDefs global(BindContext c) {
        GlobalDrafts.Global g = c.global;
        GlobalDefs.VrrpGlobals v = new GlobalDefs.VrrpGlobals(g.vrrpVersion, g.mcast4, g.mcast6,
                Numbers.micros(g.garpDelay), g.garpRep, Duration.ofSeconds(g.garpRefresh), g.garpRefreshRep,
                Numbers.micros(g.garpLowerPrioDelay != null ? g.garpLowerPrioDelay : g.garpDelay),
                g.garpLowerPrioRep != null ? g.garpLowerPrioRep : g.garpRep, Numbers.micros(g.garpInterval),
                Numbers.micros(g.gnaInterval), g.minGarp, g.garpExtraIf, g.garpExtraIfAll, g.lowerPrioNoAdvert,
                g.higherPrioSendAdvert, g.downTimerAdverts, g.strict, g.skipCheckAdvAddr, g.checkUnicastSrc,
                Numbers.micros(g.startupDelay), g.notifyPriorityChanges, g.logUnknownVrids,
                Optional.ofNullable(g.vmacPrefix), Optional.ofNullable(g.vmacAddrPrefix),
                Optional.ofNullable(g.nftables), g.nftablesPriority, g.nftablesCounters, g.disableLocalIgmp);
        GlobalDefs.Fifos fifos = new GlobalDefs.Fifos(fifo(g.fifoAll), fifo(g.fifoVrrp), fifo(g.fifoLvs),
                g.fifoWriteOnReload);
        Optional<GlobalDefs.LvsSyncDaemon> syncd = g.lvsSync == null ? Optional.empty()
                : Optional.of(new GlobalDefs.LvsSyncDaemon(g.lvsSync.interfaceName,
                Optional.ofNullable(g.lvsSync.instance), opt(g.lvsSync.syncId), opt(g.lvsSync.maxLength),
                opt(g.lvsSync.port), opt(g.lvsSync.ttl), Optional.ofNullable(g.lvsSync.group)));
        GlobalDefs.LvsGlobals lvs = new GlobalDefs.LvsGlobals(opt(g.lvsTcp), opt(g.lvsTcpFin), opt(g.lvsUdp),
                g.lvsFlush, g.lvsFlushOnStop, syncd, Optional.ofNullable(g.nftablesIpvs));
        Optional<GlobalDefs.SmtpServer> smtp = g.smtpHost == null ? Optional.empty()
                : Optional.of(new GlobalDefs.SmtpServer(g.smtpHost, g.smtpPort));
        Optional<GlobalDefs.ScriptUser> su = g.scriptUser == null ? Optional.empty()
                : Optional.of(new GlobalDefs.ScriptUser(g.scriptUser, Optional.ofNullable(g.scriptGroup)));
        return new GlobalDefs(Optional.ofNullable(g.routerId), g.emails, Optional.ofNullable(g.emailFrom), smtp,
                Optional.ofNullable(g.smtpHelo), Numbers.micros(g.smtpConnectTimeout),
                Optional.ofNullable(g.smtpAlert), Optional.ofNullable(g.smtpAlertVrrp),
                Optional.ofNullable(g.smtpAlertChecker), g.noEmailFaults, g.checkerLogAllFailures, su,
                g.scriptSecurity, Optional.ofNullable(g.startupScript),
                g.startupTimeout == 0 ? 10 : g.startupTimeout, Optional.ofNullable(g.shutdownScript),
                g.shutdownTimeout == 0 ? 10 : g.shutdownTimeout, g.maxAutoPriority,
                Numbers.micros(g.minAutoPriorityDelay), g.vrrpProcess.toModel(), g.checkerProcess.toModel(), v,
                fifos, lvs, g.dynamicInterfaces, g.allowIfChanges,
                g.defaultInterface != null ? g.defaultInterface : "eth0",
                g.umask == null ? OptionalInt.empty() : OptionalInt.of(g.umask), g.other);
    }

    private static List<StaticTrackGroup> trackGroups(BindContext c) {
        List<StaticTrackGroup> out = new ArrayList<>();
        for (VrrpDrafts.TrackGroup g : c.trackGroups) {
            if (g.instances == null || g.instances.isEmpty()) {
                c.note(g.location, "Static track group " + g.name + " has no virtual router(s) - removing");
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String name : g.instances) {
                if (c.instance(name) == null) {
                    c.note(g.location, "vrrp instance " + name + " specified in track group " + g.name
                            + " doesn't exist - ignoring");
                } else if (!members.contains(name)) {
                    members.add(name);
                }
            }
            if (members.isEmpty()) {
                c.note(g.location, "Static track group " + g.name + " has no VRRP instance(s) - removing");
                continue;
            }
            out.add(new StaticTrackGroup(g.name, members, g.location));
        }
        return out;
    }

    private static List<GarpGroup> garpGroups(BindContext c) {
        List<GarpGroup> out = new ArrayList<>();
        for (VrrpDrafts.GarpGroup g : c.garpGroups) {
            out.add(new GarpGroup(Optional.ofNullable(g.garpInterval).map(Numbers::micros),
                    Optional.ofNullable(g.gnaInterval).map(Numbers::micros), g.interfaces, g.location));
        }
        return out;
    }

    private static List<InterfaceSetting> settings(List<VrrpDrafts.InterfaceSetting> in) {
        List<InterfaceSetting> out = new ArrayList<>();
        for (VrrpDrafts.InterfaceSetting s : in) {
            out.add(new InterfaceSetting(s.name, Optional.ofNullable(s.method),
                    Optional.ofNullable(s.down).map(Numbers::micros), Optional.ofNullable(s.up).map(Numbers::micros),
                    s.location));
        }
        return out;
    }

    private static List<TrackFile> trackFiles(BindContext c) {
        List<TrackFile> out = new ArrayList<>();
        for (VrrpDrafts.TrackFile f : c.trackFiles) {
            out.add(new TrackFile(f.name, f.path, f.weight, f.reverse,
                    f.init ? Optional.of(new TrackFile.Init(f.initValue, f.overwrite)) : Optional.empty(),
                    f.location));
        }
        return out;
    }

    private static List<TrackProcess> trackProcesses(BindContext c) {
        List<TrackProcess> out = new ArrayList<>();
        for (VrrpDrafts.TrackProcess p : c.trackProcesses) {
            out.add(new TrackProcess(p.name, p.process, p.params, p.paramMatch, p.weight, p.reverse, p.quorum,
                    p.quorumMax >= Numbers.UINT_MAX ? Optional.empty() : Optional.of((int) p.quorumMax),
                    Optional.ofNullable(p.terminateDelay).map(Numbers::micros),
                    Optional.ofNullable(p.forkDelay).map(Numbers::micros), p.fullCommand, p.location));
        }
        return out;
    }

    private static List<BfdInstance> bfds(BindContext c) {
        List<BfdInstance> out = new ArrayList<>();
        for (VrrpDrafts.Bfd b : c.bfds) {
            out.add(new BfdInstance(b.name, Optional.ofNullable(b.neighbor), Optional.ofNullable(b.source), b.minRx,
                    b.minTx, b.idleTx, b.multiplier, b.passive, b.ttl, b.hopLimit, b.maxHops, b.weight, b.reverse,
                    b.vrrp, b.checker, b.location));
        }
        return out;
    }

    private static Optional<SslContext> ssl(BindContext c) {
        if (c.ssl == null) {
            return Optional.empty();
        }
        return Optional.of(new SslContext(Optional.ofNullable(c.ssl.password), Optional.ofNullable(c.ssl.ca),
                Optional.ofNullable(c.ssl.certificate), Optional.ofNullable(c.ssl.key)));
    }
}
