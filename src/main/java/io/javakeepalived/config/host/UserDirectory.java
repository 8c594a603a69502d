package io.javakeepalived.config.host;

import java.util.Optional;

/**
 * User and group names as getpwnam(3)/getgrnam(3) resolve them, and the ids this process runs
 * with (keepalived falls back to its own ids for scripts when no script user is configured and
 * user {@code keepalived_script} does not exist).
 */
public interface UserDirectory {

    /** A user: its uid and primary gid. */
    record User(String name, int uid, int gid) {
    }

    Optional<User> user(String name);

    /** The gid of a group name. */
    Optional<Integer> group(String name);

    /** The uid this process runs as (keepalived runs as root: 0). */
    int processUid();

    /** The gid this process runs as. */
    int processGid();

    /** /etc/passwd and /etc/group of this host, and this process's ids from /proc/self/status. */
    static UserDirectory system() {
        return new SystemUserDirectory();
    }
}
