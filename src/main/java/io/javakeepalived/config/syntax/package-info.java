/**
 * keepalived.conf reader: files in, {@link io.javakeepalived.config.ConfigNode} tree out.
 * Entry point {@link io.javakeepalived.config.syntax.ConfigReader}.
 *
 * <h2>What the tree means (for the binder)</h2>
 * <ul>
 *   <li>Every unquoted brace is structure, never a word. A line followed by '{' (on the same
 *       line or a later one) has {@code hasBlock() == true}, for any keyword: the reader does
 *       not know which keywords take blocks. An unknown keyword's block is in the tree as its
 *       children (keepalived would instead read its contents at the enclosing level); the
 *       binder should warn once and skip it.</li>
 *   <li>Words are split with keepalived's quoted/escaped rules (keepalived.conf(5) "Quoted
 *       strings"): {@code "} and {@code '} quote, backslash escapes are decoded. keepalived
 *       itself only applies these rules to script lines and splits other keywords more
 *       simply; the two differ only for words containing {@code '}, {@code \} or a quote in
 *       the middle of a word.</li>
 *   <li>Script strings: keepalived splits the word after {@code notify_master},
 *       {@code script}, {@code misc_path} ... a second time into program and arguments;
 *       use {@link io.javakeepalived.config.syntax.Tokenizer#splitQuotedEscaped(String)} for
 *       that (empty result = keepalived's "Unable to parse script").</li>
 *   <li>Locations: a node carries the file and line its first word came from. All lines
 *       produced by one file line carry that line: the lines of a multi-line definition
 *       carry the line where {@code $NAME} was used (not where it was defined), ~SEQ/~LST
 *       copies carry the ~SEQ line, and {@code a { b }} gives three nodes on one line.
 *       Included files are named by the including file's directory joined with the match
 *       (e.g. {@code /etc/keepalived/conf.d/a.conf}).</li>
 *   <li>{@code include_check} inside {@code global_defs} is applied and validated by the
 *       reader; the binder should accept it without further action.</li>
 * </ul>
 *
 * <h2>Diagnostics the reader reports</h2>
 * FILE_NOT_FOUND (main file unusable; include problems under includer/m/w/b/a or
 * include_check), UNMATCHED_QUOTE, UNEXPECTED_BLOCK_START (a '{' with no line to open,
 * ignored with its '}'), UNEXPECTED_BLOCK_END ("Extra '}' found"), MISSING_BLOCK_END (blocks
 * open at the end; they are closed and kept), GENERAL_ERROR (bad ~SEQ/~LST, definitions that
 * use themselves, include loops, nesting limits). A plain {@code include} that matches
 * nothing is only a note ({@link io.javakeepalived.config.syntax.ReaderOptions#notes()}).
 * ConfigFatalException only for a configuration that expands without end.
 */
package io.javakeepalived.config.syntax;
