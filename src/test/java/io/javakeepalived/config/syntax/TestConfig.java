package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.Diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes configuration files into a directory, reads them back, and renders trees compactly. */
final class TestConfig {
    final Path dir;
    final Diagnostics diagnostics = new Diagnostics();
    final List<String> notes = new ArrayList<>();

    TestConfig(Path dir) {
        this.dir = dir;
    }

    /** Writes the lines (joined with '\n', plus a final '\n') to dir/name, creating directories. */
    Path write(String name, String... lines) {
        return writeRaw(name, String.join("\n", lines) + "\n");
    }

    Path writeRaw(String name, String content) {
        return writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ConfigNode> read(String name) throws ConfigFatalException {
        return read(name, "test");
    }

    List<ConfigNode> read(String name, String configId) throws ConfigFatalException {
        return ConfigReader.read(dir.resolve(name), configId, diagnostics,
                ReaderOptions.defaults().withRandomSeed(42).withNotes(notes::add));
    }

    List<ConfigNode> readWithLimits(String name, Limits limits) throws ConfigFatalException {
        return ConfigReader.read(dir.resolve(name), "test", diagnostics,
                ReaderOptions.defaults().withRandomSeed(42).withNotes(notes::add), limits);
    }

    /** Reads a single main file given as lines. */
    List<ConfigNode> readLines(String... lines) throws ConfigFatalException {
        write("keepalived.conf", lines);
        return read("keepalived.conf");
    }

    List<Diagnostic> problems(ConfigErrorKind kind) {
        return diagnostics.all().stream().filter(d -> d.kind() == kind).toList();
    }

    /** The tree as indented text: one node per line, words separated by spaces. */
    static String dump(List<ConfigNode> nodes) {
        StringBuilder out = new StringBuilder();
        dump(nodes, "", out);
        return out.toString();
    }

    private static void dump(List<ConfigNode> nodes, String indent, StringBuilder out) {
        for (ConfigNode node : nodes) {
            out.append(indent);
            List<String> rendered = new ArrayList<>();
            for (String word : node.words()) {
                rendered.add(word.isEmpty() || word.chars().anyMatch(c -> c <= ' ') ? "<" + word + ">" : word);
            }
            out.append(String.join(" ", rendered));
            if (node.hasBlock()) {
                out.append(" {\n");
                dump(node.children(), indent + "  ", out);
                out.append(indent).append("}");
            }
            out.append('\n');
        }
    }

    /** All nodes, depth first. */
    static List<ConfigNode> flatten(List<ConfigNode> nodes) {
        List<ConfigNode> all = new ArrayList<>();
        for (ConfigNode node : nodes) {
            all.add(node);
            all.addAll(flatten(node.children()));
        }
        return all;
    }
}
