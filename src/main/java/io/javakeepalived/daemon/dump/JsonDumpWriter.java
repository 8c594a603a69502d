package io.javakeepalived.daemon.dump;

import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import java.util.List;

/**
 * keepalived.json (SIGRTMIN+2) as keepalived 2.2.7's vrrp_json.c and json_writer.c write it:
 * one line, no spaces, an array with one {@code {"data":{...},"stats":{...}}} per instance, then
 * a newline. Keys, their order and their types follow keepalived built with VMAC, firewall and
 * VRRP authentication (the Debian 12 build): times and intervals are {@code %g} seconds,
 * {@code last_transition} {@code %f}, optional scripts and lists are left out when absent.
 *
 * <p>Strings are escaped like keepalived's {@code jsonw_puts}: {@code \t \n \r \f \b \"} and
 * {@code /} as {@code \/}. Two deliberate differences keep the output valid JSON that means what
 * it says: a backslash is written {@code \\} (keepalived writes {@code \n}, a bug), and other
 * control characters are written {@code \}{@code u00XX} (keepalived writes them raw).
 *
 * <p>Once an instance has seen split brain, its {@code data} ends with javakeepalived's
 * {@code split_brain_*} keys (see {@link #splitBrain}).
 */
public final class JsonDumpWriter {

    private JsonDumpWriter() {
    }

    public static String render(VrrpStateSnapshot s) {
        return render(s.instances());
    }

    public static String render(List<InstanceSnapshot> instances) {
        Json w = new Json(1024 * Math.max(1, instances.size()));
        w.startArray();
        for (InstanceSnapshot v : instances) {
            w.startObject();
            w.name("data");
            data(w, v);
            w.name("stats");
            stats(w, v);
            w.endObject();
        }
        w.endArray();
        return w.finish();
    }

    private static void data(Json w, InstanceSnapshot v) {
        InstanceSnapshot.Identity id = v.identity();
        InstanceSnapshot.Status st = v.status();
        InstanceSnapshot.Garp g = v.garp();
        InstanceSnapshot.Priority p = v.priority();
        InstanceSnapshot.Adverts a = v.adverts();
        InstanceSnapshot.Addresses ad = v.addresses();
        InstanceSnapshot.Notify n = v.notifications();
        w.startObject();
        w.field("iname", id.name());
        w.field("dont_track_primary", v.transport().dontTrackPrimary() ? 1 : 0);
        w.field("skip_check_adv_addr", a.skipCheckAdvAddr() ? 1 : 0);
        w.field("strict_mode", a.strictMode() ? 1 : 0);
        w.field("vmac_ifname", id.vmacInterface() != null ? id.vmacInterface() : "");
        if (id.interfaceName() != null) {
            w.field("ifp_ifname", id.interfaceName());
        }
        w.field("master_priority", st.master().priority());
        // as keepalived: tv_sec + tv_usec / 1e6 in double, printed with %f
        w.raw("last_transition", CFormat.f(st.lastTransition().getEpochSecond()
                + (st.lastTransition().getNano() / 1000) / 1e6));
        w.raw("garp_delay", CFormat.g(g.delaySeconds()));
        w.field("garp_refresh", g.refreshSeconds());
        w.field("garp_rep", g.repeat());
        w.field("garp_refresh_rep", g.refreshRepeat());
        w.field("garp_lower_prio_delay", g.lowerPrioDelaySeconds());
        w.field("garp_lower_prio_rep", g.lowerPrioRepeat());
        w.field("lower_prio_no_advert", a.lowerPrioNoAdvert() ? 1 : 0);
        w.field("higher_prio_send_advert", a.higherPrioSendAdvert() ? 1 : 0);
        w.field("vrid", id.vrid());
        w.field("base_priority", p.base());
        w.field("effective_priority", p.effective());
        w.field("vipset", ad.vipSet());
        w.field("promote_secondaries", ad.promoteSecondaries());
        w.raw("adver_int", CFormat.g(a.intervalMicros() / 1e6));
        w.raw("master_adver_int", CFormat.g(masterAdvertInterval(v) / 1e6));
        w.field("accept", p.accept() ? 1 : 0);
        w.field("nopreempt", p.nopreempt());
        w.field("preempt_delay", p.preemptDelayMicros() / 1_000_000);
        w.field("state", st.state().code());
        w.field("wantstate", st.wantState().code());
        w.field("version", id.version());
        w.field("smtp_alert", n.smtpAlert());
        w.field("notify_deleted", n.notifyDeleted());
        script(w, "script_backup", n.backup());
        script(w, "script_master", n.master());
        script(w, "script_fault", n.fault());
        script(w, "script_stop", n.stop());
        script(w, "script_deleted", n.deleted());
        script(w, "script", n.generic());
        script(w, "script_master_rx_lower_pri", n.masterRxLowerPri());
        array(w, "vips", ad.vips());
        array(w, "evips", ad.excludedVips());
        array(w, "vroutes", ad.virtualRoutes());
        array(w, "vrules", ad.virtualRules());
        if (!v.tracked().interfaces().isEmpty()) {
            w.name("track_ifp");
            w.startArray();
            for (Tracked t : v.tracked().interfaces()) {
                w.string(t.name());
            }
            w.endArray();
        }
        if (!v.tracked().scripts().isEmpty()) {
            w.name("track_script");
            w.startArray();
            for (Tracked t : v.tracked().scripts()) {
                w.string(t.command() != null ? t.command() : t.name());
            }
            w.endArray();
        }
        if (!v.tracked().references().isEmpty()) { // javakeepalived's own: names, as track_ifp lists
            w.name("track_reference");
            w.startArray();
            for (Tracked t : v.tracked().references()) {
                w.string(t.name());
            }
            w.endArray();
        }
        w.field("auth_type", a.authType().wireValue());
        if (a.authType() != AuthType.NONE) {
            w.field("auth_data", a.authPassword() != null ? a.authPassword() : "");
        }
        splitBrain(w, st.splitBrain());
        if (v.counter(VrrpCounter.HEARTBEAT_PATH_RCVD) > 0) {
            // javakeepalived's own, like split_brain_*: once an advert came over a heartbeat path
            w.field("heartbeat_path_adverts", v.counter(VrrpCounter.HEARTBEAT_PATH_RCVD));
        }
        // javakeepalived's own, only when configured, so that other dumps stay keepalived's byte for byte
        array(w, "heartbeat_paths", v.transport().heartbeatPaths());
        w.endObject();
    }

