package io.javakeepalived.daemon.systemd;

import io.javakeepalived.vrrp.VrrpState;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one-line status systemctl shows: how many instances are in each state, MASTER first
 * ("2 MASTER, 1 BACKUP", "1 MASTER, 1 FAULT"). States no instance is in are left out.
 */
public final class StateSummary {
    private static final VrrpState[] ORDER = {VrrpState.MASTER, VrrpState.BACKUP, VrrpState.FAULT, VrrpState.INIT};

    private StateSummary() {
    }

    /** The summary of instance name → state; "no VRRP instance" for none. */
    public static String of(Map<String, VrrpState> states) {
        if (states.isEmpty()) {
            return "no VRRP instance";
        }
        Map<VrrpState, Integer> counts = new EnumMap<>(VrrpState.class);
        for (VrrpState s : states.values()) {
            counts.merge(s, 1, Integer::sum);
        }
        StringJoiner j = new StringJoiner(", ");
        for (VrrpState s : ORDER) {
            Integer n = counts.get(s);
            if (n != null) {
                j.add(n + " " + s.name());
            }
        }
        return j.toString();
    }
}
