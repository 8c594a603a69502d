package io.javakeepalived.config.bind;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ProcessScheduling;
import io.javakeepalived.config.model.ScriptCommand;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drafts of the top level and of global_defs, filled in as the binders read (keepalived's
 * global_data; its "unset" markers are null here). {@code Binder} turns them into the model's
 * {@code TopLevel} and {@code GlobalDefs} once the file is read.
 */
final class GlobalDrafts {
    private GlobalDrafts() {
    }

    private static final long SEC = Numbers.TIMER_HZ;

    static final class Top {
        String netNamespace;
        String netNamespaceIpvs;
        boolean namespaceWithIpsets;
        boolean usePidDir;
        String instanceName;
        Integer childWaitTime;
        boolean linkbeatUsePolling;
    }

    static final class Fifo {
        String path;
        String user;
        String group;
        ScriptCommand script;
    }

    static final class LvsSync {
        String interfaceName;
        String instance;
        Integer syncId;
        Integer maxLength;
        Integer port;
        Integer ttl;
        InetAddress group;
    }

    /** One process's scheduling keywords ({@code vrrp_*}, {@code checker_*}, {@code bfd_*}) as read. */
    static final class Process {
        int nice;
        int realtimePriority;
        long realtimeLimit = ProcessScheduling.DEFAULT_REALTIME_LIMIT;
        boolean noSwap;
        List<Integer> cpus = List.of();

        ProcessScheduling toModel() {
            return new ProcessScheduling(nice, realtimePriority, realtimeLimit, noSwap, cpus);
        }
    }

    static final class Global {
        String routerId;
        final List<String> emails = new ArrayList<>();
        String emailFrom;
        String smtpHost;
        int smtpPort = 25;
        String smtpHelo;
        long smtpConnectTimeout = 30 * SEC;
        Boolean smtpAlert;
        Boolean smtpAlertVrrp;
        Boolean smtpAlertChecker;
        boolean noEmailFaults;
        boolean checkerLogAllFailures;
        String scriptUser;
        String scriptGroup;
        boolean scriptSecurity;
        ScriptCommand startupScript;
        int startupTimeout;
        ScriptCommand shutdownScript;
        int shutdownTimeout;
        int maxAutoPriority;
        long minAutoPriorityDelay = 1_000_000;
        int vrrpVersion = 2;
        InetAddress mcast4 = InetText.parse("224.0.0.18").orElseThrow();
        InetAddress mcast6 = InetText.parse("ff02::12").orElseThrow();
        long garpDelay = 5 * SEC;
        int garpRep = 5;
        long garpRefresh;
        int garpRefreshRep = 1;
        Long garpLowerPrioDelay;
        Integer garpLowerPrioRep;
        long garpInterval;
        long gnaInterval;
        boolean minGarp;
        int garpExtraIf;
        boolean garpExtraIfAll;
        boolean lowerPrioNoAdvert;
        boolean higherPrioSendAdvert;
        int downTimerAdverts = 3;
        boolean strict;
        boolean skipCheckAdvAddr;
        boolean checkUnicastSrc;
        long startupDelay;
        boolean notifyPriorityChanges;
        boolean logUnknownVrids;
        String vmacPrefix;
        String vmacAddrPrefix;
        String nftables;
        int nftablesPriority = -1;
        boolean nftablesCounters;
        boolean disableLocalIgmp;
        final Fifo fifoAll = new Fifo();
        final Fifo fifoVrrp = new Fifo();
        final Fifo fifoLvs = new Fifo();
        boolean fifoWriteOnReload;
        Integer lvsTcp;
        Integer lvsTcpFin;
        Integer lvsUdp;
        boolean lvsFlush;
        GlobalDefs.FlushOnStop lvsFlushOnStop = GlobalDefs.FlushOnStop.NONE;
        LvsSync lvsSync;
        String nftablesIpvs;
        boolean dynamicInterfaces;
        boolean allowIfChanges;
        String defaultInterface;
        Integer umask;
        final Process vrrpProcess = new Process();
        final Process checkerProcess = new Process();
        final Process bfdProcess = new Process();
        final Map<String, List<String>> other = new LinkedHashMap<>();
    }
}
