package io.javakeepalived.check.probe.http;

/**
 * Where the checker stands when an attempt starts, which decides what keepalived logs about it:
 * the success line ("HTTP status code success to [10.0.0.2]:tcp:80 url(/)") only while the
 * checker is down, and a failure line ("Timeout connecting server [10.0.0.2]:tcp:80.") only with
 * log_all_failures, while it is up or before its first result.
 *
 * @param up     the checker currently passes
 * @param hasRun it has reached a result before
 */
public record CheckerStanding(boolean up, boolean hasRun) {
}
