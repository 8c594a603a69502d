package io.javakeepalived.lvs.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * ipvsadm inside the VM: the binary and its libnl come out of the VM's initramfs (the host has
 * none), into the folder the system property {@code ipvsadm.root} names.
 */
final class Ipvsadm {
    private Ipvsadm() {
    }

    /** {@code ipvsadm ARGS}' standard output; fails on a non-zero exit. */
    static String run(String... args) throws IOException, InterruptedException {
        return runIn(List.of(), args);
    }

    /** The same in network namespace {@code ns} (IPVS has a table per namespace). */
    private static String runIn(List<String> prefix, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("ipvsadm.root", "target/vm-ipvsadm"));
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(root.resolve("usr/sbin/ipvsadm").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", root.resolve("lib/x86_64-linux-gnu").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ipvsadm " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    /**
     * {@code ipvsadm -Ln} as lines an operator compares: each service line followed by its dests
     * (address, forwarding, weight; not the connection counters), services in sorted order, the
     * dests of each sorted too (their order is the order they were added in, which is no contract).
     */
    static List<String> table() throws IOException, InterruptedException {
        return parse(run("-Ln"));
    }

    /** {@link #table()} of network namespace {@code ns}. */
    static List<String> table(String ns) throws IOException, InterruptedException {
        return parse(runIn(List.of("ip", "netns", "exec", ns), "-Ln"));
    }

    /**
     * {@link #table(String)} once it equals {@code expected}, or as it is after {@code seconds}
     * (polled every 200 ms): what an operator watching {@code ipvsadm -Ln} sees settle.
     */
    static List<String> await(String ns, List<String> expected, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> t = table(ns);
        while (!t.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(200);
            t = table(ns);
        }
        return t;
    }

    private static List<String> parse(String listing) {
        TreeMap<String, List<String>> services = new TreeMap<>();
        List<String> current = null;
        List<String> lines = listing.lines().toList();
        for (String l : lines.subList(Math.min(3, lines.size()), lines.size())) {
            String[] f = l.trim().split("\\s+");
            if (l.startsWith("  ->")) {
                current.add("  -> " + f[1] + " " + f[2] + " " + f[3]);
            } else if (!l.isBlank()) {
                current = new ArrayList<>();
                services.put(String.join(" ", f), current);
            }
        }
        List<String> out = new ArrayList<>();
        services.forEach((s, dests) -> {
            out.add(s);
            dests.stream().sorted().forEach(out::add);
        });
        return out;
    }
}
