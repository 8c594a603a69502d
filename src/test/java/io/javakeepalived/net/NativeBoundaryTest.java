package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** io.javakeepalived.net is the only product package allowed to use jnr. */
class NativeBoundaryTest {
    @Test
    void onlyTheNetPackageImportsJnr() throws IOException {
        Path main = Path.of("src/main/java");
        Path net = main.resolve("io/javakeepalived/net");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(net))
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
