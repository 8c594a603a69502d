package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the {@link ConfigNode} tree from logical lines, by syntax alone (it does not know
 * which keywords take blocks; the binder does).
 *
 * <ul>
 *   <li>A '{' opens a block on the line just before it at the same level, when that line
 *       has no block yet ({@code keyword {}, or the '{' on a following line).</li>
 *   <li>Any other '{' is reported (UNEXPECTED_BLOCK_START) and ignored; the lines up to
 *       its '}' stay at the current level.</li>
 *   <li>A '}' closes the innermost open block; with none open it is reported
 *       (UNEXPECTED_BLOCK_END, "Extra '}' found") and ignored.</li>
 *   <li>At the end, every block still open is reported (MISSING_BLOCK_END) and closed.</li>
 *   <li>Blocks nest at most {@value #MAX_DEPTH} deep (keepalived's own configuration is 4
 *       deep); a '{' below that is reported and ignored, so junk cannot build a tree that
 *       overflows the stack of whoever walks it.</li>
 * </ul>
 */
final class BlockBuilder {
    static final int MAX_DEPTH = 100;

    private static final class PendingNode {
        final SourceLocation location;
        final List<String> words;
        List<PendingNode> children;

        PendingNode(SourceLocation location, List<String> words) {
            this.location = location;
            this.words = words;
        }
    }

    /** An open level: a real block, or the contents of an ignored '{' (which add to their parent). */
    private static final class Frame {
        final List<PendingNode> lines;
        final PendingNode owner;
        final SourceLocation openedAt;
        final int depth;
        PendingNode lastLine;

        Frame(List<PendingNode> lines, PendingNode owner, SourceLocation openedAt, int depth) {
            this.lines = lines;
            this.owner = owner;
            this.openedAt = openedAt;
            this.depth = depth;
        }
    }

    private final Reporter reporter;
    private final List<PendingNode> top = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private boolean depthReported;

    BlockBuilder(Reporter reporter) {
        this.reporter = reporter;
        frames.push(new Frame(top, null, null, 0));
    }

    void accept(LogicalLine line) {
        switch (line.kind()) {
            case WORDS -> words(line);
            case BLOCK_START -> open(line.location());
            case BLOCK_END -> close(line.location());
        }
    }

    /** The keyword of the innermost open block, or null at the top level. */
    String enclosingKeyword() {
        for (Frame frame : frames) {
            if (frame.owner != null) {
                return frame.owner.words.get(0);
            }
        }
        return null;
    }

    private void words(LogicalLine line) {
        Frame frame = frames.peek();
        PendingNode node = new PendingNode(line.location(), line.words());
        frame.lines.add(node);
        frame.lastLine = node;
    }

    private void open(SourceLocation location) {
        Frame frame = frames.peek();
        PendingNode owner = frame.lastLine;
        frame.lastLine = null;
        if (owner != null && owner.children == null && frame.depth < MAX_DEPTH) {
            owner.children = new ArrayList<>();
            frames.push(new Frame(owner.children, owner, location, frame.depth + 1));
            return;
        }
        if (owner != null && owner.children == null) {
            if (!depthReported) {
                depthReported = true;
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Blocks nested more than " + MAX_DEPTH
                        + " deep, expected at most " + MAX_DEPTH + " levels - ignoring this '{' and its '}'");
            }
        } else {
            reporter.error(ConfigErrorKind.UNEXPECTED_BLOCK_START, location, "Unexpected '{', expected it after a"
                    + " keyword line that opens a block - ignoring it and its '}'");
        }
        frames.push(new Frame(frame.lines, null, location, frame.depth));
    }

    private void close(SourceLocation location) {
        if (frames.size() == 1) {
            reporter.error(ConfigErrorKind.UNEXPECTED_BLOCK_END, location,
                    "Extra '}' found, expected '}' only to close an open block");
            return;
        }
        frames.pop();
        frames.peek().lastLine = null;
    }

    /** Closes what is still open (reporting it) and returns the top-level lines. */
    List<ConfigNode> finish() {
        List<Frame> unclosed = new ArrayList<>();
        while (frames.size() > 1) {
            unclosed.add(0, frames.pop());
        }
        for (Frame frame : unclosed) {
            if (frame.owner != null) {
                reporter.error(ConfigErrorKind.MISSING_BLOCK_END, frame.owner.location, "Block '"
                        + describe(frame.owner) + "' is not closed, expected '}' before the end of the configuration");
            } else {
                reporter.error(ConfigErrorKind.MISSING_BLOCK_END, frame.openedAt,
                        "'{' is not closed, expected '}' before the end of the configuration");
            }
        }
        return build(top);
    }

    private static String describe(PendingNode node) {
        return DefinitionExpander.abbreviate(String.join(" ", node.words));
    }

    private static List<ConfigNode> build(List<PendingNode> lines) {
        List<ConfigNode> nodes = new ArrayList<>(lines.size());
        for (PendingNode line : lines) {
            nodes.add(line.children == null
                    ? ConfigNode.line(line.location, line.words)
                    : ConfigNode.block(line.location, line.words, build(line.children)));
        }
        return nodes;
    }
}
