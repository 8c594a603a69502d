/**
 * DNS_CHECK: one query of {@code type} for {@code name} over UDP with recursion desired, as
 * keepalived's check_dns.c; the first reply with the query's id and QR set decides (RCODE 0
 * passes). Datagrams that are short, carry another id or are queries are ignored until
 * connect_timeout, which covers the whole attempt.
 */
package io.javakeepalived.check.probe.dns;
