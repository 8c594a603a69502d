package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSL block's key files in the forms openssl writes them: read, or refused saying why. */
class PemFilesTest {
    @TempDir
    Path dir;

    private Path openssl(String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        String[] cmd = new String[args.length + 3];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        cmd[args.length + 1] = "-out";
        cmd[args.length + 2] = out.toString();
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed");
            throw e;
        }
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + "\n" + text);
        return out;
    }

    @Test
    void pkcs8AndPkcs1RsaKeysAreRead() throws Exception {
        Path pkcs8 = openssl("k8.pem", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024");
        Path pkcs1 = openssl("k1.pem", "rsa", "-in", pkcs8.toString(), "-traditional");
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
        PrivateKey a = PemFiles.privateKey(pkcs8.toString(), "");
        PrivateKey b = PemFiles.privateKey(pkcs1.toString(), "");
        assertEquals("RSA", a.getAlgorithm());
        assertEquals(a, b, "the same key either way");
    }

    @Test
    void anEncryptedPkcs8KeyIsReadWithThePassword() throws Exception {
        Path plain = openssl("ec.pem", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        Path encrypted = openssl("enc.pem", "pkcs8", "-topk8", "-in", plain.toString(), "-v2", "aes-256-cbc",
                "-passout", "pass:s3cret");
        assertTrue(Files.readString(encrypted).contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertEquals(PemFiles.privateKey(plain.toString(), ""), PemFiles.privateKey(encrypted.toString(), "s3cret"));
        TlsSetupException wrong = assertThrows(TlsSetupException.class,
                () -> PemFiles.privateKey(encrypted.toString(), "guess"));
        assertTrue(wrong.getMessage().startsWith("SSL error: cannot read the ENCRYPTED PRIVATE KEY in " + encrypted),
                wrong.getMessage());
    }

    @Test
    void formsTheJdkCannotReadAreRefusedWithTheWayOut() throws Exception {
        Path sec1 = openssl("sec1.pem", "ecparam", "-genkey", "-name", "prime256v1", "-noout");
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> PemFiles.privateKey(sec1.toString(), ""));
        assertEquals("SSL error: " + sec1 + ": \"EC PRIVATE KEY\" is not supported, expected PKCS#8"
                + " (openssl pkcs8 -topk8)", e.getMessage());
        Path missing = dir.resolve("nope.pem");
        assertTrue(assertThrows(TlsSetupException.class, () -> PemFiles.certificates(missing.toString()))
                .getMessage().startsWith("SSL error: cannot load certificate file " + missing));
    }

    @Test
    void anUnreadableCaStopsTheTlsContextAsInKeepalived() {
        Path missing = dir.resolve("ca.pem");
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> TlsClient.from(Optional.of(
                new SslContext(Optional.empty(), Optional.of(missing.toString()), Optional.empty(), Optional.empty()))));
        assertTrue(e.getMessage().startsWith("SSL error: cannot load certificate file " + missing), e.getMessage());
    }
}
