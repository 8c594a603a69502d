package io.javakeepalived.script;

import io.javakeepalived.config.host.FileStat;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Whether a configured script would run, decided the way the daemon decides it when the hook
 * fires, without running anything: a bare program name is found on PATH as the script's user
 * (keepalived's find_path at load time), the program must be a regular file executable by the
 * uid/gid the line resolved to (script_user, or the user on the line), and under
 * {@code enable_script_security} a script run as root is refused when a non-root user could
 * change it or a directory above it ({@link SecureScriptRunner}).
 */
public final class ScriptReadiness {
    /** Never asked to run anything: only {@link SecureScriptRunner#check} is used. */
    private static final ScriptRunner NOTHING = run -> CompletableFuture.completedFuture(
            new ScriptResult.NotRun("not run"));

    private final FileSystemView files;

    public ScriptReadiness(FileSystemView files) {
        this.files = files;
    }

    /**
     * Why {@code script} would not run, in the runner's words, or empty when it would.
     *
     * @param scriptSecurity whether {@code enable_script_security} is in force
     */
    public Optional<String> whyNotRunnable(ScriptCommand script, boolean scriptSecurity) {
        if (script.openTestPath().isPresent()) {
            return Optional.empty(); // a file that does not open is the check failing, not a broken script
        }
        String program = script.program();
        if (!program.contains("/")) {
            Optional<String> found = onPath(program, script.uid(), script.gid());
            if (found.isEmpty()) {
                return Optional.of(program + " not found in PATH " + String.join(":", files.searchPath())
                        + " as an executable for uid " + script.uid() + " gid " + script.gid());
            }
            program = found.get();
        }
        Optional<String> notRunnable = PosixScriptRunner.notRunnable(files, program, script.uid(), script.gid());
        if (notRunnable.isPresent() || !scriptSecurity) {
            return notRunnable;
        }
        return new SecureScriptRunner(NOTHING, files, List.of()).check(script.withProgram(program));
    }

    /** keepalived's find_path: the first regular file on PATH the user may execute. */
    private Optional<String> onPath(String name, int uid, int gid) {
        for (String dir : files.searchPath()) {
            String candidate = dir.isEmpty() ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
            Optional<FileStat> st = files.stat(candidate);
            if (st.isPresent() && st.get().isRegular() && PosixScriptRunner.executable(st.get(), uid, gid)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
