package io.javakeepalived.daemon.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed conformance scenario: the topology, the inputs and the expected outputs.
 * See src/test/resources/conformance/README.md for the line format.
 */
final class Scenario {

    /** A node on the simulated wire; {@code logUnknownVrids} is global_defs log_unknown_vrids. */
    record Node(String name, String address, boolean logUnknownVrids, int line) {
    }

    /** A vrrp_instance on a node; keys are keepalived keywords (see README). */
    record InstanceDef(String node, String name, Map<String, String> keys, int line) {
    }

    /** A vrrp_sync_group on a node. */
    record GroupDef(String node, String name, List<String> members, int line) {
    }

    /** Who a line is about: a node, optionally narrowed to one instance or group. */
    record Target(String node, String scope) {
        @Override
        public String toString() {
            return scope == null ? node : node + "/" + scope;
        }
    }

    /** An input line: {@code at TIME TARGET: verb args}. */
    record Input(long time, Target target, List<String> words, int line, String text) {
    }

    enum CheckKind { AT, NEVER, COUNT }

    /** An expected-output line. */
    record Check(CheckKind kind, long from, long to, int count, Target target, Observation observation,
                 int line, String text) {
    }

    /** A {@code final} line: the state of an instance or node when the run ends. */
    record Final(Target target, List<String> words, int line, String text) {
    }

    final String name;
    final List<String> comments = new ArrayList<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<InstanceDef> instances = new ArrayList<>();
    final List<GroupDef> groups = new ArrayList<>();
    final List<Input> inputs = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Final> finals = new ArrayList<>();
    Set<String> strict = Set.of();
    long until = -1;

    Scenario(String name) {
        this.name = name;
    }

    static long parseTime(String s) {
        try {
            return new BigDecimal(s).movePointRight(9).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad time '" + s + "' (seconds, at most 9 decimals)");
        }
    }

    static String formatTime(long nanos) {
        BigDecimal d = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        String s = d.toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
