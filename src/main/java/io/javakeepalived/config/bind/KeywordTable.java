package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of one kind of block and what to do with each: keepalived's install_keyword
 * tables as data. A line whose keyword is not in the table is reported as
 * {@code Unknown keyword 'x'} and skipped together with any block it opens.
 *
 * @param <D> the draft the block fills in
 */
final class KeywordTable<D> {

    @FunctionalInterface
    interface Handler<D> {
        void handle(D draft, ConfigNode node, BindContext ctx) throws ConfigFatalException;
    }

    /** Whether a keyword opens a block. */
    enum Shape {
        /** a plain line; a block after it is unexpected */
        LINE,
        /** opens a block of keywords or items; the handler reads the children */
        BLOCK
    }

    private record Entry<D>(Handler<D> handler, Shape shape) {
    }

    private final String blockName;
    private final Map<String, Entry<D>> entries = new HashMap<>();

    KeywordTable(String blockName) {
        this.blockName = blockName;
    }

    KeywordTable<D> line(String keyword, Handler<D> handler) {
        entries.put(keyword, new Entry<>(handler, Shape.LINE));
        return this;
    }

    KeywordTable<D> block(String keyword, Handler<D> handler) {
        entries.put(keyword, new Entry<>(handler, Shape.BLOCK));
        return this;
    }

    /** Keywords accepted and otherwise ignored, each recorded by the sink. */
    KeywordTable<D> accepted(Set<String> keywords, Handler<D> sink) {
        for (String k : keywords) {
            entries.put(k, new Entry<>(sink, Shape.LINE));
        }
        return this;
    }

    /**
     * Adds every keyword of {@code part}: for a block whose keywords come from several areas,
     * as keepalived's global_defs gets its keywords from the VRRP, checker and BFD parts.
     */
    KeywordTable<D> with(KeywordTable<D> part) {
        entries.putAll(part.entries);
        return this;
    }

    boolean knows(String keyword) {
        return entries.containsKey(keyword);
    }

    String blockName() {
        return blockName;
    }

    /** Every keyword of the table, for {@link AcceptedKeywords}; read-only. */
    Set<String> keywords() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    void dispatch(D draft, List<ConfigNode> nodes, BindContext ctx) throws ConfigFatalException {
        for (ConfigNode node : nodes) {
            dispatch(draft, node, ctx);
        }
    }

    void dispatch(D draft, ConfigNode node, BindContext ctx) throws ConfigFatalException {
        Entry<D> entry = entries.get(node.keyword());
        if (entry == null) {
            ctx.unknownKeyword(node);
            return;
        }
        if (entry.shape() == Shape.LINE && node.hasBlock()) {
            ctx.report(ConfigErrorKind.UNEXPECTED_BLOCK_START, node.location(), "Unexpected '{' after '"
                    + node.keyword() + "' in " + blockName + ", expected no block - ignoring the block");
        } else if (entry.shape() == Shape.BLOCK && !node.hasBlock()) {
            ctx.report(ConfigErrorKind.MISSING_BLOCK_START, node.location(), "Missing '{' after '"
                    + node.keyword() + "' in " + blockName + ", expected a block");
        }
        entry.handler().handle(draft, node, ctx);
    }
}
