/**
 * {@code vrrp_script} tracking.
 *
 * <ul>
 * <li>{@link io.javakeepalived.track.TrackScriptState}: pure. keepalived's rise/fall counter and
 *     log lines for one script, and the weight/fault rules per tracking instance, producing
 *     {@link io.javakeepalived.vrrp.Event.WeightChanged}, {@code FaultRaised} and
 *     {@code FaultCleared} under the tracker name {@code script NAME}.</li>
 * <li>{@link io.javakeepalived.track.TrackScriptScheduler}: runs each script at start and then
 *     every interval on an absolute grid with its timeout, skipping (and logging) a slot while
 *     the previous run still goes; clock and runner are injected.</li>
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
 */
package io.javakeepalived.track;
