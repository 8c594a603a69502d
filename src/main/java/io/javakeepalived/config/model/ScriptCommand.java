package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command keepalived runs (notify_*, vrrp_script script, misc_path, quorum_up ...).
 *
 * @param configured the string as configured (quotes removed), e.g. {@code /bin/x.sh 'a b' c}
 * @param argv       the program and its arguments split as keepalived splits the string
 *                   (unquoted spaces separate, single and double quotes group, backslash
 *                   escapes); argv[0] may be a bare name found by PATH at run time
 * @param user       the user configured on the line, if any
 * @param group      the group configured on the line, if any
 * @param uid        uid the command runs as (the configured user, else the default script
 *                   user: script_user, else {@code keepalived_script} if it exists, else root)
 * @param gid        gid the command runs as
 * @param location   where it was configured
 */
public record ScriptCommand(String configured, List<String> argv, Optional<String> user, Optional<String> group,
                            int uid, int gid, SourceLocation location) {
    public ScriptCommand {
        Objects.requireNonNull(configured, "configured");
        argv = List.copyOf(argv);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a script has at least a program");
        }
    }

    /** The program (argv[0]). */
    public String program() {
        return argv.get(0);
    }

    /**
     * The file of keepalived's open test: a program word {@code </path} ({@code <}, optional blanks,
     * an absolute path). keepalived hands such a command to the shell as the script's user
     * (check_script_secure calls it a system script): there is nothing to execute, the shell's
     * redirection either opens the file (exit 0) or does not; with bash as /bin/sh,
     * {@code </dev/tcp/HOST/PORT} connects to a port instead.
     *
     * @return the path, or empty for an ordinary command
     */
    public Optional<String> openTestPath() {
        String program = program();
        if (!program.startsWith("<")) {
            return Optional.empty();
        }
        String path = program.substring(1).replaceFirst("^[ \t]*", "");
        return path.startsWith("/") ? Optional.of(path) : Optional.empty();
    }

    /** A copy with another argv[0] (keepalived replaces a bare name by the path it found). */
    public ScriptCommand withProgram(String program) {
        List<String> args = new java.util.ArrayList<>(argv);
        args.set(0, program);
        return new ScriptCommand(configured, args, user, group, uid, gid, location);
    }
}
