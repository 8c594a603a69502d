package io.javakeepalived.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The IPVS tests that need a kernel with IPVS (this host's has none): one boot of the QEMU VM of
 * ../shared/tools/ipvs-vm, one JVM inside it running every {@code *VmCase} class of
 * {@code io.javakeepalived.lvs.vm} through {@code VmCaseRunner}; this test fails with their
 * report if one fails. Without qemu or the VM tools it is skipped, except under CI=true.
 */
class IpvsVmIT {
    private static final Path CACHE = Path.of("/var/tmp/ipvs-vm");
    private static final List<String> CASES = List.of("io.javakeepalived.lvs.vm.IpvsKernelVmCase",
            "io.javakeepalived.lvs.vm.IpvsTrafficVmCase", "io.javakeepalived.lvs.vm.DaemonIpvsVmCase",
            "io.javakeepalived.lvs.vm.CheckerIpvsVmCase", "io.javakeepalived.lvs.vm.VrrpStateVmCase",
            "io.javakeepalived.lvs.vm.DirectorTrafficVmCase", "io.javakeepalived.lvs.vm.LvsDrNginxVmCase");
    // the cases took 4.3 min under TCG on the 2-core host at load 12, 6.3 min with the two traffic
    // cases at load 20 (a JVM start in the VM is most of a daemon case): a loaded host needs room
    private static final int VM_LIMIT_SECONDS = 600;

    @Test
    void theIpvsCasesPassInAKernelWithIpvs() throws Exception {
        NetnsLab.requireRoot();
        Path tools = Path.of("..", "shared", "tools", "ipvs-vm").toAbsolutePath().normalize();
        require(Files.isExecutable(tools.resolve("run-in-vm.sh")), "the VM tools are not at " + tools);
        require(onPath("qemu-system-x86_64") && onPath("busybox"),
                "qemu-system-x86 and busybox-static are not installed (scripts/test.sh installs them)");
        Path target = Path.of("target").toAbsolutePath();
        run(List.of(tools.resolve("make-vm.sh").toString(), CACHE.toString()), null, 600);
        Path ipvsadm = target.resolve("vm-ipvsadm");
        Files.createDirectories(ipvsadm);
        // ipvsadm and its libnl live only in the VM's initramfs; the guest sees this folder
        Process x = new ProcessBuilder("busybox", "cpio", "-idu", "usr/sbin/ipvsadm",
                "lib/x86_64-linux-gnu/libnl-3.so.200", "lib/x86_64-linux-gnu/libnl-genl-3.so.200",
                "lib/x86_64-linux-gnu/libpopt.so.0").directory(ipvsadm.toFile())
                .redirectInput(CACHE.resolve("initramfs.cpio").toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(x.waitFor(60, TimeUnit.SECONDS) && x.exitValue() == 0, "cannot unpack ipvsadm");

        List<String> cmd = new ArrayList<>(List.of(tools.resolve("run-in-vm.sh").toString(), "-t",
                Integer.toString(VM_LIMIT_SECONDS), "-m", "1024M", CACHE.toString(), "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xss512k", "-Dipvsadm.root=" + ipvsadm,
                "-Djavakeepalived.jar=" + Path.of(System.getProperty("javakeepalived.jar", "target/javakeepalived.jar"))
                        .toAbsolutePath(), "-cp", classPath(),
                "io.javakeepalived.lvs.vm.VmCaseRunner"));
        cmd.addAll(CASES);
        long t0 = System.nanoTime();
        Result r = run(cmd, target.getParent(), VM_LIMIT_SECONDS + 60);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        System.out.println("IpvsVmIT: VM run took " + seconds + " s\n" + r.output);
        assertEquals(0, r.exit, "the IPVS cases inside the VM (exit " + r.exit + ", " + seconds + " s):\n"
                + r.output);
        assertTrue(r.output.contains(" 0 failed"), r.output);
    }

    /** The test class path, from the surefire booter's manifest if that is all java.class.path holds. */
    private static String classPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] parts = cp.split(File.pathSeparator);
        if (parts.length == 1 && parts[0].endsWith(".jar") && parts[0].contains("surefire")) {
            try (JarFile jar = new JarFile(parts[0])) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                List<String> paths = new ArrayList<>();
                for (String u : manifest.trim().split("\\s+")) {
                    paths.add(Path.of(URI.create(u)).toString());
                }
                return String.join(File.pathSeparator, paths);
            }
        }
        return cp;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, Path dir, int limitSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Path out = Files.createTempFile("ipvs-vm", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            Assertions.fail(cmd.get(0) + " did not end within " + limitSeconds + " s:\n" + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return new Result(p.exitValue(), text);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean ok, String reason) {
        if (ok) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " and CI=true forbids skipping");
        }
        Assumptions.abort(reason);
    }
}
