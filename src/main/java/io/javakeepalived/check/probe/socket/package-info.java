/**
 * What the network probes (SMTP, DNS, UDP) share: opening a non-blocking channel the way
 * keepalived's layer4.c does (bindto / bind_port, then connect to connect_ip:connect_port),
 * the "[address]:port" text of its log lines, and one deadline timer per step.
 */
package io.javakeepalived.check.probe.socket;
