/**
 * One health-check attempt against one real server, as the LVS checker engine drives it.
 *
 * <p>The contract between the engine ({@code io.javakeepalived.check}) and the protocol probes
 * (TCP, HTTP/TLS, SMTP, DNS, UDP, ICMP, scripts): a {@link io.javakeepalived.check.probe.Probe}
 * is started on the engine's thread, does its I/O through non-blocking channels registered with
 * the engine's selector ({@link io.javakeepalived.check.probe.ProbeIo}), bounds everything it
 * reads, and reports exactly one {@link io.javakeepalived.check.probe.ProbeResult}. The engine
 * owns the schedule (delay_loop, retry, delay_before_retry, warmup) and what a result means for
 * the real server; a probe knows only its protocol. No probe blocks and none owns a thread.
 *
 * <p>Who logs what (keepalived's lines, in its words):
 * <ul>
 * <li>A {@link io.javakeepalived.check.probe.ProbeResult.Failure}'s reason is the line keepalived
 *     logs about that failed attempt, whole ("TCP connection to [10.0.0.2]:tcp:80 timeout.",
 *     "Timeout connecting server [10.0.0.2]:tcp:80.", "SMTP_CHECK Read timeout from server
 *     [10.0.0.2]:25", "DNS_CHECK ([10.0.0.2]:udp:53) read timeout from socket"); for MISC_CHECK and
 *     FILE_CHECK, which have no such line, the phrase their down line puts in parentheses.</li>
 * <li>The probe never logs that line: whether keepalived logs it depends on the checker's
 *     standing, its retries and log_all_failures, which only the engine knows. The engine's
 *     {@code CheckerKind.failureLines} decides, per kind, and adds the line that takes the
 *     checker down; {@code CheckerKind.successLine} the one that brings it up.</li>
 * <li>A probe logs through {@link io.javakeepalived.check.probe.ProbeIo#log} only the lines
 *     keepalived logs whatever the retries: "send ICMP packet fail", SMTP's buffer overflow, and
 *     HTTP_GET's per-url "HTTP status code success to ... url(/)", which keepalived logs while
 *     the checker is down: the engine tells it with a
 *     {@link io.javakeepalived.check.probe.CheckerStanding}.</li>
 * </ul>
 */
package io.javakeepalived.check.probe;
