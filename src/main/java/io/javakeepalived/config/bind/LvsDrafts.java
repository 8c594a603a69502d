package io.javakeepalived.config.bind;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The drafts of the LVS blocks - virtual server groups, virtual and real servers, their
 * checkers and the SSL context - mirroring keepalived's check_data.c structures, "unset" as
 * null. {@link LvsCompletion} links and checks them and builds the model.
 */
final class LvsDrafts {
    private LvsDrafts() {
    }

    private static final long SEC = Numbers.TIMER_HZ;

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