    /**
     * javakeepalived's own keys, last in {@code data} and only once split brain was seen, so a
     * dump without it stays keepalived's byte for byte (readers of keepalived's keys skip them).
     */
    private static void splitBrain(Json w, InstanceSnapshot.SplitBrainSeen sb) {
        if (!sb.seen()) {
            return;
        }
        w.field("split_brain_episodes", sb.episodes());
        w.raw("split_brain_since", CFormat.f(sb.since().getEpochSecond() + (sb.since().getNano() / 1000) / 1e6));
        w.field("split_brain_peer", sb.peer());
        w.field("split_brain_peer_priority", sb.peerPriority());
        w.field("split_brain_priority", sb.ourPriority());
    }

    /**
     * keepalived's {@code master_adver_int}: the master's interval once one was heard, else its
     * own (keepalived sets it to {@code adver_int} at start-up and on becoming master).
     */
    private static long masterAdvertInterval(InstanceSnapshot v) {
        long heard = v.status().master().advertIntervalMicros();
        return heard > 0 ? heard : v.adverts().intervalMicros();
    }

    private static void stats(Json w, InstanceSnapshot v) {
        w.startObject();
        for (VrrpCounter c : JSON_STATS) {
            w.field(c.key(), v.counter(c));
        }
        w.endObject();
    }

    /** The stats keys in keepalived's JSON order (which differs from the stats file's). */
    static final List<VrrpCounter> JSON_STATS = List.of(VrrpCounter.ADVERT_RCVD, VrrpCounter.ADVERT_SENT,
            VrrpCounter.BECOME_MASTER, VrrpCounter.RELEASE_MASTER, VrrpCounter.PACKET_LEN_ERR,
            VrrpCounter.ADVERT_INTERVAL_ERR, VrrpCounter.IP_TTL_ERR, VrrpCounter.INVALID_TYPE_RCVD,
            VrrpCounter.ADDR_LIST_ERR, VrrpCounter.INVALID_AUTHTYPE, VrrpCounter.AUTHTYPE_MISMATCH,
            VrrpCounter.AUTH_FAILURE, VrrpCounter.PRI_ZERO_RCVD, VrrpCounter.PRI_ZERO_SENT);

    private static void script(Json w, String key, NotifyScript s) {
        if (s != null) {
            w.field(key, s.commandText());
        }
    }

    private static void array(Json w, String key, List<String> items) {
        if (!items.isEmpty()) {
            w.name(key);
            w.startArray();
            for (String s : items) {
                w.string(s);
            }
            w.endArray();
        }
    }

    /** A compact writer with json_writer.c's separator rules. */
    static final class Json {
        private final StringBuilder out;
        private boolean needComma;

        Json(int capacity) {
            out = new StringBuilder(capacity);
        }

        private void sep() {
            if (needComma) {
                out.append(',');
            }
            needComma = true;
        }

        void startObject() {
            sep();
            out.append('{');
            needComma = false;
        }

        void endObject() {
            out.append('}');
            needComma = true;
        }

        void startArray() {
            sep();
            out.append('[');
            needComma = false;
        }

        void endArray() {
            out.append(']');
            needComma = true;
        }

        void name(String name) {
            sep();
            quote(out, name);
            out.append(':');
            needComma = false;
        }

        void string(String value) {
            sep();
            quote(out, value);
        }

        void field(String key, String value) {
            name(key);
            string(value);
        }

        void field(String key, long value) {
            raw(key, Long.toString(value));
        }

        void field(String key, boolean value) {
            raw(key, value ? "true" : "false");
        }

        void raw(String key, String text) {
            name(key);
            sep();
            out.append(text);
        }

        String finish() {
            return out.append('\n').toString();
        }
    }

    /** Appends {@code s} as a JSON string with keepalived's escapes (see the class comment). */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\f': out.append("\\f"); break;
                case '\b': out.append("\\b"); break;
                case '\\': out.append("\\\\"); break;
                case '"': out.append("\\\""); break;
                case '/': out.append("\\/"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
