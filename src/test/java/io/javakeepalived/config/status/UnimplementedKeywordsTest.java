package io.javakeepalived.config.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.syntax.ConfigReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines -t and the daemon's log print for keywords the daemon does not act on. */
class UnimplementedKeywordsTest {
    private static final String NI = " is accepted for compatibility but not implemented - ";

    @TempDir
    Path dir;

    private List<String> lines(String config) throws IOException, ConfigFatalException {
        Path file = dir.resolve("keepalived.conf");
        Files.writeString(file, config);
        return UnimplementedKeywords.in(ConfigReader.read(file, "host", new Diagnostics())).stream()
                .map(UnimplementedKeyword::toString).map(l -> l.substring(dir.toString().length() + 1)).toList();
    }

    @Test
    void eachUnimplementedKeywordOnceAtItsFirstUse() throws Exception {
        List<String> out = lines("""
                global_defs {
                    router_id_is_unknown x
                    nftables_ipvs
                    vrrp_garp_master_delay 5
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    use_ipvlan
                    virtual_ipaddress {
                        10.0.0.1/24
                    }
                    kernel_rx_buf_size 65536
                    virtual_routes {
                        10.1.0.0/16 via 10.0.0.254
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    use_ipvlan
                    virtual_routes {
                        10.2.0.0/16 via 10.0.0.254
                    }
                }
                virtual_server 10.0.0.1 80 {
                    lb_algo rr
                    real_server 10.0.0.10 80 {
                        weight 1
                        TCP_CHECK {
                            connect_timeout 3
                            fwmark 7
                        }
                    }
                }
                """);
        assertEquals(List.of(
                "keepalived.conf:3: nftables_ipvs" + NI + "not implemented: IPVS is programmed and health checkers"
                        + " run, but there are no nftables fwmarks and none of these settings",
                "keepalived.conf:10: use_ipvlan" + NI + "no ipvlan interface is created; the instance runs on its"
                        + " base interface",
                "keepalived.conf:14: kernel_rx_buf_size" + NI + "the VRRP socket's receive buffer is left at the"
                        + " kernel's default",
                "keepalived.conf:33: fwmark" + NI + "the JDK has no SO_BINDTODEVICE / SO_MARK: the check is not"
                        + " bound to an interface or marked"), out);
    }

    @Test
    void aKeywordIsJudgedInItsBlock() throws Exception {
        List<String> out = lines("""
                vrrp_instance VI_1 {
                    track_bfd {
                        b1
                    }
                    smtp_alert
                }
                vrrp_sync_group G {
                    group {
                        VI_1
                    }
                    track_bfd {
                        b1
                    }
                    smtp_alert
                }
                global_defs {
                    smtp_alert true
                    smtp_alert_checker
                    bfd_no_swap
                }
                """);
        // smtp_alert is acted on in all three blocks (mail alerts), smtp_alert_checker too (checker alerts)
        assertEquals(List.of("keepalived.conf:2: track_bfd", "keepalived.conf:11: track_bfd",
                "keepalived.conf:19: bfd_no_swap"),
                out.stream().map(l -> l.substring(0, l.indexOf(NI))).toList());
    }

    @Test
    void neitherAuthTypeIsReported() throws Exception {
        List<String> out = lines("""
                vrrp_instance VI_1 {
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                }
                vrrp_instance VI_2 {
                    authentication {
                        auth_type AH
                    }
                }
                """);
        assertEquals(List.of(), out);
    }

    @Test
    void addressOptionsTheInstallerIgnoresAreReportedButTheirValuesAreNot() throws Exception {
        List<String> out = lines("""
                vrrp_instance VI_1 {
                    virtual_ipaddress {
                        10.0.0.1/24 dev eth0 label home
                        fd00::1/128 preferred_lft forever
                        10.0.0.2/24 home
                        10.0.0.3/24 home no_track
                    }
                }
                """);
        assertEquals(List.of("keepalived.conf:5: home"),
                out.stream().map(l -> l.substring(0, l.indexOf(NI))).toList());
    }

    @Test
    void aConfigurationTheDaemonActsOnWhollyPrintsNothing() throws Exception {
        assertEquals(List.of(), lines("""
                global_defs {
                    vrrp_garp_master_refresh 60
                    enable_script_security
                }
                vrrp_script chk {
                    script "/bin/true"
                    weight -20
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass x
                    }
                    track_script {
                        chk
                    }
                    virtual_ipaddress {
                        10.0.0.1/24 dev eth0 label eth0:1
                    }
                }
                """));
    }
}
