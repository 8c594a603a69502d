package io.javakeepalived.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.ConfigLoader;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadOptions;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.syntax.ReaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Loads a configuration given as text through the whole pipeline (reader, binder,
 * validation) against a controlled host: interfaces lo, eth0, eth1 unless told otherwise, an
 * in-memory file system, root as the only user.
 */
public final class ConfigFixture {
    private InterfaceDirectory interfaces = InterfaceDirectory.of("lo", "eth0", "eth1");
    private FileSystemView files = FakeFileSystem.typicalHost();
    private UserDirectory users = new FakeUsers();
    private String configId = "testhost";

    public static ConfigFixture host() {
        return new ConfigFixture();
    }

    public ConfigFixture interfaces(String... names) {
        interfaces = InterfaceDirectory.of(names);
        return this;
    }

    public ConfigFixture interfaces(InterfaceDirectory dir) {
        interfaces = dir;
        return this;
    }

    public ConfigFixture files(FileSystemView fs) {
        files = fs;
        return this;
    }

    public ConfigFixture users(UserDirectory u) {
        users = u;
        return this;
    }

    public ConfigFixture configId(String id) {
        configId = id;
        return this;
    }

    public LoadResult load(String text) {
        try {
            Path dir = Files.createTempDirectory("jk-config");
            Path file = dir.resolve("keepalived.conf");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                return ConfigLoader.load(file, new LoadOptions(configId, interfaces, files, users, ns -> true,
                        ReaderOptions.defaults().withNotes(s -> { })));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads with the default host. */
    public static LoadResult load0(String text) {
        return host().load(text);
    }

    public static KeepalivedConfig model(LoadResult r) {
        return r.config().orElseThrow(() -> new AssertionError("no model:\n" + report(r)));
    }

    public static VrrpInstance instance(LoadResult r, String name) {
        return model(r).instance(name).orElseThrow(() -> new AssertionError("no instance " + name + "\n" + report(r)));
    }

    public static String report(LoadResult r) {
        return r.diagnostics().all().stream().map(d -> "  " + d.kind() + " " + d).collect(Collectors.joining("\n"));
    }

    public static void assertClean(LoadResult r) {
        assertEquals(0, r.exitCode(), () -> "expected no diagnostics:\n" + report(r));
    }

    /** Asserts that a diagnostic of that kind containing the fragment was reported. */
    public static Diagnostic assertReported(LoadResult r, ConfigErrorKind kind, String fragment) {
        for (Diagnostic d : r.diagnostics().all()) {
            if (d.kind() == kind && d.message().contains(fragment)) {
                return d;
            }
        }
        fail("expected " + kind + " containing '" + fragment + "', got:\n" + report(r));
        return null;
    }

    public static void assertNotReported(LoadResult r, String fragment) {
        for (Diagnostic d : r.diagnostics().all()) {
            assertTrue(!d.message().contains(fragment), () -> "unexpected '" + fragment + "':\n" + report(r));
        }
    }

    /** A minimal valid instance around the given extra lines. */
    public static String instance(String name, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n    interface eth0\n"
                + "    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n");
        for (String e : extra) {
            sb.append("    ").append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }
}
