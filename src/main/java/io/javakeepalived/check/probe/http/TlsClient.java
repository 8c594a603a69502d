package io.javakeepalived.check.probe.http;

import io.javakeepalived.config.model.SslContext;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of every SSL_GET, built once from the global {@code SSL { }} block as keepalived
 * builds its one SSL_CTX: a client certificate and key if configured, and no verification of the
 * server's certificate. keepalived loads {@code ca} (and fails if it cannot) but never sets
 * SSL_VERIFY_PEER, so a server whose certificate the CA did not sign still passes; the same
 * here, so that a configuration that works under keepalived keeps working.
 */
public final class TlsClient {
    private final SSLContext context;

    private TlsClient(SSLContext context) {
        this.context = context;
    }

    /**
     * The context for {@code ssl} (keepalived's auto-generated one when there is no SSL block).
     *
     * @throws TlsSetupException naming the file that could not be read and what was expected
     */
    public static TlsClient from(Optional<SslContext> ssl) throws TlsSetupException {
        if (ssl.isPresent() && ssl.get().ca().isPresent()) {
            // read, as keepalived reads it (an unreadable ca stops its checkers), though unused
            PemFiles.certificates(ssl.get().ca().get());
        }
        try {
            KeyManager[] keys = null;
            if (ssl.isPresent() && ssl.get().certificate().isPresent()) {
                SslContext s = ssl.get();
                keys = clientKeys(s.certificate().get(), s.key().orElse(s.certificate().get()),
                        s.password().orElse(""));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {new AcceptAnyServer()}, null);
            return new TlsClient(context);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("SSL error: cannot create the TLS context: " + e.getMessage(), e);
        }
    }

    /** A client engine; with {@code sniName} it names that server in the ClientHello. */
    SSLEngine newEngine(Optional<String> sniName) {
        SSLEngine engine = context.createSSLEngine(); // no peer host: no SNI unless asked for
        engine.setUseClientMode(true);
        Optional<SNIHostName> sni = sniName.flatMap(TlsClient::hostName);
        if (sni.isPresent()) {
            SSLParameters p = engine.getSSLParameters();
            p.setServerNames(List.of(sni.get()));
            engine.setSSLParameters(p);
        }
        return engine;
    }

    /** SNI carries DNS names only; an IP literal or an odd name is left out, as OpenSSL would send it raw. */
    private static Optional<SNIHostName> hostName(String name) {
        try {
            return Optional.of(new SNIHostName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static KeyManager[] clientKeys(String certificateFile, String keyFile, String password)
            throws TlsSetupException, GeneralSecurityException {
        X509Certificate[] chain = PemFiles.certificates(certificateFile);
        java.security.PrivateKey key = PemFiles.privateKey(keyFile, password);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] none = new char[0];
        store.setKeyEntry("client", key, none, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, none);
        return kmf.getKeyManagers();
    }

    /** keepalived's SSL_VERIFY_NONE: the server's certificate is taken as it comes. */
    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a checker is never the server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a checker is never the server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a checker is never the server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
