package io.javakeepalived.script;

import io.javakeepalived.config.host.FileStat;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code enable_script_security} at run time. The configuration loader already dropped scripts
 * that were unsafe when it read them (keepalived's check_script_secure); files change, so before
 * each run of a script that will run as root (uid or gid 0) this looks again at the program and
 * every directory above it: each must belong to root and not be writable by a group other than
 * root's or by others (sticky directories excepted), keepalived's rule. A script that fails is not
 * run: the result is {@link ScriptResult.NotRun} with the offending path, which the dispatcher and
 * the track-script counter log. Without enable_script_security scripts run as configured (keepalived
 * then only warns at load time).
 */
public final class SecureScriptRunner implements ScriptRunner {

    private final ScriptRunner next;
    private final FileSystemView files;
    private final List<String> searchPath;

    /**
     * @param searchPath where bare program names are found (the scripts' PATH)
     */
    public SecureScriptRunner(ScriptRunner next, FileSystemView files, List<String> searchPath) {
        this.next = Objects.requireNonNull(next, "next");
        this.files = Objects.requireNonNull(files, "files");
        this.searchPath = List.copyOf(searchPath);
    }

    /** Checks {@code runner}'s scripts with its own PATH on this host. */
    public static SecureScriptRunner around(PosixScriptRunner runner) {
        return new SecureScriptRunner(runner, FileSystemView.system(), runner.options().searchPath());
    }

    @Override
    public CompletableFuture<ScriptResult> run(ScriptRun run) {
        Optional<String> refused = check(run.command());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new ScriptResult.NotRun(refused.get()));
        }
        return next.run(run);
    }

    /** Why the command may not run now, or empty. */
    Optional<String> check(ScriptCommand cmd) {
        if (cmd.uid() != 0 && cmd.gid() != 0) {
            return Optional.empty(); // nothing to protect: it runs unprivileged
        }
        if (cmd.openTestPath().isPresent()) {
            return Optional.empty(); // keepalived's </path: a file is opened, nothing is executed
        }
        String program = cmd.program();
        if (!program.contains("/")) {
            Optional<String> found = Optional.empty();
            for (String dir : searchPath) {
                if (dir.isEmpty()) {
                    continue;
                }
                String candidate = dir.endsWith("/") ? dir + program : dir + "/" + program;
                if (files.stat(candidate).map(FileStat::isRegular).orElse(false)) {
                    found = Optional.of(candidate);
                    break;
                }
            }
            if (found.isEmpty()) {
                return Optional.empty(); // the runner says "not found" itself
            }
            program = found.get();
        }
        Optional<String> real = files.realPath(program);
        if (real.isEmpty()) {
            return Optional.empty(); // missing: the runner reports it
        }
        Optional<String> p = unsafe(program);
        if (p.isEmpty() && !real.get().equals(program)) {
            p = unsafe(real.get());
        }
        return p.map(path -> "enable_script_security: " + path + " is not owned by root or is writable by"
                + " a non-root user - refusing to run " + cmd.program() + " as root");
    }

    /** The first component of {@code path} that a non-root user could change, if any. */
    private Optional<String> unsafe(String path) {
        int idx = 0;
        while (true) {
            int slash = path.indexOf('/', idx);
            boolean last = slash < 0;
            String part = last ? path : slash == 0 ? "/" : path.substring(0, slash);
            Optional<FileStat> st = files.lstat(part);
            if (st.isEmpty()) {
                return Optional.empty();
            }
            FileStat f = st.get();
            boolean sticky = f.isDirectory() && (f.mode() & FileStat.S_ISVTX) != 0;
            boolean writable = (f.gid() != 0 && (f.mode() & FileStat.S_IWGRP) != 0) || (f.mode() & FileStat.S_IWOTH) != 0;
            if (f.uid() != 0 || (!sticky && f.type() != FileStat.Type.SYMLINK && writable)) {
                return Optional.of(part);
            }
            if (last) {
                return Optional.empty();
            }
            idx = slash + 1;
            if (idx >= path.length()) {
                return Optional.empty();
            }
        }
    }
}
