package io.javakeepalived.daemon.conformance;

import io.javakeepalived.daemon.conformance.Scenario.Check;
import io.javakeepalived.daemon.conformance.Scenario.CheckKind;
import io.javakeepalived.daemon.conformance.Scenario.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the scenario line format (src/test/resources/conformance/README.md). */
final class ScenarioParser {

    static final Set<String> INPUT_VERBS = Set.of("start", "stop", "crash", "restart", "link", "iface",
            "fault", "clear", "weight", "reload", "rejected", "advert", "packet");

    private ScenarioParser() {
    }

    static Scenario parse(String name, String text) {
        Scenario sc = new Scenario(name);
        String[] lines = text.split("\n", -1);
        long lastTime = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i].strip();
            if (raw.startsWith("#")) {
                sc.comments.add(raw.substring(1).strip());
                continue;
            }
            List<String> w;
            try {
                w = tokens(raw);
            } catch (IllegalArgumentException e) {
                throw error(name, lineNo, raw, e.getMessage());
            }
            if (w.isEmpty()) {
                continue;
            }
            try {
                switch (w.get(0)) {
                    case "router" -> {
                        need(w.size() == 3 || (w.size() == 4 && w.get(3).equals("log_unknown_vrids")),
                                "router NAME ADDRESS [log_unknown_vrids]");
                        sc.nodes.put(w.get(1), new Scenario.Node(w.get(1), w.get(2), w.size() == 4, lineNo));
                    }
                    case "instance" -> {
                        need(w.size() >= 3, "instance NODE NAME key=value...");
                        need(sc.nodes.containsKey(w.get(1)), "unknown router " + w.get(1));
                        sc.instances.add(new Scenario.InstanceDef(w.get(1), w.get(2), keys(w.subList(3, w.size())), lineNo));
                    }
                    case "group" -> {
                        need(w.size() >= 4, "group NODE NAME INSTANCE...");
                        need(sc.nodes.containsKey(w.get(1)), "unknown router " + w.get(1));
                        sc.groups.add(new Scenario.GroupDef(w.get(1), w.get(2), List.copyOf(w.subList(3, w.size())), lineNo));
                    }
                    case "strict" -> {
                        Set<String> s = new LinkedHashSet<>();
                        for (String c : w.subList(1, w.size())) {
                            s.add(Observation.requireCategory(c));
                        }
                        sc.strict = s;
                    }
                    case "until" -> {
                        need(w.size() == 2, "until SECONDS");
                        sc.until = Scenario.parseTime(w.get(1));
                    }
                    case "at" -> {
                        need(w.size() >= 4, "at TIME NODE[/INSTANCE]: ...");
                        long t = Scenario.parseTime(w.get(1));
                        Target target = target(sc, w.get(2));
                        List<String> rest = w.subList(3, w.size());
                        lastTime = Math.max(lastTime, t);
                        boolean input = INPUT_VERBS.contains(rest.get(0))
                                && !(rest.get(0).equals("advert") && (rest.size() == 1 || !rest.get(1).equals("from")));
                        if (input) {
                            sc.inputs.add(new Scenario.Input(t, target, List.copyOf(rest), lineNo, raw));
                        } else {
                            Observation o = observation(rest, raw);
                            sc.checks.add(new Check(CheckKind.AT, t, t, 1, target, o, lineNo, raw));
                        }
                    }
                    case "never" -> {
                        need(w.size() >= 5, "never FROM TO NODE[/INSTANCE]: OBSERVATION");
                        long from = Scenario.parseTime(w.get(1));
                        long to = Scenario.parseTime(w.get(2));
                        lastTime = Math.max(lastTime, to);
                        sc.checks.add(new Check(CheckKind.NEVER, from, to, 0, target(sc, w.get(3)),
                                observation(w.subList(4, w.size()), raw), lineNo, raw));
                    }
                    case "count" -> {
                        need(w.size() >= 6, "count N FROM TO NODE[/INSTANCE]: OBSERVATION");
                        int n = Integer.parseInt(w.get(1));
                        long from = Scenario.parseTime(w.get(2));
                        long to = Scenario.parseTime(w.get(3));
                        lastTime = Math.max(lastTime, to);
                        sc.checks.add(new Check(CheckKind.COUNT, from, to, n, target(sc, w.get(4)),
                                observation(w.subList(5, w.size()), raw), lineNo, raw));
                    }
                    case "final" -> {
                        need(w.size() >= 3, "final NODE[/INSTANCE]: WHAT");
                        sc.finals.add(new Scenario.Final(target(sc, w.get(1)), List.copyOf(w.subList(2, w.size())), lineNo, raw));
                    }
                    default -> throw new IllegalArgumentException("unknown line kind '" + w.get(0) + "'");
                }
            } catch (IllegalArgumentException e) {
                throw error(name, lineNo, raw, e.getMessage());
            }
        }
        if (sc.until < 0) {
            sc.until = lastTime + 5_000_000_000L;
        }
        if (sc.nodes.isEmpty() || sc.instances.isEmpty()) {
            throw new IllegalArgumentException(name + ": a scenario needs routers and instances");
        }
        return sc;
    }

    private static Observation observation(List<String> w, String raw) {
        Observation o = Observation.parse(w, raw);
        if (o == null) {
            throw new IllegalArgumentException("neither an input nor an observation: '" + String.join(" ", w) + "'");
        }
        return o;
    }

    private static Target target(Scenario sc, String token) {
        need(token.endsWith(":"), "target '" + token + "' must end with ':'");
        String t = token.substring(0, token.length() - 1);
        int slash = t.indexOf('/');
        String node = slash < 0 ? t : t.substring(0, slash);
        need(sc.nodes.containsKey(node), "unknown router '" + node + "'");
        return new Target(node, slash < 0 ? null : t.substring(slash + 1));
    }

    static Map<String, String> keys(List<String> words) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                m.put(w, "true");
            } else {
                m.put(w.substring(0, eq), w.substring(eq + 1));
            }
        }
        return m;
    }

    /** Whitespace-separated words; "double quoted" words keep their spaces; # starts a comment. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unmatched quote");
                }
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    private static void need(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    private static IllegalArgumentException error(String name, int line, String raw, String msg) {
        return new IllegalArgumentException(name + ":" + line + ": " + msg + "\n    " + raw);
    }
}
