/**
 * The typed, immutable configuration model: what a keepalived.conf means once keepalived
 * 2.2.7's defaults, corrections and checks have been applied. Entry point
 * {@link io.javakeepalived.config.model.KeepalivedConfig}, produced by
 * {@code config.load.ConfigLoader}.
 *
 * <ul>
 *   <li>Records only; lists are unmodifiable copies; a value keepalived gives a default has that
 *       default filled in, so consumers never re-derive defaults. {@code Optional} is used only
 *       where keepalived distinguishes "unset" (e.g. {@code GlobalDefs.routerId()} empty means
 *       the host name, {@code GlobalDefs.smtpAlert()} empty means "not configured").</li>
 *   <li>Times are {@link java.time.Duration}s with keepalived's microsecond resolution;
 *       addresses are {@link java.net.InetAddress}es built from literal bytes (never DNS).</li>
 *   <li>Every block record keeps its {@link io.javakeepalived.config.SourceLocation}, so that
 *       run-time messages can point at the configuration line.</li>
 *   <li>Objects keepalived drops (an insecure or missing track script, a notify script that does
 *       not exist, a real server of the wrong family, ...) are absent from the model, exactly
 *       as they are absent from keepalived's running configuration.</li>
 *   <li>{@link io.javakeepalived.config.model.KeepalivedConfig#vrrpStartFailure()} tells whether
 *       keepalived's VRRP half would refuse to start (and why); the rest of the model is still
 *       complete so that {@code -d} can show it.</li>
 * </ul>
 */
package io.javakeepalived.config.model;
