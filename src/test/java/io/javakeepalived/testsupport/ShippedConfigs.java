package io.javakeepalived.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The configurations we ship under conf/ for operators to copy. */
public final class ShippedConfigs {
    private ShippedConfigs() {
    }

    /** Every keepalived configuration: the *.conf files but FRR's (*.frr.conf, beside the BGP example). */
    public static List<Path> keepalived() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("conf"))) {
            return files.filter(p -> p.toString().endsWith(".conf") && !p.toString().endsWith(".frr.conf"))
                    .sorted().toList();
        }
    }
}
