package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.daemon.ReloadSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The daemon's reload source reads the file as start-up does and refuses what start-up would. */
class ConfigReloadSourceTest {
    @TempDir
    Path dir;

    private Path conf;
    private Logger log;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void setUp() {
        conf = dir.resolve("keepalived.conf");
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        log = ctx.getLogger("test.reload." + System.nanoTime());
        log.setLevel(Level.DEBUG);
        log.setAdditive(false);
        lines.setContext(ctx);
        lines.start();
        log.addAppender(lines);
    }

    List<String> logged() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A host with eth0, as the lab nodes have; the real file system otherwise. */
    private final LoadOptions options = LoadOptions.defaults().withConfigId("host")
            .withInterfaces(InterfaceDirectory.of("lo", "eth0"));

    static String instance(String priority) {
        return "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority " + priority + "\n"
                + "    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n";
    }

    @Test
    void aGoodFileGivesThePlan() throws Exception {
        Files.writeString(conf, instance("150"));
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.empty(), log).load();
        ReloadSource.Loaded l = assertInstanceOf(ReloadSource.Loaded.class, o);
        assertEquals(150, l.plan().instance("VI_1").orElseThrow().settings().priority());
        assertTrue(logged().contains("Configuration file " + conf), logged()::toString);
    }

    @Test
    void aKeywordTheDaemonDoesNotActOnIsLoggedAtWarnOnReloadAsAtStart() throws Exception {
        // start-up logs through the same loadAndLog
        Files.writeString(conf, instance("150").replace("    priority", "    use_vmac_addr\n    priority"));
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.empty(), log).load();
        assertInstanceOf(ReloadSource.Loaded.class, o);
        List<ILoggingEvent> said = lines.list.stream()
                .filter(e -> e.getFormattedMessage().contains("is accepted for compatibility but not implemented"))
                .toList();
        assertEquals(1, said.size(), logged()::toString);
        assertEquals(Level.WARN, said.get(0).getLevel());
        assertTrue(said.get(0).getFormattedMessage().startsWith(conf + ":4: use_vmac_addr is accepted"),
                logged()::toString);
    }

    @Test
    void aFatalErrorIsRejectedAndLoggedWithFileAndLine() throws Exception {
        Files.writeString(conf, instance(""));
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.empty(), log).load();
        ReloadSource.Rejected r = assertInstanceOf(ReloadSource.Rejected.class, o);
        assertEquals("configuration error in " + conf, r.reason());
        assertTrue(logged().stream().anyMatch(l -> l.startsWith(conf + ":4: keyword 'priority' is missing")),
                logged()::toString);
        assertTrue(lines.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR), "errors at ERROR");
    }

    @Test
    void aMissingFileIsRejected() {
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.empty(), log).load();
        assertInstanceOf(ReloadSource.Rejected.class, o);
    }

    @Test
    void anotherNetNamespaceIsRejected() throws Exception {
        Files.writeString(conf, instance("100"));
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.of("blue"), log).load();
        ReloadSource.Rejected r = assertInstanceOf(ReloadSource.Rejected.class, o);
        assertTrue(r.reason().startsWith("net_namespace cannot change on reload"), r.reason());
    }

    @Test
    void aConfigurationVrrpCannotRunIsRejected() throws Exception {
        Files.writeString(conf, instance("100").replace("eth0", "eth9"));
        ReloadSource.Outcome o = new ConfigReloadSource(conf, options, Optional.empty(), log).load();
        ReloadSource.Rejected r = assertInstanceOf(ReloadSource.Rejected.class, o);
        assertTrue(r.reason().startsWith("VRRP cannot run with this configuration: " + conf + ":"), r.reason());
    }

    @Test
    void aPlainIncludeWhoseFileIsMissingForAMomentKeepsTheRunningConfiguration() throws Exception {
        Files.writeString(conf, "include instances.conf\n");
        Path included = dir.resolve("instances.conf");
        Files.writeString(included, instance("150"));
        ConfigReloadSource source = new ConfigReloadSource(conf, options, Optional.empty(), log);
        assertInstanceOf(ReloadSource.Loaded.class, source.load());

        Files.delete(included); // an editor or a deployment tool rewriting it
        ReloadSource.Rejected r = assertInstanceOf(ReloadSource.Rejected.class, source.load());
        assertTrue(r.reason().startsWith("1 include line(s) lost every file they matched"), r.reason());
        assertTrue(logged().contains(conf + ": include instances.conf matched a file before and matches none now"),
                logged()::toString);

        Files.writeString(included, instance("120"));
        ReloadSource.Loaded l = assertInstanceOf(ReloadSource.Loaded.class, source.load());
        assertEquals(120, l.plan().instance("VI_1").orElseThrow().settings().priority());
    }

    @Test
    void aGlobThatStillMatchesSomeFilesIsTakenAtItsWordAndAnIncludeLineRemovedIsNoLoss() throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(conf, "include conf.d/*.conf\n");
        Files.writeString(dir.resolve("conf.d/1.conf"), instance("150"));
        Files.writeString(dir.resolve("conf.d/2.conf"), instance("150").replace("VI_1", "VI_2").replace(" 51", " 52"));
        ConfigReloadSource source = new ConfigReloadSource(conf, options, Optional.empty(), log);
        assertInstanceOf(ReloadSource.Loaded.class, source.load());

        Files.delete(dir.resolve("conf.d/2.conf"));
        ReloadSource.Loaded l = assertInstanceOf(ReloadSource.Loaded.class, source.load());
        assertTrue(l.plan().instance("VI_2").isEmpty());

        Files.writeString(conf, instance("110"));
        assertInstanceOf(ReloadSource.Loaded.class, source.load());
    }
}
