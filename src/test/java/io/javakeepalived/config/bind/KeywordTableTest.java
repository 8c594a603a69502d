package io.javakeepalived.config.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostics;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dispatch table on hand-built trees, without the reader. */
class KeywordTableTest {
    private final Diagnostics d = new Diagnostics();
    private final BindContext c = new BindContext(d, InterfaceDirectory.of("eth0"), new FakeFileSystem(),
            new FakeUsers());

    private static SourceLocation at(int line) {
        return new SourceLocation("t.conf", line);
    }

    @Test
    void dispatchesKnownKeywordsAndReportsUnknownOnes() throws ConfigFatalException {
        List<String> seen = new ArrayList<>();
        KeywordTable<List<String>> t = new KeywordTable<List<String>>("test")
                .line("alpha", (l, n, x) -> l.add("alpha " + n.args()))
                .block("beta", (l, n, x) -> l.add("beta " + n.children().size()));
        t.dispatch(seen, List.of(
                ConfigNode.line(at(1), List.of("alpha", "1")),
                ConfigNode.block(at(2), List.of("gamma"), List.of(ConfigNode.line(at(3), List.of("alpha")))),
                ConfigNode.block(at(4), List.of("beta"), List.of(ConfigNode.line(at(5), List.of("x")))),
                ConfigNode.block(at(6), List.of("alpha"), List.of()),
                ConfigNode.line(at(7), List.of("beta"))), c);
        assertEquals(List.of("alpha [1]", "beta 1", "alpha []", "beta 0"), seen, "gamma's block is skipped");
        assertEquals(ConfigErrorKind.UNKNOWN_KEYWORD, d.all().get(0).kind());
        assertEquals("t.conf:2: Unknown keyword 'gamma'", d.all().get(0).toString());
        assertEquals(ConfigErrorKind.UNEXPECTED_BLOCK_START, d.all().get(1).kind());
        assertEquals(ConfigErrorKind.MISSING_BLOCK_START, d.all().get(2).kind());
        assertEquals(5, d.exitCode());
    }

    @Test
    void missingParameterMessage() {
        ConfigNode n = ConfigNode.line(at(9), List.of("priority"));
        ConfigFatalException e = assertThrows(ConfigFatalException.class, () -> Args.need(n, 0, "an integer 1-255"));
        assertEquals("t.conf:9: keyword 'priority' is missing its parameter, expected an integer 1-255",
                e.getMessage());
        assertEquals(ConfigErrorKind.MISSING_PARAMETER, e.diagnostic().kind());
        assertEquals(0, e.getStackTrace().length, "no stack trace: the message is the whole story");
        ConfigNode two = ConfigNode.line(at(9), List.of("lvs_sync_daemon", "eth0"));
        assertEquals("t.conf:9: keyword 'lvs_sync_daemon' is missing parameter 2, expected x",
                Args.missing(two, 1, "x").getMessage());
    }

    @Test
    void bindingAHandBuiltInstance() throws ConfigFatalException {
        ConfigNode vi = ConfigNode.block(at(1), List.of("vrrp_instance", "VI_1"), List.of(
                ConfigNode.line(at(2), List.of("interface", "eth0")),
                ConfigNode.line(at(3), List.of("virtual_router_id", "9")),
                ConfigNode.line(at(4), List.of("priority", "120")),
                ConfigNode.block(at(5), List.of("virtual_ipaddress"), List.of(
                        ConfigNode.line(at(6), List.of("10.0.0.1/24", "dev", "eth0"))))));
        var model = Binder.bind(List.of(vi), d, new Binder.Host(InterfaceDirectory.of("eth0"), new FakeFileSystem(),
                new FakeUsers()));
        assertEquals(0, d.exitCode(), () -> d.all().toString());
        var v = model.instance("VI_1").orElseThrow();
        assertEquals(120, v.priority());
        assertEquals(9, v.vrid());
        assertEquals(at(1), v.location());
        assertEquals(at(6), v.virtualAddresses().get(0).location());
    }
}
