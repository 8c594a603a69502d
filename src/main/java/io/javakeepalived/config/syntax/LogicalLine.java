package io.javakeepalived.config.syntax;

import io.javakeepalived.config.SourceLocation;

import java.util.List;

/**
 * One line as the block builder sees it: the words of a line, or a lone '{' or '}'.
 *
 * @param kind     words, block start or block end
 * @param words    the words (empty for a brace)
 * @param location file and line it came from
 */
record LogicalLine(BraceSplitter.Kind kind, List<String> words, SourceLocation location) {
}
