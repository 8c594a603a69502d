package io.javakeepalived.config.syntax;

import io.javakeepalived.config.SourceLocation;

import java.util.List;

/** A known list of already-decommented lines that all report the same location. */
final class FixedLines implements LineSupplier {
    private final List<String> lines;
    private final SourceLocation location;
    private final int depth;
    private int next;

    FixedLines(List<String> lines, SourceLocation location, int depth) {
        this.lines = List.copyOf(lines);
        this.location = location;
        this.depth = depth;
    }

    @Override
    public boolean exhausted() {
        return next >= lines.size();
    }

    @Override
    public Candidate next() {
        return next < lines.size() ? new Candidate(lines.get(next++), location, false, depth) : null;
    }
}
