package io.javakeepalived.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code global_defs { }} with keepalived 2.2.7's defaults filled in.
 *
 * @param routerId               empty = the local host name (keepalived's default)
 * @param smtpConnectTimeout     default 30 s
 * @param smtpAlert              global smtp_alert; empty = unset (off for VRRP, on for real servers)
 * @param scriptUser             script_user USER [GROUP]; empty = keepalived_script if it exists, else root
 * @param maxAutoPriority        0 = off (default); -1 = off and no notice; no value = 99
 * @param vrrpScheduling         vrrp_priority, vrrp_rt_priority, vrrp_rlimit_rttime, vrrp_no_swap,
 *                               vrrp_cpu_affinity: applied to the VRRP loop's thread
 * @param checkerScheduling      the checker_* equivalents: applied to the checker loop's thread
 * @param defaultInterface       interface of static addresses without dev; default eth0
 * @param umask                  the umask line's mask (see {@link FileCreationMask}); empty: none given
 * @param otherSettings          keywords keepalived accepts that change nothing javakeepalived
 *                               models (process priorities, SNMP, DBus, netlink buffers, ...),
 *                               with their arguments, in configuration order
 */
public record GlobalDefs(Optional<String> routerId, List<String> notificationEmails,
                         Optional<String> notificationEmailFrom, Optional<SmtpServer> smtpServer,
                         Optional<String> smtpHeloName, Duration smtpConnectTimeout, Optional<Boolean> smtpAlert,
                         Optional<Boolean> smtpAlertVrrp, Optional<Boolean> smtpAlertChecker, boolean noEmailFaults,
                         boolean checkerLogAllFailures, Optional<ScriptUser> scriptUser,
                         boolean enableScriptSecurity, Optional<ScriptCommand> startupScript,
                         int startupScriptTimeout, Optional<ScriptCommand> shutdownScript,
                         int shutdownScriptTimeout, int maxAutoPriority, Duration minAutoPriorityDelay,
                         ProcessScheduling vrrpScheduling, ProcessScheduling checkerScheduling,
                         VrrpGlobals vrrp, Fifos fifos, LvsGlobals lvs, boolean dynamicInterfaces,
                         boolean allowInterfaceChanges, String defaultInterface, OptionalInt umask,
                         Map<String, List<String>> otherSettings) {

    public GlobalDefs {
        notificationEmails = List.copyOf(notificationEmails);
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(fifos, "fifos");
        Objects.requireNonNull(lvs, "lvs");
        Objects.requireNonNull(vrrpScheduling, "vrrpScheduling");
        Objects.requireNonNull(checkerScheduling, "checkerScheduling");
        Objects.requireNonNull(umask, "umask");
        otherSettings = Map.copyOf(otherSettings);
    }

    /** smtp_server HOST [PORT] (port default 25); HOST is an address or a name resolved when mail is sent. */
    public record SmtpServer(String host, int port) {
    }

    /** script_user USER [GROUP]. */
    public record ScriptUser(String user, Optional<String> group) {
    }

    /**
     * The vrrp_* defaults of global_defs.
     *
     * @param garpLowerPrioDelay   default: garpMasterDelay
     * @param garpLowerPrioRepeat  default: garpMasterRepeat
     * @param garpInterval         0 = no pacing
     * @param garpExtraIfInterval  vrrp_garp_extra_if seconds; 0 = off
     */
    public record VrrpGlobals(int version, InetAddress mcastGroup4, InetAddress mcastGroup6,
                              Duration garpMasterDelay, int garpMasterRepeat, Duration garpMasterRefresh,
                              int garpMasterRefreshRepeat, Duration garpLowerPrioDelay, int garpLowerPrioRepeat,
                              Duration garpInterval, Duration gnaInterval, boolean minGarp,
                              int garpExtraIfInterval, boolean garpExtraIfAll, boolean lowerPrioNoAdvert,
                              boolean higherPrioSendAdvert, int downTimerAdverts, boolean strict,
                              boolean skipCheckAdvAddr, boolean checkUnicastSrc, Duration startupDelay,
                              boolean notifyPriorityChanges, boolean logUnknownVrids, Optional<String> vmacPrefix,
                              Optional<String> vmacAddrPrefix, Optional<String> nftablesTable,
                              int nftablesPriority, boolean nftablesCounters, boolean disableLocalIgmp) {
    }

    /** A notify FIFO: path, the user it is created for, and the script that reads it. */
    public record NotifyFifo(String path, Optional<String> user, Optional<String> group,
                             Optional<ScriptCommand> script) {
    }

    /** notify_fifo, vrrp_notify_fifo, lvs_notify_fifo (each with its _script). */
    public record Fifos(Optional<NotifyFifo> all, Optional<NotifyFifo> vrrp, Optional<NotifyFifo> lvs,
                        boolean writeVrrpStatesOnReload) {
    }

    /** lvs_sync_daemon IF [inst VI] [id N] [maxlen N] [port N] [ttl N] [group IP]. */
    public record LvsSyncDaemon(String interfaceName, Optional<String> instance, OptionalInt syncId,
                                OptionalInt maxLength, OptionalInt port, OptionalInt ttl,
                                Optional<InetAddress> group) {
    }

    /** What lvs_flush_on_stop flushes. */
    public enum FlushOnStop { NONE, FULL, VS }

    /** The LVS settings of global_defs. */
    public record LvsGlobals(OptionalInt tcpTimeout, OptionalInt tcpFinTimeout, OptionalInt udpTimeout,
                             boolean flush, FlushOnStop flushOnStop, Optional<LvsSyncDaemon> syncDaemon,
                             Optional<String> nftablesTable) {
    }
}
