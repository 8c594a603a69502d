/**
 * Running operators' scripts: notify hooks and the processes behind {@code vrrp_script} checks.
 *
 * <ul>
 * <li>{@link io.javakeepalived.notify.ScriptRunner} / {@link io.javakeepalived.notify.PosixScriptRunner}:
 *     one execution of a {@link io.javakeepalived.config.model.ScriptCommand}: execve of its argv
 *     (no shell), own session and process group, the configured uid/gid through setpriv, a clean
 *     environment, no inherited fds, a timeout that ends the whole process group (SIGTERM, SIGKILL
 *     2 s later), every child reaped. Asynchronous: a {@link io.javakeepalived.notify.ScriptResult}
 *     arrives in a CompletableFuture. The class comment explains the choice of posix_spawn +
 *     setpriv over ProcessBuilder.</li>
 * <li>{@link io.javakeepalived.notify.NotifyDispatcher}: the instance and sync-group hooks for
 *     {@link io.javakeepalived.vrrp.Action.RunNotify} / {@code RunGroupNotify}: one ordered
 *     queue per instance or group, notify_&lt;state&gt; then the generic notify, a log line for
 *     every hook run and for every hook not run with the reason.</li>
 * <li>{@link io.javakeepalived.notify.SecureScriptRunner}: {@code enable_script_security} again
 *     before every run of a script that runs as root (files change after the configuration was
 *     read): a program or directory on its path that is not root's, or is writable by others, and
 *     the script is not run, with the path in the reason that is logged.</li>
 * <li>{@link io.javakeepalived.notify.Timers}: the clock and timers, replaceable in tests;
 *     {@link io.javakeepalived.notify.ScriptLog}: where lines go.</li>
 * </ul>
 *
 * <h2>For the daemon</h2>
 * <ul>
 * <li>One {@code PosixScriptRunner.create()} for the process; the output tail it keeps
 *     (2 KiB) is logged at WARNING for failed hooks, at DEBUG otherwise.</li>
 * <li>Register each instance's and group's {@code NotifyScripts} with the dispatcher (again on
 *     reload), passing in {@code disabled} the hooks the configuration dropped and why, then hand
 *     it every action: {@code dispatch(action)} returns false for the ones it does not run.</li>
 * <li>On stop: deliver the STOP notifies, wait for {@code idle()} (bounded by the hook timeout),
 *     then {@code runner.terminateAll()} for whatever still runs (track scripts).</li>
 * <li>Futures complete on the runner's threads: do not block in callbacks; hop to the loop.</li>
 * </ul>
 */
package io.javakeepalived.notify;
