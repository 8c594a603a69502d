/**
 * Warnings about configurations keepalived accepts but that bite in production (a notify script
 * that cannot run, a unicast peer that is this node, a VIP in two instances, ...): pure checks
 * over the bound model ({@link io.javakeepalived.config.model}) and a
 * {@link io.javakeepalived.config.lint.NodeView} of the node the caller provides. {@code -t}
 * prints them, {@code -t --strict} fails on them, the daemon logs them at start and on reload.
 */
package io.javakeepalived.config.lint;
