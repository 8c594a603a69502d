package io.javakeepalived.config;

import java.util.List;
import java.util.Objects;

/**
 * One logical line of keepalived.conf after the lexer has expanded definitions, sequences,
 * conditionals and includes: its words and, when the line opens a {@code { ... }} block,
 * the lines inside it.
 *
 * <p>keepalived blocks hold two kinds of lines: keywords ({@code priority 100}) and bare
 * items ({@code 10.0.0.1/24 dev eth0} inside {@code virtual_ipaddress}). Both are nodes
 * here; the first word is the keyword or the item. Quotes are already removed, so
 * {@code words} holds what keepalived's strvec holds.
 *
 * @param words     the tokens of the line, never empty
 * @param children  the lines of the block the line opens; empty when it opens none
 * @param hasBlock  whether the line opened a block (an empty {@code {}} still counts)
 * @param location  file and line of the first word
 */
public record ConfigNode(List<String> words, List<ConfigNode> children, boolean hasBlock,
                         SourceLocation location) {

    public ConfigNode {
        words = List.copyOf(words);
        children = List.copyOf(children);
        Objects.requireNonNull(location, "location");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a config line has at least one word");
        }
    }

    /** A line without a block. */
    public static ConfigNode line(SourceLocation location, List<String> words) {
        return new ConfigNode(words, List.of(), false, location);
    }

    /** A line that opens a block. */
    public static ConfigNode block(SourceLocation location, List<String> words, List<ConfigNode> children) {
        return new ConfigNode(words, children, true, location);
    }

    public String keyword() {
        return words.get(0);
    }

    /** The words after the keyword. */
    public List<String> args() {
        return words.subList(1, words.size());
    }

    /** Number of words after the keyword. */
    public int argCount() {
        return words.size() - 1;
    }

    /** The i-th word after the keyword (0-based), or null if the line is shorter. */
    public String arg(int i) {
        return i + 1 < words.size() ? words.get(i + 1) : null;
    }
}
