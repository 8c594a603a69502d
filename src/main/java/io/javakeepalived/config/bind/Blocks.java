package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;

import java.util.ArrayList;
import java.util.List;

/** Helpers for blocks of items (keepalived's alloc_value_block / read_value_block). */
final class Blocks {
    private Blocks() {
    }

    /**
     * The lines of an item block. keepalived complains about words after the block keyword; a
     * line inside that opens a block of its own is not an item line (its block is ignored).
     */
    static List<ConfigNode> lines(ConfigNode block, BindContext c) {
        if (block.argCount() > 0) {
            c.error(block, "Block " + block.keyword() + " has extra parameters " + block.arg(0)
                    + " ..., expected only '{'");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (ConfigNode child : block.children()) {
            if (child.hasBlock()) {
                c.report(ConfigErrorKind.UNEXPECTED_BLOCK_START, child.location(), "Unexpected '{' after '"
                        + String.join(" ", child.words()) + "' in " + block.keyword() + ", expected plain lines"
                        + " - ignoring its block");
            }
            out.add(child);
        }
        return out;
    }

    /** Every word of every line of an item block (read_value_block). */
    static List<String> items(ConfigNode block, BindContext c) {
        List<String> out = new ArrayList<>();
        for (ConfigNode line : lines(block, c)) {
            out.addAll(line.words());
        }
        return out;
    }
}
