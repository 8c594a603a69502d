package io.javakeepalived.config.bind;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.UserDirectory;

import java.util.Optional;

/**
 * Which uid/gid scripts run as, resolved as lib/notify.c does while the configuration is
 * read: a user on the script's own line, else script_user, else {@code keepalived_script} if
 * that user exists, else the daemon's own ids - but with enable_script_security a missing
 * {@code keepalived_script} is an error and such scripts are dropped.
 */
final class ScriptUsers {
    /** uid and gid. */
    record Ids(int uid, int gid) {
    }

    private static final String DEFAULT_USER = "keepalived_script";

    private final BindContext ctx;
    private boolean defaultSet;
    private boolean defaultFail;
    private Ids defaultIds;

    ScriptUsers(BindContext ctx) {
        this.ctx = ctx;
    }

    /** set_uid_gid: look up a user and optional group; notes why not when it fails. */
    Optional<Ids> resolve(String user, String group, SourceLocation at) {
        UserDirectory users = ctx.users;
        Optional<UserDirectory.User> u = users.user(user);
        if (u.isEmpty()) {
            ctx.note(at, "Script user '" + user + "' does not exist");
            return Optional.empty();
        }
        int gid = u.get().gid();
        if (group != null) {
            Optional<Integer> g = users.group(group);
            if (g.isEmpty()) {
                ctx.note(at, "Script group '" + group + "' does not exist");
                return Optional.empty();
            }
            gid = g.get();
        }
        return Optional.of(new Ids(u.get().uid(), gid));
    }

    /** script_user USER [GROUP]: returns false (keepalived: "Error setting global script uid/gid") on failure. */
    boolean setDefault(String user, String group, SourceLocation at) {
        defaultSet = true;
        Optional<Ids> ids = resolve(user, group, at);
        if (ids.isEmpty()) {
            defaultFail = true;
            return false;
        }
        defaultIds = ids.get();
        return true;
    }

    /** get_default_script_user. */
    Optional<Ids> defaultUser(SourceLocation at) {
        if (defaultFail) {
            return Optional.empty();
        }
        if (!defaultSet) {
            defaultSet = true;
            defaultIds = new Ids(ctx.users.processUid(), ctx.users.processGid());
            Optional<UserDirectory.User> u = ctx.users.user(DEFAULT_USER);
            if (u.isPresent()) {
                defaultIds = new Ids(u.get().uid(), u.get().gid());
            } else {
                ctx.note(at, "Script user '" + DEFAULT_USER + "' does not exist");
                if (ctx.global.scriptSecurity) {
                    ctx.error(at, "Unable to set default user " + DEFAULT_USER + " for scripts: the user does not"
                            + " exist and enable_script_security refuses to fall back to root; create the user or"
                            + " set script_user");
                    defaultFail = true;
                    return Optional.empty();
                }
            }
        }
        return Optional.of(defaultIds);
    }
}
