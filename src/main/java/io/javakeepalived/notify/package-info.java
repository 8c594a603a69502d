/**
 * Telling the outside world of state changes: the notify hooks (here) and the notify FIFO
 * ({@code notify.fifo}). The scripts themselves run through {@code io.javakeepalived.script}.
 *
 * <ul>
 * <li>{@link io.javakeepalived.notify.NotifyDispatcher}: the instance and sync-group hooks for
 *     {@link io.javakeepalived.vrrp.Action.RunNotify} / {@code RunGroupNotify}: one ordered
 *     queue per instance or group, notify_&lt;state&gt; then the generic notify, a log line for
 *     every hook run and for every hook not run with the reason. The queue
 *     ({@code NotifyQueue}) coalesces repeats and is bounded; a hook that outlives its timeout and
 *     the kill grace is given up on so the next one runs.</li>
 * </ul>
 *
 * <h2>For the daemon</h2>
 * <ul>
 * <li>Give the dispatcher the process's one {@link io.javakeepalived.script.ScriptRunner}.</li>
 * <li>Register each instance's and group's {@code NotifyScripts} with the dispatcher (again on
 *     reload), passing in {@code disabled} the hooks the configuration dropped and why, then hand
 *     it every action: {@code dispatch(action)} returns false for the ones it does not run.</li>
 * <li>On stop: deliver the STOP notifies, wait for {@code idle()} (bounded by the hook timeout),
 *     then {@code runner.terminateAll()} for whatever still runs (track scripts).</li>
 * <li>Futures complete on the runner's threads: do not block in callbacks; hop to the loop.</li>
 * </ul>
 */
package io.javakeepalived.notify;
