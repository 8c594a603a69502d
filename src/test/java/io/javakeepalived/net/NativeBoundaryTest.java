package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native layer is thin and fenced: io.javakeepalived.net (sockets, netlink, ARP/NA) and
 * io.javakeepalived.sys (signals) are the only product packages allowed to use jnr, so the
 * rest of the daemon can be tested with plain Java fakes.
 */
class NativeBoundaryTest {
    @Test
    void onlyTheNativePackagesImportJnr() throws IOException {
        Path main = Path.of("src/main/java");
        List<Path> nativeLayer = List.of(main.resolve("io/javakeepalived/net"), main.resolve("io/javakeepalived/sys"));
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> nativeLayer.stream().noneMatch(p::startsWith))
                    .filter(p -> {
                        try {
                            return Files.readString(p).matches("(?s).*\\bimport\\s+(static\\s+)?jnr\\..*");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }
}
