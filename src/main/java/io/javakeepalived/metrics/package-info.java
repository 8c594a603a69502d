/**
 * The Prometheus endpoint ({@code --metrics-listen ADDR:PORT}; off by default): text exposition
 * format 0.0.4 written by hand ({@link io.javakeepalived.metrics.PrometheusText}) and served by a
 * small bounded HTTP/1.1 server on NIO ({@link io.javakeepalived.metrics.MetricsServer}): a fixed
 * number of connections, a deadline per request, nothing a slow client can block.
 *
 * <p>The page carries mehdy/keepalived-exporter's families with its names and labels
 * ({@link io.javakeepalived.metrics.ExporterFamilies}), so its dashboards and alerts work without
 * running the exporter, then javakeepalived's own ({@link io.javakeepalived.metrics.OwnFamilies},
 * {@link io.javakeepalived.metrics.ReferenceFamilies} for the reference trackers,
 * {@link io.javakeepalived.metrics.LvsFamilies} for the LVS checkers).
 *
 * <h2>Threads</h2>
 * The VRRP loop owns the state; a scrape posts a request to it
 * ({@code VrrpLoop.requestSnapshot}), the loop answers at its next turn with an immutable
 * {@code LoopSnapshot} and goes on; the daemon then asks the checker loop, which owns the LVS
 * checkers, to add their {@code HealthSnapshot} on its own thread; the render thread renders it. {@link io.javakeepalived.metrics.Scraper}
 * bounds both sides: one snapshot per 500 ms at most, never two requests queued, a 2 s wait at
 * most before reporting {@code keepalived_up 0}.
 */
package io.javakeepalived.metrics;
