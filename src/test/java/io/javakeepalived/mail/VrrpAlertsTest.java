package io.javakeepalived.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.NotifyState;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class VrrpAlertsTest {

    private static KeepalivedConfig config(String global, String vi1Extra) {
        return ConfigFixture.model(ConfigFixture.load0("global_defs {\n" + global + "}\n"
                + ConfigFixture.instance("VI_1", vi1Extra)
                + ConfigFixture.instance("VI_2").replace("virtual_router_id 51", "virtual_router_id 52")
                + "vrrp_sync_group G1 {\n    group {\n        VI_2\n    }\n    smtp_alert\n}\n"));
    }

    private static VrrpAlerts alerts(KeepalivedConfig c) {
        return new VrrpAlerts().configure(c, MailSettings.of(c.global(), "node1", "root"));
    }

    private static Optional<String> subject(VrrpAlerts a, String instance, NotifyState s) {
        return a.alertFor(new Action.RunNotify(instance, s, 100)).map(Alert::subject);
    }

    @Test
    void anInstanceWithSmtpAlertMailsEachStateInKeepalivedsWords() {
        VrrpAlerts a = alerts(config("    router_id LB1\n", "smtp_alert"));
        assertEquals(Optional.of(new Alert("[LB1] VRRP Instance VI_1 - Entering BACKUP state",
                "=> VRRP Instance is no longer owning VRRP VIPs <=")),
                a.alertFor(new Action.RunNotify("VI_1", NotifyState.BACKUP, 100)));
        assertEquals(Optional.of(new Alert("[LB1] VRRP Instance VI_1 - Entering MASTER state",
                "=> VRRP Instance is now owning VRRP VIPs <=")),
                a.alertFor(new Action.RunNotify("VI_1", NotifyState.MASTER, 100)));
        assertEquals(Optional.of(new Alert("[LB1] VRRP Instance VI_1 - Entering FAULT state",
                "=> VRRP Instance is no longer owning VRRP VIPs <=")),
                a.alertFor(new Action.RunNotify("VI_1", NotifyState.FAULT, 0)));
        assertEquals(Optional.of(new Alert("[LB1] VRRP Instance VI_1 - Stopping", "=> VRRP Instance stopping <=")),
                a.alertFor(new Action.RunNotify("VI_1", NotifyState.STOP, 0)));
    }

    @Test
    void aSplitBrainIsMailedByTheInstanceNotByItsSyncGroup() {
        VrrpAlerts a = alerts(config("    router_id LB1\n", "smtp_alert"));
        assertEquals(Optional.of("[LB1] VRRP Instance VI_1 - Entering MASTER state"),
                subject(a, "VI_1", NotifyState.MASTER));
        assertEquals(Optional.of(new Alert("[LB1] VRRP Instance VI_1 - Split brain",
                "=> Another MASTER of the VRRP Instance was heard <=")),
                a.alertFor(new Action.RunNotify("VI_1", NotifyState.SPLIT_BRAIN, 100)));
        assertEquals(Optional.empty(), a.alertFor(new Action.RunGroupNotify("G1", NotifyState.SPLIT_BRAIN)));
    }

    @Test
    void withoutRouterIdTheHostNameStartsTheSubject() {
        VrrpAlerts a = alerts(config("", "smtp_alert"));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering MASTER state"),
                subject(a, "VI_1", NotifyState.MASTER));
    }

    @Test
    void theSameStateTwiceIsMailedOnceAsKeepalivedsLastEmailState() {
        VrrpAlerts a = alerts(config("", "smtp_alert"));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering FAULT state"),
                subject(a, "VI_1", NotifyState.FAULT));
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.FAULT));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering BACKUP state"),
                subject(a, "VI_1", NotifyState.BACKUP));
    }

    @Test
    void noEmailFaultsSuppressesOnlyFaultMails() {
        VrrpAlerts a = alerts(config("    no_email_faults\n", "smtp_alert"));
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.FAULT));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering BACKUP state"),
                subject(a, "VI_1", NotifyState.BACKUP));
    }

    @Test
    void smtpAlertIsResolvedInstanceThenSmtpAlertVrrpThenSmtpAlert() {
        assertEquals(Optional.empty(), subject(alerts(config("", "")), "VI_1", NotifyState.MASTER));
        assertEquals(Optional.empty(), subject(alerts(config("    smtp_alert\n", "smtp_alert off")), "VI_1",
                NotifyState.MASTER));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering MASTER state"),
                subject(alerts(config("    smtp_alert_vrrp\n", "")), "VI_1", NotifyState.MASTER));
        assertEquals(Optional.of("[node1] VRRP Instance VI_1 - Entering MASTER state"),
                subject(alerts(config("    smtp_alert_vrrp off\n    smtp_alert\n", "smtp_alert")), "VI_1",
                        NotifyState.MASTER));
    }

    @Test
    void aSyncGroupWithSmtpAlertMailsItsStatesAndNothingForLowerPriorityOrPriorityChanges() {
        VrrpAlerts a = alerts(config("", "smtp_alert"));
        assertEquals(Optional.of(new Alert("[node1] VRRP Group G1 - Entering MASTER state",
                "=> All VRRP group instances are now in MASTER state <=")),
                a.alertFor(new Action.RunGroupNotify("G1", NotifyState.MASTER)));
        assertEquals(Optional.empty(), subject(a, "VI_2", NotifyState.MASTER)); // the member has no smtp_alert
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.MASTER_RX_LOWER_PRI));
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.MASTER_PRIORITY));
    }

    @Test
    void aReloadTakesTheNewSettingsAndKeepsWhatWasMailed() {
        KeepalivedConfig before = config("    router_id LB1\n", "smtp_alert");
        VrrpAlerts a = alerts(before);
        assertEquals(Optional.of("[LB1] VRRP Instance VI_1 - Entering MASTER state"),
                subject(a, "VI_1", NotifyState.MASTER));
        KeepalivedConfig after = config("    router_id LB9\n", "smtp_alert");
        a.configure(after, MailSettings.of(after.global(), "node1", "root"));
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.MASTER), "already mailed before the reload");
        assertEquals(Optional.of("[LB9] VRRP Instance VI_1 - Entering BACKUP state"),
                subject(a, "VI_1", NotifyState.BACKUP));
        KeepalivedConfig off = config("", "smtp_alert off");
        a.configure(off, MailSettings.of(off.global(), "node1", "root"));
        assertEquals(Optional.empty(), subject(a, "VI_1", NotifyState.MASTER));
    }

    @Test
    void theHostNameFillsKeepalivedsDefaultsForHeloAndSender() {
        KeepalivedConfig c = config("    smtp_server 10.0.0.25\n    notification_email {\n        ops@x\n    }\n", "");
        MailSettings s = MailSettings.of(c.global(), "node1", "root");
        assertEquals("root@node1", s.from());
        assertEquals("node1", s.heloName());
        assertEquals("node1", s.routerId());
        assertEquals(java.time.Duration.ofSeconds(30), s.connectTimeout());
        assertEquals("[10.0.0.25]:25", s.serverText());
        assertEquals(true, s.sends());
        MailSettings none = MailSettings.of(config("    smtp_server 10.0.0.25\n", "").global(), "node1", "root");
        assertEquals(false, none.sends(), "no recipient, no mail");
    }

    @Test
    void checkerAlertsAreWordedAsKeepalivedsRealServerLine() {
        assertEquals(new Alert("[LB1] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN",
                "=> TCP CHECK failed on service <="),
                AlertTexts.realServer("LB1", "[10.0.0.2]:tcp:80", "[10.0.0.1]:tcp:80", false,
                        "=> TCP CHECK failed on service <="));
    }
}
