package io.javakeepalived.config.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Users from /etc/passwd and groups from /etc/group (files only: keepalived hosts rarely
 * resolve script users through NSS services, and a config check must not block on them).
 */
final class SystemUserDirectory implements UserDirectory {
    private final Path passwd;
    private final Path groups;
    private final Path status;

    SystemUserDirectory() {
        this(Path.of("/etc/passwd"), Path.of("/etc/group"), Path.of("/proc/self/status"));
    }

    SystemUserDirectory(Path passwd, Path groups, Path status) {
        this.passwd = passwd;
        this.groups = groups;
        this.status = status;
    }

    @Override
    public Optional<User> user(String name) {
        for (String line : lines(passwd)) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(name)) {
                try {
                    return Optional.of(new User(name, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Integer> group(String name) {
        for (String line : lines(groups)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                try {
                    return Optional.of(Integer.parseInt(f[2]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public int processUid() {
        return statusId("Uid:");
    }

    @Override
    public int processGid() {
        return statusId("Gid:");
    }

    private int statusId(String key) {
        for (String line : lines(status)) {
            if (line.startsWith(key)) {
                String[] f = line.substring(key.length()).trim().split("\\s+");
                try {
                    return Integer.parseInt(f[1]); // effective id
                } catch (RuntimeException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
