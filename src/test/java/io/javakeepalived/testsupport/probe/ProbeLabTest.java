package io.javakeepalived.testsupport.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A probe IT: a fresh {@link ProbeLab} (checker and server namespaces) for each test. */
public abstract class ProbeLabTest {
    protected ProbeLab lab;

    @BeforeEach
    void createLab() throws Exception {
        lab = new ProbeLab();
    }

    @AfterEach
    void closeLab() throws Exception {
        lab.close();
    }
}
