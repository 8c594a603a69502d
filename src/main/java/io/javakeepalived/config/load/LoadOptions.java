package io.javakeepalived.config.load;

import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.syntax.ConfigReader;
import io.javakeepalived.config.syntax.ReaderOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How {@link ConfigLoader} reads a configuration and what host it checks it against.
 *
 * @param configId         the {@code -i} value for {@code @ID} lines (null matches none)
 * @param interfaces       the network interfaces that exist
 * @param files            the file system seen by the script checks
 * @param users            users and groups for script_user and script lines
 * @param namespaceExists  whether a network namespace can be entered (keepalived, asked to run in
 *                         a net_namespace it cannot enter, stops right after reading the
 *                         global part - even under {@code -t}, with status 0)
 * @param readerOptions    options of the keepalived.conf reader
 */
public record LoadOptions(String configId, InterfaceDirectory interfaces, FileSystemView files, UserDirectory users,
                          Predicate<String> namespaceExists, ReaderOptions readerOptions) {

    public LoadOptions {
        Objects.requireNonNull(interfaces, "interfaces");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(namespaceExists, "namespaceExists");
        Objects.requireNonNull(readerOptions, "readerOptions");
    }

    /**
     * This host: the host name as config id, interfaces from /sys/class/net, the real file
     * system and PATH, /etc/passwd, namespaces from /run/netns (as {@code ip netns} makes them).
     */
    public static LoadOptions defaults() {
        return new LoadOptions(ConfigReader.defaultConfigId(), InterfaceDirectory.system(), FileSystemView.system(),
                UserDirectory.system(), LoadOptions::netnsExists, ReaderOptions.defaults());
    }

    private static boolean netnsExists(String name) {
        if (name.isEmpty() || name.contains("/")) {
            return false;
        }
        return Files.exists(Path.of("/run/netns", name)) || Files.exists(Path.of("/var/run/netns", name));
    }

    public LoadOptions withConfigId(String id) {
        return new LoadOptions(id, interfaces, files, users, namespaceExists, readerOptions);
    }

    public LoadOptions withInterfaces(InterfaceDirectory dir) {
        return new LoadOptions(configId, dir, files, users, namespaceExists, readerOptions);
    }

    public LoadOptions withFiles(FileSystemView view) {
        return new LoadOptions(configId, interfaces, view, users, namespaceExists, readerOptions);
    }

    public LoadOptions withUsers(UserDirectory dir) {
        return new LoadOptions(configId, interfaces, files, dir, namespaceExists, readerOptions);
    }

    public LoadOptions withNamespaceExists(Predicate<String> test) {
        return new LoadOptions(configId, interfaces, files, users, test, readerOptions);
    }

    public LoadOptions withReaderOptions(ReaderOptions options) {
        return new LoadOptions(configId, interfaces, files, users, namespaceExists, options);
    }
}
