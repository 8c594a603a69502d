package io.javakeepalived.config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class FileCreationMaskTest {

    @Test
    void numbersAreReadAsCReadsThem() {
        assertEquals(OptionalInt.of(0177), FileCreationMask.parse(List.of("0177")));
        assertEquals(OptionalInt.of(0x7f), FileCreationMask.parse(List.of("0x7f")));
        assertEquals(OptionalInt.of(18), FileCreationMask.parse(List.of("18")), "no leading 0: decimal");
        assertEquals(OptionalInt.of(0), FileCreationMask.number("0"));
    }

    @Test
    void bitsAreJoinedWithBarsAndMayBeSpreadOverWords() {
        assertEquals(OptionalInt.of(022), FileCreationMask.parse(List.of("IWGRP|IWOTH")));
        assertEquals(OptionalInt.of(022), FileCreationMask.parse(List.of("IWGRP", "|", "IWOTH")));
        assertEquals(OptionalInt.of(0177), FileCreationMask.parse(List.of("IXUSR|IRWXG|IRWXO")));
        assertEquals(OptionalInt.of(0700), FileCreationMask.parse(List.of("IRUSR|IWUSR|IXUSR")));
    }

    @Test
    void whatIsNoMaskIsRefused() {
        for (String bad : List.of("01000", "0x200", "-1", "08", "7a", "IWGRP|", "IWGRP|IFOO", "")) {
            assertEquals(OptionalInt.empty(), FileCreationMask.parse(List.of(bad)), bad);
        }
    }

    @Test
    void printedAsUmaskPrintsIt() {
        assertEquals("0177", FileCreationMask.octal(0177));
        assertEquals("0022", FileCreationMask.octal(022));
    }
}
