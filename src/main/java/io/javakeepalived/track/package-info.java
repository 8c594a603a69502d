/**
 * Health tracking: {@code vrrp_script}, {@code track_file}, {@code track_process}, and
 * javakeepalived's reference addresses ({@code vrrp_reference} / {@code track_reference}).
 *
 * <ul>
 * <li>{@link io.javakeepalived.track.TrackScriptState}: pure. keepalived's rise/fall counter and
 *     log lines for one script, and the weight/fault rules per tracking instance, producing
 *     {@link io.javakeepalived.vrrp.Event.WeightChanged}, {@code FaultRaised} and
 *     {@code FaultCleared} under the tracker name {@code script NAME}.</li>
 * <li>{@link io.javakeepalived.track.TrackScriptScheduler}: runs each script at start and then
 *     every interval on an absolute grid with its timeout, skipping (and logging) a slot while
 *     the previous run still goes; clock and runner are injected.</li>
 * <li>{@link io.javakeepalived.track.PolledTracker}s, built by
 *     {@link io.javakeepalived.track.PolledTrackers#fromConfig}: one
 *     {@link io.javakeepalived.track.FileTracker} per tracked {@code track_file} (value × weight,
 *     {@link io.javakeepalived.track.TrackFileValue} has keepalived's arithmetic; polled every 500 ms,
 *     stat first) and one {@link io.javakeepalived.track.ProcessTracker} for all tracked
 *     {@code vrrp_track_process}es (a /proc scan a second by
 *     {@link io.javakeepalived.track.ProcScanner}, {@link io.javakeepalived.track.ProcessMatch} for
 *     names and parameters, {@link io.javakeepalived.track.ProcessQuorum} for quorum and delays).
 *     Events under {@code file NAME} / {@code process NAME}. {@code init_file} is applied by
 *     {@link io.javakeepalived.track.TrackFileInit} when they are built.</li>
 * <li>{@link io.javakeepalived.track.CheckerLoop}: the checker-loop thread of DESIGN.md. It is
 *     the scheduler's clock and executor, runs {@link io.javakeepalived.track.PolledTracker}s
 *     (track_file, track_process) on their own absolute grids, hands script completions back to
 *     its thread, posts events to the VRRP loop, and turns at least once a second when idle
 *     ({@code lastTurnNanos()} for a watchdog). Scripts are child processes; nothing on the thread
 *     waits for one.</li>
 * <li>{@link io.javakeepalived.track.TrackingPlan}: which instance tracks which script with which
 *     weight (instance lines first, then sync-group lines for every member), and which instances
 *     wait in INIT for their weight-0 scripts' first report.</li>
 * <li>{@link io.javakeepalived.track.StartupGate}: posts {@code Startup} for an instance once its
 *     awaited scripts have reported (for a sync group: once every member may start), as keepalived
 *     keeps such instances in INIT ({@code num_script_init}, {@code num_member_init}).</li>
 * <li>{@link io.javakeepalived.track.RiseFall} (keepalived's result counter) and
 *     {@link io.javakeepalived.track.Contributions} (what a verdict tells each tracking instance):
 *     shared by the scripts and the reference addresses.</li>
 * <li>Reference addresses: {@link io.javakeepalived.track.ReferenceHealth} (pure: echo outcomes in,
 *     events under {@code reference NAME} out), one {@link io.javakeepalived.track.ReferenceTracker}
 *     per (reference, interface), a polled tracker that sends one echo request per look through the
 *     daemon's shared {@link io.javakeepalived.net.IcmpEcho} and counts the outcome on the checker
 *     thread, built and carried over reloads by {@link io.javakeepalived.track.ReferenceTrackers}.</li>
 * <li>{@link io.javakeepalived.track.InterfaceTracking}: track_interface (weight 0 → FAULT, weighted
 *     → {@code WeightChanged("interface NAME", w)}) and dont_track_primary, fed by the VRRP loop from
 *     the rtnetlink link events it already receives (no polling).</li>
 * </ul>
 *
 * <h2>When a new priority goes out</h2>
 * A master whose effective priority changes advertises it with its next regular advert, as
 * keepalived does (see {@link io.javakeepalived.vrrp.VrrpInstance}'s class comment). Sending one at
 * once would not move the VIP sooner: a preempting backup discards a lower-priority advert and
 * times out from the last advert it accepted, which left before the change either way; keeping the
 * advert grid untouched also keeps the wire predictable for observers and for flapping trackers.
 *
 * <h2>Wiring (daemon.ScriptServices)</h2>
 * The daemon builds a {@code TrackingPlan}, adds its scripts to the checker loop's scheduler, wraps
 * the VRRP loop's {@code post} in a {@code StartupGate}, tells the VRRP loop which instances it must
 * not start itself and which interfaces are tracked, and starts the checker loop before the VRRP
 * loop runs, so that init_fail and polled trackers' starting state reach the instances first.
 *
 * <p>Polled trackers: {@code PolledTrackers.fromConfig(config, log, reload)} (on SIGHUP with
 * {@code reload} true: init_file does not overwrite, and the start restates every weight and
 * fault). On the checker loop, deliver each tracker's {@code initialEvents()} before the
 * instances start, then call {@code poll(now)} every {@code interval()} and deliver what it
 * returns. Both read the file system (a stat, a /proc scan of a few ms), so not on the VRRP loop.
 *
 * <h2>Reload (SIGHUP)</h2>
 * Once the VRRP loop has applied a reload, {@link io.javakeepalived.track.ReloadTracking} decides
 * there (from the configuration alone) which added instances wait in INIT, and carries out the
 * rest on the checker loop: {@code TrackScriptScheduler.reload} carries each script's verdict over
 * by name (keepalived's {@code clear_diff_script()}), stops the removed ones and starts the new
 * ones; {@code CheckerLoop.replacePolled} swaps the polled trackers; every tracker restates its
 * standing and the {@link io.javakeepalived.track.TrackerLedger} in front of the gate withdraws
 * ({@code WeightChanged 0}, {@code FaultCleared}) whatever nobody restated. A restatement equal to
 * what an instance already has changes nothing, so kept trackers cause no blip.
 */
package io.javakeepalived.track;
