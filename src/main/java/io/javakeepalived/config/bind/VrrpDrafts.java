package io.javakeepalived.config.bind;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The drafts of the VRRP blocks - instances, sync groups and what they track - mirroring
 * keepalived's vrrp_t, vrrp_sgroup_t and tracker structures, "unset" as null. Handlers fill them
 * in file order; {@link VrrpCompletion} applies the defaults and checks that need the whole file
 * and builds the model.
 */
final class VrrpDrafts {
    private VrrpDrafts() {
    }

    private static final long SEC = Numbers.TIMER_HZ;

    static final class Trackers {
        final List<TrackedObject> interfaces = new ArrayList<>();
        final List<TrackedObject> scripts = new ArrayList<>();
        final List<TrackedObject> files = new ArrayList<>();
        final List<TrackedObject> processes = new ArrayList<>();
        final List<TrackedObject> bfds = new ArrayList<>();
        final List<TrackedObject> references = new ArrayList<>();
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
        final List<HeartbeatPath> heartbeatPaths = new ArrayList<>();
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
}
