/**
 * Running operators' scripts: one execution of a configured command, for the notify hooks
 * ({@code notify}), the {@code vrrp_script} checks ({@code track}) and, later, LVS
 * {@code MISC_CHECK}. It knows nothing of VRRP or of why a script runs.
 *
 * <ul>
 * <li>{@link io.javakeepalived.script.ScriptRunner} / {@link io.javakeepalived.script.PosixScriptRunner}:
 *     one execution of a {@link io.javakeepalived.config.model.ScriptCommand}: execve of its argv
 *     (no shell), own session and process group, the configured uid/gid through setpriv, a clean
 *     environment, no inherited fds, a timeout that ends the whole process group (SIGTERM, SIGKILL
 *     2 s later), every child reaped. Asynchronous: a {@link io.javakeepalived.script.ScriptResult}
 *     arrives in a CompletableFuture. The class comment explains the choice of posix_spawn +
 *     setpriv over ProcessBuilder. The system calls go through
 *     {@link io.javakeepalived.sys.ProcessControl}, which the composition root hands in.</li>
 * <li>{@link io.javakeepalived.script.SecureScriptRunner}: {@code enable_script_security} again
 *     before every run of a script that runs as root (files change after the configuration was
 *     read): a program or directory on its path that is not root's, or is writable by others, and
 *     the script is not run, with the path in the reason that is logged.</li>
 * <li>{@link io.javakeepalived.script.Timers}: the clock and timers, replaceable in tests;
 *     {@link io.javakeepalived.script.ScriptLog}: where lines go.</li>
 * </ul>
 *
 * <h2>For the daemon</h2>
 * <ul>
 * <li>One {@code PosixScriptRunner.create(processControl)} for the process; the output tail it
 *     keeps (2 KiB) is logged at WARNING for failed hooks, at DEBUG otherwise.</li>
 * <li>On stop, after the hooks are done: {@code runner.terminateAll()} for whatever still runs
 *     (track scripts).</li>
 * <li>Futures complete on the runner's threads: do not block in callbacks; hop to the loop.</li>
 * </ul>
 */
package io.javakeepalived.script;
