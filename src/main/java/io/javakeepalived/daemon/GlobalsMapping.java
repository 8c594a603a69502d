package io.javakeepalived.daemon;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.dump.GlobalDefinitions;
import io.javakeepalived.util.AddressText;

/**
 * The configuration's {@code global_defs} as the dumps show them ({@link GlobalDefinitions}).
 * Only what the configuration model holds is carried over; the rest keeps keepalived's defaults.
 * The lower-priority GARP values are left unset when they equal the master ones (the model has
 * already defaulted them; keepalived's parent dump prints them unset).
 */
public final class GlobalsMapping {

    private GlobalsMapping() {
    }

    public static GlobalDefinitions of(KeepalivedConfig config) {
        GlobalDefs g = config.global();
        GlobalDefs.VrrpGlobals v = g.vrrp();
        GlobalDefinitions.Builder b = GlobalDefinitions.builder()
                .routerId(g.routerId().orElse(null))
                .emails(g.notificationEmails())
                .emailFrom(g.notificationEmailFrom().orElse(null))
                .smtpHeloName(g.smtpHeloName().orElse(null))
                .smtpAlert(g.smtpAlert().orElse(null))
                .smtpAlertVrrp(g.smtpAlertVrrp().orElse(null))
                .smtpAlertChecker(g.smtpAlertChecker().orElse(null))
                .noEmailFaults(g.noEmailFaults())
                .checkerLogAllFailures(g.checkerLogAllFailures())
                .scriptSecurity(g.enableScriptSecurity())
                .dynamicInterfaces(g.dynamicInterfaces())
                .allowIfChanges(g.allowInterfaceChanges())
                .defaultInterface(g.defaultInterface())
                .maxAutoPriority(g.maxAutoPriority())
                .vrrpVersion(v.version())
                .vrrpMcastGroup4(AddressText.ntop(v.mcastGroup4()))
                .vrrpMcastGroup6(AddressText.ntop(v.mcastGroup6()))
                .garpDelaySeconds(v.garpMasterDelay().toSeconds())
                .garpRepeat(v.garpMasterRepeat())
                .garpRefreshSeconds(v.garpMasterRefresh().toSeconds())
                .garpRefreshRepeat(v.garpMasterRefreshRepeat())
                .garpIntervalMicros(v.garpInterval().toNanos() / 1_000)
                .gnaIntervalMicros(v.gnaInterval().toNanos() / 1_000)
                .lowerPrioNoAdvert(v.lowerPrioNoAdvert())
                .higherPrioSendAdvert(v.higherPrioSendAdvert())
                .downTimerAdverts(v.downTimerAdverts())
                .strict(v.strict())
                .skipCheckAdvAddr(v.skipCheckAdvAddr())
                .checkUnicastSrc(v.checkUnicastSrc())
                .vrrpStartupDelayMicros(v.startupDelay().toNanos() / 1_000)
                .vrrpNotifyPriorityChanges(v.notifyPriorityChanges())
                .logUnknownVrids(v.logUnknownVrids())
                .disableLocalIgmp(v.disableLocalIgmp());
        if (!v.garpLowerPrioDelay().equals(v.garpMasterDelay())) {
            b.garpLowerPrioDelaySeconds(v.garpLowerPrioDelay().toSeconds());
        }
        if (v.garpLowerPrioRepeat() != v.garpMasterRepeat()) {
            b.garpLowerPrioRepeat(v.garpLowerPrioRepeat());
        }
        g.smtpServer().ifPresent(s -> b.smtpServer(s.host()).smtpServerPort(s.port()));
        config.topLevel().netNamespace().ifPresent(b::networkNamespace);
        return b.build();
    }
}
