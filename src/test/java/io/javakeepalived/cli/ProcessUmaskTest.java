package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class ProcessUmaskTest {
    private final List<Integer> calls = new ArrayList<>();

    private ProcessUmask umask(String option) {
        return new ProcessUmask(option, m -> {
            calls.add(m);
            return 0;
        }, NOPLogger.NOP_LOGGER);
    }

    private static GlobalDefs global(String globalDefs) {
        return ConfigFixture.load0("global_defs {\n" + globalDefs + "\n}\n").config().orElseThrow().global();
    }

    @Test
    void keepalivedsMaskFromTheStartThenTheConfigurations() {
        ProcessUmask u = umask(null);
        u.start();
        u.configured(global("    router_id x"));
        u.configured(global("    umask 027"));
        u.configured(global("    umask 027"));
        u.configured(global("    router_id y")); // a reload without the line keeps the mask, as keepalived
        assertEquals(List.of(0177, 027), calls);
        assertEquals(027, u.current());
    }

    @Test
    void minusUWinsOverTheConfiguration() {
        ProcessUmask u = umask("0022");
        u.start();
        u.configured(global("    umask 077"));
        assertEquals(List.of(022), calls);
    }

    @Test
    void anInvalidMinusUIsLeftOut() {
        ProcessUmask u = umask("0999");
        u.start();
        u.configured(global("    umask 077"));
        assertEquals(List.of(0177, 077), calls);
    }
}
