package io.javakeepalived.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.testsupport.FakeFileSystem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecureScriptRunnerTest {
    private final FakeRunner next = new FakeRunner();

    private ScriptResult run(FakeFileSystem fs, String program, int uid) {
        SecureScriptRunner r = new SecureScriptRunner(next, fs, List.of("/usr/bin", "/bin"));
        ScriptCommand cmd = new ScriptCommand(program, List.of(program, "arg"), Optional.empty(), Optional.empty(),
                uid, uid, null);
        var f = r.run(new ScriptRun("(VI_1) notify_master", cmd, Duration.ofSeconds(5)));
        return f.isDone() ? f.join() : null;
    }

    @Test
    void aRootScriptInARootOwnedPathRuns() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755).file("/etc/k/m.sh", 0, 0, 0755);
        assertEquals(null, run(fs, "/etc/k/m.sh", 0));
        assertEquals(1, next.started().size());
    }

    @Test
    void aScriptThatBecameWritableByOthersIsNotRunAndSaysWhy() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0777).file("/etc/k/m.sh", 0, 0, 0755);
        ScriptResult r = run(fs, "/etc/k/m.sh", 0);
        assertTrue(r instanceof ScriptResult.NotRun n && n.reason().contains("/etc/k is not owned by root or is"
                + " writable by a non-root user"), String.valueOf(r));
        assertEquals(0, next.started().size());

        FakeFileSystem owned = FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755).file("/etc/k/m.sh", 1000, 0, 0755);
        assertTrue(run(owned, "/etc/k/m.sh", 0) instanceof ScriptResult.NotRun);
    }

    @Test
    void bareNamesAreCheckedWhereThePathFindsThemAndUnprivilegedScriptsAreNotChecked() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().dir("/usr/bin", 0, 0, 0777).file("/usr/bin/hook", 0, 0, 0755);
        assertTrue(run(fs, "hook", 0) instanceof ScriptResult.NotRun);
        assertEquals(null, run(fs, "hook", 1000));
        assertEquals(1, next.started().size());
    }
}
