package io.javakeepalived.testsupport;

import io.javakeepalived.config.host.UserDirectory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Users and groups for tests; the process runs as root unless told otherwise. */
public final class FakeUsers implements UserDirectory {
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Integer> groups = new HashMap<>();
    private int uid;
    private int gid;

    public FakeUsers() {
        user("root", 0, 0);
        group("root", 0);
    }

    public FakeUsers user(String name, int u, int g) {
        users.put(name, new User(name, u, g));
        return this;
    }

    public FakeUsers group(String name, int g) {
        groups.put(name, g);
        return this;
    }

    public FakeUsers runningAs(int u, int g) {
        uid = u;
        gid = g;
        return this;
    }

    @Override
    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public Optional<Integer> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public int processUid() {
        return uid;
    }

    @Override
    public int processGid() {
        return gid;
    }
}
