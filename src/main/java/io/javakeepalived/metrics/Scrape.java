package io.javakeepalived.metrics;

import io.javakeepalived.daemon.LoopSnapshot;

/**
 * One answer (or non-answer) of the VRRP loop to a scrape.
 *
 * @param snapshot  what the loop handed over; null when it did not answer in time
 * @param lagNanos  how long the loop took to answer (or how long we waited in vain)
 */
record Scrape(LoopSnapshot snapshot, long lagNanos) {

    boolean up() {
        return snapshot != null;
    }

    /** The whole page: {@code keepalived_up}, the exporter's families, then ours (VRRP, reference trackers, LVS). */
    String render() {
        PrometheusText out = new PrometheusText(snapshot == null ? 256 : 2048 + 4096 * snapshot.state().instances().size());
        ExporterFamilies.up(out, up());
        if (snapshot != null) {
            ExporterFamilies.render(out, snapshot.state());
            // the wait is the VRRP loop's, then the checker loop's: each gets its own part
            OwnFamilies.render(out, snapshot, Math.max(0, lagNanos - snapshot.healthLagNanos()));
            ReferenceFamilies.render(out, snapshot.state().references());
            LvsFamilies.render(out, snapshot.health(), snapshot.healthLagNanos());
        } else {
            OwnFamilies.lag(out, lagNanos);
        }
        return out.toString();
    }
}
