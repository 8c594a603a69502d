package io.javakeepalived.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Comments, quoting and escapes. */
class CommentsAndQuotesTest {
    @TempDir
    Path dir;
    TestConfig config;

    @BeforeEach
    void setUp() {
        config = new TestConfig(dir);
    }

    @Test
    void commentsStartWithBangOrHashAnywhereOutsideDoubleQuotes() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "! whole-line comment",
                "# another",
                "   # indented comment",
                "global_defs { # after a brace",
                "   router_id r1 ! trailing comment",
                "   notification_email_from \"a#b!c@d\" # quoted marks are kept",
                "   smtp_server 10.0.0.1#25",
                "   literal \\# and \\!",
                "}");
        assertEquals("""
                global_defs {
                  router_id r1
                  notification_email_from a#b!c@d
                  smtp_server 10.0.0.1
                  literal # and !
                }
                """, TestConfig.dump(nodes));
        assertTrue(config.diagnostics.isEmpty(), config.diagnostics.all().toString());
    }

    @Test
    void hashAndBangDefinitionsGiveLiteralMarksInsideQuotes() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "script \"/bin/echo ${_HASH}1 ${_BANG}2\"",
                "word ${_HASH} gone");
        // keepalived 2.2.7 strips comments again after replacing definitions, so outside
        // double quotes the replaced '#' starts a comment, exactly as in keepalived.
        assertEquals("""
                script </bin/echo #1 !2>
                word
                """, TestConfig.dump(nodes));
    }

    @Test
    void quotesKeepWhitespaceAndAreRemoved() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "notify_master \"/usr/local/bin/vrrp.sh  MASTER 'a b'\" root",
                "single 'one two' three",
                "joined abcd\" efg h jkl \"mnop",
                "split abcd \"efg h jkl\" mnop",
                "empty \"\" ''");
        assertEquals(List.of("notify_master", "/usr/local/bin/vrrp.sh  MASTER 'a b'", "root"), nodes.get(0).words());
        assertEquals(List.of("single", "one two", "three"), nodes.get(1).words());
        assertEquals(List.of("joined", "abcd efg h jkl mnop"), nodes.get(2).words());
        assertEquals(List.of("split", "abcd", "efg h jkl", "mnop"), nodes.get(3).words());
        assertEquals(List.of("empty", "", ""), nodes.get(4).words());
    }

    @Test
    void escapesAreDecodedLikeKeepalived() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "esc \"tab\\there\" \"q\\\"uote\" back\\\\slash \\x41\\x4a2 \\101\\0 \\cA \\E \\z");
        assertEquals(List.of("esc", "tab\there", "q\"uote", "back\\slash", "AJ2", "A\0", "\u0001", "\u001b", "z"),
                nodes.get(0).words());
    }

    @Test
    void bracesInsideDoubleQuotesAreWords() throws Exception {
        List<ConfigNode> nodes = config.readLines("file \"{{ track_files }}4\"");
        assertEquals(List.of("file", "{{ track_files }}4"), nodes.get(0).words());
    }

    @Test
    void unmatchedQuoteIsReportedAndTheRestOfTheLineDropped() throws Exception {
        List<ConfigNode> nodes = config.readLines(
                "vrrp_instance VI_1 {",
                "  notify_master \"/bin/true arg",
                "  auth_pass 'secret",
                "  priority 100",
                "}");
        assertEquals("""
                vrrp_instance VI_1 {
                  notify_master
                  auth_pass
                  priority 100
                }
                """, TestConfig.dump(nodes));
        List<Diagnostic> quotes = config.problems(ConfigErrorKind.UNMATCHED_QUOTE);
        assertEquals(2, quotes.size(), config.diagnostics.all().toString());
        assertEquals(new SourceLocation(dir.resolve("keepalived.conf").toString(), 2), quotes.get(0).location());
        assertTrue(quotes.get(0).message().contains("no closing \""), quotes.get(0).message());
        assertTrue(quotes.get(1).message().contains("no closing '"), quotes.get(1).message());
    }

    @Test
    void windowsLineEndingsAndTrailingBlanksAreIgnored() throws Exception {
        config.writeRaw("keepalived.conf", "global_defs {\r\n  router_id r1 \t\r\n}\r\n");
        assertEquals("""
                global_defs {
                  router_id r1
                }
                """, TestConfig.dump(config.read("keepalived.conf")));
    }

    @Test
    void tokenizerStrictSplitRefusesWhatKeepalivedRefusesForScripts() {
        assertEquals(List.of("/bin/x.sh", "a b", "c"), Tokenizer.splitQuotedEscaped("/bin/x.sh 'a b' c").orElseThrow());
        assertTrue(Tokenizer.splitQuotedEscaped("/bin/x.sh 'a b").isEmpty());
        assertTrue(Tokenizer.splitQuotedEscaped("/bin/x.sh \\").isEmpty());
    }
}
