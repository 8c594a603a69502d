/**
 * PING_CHECK: one ICMP / ICMPv6 echo to connect_ip through the daemon's shared
 * {@link io.javakeepalived.net.IcmpEcho} port, answered within connect_timeout, as keepalived's
 * check_ping.c.
 */
package io.javakeepalived.check.probe.ping;
