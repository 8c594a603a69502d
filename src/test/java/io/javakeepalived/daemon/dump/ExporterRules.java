package io.javakeepalived.daemon.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading rules of mehdy/keepalived-exporter (internal/collector/parser.go, snapshot
 * 5aedbfb), re-stated in Java for tests: {@code ParseVRRPData}, {@code ParseVRRPScript},
 * {@code ParseStats}. Where the exporter gives up (unknown state, non-numeric value) these throw.
 */
final class ExporterRules {

    static final List<String> STATES = List.of("INIT", "BACKUP", "MASTER", "FAULT");

    private ExporterRules() {
    }

    static final class Data {
        String iname;
        int state;
        int wantState;
        String intf;
        int garpDelay;
        int vrid;
        final List<String> vips = new ArrayList<>();
        final List<String> excludedVips = new ArrayList<>();
    }

    record Script(String name, String status, String state) {
    }

    private static int state(String s) {
        int i = STATES.indexOf(s);
        if (i < 0) {
            throw new IllegalStateException("unknown state found: " + s);
        }
        return i;
    }

    static Map<String, Data> parseData(String text) {
        Map<String, Data> data = new LinkedHashMap<>();
        String instance = "";
        String key = "";
        String val;
        for (String l : text.split("\n", -1)) {
            if (l.startsWith(" VRRP Instance") && l.contains("=")) {
                instance = l.trim().split("=", -1)[1].trim();
                Data d = new Data();
                d.iname = instance;
                data.put(instance, d);
            } else if (l.startsWith("   ") && !instance.isEmpty()) {
                if (l.startsWith("     ")) {
                    val = l.trim();
                } else {
                    String[] args;
                    if (l.contains("=")) {
                        args = l.trim().split("=", -1);
                    } else if (l.contains(":")) {
                        args = l.trim().split(":", -1);
                    } else {
                        continue;
                    }
                    key = args[0].trim();
                    if (key.equals("Virtual IP")) {
                        continue;
                    }
                    val = args[1].trim();
                }
                Data d = data.get(instance);
                if ((key.startsWith("Virtual IP (") || key.equals("Virtual IP")) && !val.isEmpty()) {
                    d.vips.add(val.trim());
                }
                if (key.startsWith("Virtual IP Excluded") && !val.isEmpty()) {
                    d.excludedVips.add(val.trim());
                }
                switch (key) {
                    case "State": d.state = state(val); break;
                    case "Wantstate": d.wantState = state(val); break;
                    case "Interface":
                    case "Listening device": d.intf = val; break;
                    case "Gratuitous ARP delay": d.garpDelay = Integer.parseInt(val); break;
                    case "Virtual Router ID": d.vrid = Integer.parseInt(val); break;
                    default: break;
                }
            } else if (l.startsWith(" VRRP Version") || l.startsWith(" VRRP Script")) {
                continue;
            } else {
                instance = "";
            }
        }
        return data;
    }

    static List<Script> parseScripts(String text) {
        List<Script> scripts = new ArrayList<>();
        String name = "";
        String status = "";
        String state = "";
        for (String l : text.split("\n", -1)) {
            if (l.startsWith(" VRRP Script") && l.contains("=")) {
                if (!name.isEmpty()) {
                    scripts.add(new Script(name, status, state));
                    status = "";
                    state = "";
                }
                name = l.trim().split("=", -1)[1].trim();
            } else if (l.startsWith("   ") && !name.isEmpty()) {
                if (!l.contains("=")) {
                    continue;
                }
                String[] s = l.trim().split("=", -1);
                String k = s[0].trim();
                String v = s[1].trim();
                if (k.equals("Status")) {
                    status = v;
                } else if (k.equals("State")) {
                    state = v;
                }
            } else if (!l.startsWith("    ")) {
                if (!name.isEmpty()) {
                    scripts.add(new Script(name, status, state));
                    name = "";
                    status = "";
                    state = "";
                }
            }
        }
        if (!name.isEmpty()) {
            scripts.add(new Script(name, status, state));
        }
        return scripts;
    }

    /** Instance → exporter field (its JSON key names) → value. */
    static Map<String, Map<String, Integer>> parseStats(String text) {
        Map<String, Map<String, Integer>> stats = new LinkedHashMap<>();
        String instance = null;
        String section = "";
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("VRRP Instance") && l.contains(":")) {
                instance = l.trim().split(":", -1)[1].trim();
                stats.put(instance, new LinkedHashMap<>());
            } else if (l.startsWith("  ") && l.endsWith(":")) {
                section = l.trim().split(":", -1)[0].trim();
            } else if (l.startsWith("    ") && !section.isEmpty()) {
                String[] sp = l.trim().split(":", -1);
                String k = sp[0].trim();
                int v = Integer.parseInt(sp[1].trim());
                String field = switch (section + "/" + k) {
                    case "Advertisements/Received" -> "advert_rcvd";
                    case "Advertisements/Sent" -> "advert_sent";
                    case "Packet Errors/Length" -> "packet_len_err";
                    case "Packet Errors/TTL" -> "ip_ttl_err";
                    case "Packet Errors/Invalid Type" -> "invalid_type_rcvd";
                    case "Packet Errors/Advertisement Interval" -> "advert_interval_err";
                    case "Packet Errors/Address List" -> "addr_list_err";
                    case "Authentication Errors/Invalid Type" -> "invalid_authtype";
                    case "Authentication Errors/Type Mismatch" -> "authtype_mismatch";
                    case "Authentication Errors/Failure" -> "auth_failure";
                    case "Priority Zero/Received" -> "pri_zero_rcvd";
                    case "Priority Zero/Sent" -> "pri_zero_sent";
                    default -> null;
                };
                if (field != null) {
                    stats.get(instance).put(field, v);
                }
            } else if (l.startsWith("  ") && !l.endsWith(":") && !l.startsWith("    ")) {
                String[] sp = l.trim().split(":", -1);
                String k = sp[0].trim();
                int v = Integer.parseInt(sp[1].trim());
                section = "";
                if (k.equals("Became master")) {
                    stats.get(instance).put("become_master", v);
                } else if (k.equals("Released master")) {
                    stats.get(instance).put("release_master", v);
                }
            }
        }
        return stats;
    }
}
