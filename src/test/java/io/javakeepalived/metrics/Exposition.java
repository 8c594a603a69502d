package io.javakeepalived.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus text format 0.0.4 for tests, with the rules Prometheus' own parser
 * enforces: metric and label names, label value escapes, one HELP and one TYPE per family before
 * its samples, a family's samples together, no duplicate series, values Go's ParseFloat reads.
 */
final class Exposition {

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String n) {
            return labels.get(n);
        }
    }

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, String> helps = new LinkedHashMap<>();

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[+-]?(Inf|NaN|\\d+(\\.\\d*)?([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)");

    static Exposition parse(String text) {
        Exposition e = new Exposition();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("text must end with a newline");
        }
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ", 2);
                check(NAME, p[0], line);
                if (!p[0].equals(current)) {
                    if (current != null) {
                        closed.add(current);
                    }
                    if (closed.contains(p[0])) {
                        throw new IllegalArgumentException("family " + p[0] + " appears twice");
                    }
                    current = p[0];
                }
                Map<String, String> into = line.startsWith("# HELP ") ? e.helps : e.types;
                if (into.put(p[0], p.length > 1 ? p[1] : "") != null) {
                    throw new IllegalArgumentException("second HELP/TYPE: " + line);
                }
                if (into == e.types && !List.of("counter", "gauge", "untyped", "summary", "histogram").contains(p[1])) {
                    throw new IllegalArgumentException("type: " + line);
                }
                continue;
            }
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            Sample s = sample(line);
            if (!s.name().equals(current)) {
                throw new IllegalArgumentException("sample outside its family (" + current + "): " + line);
            }
            if (!e.types.containsKey(current)) {
                throw new IllegalArgumentException("sample before TYPE: " + line);
            }
            if (!series.add(s.name() + s.labels())) {
                throw new IllegalArgumentException("duplicate series: " + line);
            }
            e.samples.add(s);
        }
        return e;
    }

    private static void check(Pattern p, String s, String line) {
        if (!p.matcher(s).matches()) {
            throw new IllegalArgumentException("bad name '" + s + "' in: " + line);
        }
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        check(NAME, name, line);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String ln = line.substring(i, eq);
                check(LABEL, ln, line);
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted: " + line);
                }
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        switch (n) {
                            case '\\' -> v.append('\\');
                            case '"' -> v.append('"');
                            case 'n' -> v.append('\n');
                            default -> throw new IllegalArgumentException("bad escape: " + line);
                        }
                    } else {
                        v.append(c);
                    }
                }
                if (labels.put(ln, v.toString()) != null) {
                    throw new IllegalArgumentException("label twice: " + line);
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (line.charAt(i) != ' ') {
            throw new IllegalArgumentException("no space before value: " + line);
        }
        String value = line.substring(i + 1);
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad value '" + value + "' in: " + line);
        }
        double d = value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(value);
        return new Sample(name, labels, d);
    }

    List<Sample> family(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The one sample of {@code name} whose labels include {@code labels} (name, value, ...). */
    Sample one(String name, String... labels) {
        List<Sample> found = family(name).stream().filter(s -> {
            for (int k = 0; k < labels.length; k += 2) {
                if (!labels[k + 1].equals(s.label(labels[k]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + List.of(labels) + " in " + samples);
        }
        return found.get(0);
    }
}
