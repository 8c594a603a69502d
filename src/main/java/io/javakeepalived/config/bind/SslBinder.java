package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

/** The SSL block SSL_GET checkers use (check_ssl.c): password, CA, certificate and key files. */
final class SslBinder {
    private SslBinder() {
    }

    static final KeywordTable<LvsDrafts.Ssl> TABLE = new KeywordTable<LvsDrafts.Ssl>("SSL")
            .line("password", (s, n, c) -> s.password = sslFile(n, c, s.password, "password"))
            .line("ca", (s, n, c) -> s.ca = sslFile(n, c, s.ca, "cafile"))
            .line("certificate", (s, n, c) -> s.certificate = sslFile(n, c, s.certificate, "certfile"))
            .line("key", (s, n, c) -> s.key = sslFile(n, c, s.key, "keyfile"));

    private static String sslFile(ConfigNode n, BindContext c, String old, String type) {
        if (n.argCount() < 1) {
            c.error(n, "SSL " + type + " missing");
            return old;
        }
        if (old != null) {
            c.error(n, "SSL " + type + " already specified - replacing");
        }
        return n.arg(0);
    }

    static void ssl(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (c.ssl != null) {
            c.error(n, "SSL context already specified - replacing");
        }
        c.ssl = new LvsDrafts.Ssl();
        TABLE.dispatch(c.ssl, n.children(), c);
    }
}
