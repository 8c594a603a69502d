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
 */
package io.javakeepalived.check.probe;
