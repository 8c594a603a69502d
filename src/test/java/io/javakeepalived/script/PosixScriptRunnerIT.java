package io.javakeepalived.script;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.sys.SystemProcessControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real processes through posix_spawn + setpriv. Needs root (it runs scripts as nobody). */
class PosixScriptRunnerIT {
    private static ScriptUser user;
    private static int nobody;
    private static int nogroup;

    @org.junit.jupiter.api.BeforeAll
    static void user() throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            user = ScriptUser.obtain();
            nobody = user.uid;
            nogroup = user.gid;
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void removeUser() throws Exception {
        if (user != null) {
            user.close();
        }
    }

    private Path dir;
    private PosixScriptRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs scripts as another user: needs root");
        dir = Files.createTempDirectory("jk-runner-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        runner = PosixScriptRunner.create(new SystemProcessControl());
        // warm up (jnr binding, class loading) so the timing assertions measure the runner
        await(runner.run(new ScriptRun("warm-up", command(List.of("true"), 0, 0), Duration.ofSeconds(10))));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static ScriptCommand command(List<String> argv, int uid, int gid) {
        return new ScriptCommand(String.join(" ", argv), argv, Optional.empty(), Optional.empty(), uid, gid,
                new SourceLocation("test.conf", 1));
    }

    private static ScriptResult await(java.util.concurrent.CompletableFuture<ScriptResult> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void argvAndCredentialsAreExactlyTheConfiguredOnes() throws Exception {
        Path out = dir.resolve("out.txt");
        Path s = script("args.sh", """
                exec > %s
                echo "argc=$#"
                for a in "$@"; do echo "arg=$a"; done
                echo "argv0=$0"
                echo "uid=$(id -u) gid=$(id -g) groups=$(id -G)"
                echo "pgid=$(ps -o pgid= -p $$ | tr -d ' ') sid=$(ps -o sid= -p $$ | tr -d ' ') pid=$$"
                echo "cwd=$(pwd)"
                """.formatted(out));
        // what the config splits "script arg1 'two words'" into, plus the generic notify's four
        ScriptCommand cmd = command(List.of(s.toString(), "arg1", "two words"), nobody, nogroup);
        ScriptResult r = await(runner.run(new ScriptRun("(VI_1) notify", cmd,
                List.of("INSTANCE", "VI_1", "MASTER", "100"), Duration.ofSeconds(10))));
        assertInstanceOf(ScriptResult.Exited.class, r, r.describe());
        assertTrue(r.succeeded(), r.describe() + " " + r.output());
        List<String> lines = Files.readAllLines(out);
        long pid = ((ScriptResult.Exited) r).pid();
        assertEquals(List.of("argc=6", "arg=arg1", "arg=two words", "arg=INSTANCE", "arg=VI_1", "arg=MASTER",
                "arg=100", "argv0=" + s, "uid=" + nobody + " gid=" + nogroup + " groups=" + nogroup,
                "pgid=" + pid + " sid=" + pid + " pid=" + pid, "cwd=/"), lines);
    }

    @Test
    void theScriptGetsACleanEnvironmentNoInheritedFdsAndDefaultSignals() throws Exception {
        ScriptCommand cmd = command(List.of("sh", "-c",
                // ls writes straight to stdout: a pipeline would make the shell hold a pipe end
                // (fd 3) while it starts the second command, and the test would see it now and then
                "ls -m /proc/$$/fd; env | sort | tr '\\n' ' '; echo;"
                        + " grep -E '^Sig(Blk|Ign)' /proc/$$/status | tr '\\t\\n' '  '; echo; read x; echo \"stdin=[$x]\""),
                0, 0);
        ScriptResult r = await(runner.run(new ScriptRun("probe", cmd, Duration.ofSeconds(10))));
        assertTrue(r.succeeded(), r.describe());
        List<String> lines = r.output().lines().toList();
        assertEquals("0, 1, 2", lines.get(0).strip(), "fds");
        assertEquals("PATH=/usr/sbin:/usr/bin:/sbin:/bin PWD=/", lines.get(1).strip(), "environment");
        assertEquals("SigBlk: 0000000000000000 SigIgn: 0000000000000000", lines.get(2).strip(), "signals");
        assertEquals("stdin=[]", lines.get(3), "stdin is /dev/null");
    }

    @Test
    void exitStatusAndDeathBySignalAreToldApart() throws Exception {
        ScriptCommand exit143 = command(List.of("/bin/sh", "-c", "exit 143"), 0, 0);
        ScriptCommand killed = command(List.of("/bin/sh", "-c", "kill -TERM $$"), 0, 0);
        ScriptResult a = await(runner.run(new ScriptRun("a", exit143, Duration.ofSeconds(10))));
        ScriptResult b = await(runner.run(new ScriptRun("b", killed, Duration.ofSeconds(10))));
        assertEquals(143, ((ScriptResult.Exited) a).status());
        assertEquals(15, ((ScriptResult.Signaled) b).signal());
    }

    @Test
    void aHungScriptIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path child = dir.resolve("child.pid");
        Path s = script("hang.sh", """
                sh -c 'trap "" TERM; echo $$ > %s; exec sleep 1000' &
                sleep 1000
                """.formatted(child));
        ScriptCommand cmd = command(List.of(s.toString()), nobody, nogroup);
        long t0 = System.nanoTime();
        var future = runner.run(new ScriptRun("VRRP_Script(hang)", cmd, Duration.ofMillis(700)));
        ScriptResult r = await(future);
        long took = (System.nanoTime() - t0) / 1_000_000;
        ScriptResult.TimedOut t = assertInstanceOf(ScriptResult.TimedOut.class, r, r.describe());
        // the child ignores SIGTERM, so it took the SIGKILL 2 s after
        assertEquals(9, t.lastSignal());
        assertTrue(took >= 2600 && took < 6000, "took " + took + " ms");
        long childPid = Long.parseLong(Files.readString(child).strip());
        assertEquals(List.of(), ProcScan.awaitGroupGone(t.pid(), 5_000), "left in the group");
        assertTrue(!ProcScan.alive(childPid), "child " + childPid + " survived");
        assertEquals(List.of(), ProcScan.ourZombies());
    }

    @Test
    void aScriptThatDiesOfTheTermIsReportedAtOnce() throws Exception {
        Path s = script("hang2.sh", "sleep 1000 &\nsleep 1000\n");
        ScriptCommand cmd = command(List.of(s.toString()), nobody, nogroup);
        long t0 = System.nanoTime();
        ScriptResult r = await(runner.run(new ScriptRun("hang2", cmd, Duration.ofMillis(500))));
        long took = (System.nanoTime() - t0) / 1_000_000;
        ScriptResult.TimedOut t = assertInstanceOf(ScriptResult.TimedOut.class, r, r.describe());
        assertEquals(15, t.lastSignal());
        // not the SIGKILL step, which would come 2 s after the TERM at 0.5 s: at 2.5 s at the soonest
        assertTrue(took < 2_400, "took " + took + " ms");
        assertEquals(List.of(), ProcScan.awaitGroupGone(t.pid(), 5_000));
        assertEquals(List.of(), ProcScan.ourZombies());
    }

    @Test
    void whyAScriptDidNotRun() throws Exception {
        Path notExec = dir.resolve("plain.sh");
        Files.writeString(notExec, "#!/bin/sh\n");
        Files.setPosixFilePermissions(notExec, PosixFilePermissions.fromString("rwxr--r--"));
        ScriptResult missing = await(runner.run(new ScriptRun("m",
                command(List.of(dir.resolve("missing.sh").toString()), 0, 0), Duration.ofSeconds(1))));
        ScriptResult bare = await(runner.run(new ScriptRun("b",
                command(List.of("no-such-program-here"), 0, 0), Duration.ofSeconds(1))));
        ScriptResult perm = await(runner.run(new ScriptRun("p",
                command(List.of(notExec.toString()), nobody, nogroup), Duration.ofSeconds(1))));
        assertEquals("not run: " + dir.resolve("missing.sh") + ": No such file or directory", missing.describe());
        assertEquals("not run: no-such-program-here not found in PATH /usr/sbin:/usr/bin:/sbin:/bin",
                bare.describe());
        assertTrue(perm.describe().startsWith("not run: " + notExec + " is not executable by uid " + nobody + " gid " + nogroup),
                perm.describe());
    }

    @Test
    void anOpenTestOpensTheFileAsTheScriptsUserAndAgreesWithTheShell() throws Exception {
        Path rootOnly = Files.writeString(dir.resolve("root-only"), "x");
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rw-------"));
        Path groupReadable = Files.writeString(dir.resolve("group-readable"), "x");
        Files.setPosixFilePermissions(groupReadable, PosixFilePermissions.fromString("rw-r-----"));
        Files.setAttribute(groupReadable, "unix:gid", nogroup);
        Path closedDir = Files.createDirectory(dir.resolve("closed"));
        Files.setPosixFilePermissions(closedDir, PosixFilePermissions.fromString("rwx------"));
        Path behindClosedDir = Files.writeString(closedDir.resolve("readable"), "x");
        Files.setPosixFilePermissions(behindClosedDir, PosixFilePermissions.fromString("rw-r--r--"));
        Path missing = dir.resolve("missing");
        record Case(Path path, int uid, int gid, int status) {
        }
        List<Case> cases = List.of(new Case(rootOnly, nobody, nogroup, 1), new Case(rootOnly, 0, 0, 0),
                new Case(groupReadable, nobody, nogroup, 0), new Case(groupReadable, nobody, nobody + 12345, 1),
                new Case(behindClosedDir, nobody, nogroup, 1), new Case(behindClosedDir, 0, 0, 0),
                new Case(missing, 0, 0, 1));
        for (Case c : cases) {
            ScriptResult r = await(runner.run(new ScriptRun("VRRP_Script(chk)",
                    command(List.of("<" + c.path()), c.uid(), c.gid()), Duration.ofSeconds(10))));
            ScriptResult.Exited e = assertInstanceOf(ScriptResult.Exited.class, r, r.describe());
            assertEquals(c.status(), e.status(), c + " " + e.output());
            assertEquals(c.status(), shellOpens(c.path(), c.uid(), c.gid()) ? 0 : 1, "the shell disagrees: " + c);
        }
        ScriptResult denied = await(runner.run(new ScriptRun("x", command(List.of("<" + rootOnly), nobody, nogroup),
                Duration.ofSeconds(10))));
        assertEquals(rootOnly + ": Permission denied", denied.output());
        assertEquals("x", Files.readString(rootOnly), "the daemon itself is still root");
    }

    /** What keepalived's way gives: /bin/sh as the user, with the redirection as its command. */
    private static boolean shellOpens(Path path, int uid, int gid) throws Exception {
        Process p = new ProcessBuilder("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--",
                "/bin/sh", "-c", "<" + path).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return p.exitValue() == 0;
    }

    @Test
    void aBackgroundChildWritingForeverFillsNoDiskAndIsNotBlockedAndTheLogGetsTheTail() throws Exception {
        Path done = dir.resolve("done");
        Path s = script("noisy.sh", """
                i=0; while [ $i -lt 100 ]; do echo "line $i"; i=$((i+1)); done
                (sleep 1; head -c 30000000 /dev/zero; touch %s; exec sleep 60) &
                echo $! > %s
                echo "last words" >&2
                exit 3
                """.formatted(done, dir.resolve("bg.pid")));
        ScriptResult r = await(runner.run(new ScriptRun("(VI_1) notify_master", command(List.of(s.toString()), 0, 0),
                Duration.ofSeconds(10))));
        assertEquals(3, assertInstanceOf(ScriptResult.Exited.class, r, r.describe() + r.output()).status(), r.output());
        assertTrue(r.output().contains("line 99") && r.output().length() <= PosixScriptRunner.DEFAULT_OUTPUT_TAIL_BYTES,
                r.output());
        long bg = Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip());
        try {
            for (int i = 0; i < 100 && !Files.exists(done); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(done), "the child wrote its 30 MB after the run ended: it was not blocked");
            long held = Files.size(Path.of("/proc/" + bg + "/fd/1")); // what its stdout holds
            assertTrue(held < 1 << 20, "the child's stdout holds " + held + " bytes");
        } finally {
            ProcessBuilder kill = new ProcessBuilder("kill", Long.toString(bg));
            kill.start().waitFor();
        }
    }

    @Test
    void aBareNameIsFoundInPathAndManyRunsLeaveNoZombie() throws Exception {
        List<java.util.concurrent.CompletableFuture<ScriptResult>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(runner.run(new ScriptRun("t" + i, command(List.of(i % 2 == 0 ? "true" : "false"), nobody, nogroup),
                    Duration.ofSeconds(10))));
        }
        for (int i = 0; i < all.size(); i++) {
            ScriptResult r = await(all.get(i));
            assertEquals(i % 2 == 0, r.succeeded(), r.describe());
        }
        assertEquals(0, runner.runningCount());
        assertEquals(List.of(), ProcScan.ourZombies());
    }
}
