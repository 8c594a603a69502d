package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * The {@code global_defs} values keepalived.data's {@code Global definitions} section prints
 * (global_data.c {@code dump_global_data}). Defaults are keepalived 2.2.7's.
 *
 * @param networkNamespace {@code net_namespace}, null prints {@code (default)}
 * @param networkNamespaceIpvs {@code net_namespace_ipvs}; null {@code (main namespace)}, empty {@code (default)}
 * @param instanceName {@code instance}, or null
 * @param processName {@code process_names} parent name, or null
 * @param vrrpProcessName VRRP process name, or null
 * @param routerId {@code router_id}, or null
 * @param smtpServer {@code smtp_server} address, or null
 * @param smtpServerPort smtp server port
 * @param smtpHeloName {@code smtp_helo_name}, or null
 * @param smtpConnectTimeoutSeconds {@code smtp_connect_timeout}, 0 if unset
 * @param emailFrom {@code notification_email_from}, or null
 * @param emails {@code notification_email}
 * @param smtpAlert {@code smtp_alert}, null = unset
 * @param smtpAlertVrrp {@code smtp_alert_vrrp}, null = unset
 * @param smtpAlertChecker {@code smtp_alert_checker}, null = unset
 * @param checkerLogAllFailures {@code checker_log_all_failures}
 * @param reloadCheckConfig {@code reload_check_config} log file, or null
 * @param dataUseInstance {@code data_use_instance}
 * @param dynamicInterfaces {@code dynamic_interfaces}
 * @param allowIfChanges {@code dynamic_interfaces allow_if_changes}
 * @param noEmailFaults {@code no_email_faults}
 * @param defaultInterface {@code default_interface}
 * @param disableLocalIgmp {@code disable_local_igmp}
 * @param lvsFlush {@code lvs_flush}
 * @param lvsFlushOnStop {@code lvs_flush_onstop}: disabled, full or VS
 * @param notifyFifo {@code notify_fifo}, or null
 * @param vrrpNotifyFifo {@code vrrp_notify_fifo}, or null
 * @param fifoWriteVrrpStatesOnReload {@code fifo_write_vrrp_states_on_reload}
 * @param vrrpNotifyPriorityChanges {@code vrrp_notify_priority_changes}
 * @param vrrpMcastGroup4 {@code vrrp_mcast_group4}
 * @param vrrpMcastGroup6 {@code vrrp_mcast_group6}
 * @param garpDelaySeconds {@code vrrp_garp_master_delay}
 * @param garpRepeat {@code vrrp_garp_master_repeat}
 * @param garpRefreshSeconds {@code vrrp_garp_master_refresh}
 * @param garpRefreshRepeat {@code vrrp_garp_master_refresh_repeat}
 * @param garpLowerPrioDelaySeconds {@code vrrp_garp_lower_prio_delay}; {@link #UNSET} if not configured
 * @param garpLowerPrioRepeat {@code vrrp_garp_lower_prio_repeat}; {@link #UNSET} if not configured
 * @param downTimerAdverts {@code vrrp_down_timer_adverts}
 * @param vmacGarpIntervalSeconds {@code vrrp_garp_extra_if}; null omits the line
 * @param vmacGarpAllInterfaces {@code vrrp_garp_extra_if all}
 * @param lowerPrioNoAdvert {@code vrrp_lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code vrrp_higher_prio_send_advert}
 * @param garpIntervalMicros {@code vrrp_garp_interval}
 * @param gnaIntervalMicros {@code vrrp_gna_interval}
 * @param vrrpVersion {@code vrrp_version}
 * @param checkUnicastSrc {@code vrrp_check_unicast_src}
 * @param skipCheckAdvAddr {@code vrrp_skip_check_adv_addr}
 * @param strict {@code vrrp_strict}
 * @param maxAutoPriority {@code max_auto_priority}; -1 prints Disabled
 * @param minAutoPriorityDelayMicros {@code min_auto_priority_delay}
 * @param vrrpProcessPriority {@code vrrp_priority}
 * @param vrrpNoSwap {@code vrrp_no_swap}
 * @param vrrpRealtimePriority {@code vrrp_rt_priority}
 * @param vrrpRealtimeLimit {@code vrrp_rlimit_rttime}
 * @param checkerProcessPriority {@code checker_priority}
 * @param checkerNoSwap {@code checker_no_swap}
 * @param checkerRealtimePriority {@code checker_rt_priority}
 * @param checkerRealtimeLimit {@code checker_rlimit_rttime}
 * @param bfdProcessPriority {@code bfd_priority}
 * @param bfdNoSwap {@code bfd_no_swap}
 * @param bfdRealtimePriority {@code bfd_rt_priority}
 * @param bfdRealtimeLimit {@code bfd_rlimit_rttime}
 * @param snmpVrrp {@code enable_snmp_vrrp}
 * @param snmpChecker {@code enable_snmp_checker}
 * @param snmpRfcV2 {@code enable_snmp_rfcv2}
 * @param snmpRfcV3 {@code enable_snmp_rfcv3}
 * @param snmpTraps {@code enable_traps}
 * @param snmpSocket {@code snmp_socket}, or null
 * @param dbus {@code enable_dbus}
 * @param dbusServiceName {@code dbus_service_name}, or null
 * @param scriptSecurity {@code enable_script_security}
 * @param defaultScriptUid default script user id; null omits the line (user not found)
 * @param defaultScriptGid default script group id
 * @param vrrpNetlinkCmdRcvBufs {@code vrrp_netlink_cmd_rcv_bufs}
 * @param vrrpNetlinkCmdRcvBufsForce {@code vrrp_netlink_cmd_rcv_bufs_force}
 * @param vrrpNetlinkMonitorRcvBufs {@code vrrp_netlink_monitor_rcv_bufs}
 * @param vrrpNetlinkMonitorRcvBufsForce {@code vrrp_netlink_monitor_rcv_bufs_force}
 * @param processMonitorRcvBufs {@code process_monitor_rcv_bufs}
 * @param processMonitorRcvBufsForce {@code process_monitor_rcv_bufs_force}
 * @param lvsNetlinkCmdRcvBufs {@code lvs_netlink_cmd_rcv_bufs}
 * @param lvsNetlinkCmdRcvBufsForce {@code lvs_netlink_cmd_rcv_bufs_force}
 * @param lvsNetlinkMonitorRcvBufs {@code lvs_netlink_monitor_rcv_bufs}
 * @param lvsNetlinkMonitorRcvBufsForce {@code lvs_netlink_monitor_rcv_bufs_force}
 * @param rsInitNotifies {@code rs_init_notifies}
 * @param noCheckerEmails {@code no_checker_emails}
 * @param rxBufsLine {@code rx_bufs_policy = MTU|ADVERT} or {@code rx_bufs_size = N} text, or null
 * @param rxBufsMultiples {@code vrrp_rx_bufs_multiplier}
 * @param umask process umask (printed in octal)
 * @param vrrpStartupDelayMicros {@code vrrp_startup_delay}
 * @param logUnknownVrids {@code log_unknown_vrids}
 * @param vmacPrefix {@code vmac_prefix}, or null
 * @param vmacAddrPrefix {@code vmac_addr_prefix}, or null
 */
public record GlobalDefinitions(
        String networkNamespace,
        String networkNamespaceIpvs,
        String instanceName,
        String processName,
        String vrrpProcessName,
        String routerId,
        String smtpServer,
        int smtpServerPort,
        String smtpHeloName,
        long smtpConnectTimeoutSeconds,
        String emailFrom,
        List<String> emails,
        Boolean smtpAlert,
        Boolean smtpAlertVrrp,
        Boolean smtpAlertChecker,
        boolean checkerLogAllFailures,
        String reloadCheckConfig,
        boolean dataUseInstance,
        boolean dynamicInterfaces,
        boolean allowIfChanges,
        boolean noEmailFaults,
        String defaultInterface,
        boolean disableLocalIgmp,
        boolean lvsFlush,
        String lvsFlushOnStop,
        FifoInfo notifyFifo,
        FifoInfo vrrpNotifyFifo,
        boolean fifoWriteVrrpStatesOnReload,
        boolean vrrpNotifyPriorityChanges,
        String vrrpMcastGroup4,
        String vrrpMcastGroup6,
        long garpDelaySeconds,
        long garpRepeat,
        long garpRefreshSeconds,
        long garpRefreshRepeat,
        long garpLowerPrioDelaySeconds,
        long garpLowerPrioRepeat,
        long downTimerAdverts,
        Long vmacGarpIntervalSeconds,
        boolean vmacGarpAllInterfaces,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        long garpIntervalMicros,
        long gnaIntervalMicros,
        int vrrpVersion,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        boolean strict,
        int maxAutoPriority,
        long minAutoPriorityDelayMicros,
        int vrrpProcessPriority,
        boolean vrrpNoSwap,
        int vrrpRealtimePriority,
        long vrrpRealtimeLimit,
        int checkerProcessPriority,
        boolean checkerNoSwap,
        int checkerRealtimePriority,
        long checkerRealtimeLimit,
        int bfdProcessPriority,
        boolean bfdNoSwap,
        int bfdRealtimePriority,
        long bfdRealtimeLimit,
        boolean snmpVrrp,
        boolean snmpChecker,
        boolean snmpRfcV2,
        boolean snmpRfcV3,
        boolean snmpTraps,
        String snmpSocket,
        boolean dbus,
        String dbusServiceName,
        boolean scriptSecurity,
        Long defaultScriptUid,
        Long defaultScriptGid,
        long vrrpNetlinkCmdRcvBufs,
        boolean vrrpNetlinkCmdRcvBufsForce,
        long vrrpNetlinkMonitorRcvBufs,
        boolean vrrpNetlinkMonitorRcvBufsForce,
        long processMonitorRcvBufs,
        boolean processMonitorRcvBufsForce,
        long lvsNetlinkCmdRcvBufs,
        boolean lvsNetlinkCmdRcvBufsForce,
        long lvsNetlinkMonitorRcvBufs,
        boolean lvsNetlinkMonitorRcvBufsForce,
        int rsInitNotifies,
        int noCheckerEmails,
        String rxBufsLine,
        int rxBufsMultiples,
        int umask,
        long vrrpStartupDelayMicros,
        boolean logUnknownVrids,
        String vmacPrefix,
        String vmacAddrPrefix) {

    public GlobalDefinitions {
        emails = List.copyOf(emails);
        Objects.requireNonNull(defaultInterface, "defaultInterface");
        Objects.requireNonNull(lvsFlushOnStop, "lvsFlushOnStop");
    }

    /** keepalived's PARAMETER_UNSET ((unsigned)-1), printed as 4294967295 before it is resolved. */
    public static final long UNSET = 4294967295L;

    /** Defaults as keepalived 2.2.7 has them without a {@code global_defs} block. */
    public static GlobalDefinitions defaults() {
        return builder().build();
    }

    /**
     * The values as the VRRP process uses them: the lower-priority GARP delay and repeat
     * default to the plain GARP delay and repeat (the parent process prints them unresolved).
     */
    public GlobalDefinitions resolvedForVrrp() {
        Builder b = toBuilder();
        if (garpLowerPrioDelaySeconds == UNSET) {
            b.garpLowerPrioDelaySeconds(garpDelaySeconds);
        }
        if (garpLowerPrioRepeat == UNSET) {
            b.garpLowerPrioRepeat(garpRepeat);
        }
        return b.build();
    }


    /** A builder with keepalived's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.networkNamespace = networkNamespace;
        b.networkNamespaceIpvs = networkNamespaceIpvs;
        b.instanceName = instanceName;
        b.processName = processName;
        b.vrrpProcessName = vrrpProcessName;
        b.routerId = routerId;
        b.smtpServer = smtpServer;
        b.smtpServerPort = smtpServerPort;
        b.smtpHeloName = smtpHeloName;
        b.smtpConnectTimeoutSeconds = smtpConnectTimeoutSeconds;
        b.emailFrom = emailFrom;
        b.emails = emails;
        b.smtpAlert = smtpAlert;
        b.smtpAlertVrrp = smtpAlertVrrp;
        b.smtpAlertChecker = smtpAlertChecker;
        b.checkerLogAllFailures = checkerLogAllFailures;
        b.reloadCheckConfig = reloadCheckConfig;
        b.dataUseInstance = dataUseInstance;
        b.dynamicInterfaces = dynamicInterfaces;
        b.allowIfChanges = allowIfChanges;
        b.noEmailFaults = noEmailFaults;
        b.defaultInterface = defaultInterface;
        b.disableLocalIgmp = disableLocalIgmp;
        b.lvsFlush = lvsFlush;
        b.lvsFlushOnStop = lvsFlushOnStop;
        b.notifyFifo = notifyFifo;
        b.vrrpNotifyFifo = vrrpNotifyFifo;
        b.fifoWriteVrrpStatesOnReload = fifoWriteVrrpStatesOnReload;
        b.vrrpNotifyPriorityChanges = vrrpNotifyPriorityChanges;
        b.vrrpMcastGroup4 = vrrpMcastGroup4;
        b.vrrpMcastGroup6 = vrrpMcastGroup6;
        b.garpDelaySeconds = garpDelaySeconds;
        b.garpRepeat = garpRepeat;
        b.garpRefreshSeconds = garpRefreshSeconds;
        b.garpRefreshRepeat = garpRefreshRepeat;
        b.garpLowerPrioDelaySeconds = garpLowerPrioDelaySeconds;
        b.garpLowerPrioRepeat = garpLowerPrioRepeat;
        b.downTimerAdverts = downTimerAdverts;
        b.vmacGarpIntervalSeconds = vmacGarpIntervalSeconds;
        b.vmacGarpAllInterfaces = vmacGarpAllInterfaces;
        b.lowerPrioNoAdvert = lowerPrioNoAdvert;
        b.higherPrioSendAdvert = higherPrioSendAdvert;
        b.garpIntervalMicros = garpIntervalMicros;
        b.gnaIntervalMicros = gnaIntervalMicros;
        b.vrrpVersion = vrrpVersion;
        b.checkUnicastSrc = checkUnicastSrc;
        b.skipCheckAdvAddr = skipCheckAdvAddr;
        b.strict = strict;
        b.maxAutoPriority = maxAutoPriority;
        b.minAutoPriorityDelayMicros = minAutoPriorityDelayMicros;
        b.vrrpProcessPriority = vrrpProcessPriority;
        b.vrrpNoSwap = vrrpNoSwap;
        b.vrrpRealtimePriority = vrrpRealtimePriority;
        b.vrrpRealtimeLimit = vrrpRealtimeLimit;
        b.checkerProcessPriority = checkerProcessPriority;
        b.checkerNoSwap = checkerNoSwap;
        b.checkerRealtimePriority = checkerRealtimePriority;
        b.checkerRealtimeLimit = checkerRealtimeLimit;
        b.bfdProcessPriority = bfdProcessPriority;
        b.bfdNoSwap = bfdNoSwap;
        b.bfdRealtimePriority = bfdRealtimePriority;
        b.bfdRealtimeLimit = bfdRealtimeLimit;
        b.snmpVrrp = snmpVrrp;
        b.snmpChecker = snmpChecker;
        b.snmpRfcV2 = snmpRfcV2;
        b.snmpRfcV3 = snmpRfcV3;
        b.snmpTraps = snmpTraps;
        b.snmpSocket = snmpSocket;
        b.dbus = dbus;
        b.dbusServiceName = dbusServiceName;
        b.scriptSecurity = scriptSecurity;
        b.defaultScriptUid = defaultScriptUid;
        b.defaultScriptGid = defaultScriptGid;
        b.vrrpNetlinkCmdRcvBufs = vrrpNetlinkCmdRcvBufs;
        b.vrrpNetlinkCmdRcvBufsForce = vrrpNetlinkCmdRcvBufsForce;
        b.vrrpNetlinkMonitorRcvBufs = vrrpNetlinkMonitorRcvBufs;
        b.vrrpNetlinkMonitorRcvBufsForce = vrrpNetlinkMonitorRcvBufsForce;
        b.processMonitorRcvBufs = processMonitorRcvBufs;
        b.processMonitorRcvBufsForce = processMonitorRcvBufsForce;
        b.lvsNetlinkCmdRcvBufs = lvsNetlinkCmdRcvBufs;
        b.lvsNetlinkCmdRcvBufsForce = lvsNetlinkCmdRcvBufsForce;
        b.lvsNetlinkMonitorRcvBufs = lvsNetlinkMonitorRcvBufs;
        b.lvsNetlinkMonitorRcvBufsForce = lvsNetlinkMonitorRcvBufsForce;
        b.rsInitNotifies = rsInitNotifies;
        b.noCheckerEmails = noCheckerEmails;
        b.rxBufsLine = rxBufsLine;
        b.rxBufsMultiples = rxBufsMultiples;
        b.umask = umask;
        b.vrrpStartupDelayMicros = vrrpStartupDelayMicros;
        b.logUnknownVrids = logUnknownVrids;
        b.vmacPrefix = vmacPrefix;
        b.vmacAddrPrefix = vmacAddrPrefix;
        return b;
    }

    /** Builder for {@link GlobalDefinitions}; unset values are keepalived's defaults. */
    public static final class Builder {
        private String networkNamespace = null;
        private String networkNamespaceIpvs = null;
        private String instanceName = null;
        private String processName = null;
        private String vrrpProcessName = null;
        private String routerId = null;
        private String smtpServer = null;
        private int smtpServerPort = 25;
        private String smtpHeloName = null;
        private long smtpConnectTimeoutSeconds = 0;
        private String emailFrom = null;
        private List<String> emails = List.of();
        private Boolean smtpAlert = null;
        private Boolean smtpAlertVrrp = null;
        private Boolean smtpAlertChecker = null;
        private boolean checkerLogAllFailures = false;
        private String reloadCheckConfig = null;
        private boolean dataUseInstance = false;
        private boolean dynamicInterfaces = false;
        private boolean allowIfChanges = false;
        private boolean noEmailFaults = false;
        private String defaultInterface = "eth0";
        private boolean disableLocalIgmp = false;
        private boolean lvsFlush = false;
        private String lvsFlushOnStop = "disabled";
        private FifoInfo notifyFifo = null;
        private FifoInfo vrrpNotifyFifo = null;
        private boolean fifoWriteVrrpStatesOnReload = false;
        private boolean vrrpNotifyPriorityChanges = false;
        private String vrrpMcastGroup4 = "224.0.0.18";
        private String vrrpMcastGroup6 = "ff02::12";
        private long garpDelaySeconds = 5;
        private long garpRepeat = 5;
        private long garpRefreshSeconds = 0;
        private long garpRefreshRepeat = 1;
        private long garpLowerPrioDelaySeconds = UNSET;
        private long garpLowerPrioRepeat = UNSET;
        private long downTimerAdverts = 3;
        private Long vmacGarpIntervalSeconds = 0L;
        private boolean vmacGarpAllInterfaces = false;
        private boolean lowerPrioNoAdvert = false;
        private boolean higherPrioSendAdvert = false;
        private long garpIntervalMicros = 0;
        private long gnaIntervalMicros = 0;
        private int vrrpVersion = 2;
        private boolean checkUnicastSrc = false;
        private boolean skipCheckAdvAddr = false;
        private boolean strict = false;
        private int maxAutoPriority = 0;
        private long minAutoPriorityDelayMicros = 1_000_000;
        private int vrrpProcessPriority = 0;
        private boolean vrrpNoSwap = false;
        private int vrrpRealtimePriority = 0;
        private long vrrpRealtimeLimit = 10000;
        private int checkerProcessPriority = 0;
        private boolean checkerNoSwap = false;
        private int checkerRealtimePriority = 0;
        private long checkerRealtimeLimit = 10000;
        private int bfdProcessPriority = 0;
        private boolean bfdNoSwap = false;
        private int bfdRealtimePriority = 0;
        private long bfdRealtimeLimit = 10000;
        private boolean snmpVrrp = false;
        private boolean snmpChecker = false;
        private boolean snmpRfcV2 = false;
        private boolean snmpRfcV3 = false;
        private boolean snmpTraps = false;
        private String snmpSocket = null;
        private boolean dbus = false;
        private String dbusServiceName = null;
        private boolean scriptSecurity = false;
        private Long defaultScriptUid = 0L;
        private Long defaultScriptGid = 0L;
        private long vrrpNetlinkCmdRcvBufs = 0;
        private boolean vrrpNetlinkCmdRcvBufsForce = false;
        private long vrrpNetlinkMonitorRcvBufs = 0;
        private boolean vrrpNetlinkMonitorRcvBufsForce = false;
        private long processMonitorRcvBufs = 0;
        private boolean processMonitorRcvBufsForce = false;
        private long lvsNetlinkCmdRcvBufs = 0;
        private boolean lvsNetlinkCmdRcvBufsForce = false;
        private long lvsNetlinkMonitorRcvBufs = 0;
        private boolean lvsNetlinkMonitorRcvBufsForce = false;
        private int rsInitNotifies = 0;
        private int noCheckerEmails = 0;
        private String rxBufsLine = null;
        private int rxBufsMultiples = 3;
        private int umask = 0177;
        private long vrrpStartupDelayMicros = 0;
        private boolean logUnknownVrids = false;
        private String vmacPrefix = null;
        private String vmacAddrPrefix = null;

        private Builder() {
        }

        public Builder networkNamespace(String v) {
            networkNamespace = v;
            return this;
        }

        public Builder networkNamespaceIpvs(String v) {
            networkNamespaceIpvs = v;
            return this;
        }

        public Builder instanceName(String v) {
            instanceName = v;
            return this;
        }

        public Builder processName(String v) {
            processName = v;
            return this;
        }

        public Builder vrrpProcessName(String v) {
            vrrpProcessName = v;
            return this;
        }

        public Builder routerId(String v) {
            routerId = v;
            return this;
        }

        public Builder smtpServer(String v) {
            smtpServer = v;
            return this;
        }

        public Builder smtpServerPort(int v) {
            smtpServerPort = v;
            return this;
        }

        public Builder smtpHeloName(String v) {
            smtpHeloName = v;
            return this;
        }

        public Builder smtpConnectTimeoutSeconds(long v) {
            smtpConnectTimeoutSeconds = v;
            return this;
        }

        public Builder emailFrom(String v) {
            emailFrom = v;
            return this;
        }

        public Builder emails(List<String> v) {
            emails = v;
            return this;
        }

        public Builder smtpAlert(Boolean v) {
            smtpAlert = v;
            return this;
        }

        public Builder smtpAlertVrrp(Boolean v) {
            smtpAlertVrrp = v;
            return this;
        }

        public Builder smtpAlertChecker(Boolean v) {
            smtpAlertChecker = v;
            return this;
        }

        public Builder checkerLogAllFailures(boolean v) {
            checkerLogAllFailures = v;
            return this;
        }

        public Builder reloadCheckConfig(String v) {
            reloadCheckConfig = v;
            return this;
        }

        public Builder dataUseInstance(boolean v) {
            dataUseInstance = v;
            return this;
        }

        public Builder dynamicInterfaces(boolean v) {
            dynamicInterfaces = v;
            return this;
        }

        public Builder allowIfChanges(boolean v) {
            allowIfChanges = v;
            return this;
        }

        public Builder noEmailFaults(boolean v) {
            noEmailFaults = v;
            return this;
        }

        public Builder defaultInterface(String v) {
            defaultInterface = v;
            return this;
        }

        public Builder disableLocalIgmp(boolean v) {
            disableLocalIgmp = v;
            return this;
        }

        public Builder lvsFlush(boolean v) {
            lvsFlush = v;
            return this;
        }

        public Builder lvsFlushOnStop(String v) {
            lvsFlushOnStop = v;
            return this;
        }

        public Builder notifyFifo(FifoInfo v) {
            notifyFifo = v;
            return this;
        }

        public Builder vrrpNotifyFifo(FifoInfo v) {
            vrrpNotifyFifo = v;
            return this;
        }

        public Builder fifoWriteVrrpStatesOnReload(boolean v) {
            fifoWriteVrrpStatesOnReload = v;
            return this;
        }

        public Builder vrrpNotifyPriorityChanges(boolean v) {
            vrrpNotifyPriorityChanges = v;
            return this;
        }

        public Builder vrrpMcastGroup4(String v) {
            vrrpMcastGroup4 = v;
            return this;
        }

        public Builder vrrpMcastGroup6(String v) {
            vrrpMcastGroup6 = v;
            return this;
        }

        public Builder garpDelaySeconds(long v) {
            garpDelaySeconds = v;
            return this;
        }

        public Builder garpRepeat(long v) {
            garpRepeat = v;
            return this;
        }

        public Builder garpRefreshSeconds(long v) {
            garpRefreshSeconds = v;
            return this;
        }

        public Builder garpRefreshRepeat(long v) {
            garpRefreshRepeat = v;
            return this;
        }

        public Builder garpLowerPrioDelaySeconds(long v) {
            garpLowerPrioDelaySeconds = v;
            return this;
        }

        public Builder garpLowerPrioRepeat(long v) {
            garpLowerPrioRepeat = v;
            return this;
        }

        public Builder downTimerAdverts(long v) {
            downTimerAdverts = v;
            return this;
        }

        public Builder vmacGarpIntervalSeconds(Long v) {
            vmacGarpIntervalSeconds = v;
            return this;
        }

        public Builder vmacGarpAllInterfaces(boolean v) {
            vmacGarpAllInterfaces = v;
            return this;
        }

        public Builder lowerPrioNoAdvert(boolean v) {
            lowerPrioNoAdvert = v;
            return this;
        }

        public Builder higherPrioSendAdvert(boolean v) {
            higherPrioSendAdvert = v;
            return this;
        }

        public Builder garpIntervalMicros(long v) {
            garpIntervalMicros = v;
            return this;
        }

        public Builder gnaIntervalMicros(long v) {
            gnaIntervalMicros = v;
            return this;
        }

        public Builder vrrpVersion(int v) {
            vrrpVersion = v;
            return this;
        }

        public Builder checkUnicastSrc(boolean v) {
            checkUnicastSrc = v;
            return this;
        }

        public Builder skipCheckAdvAddr(boolean v) {
            skipCheckAdvAddr = v;
            return this;
        }

        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        public Builder maxAutoPriority(int v) {
            maxAutoPriority = v;
            return this;
        }

        public Builder minAutoPriorityDelayMicros(long v) {
            minAutoPriorityDelayMicros = v;
            return this;
        }

        public Builder vrrpProcessPriority(int v) {
            vrrpProcessPriority = v;
            return this;
        }

        public Builder vrrpNoSwap(boolean v) {
            vrrpNoSwap = v;
            return this;
        }

        public Builder vrrpRealtimePriority(int v) {
            vrrpRealtimePriority = v;
            return this;
        }

        public Builder vrrpRealtimeLimit(long v) {
            vrrpRealtimeLimit = v;
            return this;
        }

        public Builder checkerProcessPriority(int v) {
            checkerProcessPriority = v;
            return this;
        }

        public Builder checkerNoSwap(boolean v) {
            checkerNoSwap = v;
            return this;
        }

        public Builder checkerRealtimePriority(int v) {
            checkerRealtimePriority = v;
            return this;
        }

        public Builder checkerRealtimeLimit(long v) {
            checkerRealtimeLimit = v;
            return this;
        }

        public Builder bfdProcessPriority(int v) {
            bfdProcessPriority = v;
            return this;
        }

        public Builder bfdNoSwap(boolean v) {
            bfdNoSwap = v;
            return this;
        }

        public Builder bfdRealtimePriority(int v) {
            bfdRealtimePriority = v;
            return this;
        }

        public Builder bfdRealtimeLimit(long v) {
            bfdRealtimeLimit = v;
            return this;
        }

        public Builder snmpVrrp(boolean v) {
            snmpVrrp = v;
            return this;
        }

        public Builder snmpChecker(boolean v) {
            snmpChecker = v;
            return this;
        }

        public Builder snmpRfcV2(boolean v) {
            snmpRfcV2 = v;
            return this;
        }

        public Builder snmpRfcV3(boolean v) {
            snmpRfcV3 = v;
            return this;
        }

        public Builder snmpTraps(boolean v) {
            snmpTraps = v;
            return this;
        }

        public Builder snmpSocket(String v) {
            snmpSocket = v;
            return this;
        }

        public Builder dbus(boolean v) {
            dbus = v;
            return this;
        }

        public Builder dbusServiceName(String v) {
            dbusServiceName = v;
            return this;
        }

        public Builder scriptSecurity(boolean v) {
            scriptSecurity = v;
            return this;
        }

        public Builder defaultScriptUid(Long v) {
            defaultScriptUid = v;
            return this;
        }

        public Builder defaultScriptGid(Long v) {
            defaultScriptGid = v;
            return this;
        }

        public Builder vrrpNetlinkCmdRcvBufs(long v) {
            vrrpNetlinkCmdRcvBufs = v;
            return this;
        }

        public Builder vrrpNetlinkCmdRcvBufsForce(boolean v) {
            vrrpNetlinkCmdRcvBufsForce = v;
            return this;
        }

        public Builder vrrpNetlinkMonitorRcvBufs(long v) {
            vrrpNetlinkMonitorRcvBufs = v;
            return this;
        }

        public Builder vrrpNetlinkMonitorRcvBufsForce(boolean v) {
            vrrpNetlinkMonitorRcvBufsForce = v;
            return this;
        }

        public Builder processMonitorRcvBufs(long v) {
            processMonitorRcvBufs = v;
            return this;
        }

        public Builder processMonitorRcvBufsForce(boolean v) {
            processMonitorRcvBufsForce = v;
            return this;
        }

        public Builder lvsNetlinkCmdRcvBufs(long v) {
            lvsNetlinkCmdRcvBufs = v;
            return this;
        }

        public Builder lvsNetlinkCmdRcvBufsForce(boolean v) {
            lvsNetlinkCmdRcvBufsForce = v;
            return this;
        }

        public Builder lvsNetlinkMonitorRcvBufs(long v) {
            lvsNetlinkMonitorRcvBufs = v;
            return this;
        }

        public Builder lvsNetlinkMonitorRcvBufsForce(boolean v) {
            lvsNetlinkMonitorRcvBufsForce = v;
            return this;
        }

        public Builder rsInitNotifies(int v) {
            rsInitNotifies = v;
            return this;
        }

        public Builder noCheckerEmails(int v) {
            noCheckerEmails = v;
            return this;
        }

        public Builder rxBufsLine(String v) {
            rxBufsLine = v;
            return this;
        }

        public Builder rxBufsMultiples(int v) {
            rxBufsMultiples = v;
            return this;
        }

        public Builder umask(int v) {
            umask = v;
            return this;
        }

        public Builder vrrpStartupDelayMicros(long v) {
            vrrpStartupDelayMicros = v;
            return this;
        }

        public Builder logUnknownVrids(boolean v) {
            logUnknownVrids = v;
            return this;
        }

        public Builder vmacPrefix(String v) {
            vmacPrefix = v;
            return this;
        }

        public Builder vmacAddrPrefix(String v) {
            vmacAddrPrefix = v;
            return this;
        }

        public GlobalDefinitions build() {
            return new GlobalDefinitions(networkNamespace, networkNamespaceIpvs, instanceName, processName, vrrpProcessName, routerId, smtpServer, smtpServerPort, smtpHeloName, smtpConnectTimeoutSeconds, emailFrom, emails, smtpAlert, smtpAlertVrrp, smtpAlertChecker, checkerLogAllFailures, reloadCheckConfig, dataUseInstance, dynamicInterfaces, allowIfChanges, noEmailFaults, defaultInterface, disableLocalIgmp, lvsFlush, lvsFlushOnStop, notifyFifo, vrrpNotifyFifo, fifoWriteVrrpStatesOnReload, vrrpNotifyPriorityChanges, vrrpMcastGroup4, vrrpMcastGroup6, garpDelaySeconds, garpRepeat, garpRefreshSeconds, garpRefreshRepeat, garpLowerPrioDelaySeconds, garpLowerPrioRepeat, downTimerAdverts, vmacGarpIntervalSeconds, vmacGarpAllInterfaces, lowerPrioNoAdvert, higherPrioSendAdvert, garpIntervalMicros, gnaIntervalMicros, vrrpVersion, checkUnicastSrc, skipCheckAdvAddr, strict, maxAutoPriority, minAutoPriorityDelayMicros, vrrpProcessPriority, vrrpNoSwap, vrrpRealtimePriority, vrrpRealtimeLimit, checkerProcessPriority, checkerNoSwap, checkerRealtimePriority, checkerRealtimeLimit, bfdProcessPriority, bfdNoSwap, bfdRealtimePriority, bfdRealtimeLimit, snmpVrrp, snmpChecker, snmpRfcV2, snmpRfcV3, snmpTraps, snmpSocket, dbus, dbusServiceName, scriptSecurity, defaultScriptUid, defaultScriptGid, vrrpNetlinkCmdRcvBufs, vrrpNetlinkCmdRcvBufsForce, vrrpNetlinkMonitorRcvBufs, vrrpNetlinkMonitorRcvBufsForce, processMonitorRcvBufs, processMonitorRcvBufsForce, lvsNetlinkCmdRcvBufs, lvsNetlinkCmdRcvBufsForce, lvsNetlinkMonitorRcvBufs, lvsNetlinkMonitorRcvBufsForce, rsInitNotifies, noCheckerEmails, rxBufsLine, rxBufsMultiples, umask, vrrpStartupDelayMicros, logUnknownVrids, vmacPrefix, vmacAddrPrefix);
        }
    }
}
