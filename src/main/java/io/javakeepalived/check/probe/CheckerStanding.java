package io.javakeepalived.check.probe;

/**
 * Where the checker stands when an attempt starts. Most probes do not need it (the engine logs
 * the lines that depend on it); HTTP_GET / SSL_GET do, because keepalived logs a line per url
 * that passed ("HTTP status code success to [10.0.0.2]:tcp:80 url(/)") only while the checker
 * is down, in the middle of an attempt.
 *
 * @param up     the checker currently passes
 * @param hasRun it has reached a result before
 */
public record CheckerStanding(boolean up, boolean hasRun) {
}
