package io.javakeepalived.check.probe.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The PEM files of the SSL block, read with the JDK alone: certificates, and a private key as
 * PKCS#8 ("PRIVATE KEY", or "ENCRYPTED PRIVATE KEY" with the SSL block's password) or PKCS#1 RSA
 * ("RSA PRIVATE KEY"). Not readable without a library, and refused with that said: OpenSSL's
 * legacy encrypted PEM (a "Proc-Type: 4,ENCRYPTED" header) and SEC1 "EC PRIVATE KEY"; convert
 * them with {@code openssl pkcs8 -topk8}.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemFiles() {
    }

    static X509Certificate[] certificates(String file) throws TlsSetupException {
        try {
            var certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(Path.of(file))));
            if (certs.isEmpty()) {
                throw new TlsSetupException("SSL error: " + file + ": no certificate, expected PEM \"CERTIFICATE\"");
            }
            return certs.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (IOException | CertificateException e) {
            throw new TlsSetupException("SSL error: cannot load certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String file, String password) throws TlsSetupException {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsSetupException("SSL error: cannot load key file " + file + ": " + e.getMessage(), e);
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (m.group(2).contains("Proc-Type:")) {
                throw unsupported(file, "OpenSSL's legacy encrypted PEM");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "RSA PRIVATE KEY" -> pkcs8(rsaPkcs1ToPkcs8(der));
                    case "ENCRYPTED PRIVATE KEY" -> pkcs8(decrypt(der, password));
                    default -> throw unsupported(file, "\"" + type + "\"");
                };
            } catch (GeneralSecurityException | IOException e) {
                throw new TlsSetupException("SSL error: cannot read the " + type + " in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        throw new TlsSetupException("SSL error: " + file + ": no private key, expected PEM \"PRIVATE KEY\"");
    }

    private static TlsSetupException unsupported(String file, String what) {
        return new TlsSetupException("SSL error: " + file + ": " + what
                + " is not supported, expected PKCS#8 (openssl pkcs8 -topk8)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "DSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] decrypt(byte[] der, String password) throws GeneralSecurityException, IOException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                info.getAlgParameters());
        return info.getKeySpec(cipher).getEncoded();
    }

    /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { RSAPrivateKey } } around a PKCS#1 key. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) throws IOException {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0x02, 0x01, 0x00});
        body.write(algorithm);
        body.write(derHeader(0x04, pkcs1.length));
        body.write(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(derHeader(0x30, body.size()));
        body.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] h = new byte[2 + bytes];
        h[0] = (byte) tag;
        h[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            h[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return h;
    }
}
