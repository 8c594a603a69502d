/**
 * UDP_CHECK: send {@code payload} (or keepalived's 32-byte filler) on a connected UDP socket and
 * judge what comes back within connect_timeout as keepalived's check_udp.c does.
 */
package io.javakeepalived.check.probe.udp;
