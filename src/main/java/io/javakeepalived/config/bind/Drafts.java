package io.javakeepalived.config.bind;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable drafts the binders fill in while reading, mirroring keepalived's structures
 * (including its "unset" markers: null here). The completion step turns them into the
 * immutable model.
 */
final class Drafts {
    private Drafts() {
    }

    static final long SEC = Numbers.TIMER_HZ;

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
        final Map<String, List<String>> other = new LinkedHashMap<>();
    }

    static final class Trackers {
        final List<TrackedObject> interfaces = new ArrayList<>();
        final List<TrackedObject> scripts = new ArrayList<>();
        final List<TrackedObject> files = new ArrayList<>();
        final List<TrackedObject> processes = new ArrayList<>();
        final List<TrackedObject> bfds = new ArrayList<>();
    }

    static final class Notify {
        ScriptCommand master;
        ScriptCommand backup;
        ScriptCommand fault;
        ScriptCommand stop;
        ScriptCommand deleted;
        ScriptCommand generic;
        ScriptCommand masterRxLowerPri;
        boolean notifyDeleted;
    }

    static final class Script {
        String name;
        SourceLocation location;
        ScriptCommand script;
        long interval = SEC;
        long timeout;
        int weight;
        boolean reverse;
        int rise = 1;
        int fall = 1;
        boolean initFail;
        boolean userSet;
        String user;
        String group;
        boolean remove;
    }

    static final class TrackFile {
        String name;
        SourceLocation location;
        String path;
        int weight = 1;
        boolean reverse;
        boolean init;
        int initValue;
        boolean overwrite;
    }

    static final class TrackProcess {
        String name;
        SourceLocation location;
        String process;
        final List<String> params = new ArrayList<>();
        io.javakeepalived.config.model.TrackProcess.ParamMatch paramMatch =
                io.javakeepalived.config.model.TrackProcess.ParamMatch.NONE;
        int weight;
        boolean weightSet;
        boolean reverse;
        int quorum = 1;
        long quorumMax = Numbers.UINT_MAX;
        Long terminateDelay;
        Long forkDelay;
        boolean fullCommand;
    }

    static final class Bfd {
        String name;
        SourceLocation location;
        InetAddress neighbor;
        InetAddress source;
        int minRx = 10;
        int minTx = 10;
        int idleTx = 1000;
        int multiplier = 5;
        boolean passive;
        int ttl = 255;
        int hopLimit = 64;
        int maxHops;
        int weight;
        boolean reverse;
        boolean vrrp;
        boolean checker;
    }

    static final class TrackGroup {
        String name;
        SourceLocation location;
        List<String> instances;
    }

    static final class GarpGroup {
        SourceLocation location;
        Long garpInterval;
        Long gnaInterval;
        final List<String> interfaces = new ArrayList<>();
        boolean hasInterfacesBlock;
    }

    static final class InterfaceSetting {
        String name;
        SourceLocation location;
        String method;
        Long down;
        Long up;
    }

    static final class SyncGroup {
        String name;
        SourceLocation location;
        List<String> members;
        SourceLocation membersLocation;
        final Trackers trackers = new Trackers();
        final Notify notify = new Notify();
        Boolean smtpAlert;
        boolean trackingWeight;
        Boolean notifyPriorityChanges;
        final List<Instance> resolved = new ArrayList<>();
    }

    enum WantState { INIT, MASTER, BACKUP }

    static final class Instance {
        String name;
        SourceLocation location;
        WantState want = WantState.INIT;
        String interfaceName;
        boolean interfaceUsable;
        SourceLocation interfaceLocation;
        String vrf;
        boolean vmac;
        String vmacName;
        String vmacMac;
        boolean vmacMacUsesVrid;
        boolean vmacAddr;
        boolean xmitBase;
        VrrpInstance.Ipvlan ipvlan;
        boolean dontTrackPrimary;
        final Trackers trackers = new Trackers();
        InetAddress saddr;
        boolean trackSaddr;
        boolean unicastConfigured;
        boolean unicastFaultNoPeer;
        boolean checkUnicastSrc;
        final List<VrrpInstance.UnicastPeer> peers = new ArrayList<>();
        int ttl = -1;
        boolean oldChecksum;
        InetAddress mcastDst;
        AddressFamily family;
        int version;
        int vrid;
        int priority;
        long advertInt;
        VrrpInstance.AuthType authType;
        String authPass = "";
        final List<IpAddressSpec> vips = new ArrayList<>();
        final List<IpAddressSpec> evips = new ArrayList<>();
        boolean promoteSecondaries;
        final List<RouteSpec> routes = new ArrayList<>();
        final List<RuleSpec> rules = new ArrayList<>();
        Boolean accept;
        boolean nopreempt;
        long preemptDelay;
        boolean skipCheckAdvAddr;
        Boolean strict;
        int debug;
        final Notify notify = new Notify();
        Boolean notifyPriorityChanges;
        Boolean smtpAlert;
        long garpDelay;
        int garpRep;
        long garpRefresh;
        int garpRefreshRep;
        Long garpLowerPrioDelay;
        Integer garpLowerPrioRep;
        Integer garpExtraIf;
        boolean garpExtraIfAll;
        int downTimerAdverts;
        Boolean lowerPrioNoAdvert;
        Boolean higherPrioSendAdvert;
        Integer kernelRxBufSize;
        boolean linkbeatPolling;
        String lvsSyncInterface;
        int configFaults;
        SyncGroup sync;
    }

    static final class Vsg {
        String name;
        SourceLocation location;
        final List<VirtualServerGroup.Entry> entries = new ArrayList<>();
        boolean haveV4;
        boolean haveV6;
        boolean fwmarkNoFamily;
    }

    static final class Sorry {
        InetAddress address;
        int port;
        Forwarding forwarding;
        boolean inhibit;
    }

    /**
     * What virtual and real servers share: the checker timing a real server inherits from its
     * virtual server unless it sets its own, the forwarding method, smtp_alert and virtualhost.
     */
    abstract static class Server {
        SourceLocation location;
        Forwarding forwarding;
        Long retry;
        Long delayBeforeRetry;
        Long warmup;
        Long connectTimeout;
        Long delayLoop;
        Boolean smtpAlert;
        String virtualhost;
    }

    static final class VirtualServer extends Server {
        io.javakeepalived.config.model.VirtualServer.Kind kind;
        InetAddress address;
        int port;
        long fwmark;
        String group;
        AddressFamily family;
        String scheduler;
        final List<String> flags = new ArrayList<>();
        long persistenceTimeout;
        String granularity;
        String engine;
        io.javakeepalived.config.model.VirtualServer.Protocol protocol;
        boolean haSuspend;
        boolean alpha;
        boolean omega;
        long quorum = 1;
        long hysteresis;
        ScriptCommand quorumUp;
        ScriptCommand quorumDown;
        int weight = 1;
        boolean inhibit;
        Sorry sorry;
        final List<RealServer> realServers = new ArrayList<>();
        Vsg vsg;

        VirtualServer() {
            // keepalived's defaults for the checkers of every real server (check_data.c)
            delayLoop = 60 * SEC;
            connectTimeout = 5 * SEC;
        }
    }

    static final class RealServer extends Server {
        InetAddress address;
        int port;
        Integer weight;
        long upper;
        long lower;
        Boolean inhibit;
        ScriptCommand notifyUp;
        ScriptCommand notifyDown;
        Boolean alpha;
        final List<Checker> checkers = new ArrayList<>();
    }

    enum CheckerKind { TCP, HTTP, SSL, SMTP, DNS, UDP, PING, MISC, FILE, BFD }

    static final class Connection {
        InetAddress dst;
        int dstPort;
        InetAddress bindTo;
        int bindPort;
        String bindIf;
        Long timeout;
        long fwmark;
        SourceLocation location;
    }

    static final class Url {
        SourceLocation location;
        String path;
        String digest;
        final List<io.javakeepalived.config.model.Checker.StatusRange> status = new ArrayList<>();
        String virtualhost;
        String regex;
        boolean regexNoMatch;
        final List<String> regexOptions = new ArrayList<>();
        long regexMin;
        long regexMax;
    }

    static final class Checker {
        CheckerKind kind;
        SourceLocation location;
        RealServer rs;
        Long retry;
        Long delayBeforeRetry;
        Long warmup;
        Long delayLoop;
        Boolean alpha;
        boolean logAllFailures;
        long defaultRetry = 1;
        long defaultDelayBeforeRetry = SEC;
        Connection conn;
        // HTTP / SSL
        String virtualhost;
        String httpProtocol = "1.0";
        boolean enableSni;
        boolean fastRecovery;
        final List<Url> urls = new ArrayList<>();
        // SMTP
        String helo;
        final List<Connection> hosts = new ArrayList<>();
        // DNS
        String dnsType = "SOA";
        String dnsName;
        // UDP
        String payload;
        boolean requireReply;
        String reply;
        int minReply;
        int maxReply = 255;
        // MISC
        ScriptCommand script;
        long miscTimeout;
        boolean dynamic;
        boolean userSet;
        String miscUser;
        String miscGroup;
        ScriptUsers.Ids miscIds;
        // FILE
        String trackFile;
        Integer fileWeight;
        boolean fileReverse;
        // BFD
        String bfdName;
    }

    static final class Ssl {
        String password;
        String ca;
        String certificate;
        String key;
    }
}
