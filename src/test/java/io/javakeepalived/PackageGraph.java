package io.javakeepalived;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which package uses which, with the evidence (file:line) for every edge, and a search for a
 * cycle that names its path. Nodes and edges are kept sorted, so the cycle reported is the same
 * on every run.
 */
final class PackageGraph {

    private final Map<String, Map<String, SortedSet<String>>> edges = new TreeMap<>();

    /** Records that {@code from} uses {@code to}, seen at {@code evidence}; a self-use is ignored. */
    PackageGraph add(String from, String to, String evidence) {
        if (!from.equals(to)) {
            edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(evidence);
        }
        return this;
    }

    /** The places where {@code from} uses {@code to}; empty if it does not. */
    SortedSet<String> evidence(String from, String to) {
        return edges.getOrDefault(from, Map.of()).getOrDefault(to, new TreeSet<>());
    }

    Set<String> nodes() {
        Set<String> all = new TreeSet<>(edges.keySet());
        edges.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    /**
     * A cycle, as the packages along it with the first repeated at the end
     * ({@code [a, b, c, a]}), or empty if the graph has none.
     */
    Optional<List<String>> findCycle() {
        Set<String> done = new HashSet<>();
        for (String start : nodes()) {
            if (!done.contains(start)) {
                Optional<List<String>> found = search(start, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Depth-first from {@code start} with an explicit stack; a use of a node on the path closes a cycle. */
    private Optional<List<String>> search(String start, Set<String> done) {
        List<String> path = new ArrayList<>();
        Set<String> onPath = new HashSet<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        path.add(start);
        onPath.add(start);
        pending.push(edges.getOrDefault(start, Map.of()).keySet().iterator());
        while (!pending.isEmpty()) {
            Iterator<String> next = pending.peek();
            if (!next.hasNext()) {
                pending.pop();
                String left = path.remove(path.size() - 1);
                onPath.remove(left);
                done.add(left);
                continue;
            }
            String to = next.next();
            if (onPath.contains(to)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(to), path.size()));
                cycle.add(to);
                return Optional.of(cycle);
            }
            if (!done.contains(to)) {
                path.add(to);
                onPath.add(to);
                pending.push(edges.getOrDefault(to, Map.of()).keySet().iterator());
            }
        }
        return Optional.empty();
    }

    /** The cycle for a failure message: the path, then where each of its steps is made. */
    String describe(List<String> cycle) {
        StringBuilder b = new StringBuilder("package cycle: ");
        b.append(String.join(" -> ", cycle.stream().map(SourceScan::shortName).toList()));
        for (int i = 0; i + 1 < cycle.size(); i++) {
            SortedSet<String> where = evidence(cycle.get(i), cycle.get(i + 1));
            b.append("\n  ").append(SourceScan.shortName(cycle.get(i))).append(" -> ")
                    .append(SourceScan.shortName(cycle.get(i + 1))).append(": ")
                    .append(String.join(", ", where.stream().limit(5).toList()))
                    .append(where.size() > 5 ? " and " + (where.size() - 5) + " more" : "");
        }
        return b.toString();
    }
}
