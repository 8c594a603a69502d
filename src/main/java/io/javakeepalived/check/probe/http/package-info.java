/**
 * HTTP_GET and SSL_GET: one attempt fetches each url on a connection of its own and judges the
 * answer as keepalived's check_http.c does (status code list, MD5 digest of the body, regex),
 * reading everything through fixed-size buffers. {@link io.javakeepalived.check.probe.http.HttpCheck}
 * is made once per checker; its probes do the attempts. TLS goes through the JDK's SSLEngine
 * ({@link io.javakeepalived.check.probe.http.TlsClient}).
 */
package io.javakeepalived.check.probe.http;
