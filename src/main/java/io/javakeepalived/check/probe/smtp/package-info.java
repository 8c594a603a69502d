/**
 * SMTP_CHECK: connect, read the 220 greeting, send {@code HELO helo_name}, read 250, send QUIT,
 * read its reply (any), as keepalived's check_smtp.c. Each step has connect_timeout; every reply
 * is bounded in line length and line count.
 */
package io.javakeepalived.check.probe.smtp;
