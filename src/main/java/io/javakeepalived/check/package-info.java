/**
 * LVS health checking (keepalived's checker process): the engine that runs every real server's
 * checkers on one selector thread, keepalived's retry and quorum arithmetic, and the verdicts it
 * hands on ({@link io.javakeepalived.check.HealthVerdicts}). The protocols live in
 * {@code check.probe}.
 */
package io.javakeepalived.check;
