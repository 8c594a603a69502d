/**
 * Health tracking: {@code vrrp_script}, {@code track_file}, {@code track_process}.
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
 * </ul>
 *
 * <h2>For the daemon</h2>
 * Build one {@code TrackScriptState} per configured {@code vrrp_script} with a
 * {@link io.javakeepalived.track.TrackScriptState.Tracking} per instance that tracks it (the
 * weight in force for that instance; members of a sync group once each for the group's
 * track_script; weights dropped inside sync groups as the configuration says), add them to a
 * scheduler, and deliver its events to the named instances on the event loop. An instance whose
 * weight-0 scripts have {@code awaitingFirstResult()} stays in INIT until they report, as in
 * keepalived. {@code initialEvents()} (init_fail) go out from {@code start()} before any run.
 *
 * <p>Polled trackers: {@code PolledTrackers.fromConfig(config, log, reload)} (on SIGHUP with
 * {@code reload} true: init_file does not overwrite, and the start restates every weight and
 * fault). On the checker loop, deliver each tracker's {@code initialEvents()} before the
 * instances start, then call {@code poll(now)} every {@code interval()} and deliver what it
 * returns. Both read the file system (a stat, a /proc scan of a few ms), so not on the VRRP loop.
 */
package io.javakeepalived.track;
