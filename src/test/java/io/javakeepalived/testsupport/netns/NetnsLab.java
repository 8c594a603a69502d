package io.javakeepalived.testsupport.netns;

import io.javakeepalived.net.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away Ethernet segment for integration tests: a bridge in its own network namespace and
 * one namespace per node, each joined to the bridge by a veth pair whose node end is called
 * {@code eth0}. Nodes get 10.213.0.N/24 and fd13::N/64 (N = 1, 2, … in creation order, DAD off).
 * Nothing in the root namespace is touched and the bridge has no uplink.
 *
 * <p>Namespaces are named {@code jkl<pid>x<lab>-<role>}; on creation, namespaces left by test JVMs
 * that no longer run are deleted. {@link #close()} stops every process the lab started (by pid) and
 * deletes every namespace it made; it also runs from a shutdown hook if a test forgets it.
 *
 * <p>Code of the network layer runs inside a node with {@link #call(Node, Callable)}
 * ({@code setns(2)} on a dedicated thread; sockets keep their namespace afterwards).
 * Shell commands ({@code ip}, {@code tcpdump}) are for tests only.
 */
public final class NetnsLab implements AutoCloseable {
    private static final String PREFIX = "jkl";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)x\\d+-.*");
    private static final AtomicInteger LABS = new AtomicInteger();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final String base;
    private final String bridgeNs;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Background> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    /** One node: its namespace, the address numbers and the MAC of its eth0. */
    public record Node(String name, String ns, int number, String mac) {
        public String ipv4() {
            return "10.213.0." + number;
        }

        public String ipv6() {
            return "fd13::" + Integer.toHexString(number);
        }

        public String ifname() {
            return "eth0";
        }
    }

    /** Output of a finished command. */
    public record Result(int exitCode, String output) {
        public Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + output);
            }
            return this;
        }
    }

    private NetnsLab() throws IOException {
        this.base = PREFIX + ProcessHandle.current().pid() + "x" + LABS.incrementAndGet();
        this.bridgeNs = base + "-br";
        this.hook = new Thread(this::closeQuietly, "netns-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            addNamespace(bridgeNs);
            ip(bridgeNs, "link", "set", "lo", "up");
            ip(bridgeNs, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0", "stp_state", "0", "forward_delay", "0");
            ip(bridgeNs, "link", "set", "br0", "up");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Checks root (see {@link #requireRoot()}), removes stale namespaces and builds an empty lab. */
    public static NetnsLab create() throws IOException {
        requireRoot();
        deleteStale();
        return new NetnsLab();
    }

    /**
     * A lab with these nodes already added (10.213.0.1, .2, … in order), for the usual
     * {@code @BeforeEach}; if a node cannot be made, the half-built lab is torn down.
     */
    public static NetnsLab create(String... nodeNames) throws IOException {
        NetnsLab lab = create();
        try {
            for (String n : nodeNames) {
                lab.addNode(n);
            }
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /**
     * Integration tests need root (namespaces, raw sockets). Without it they are skipped with a
     * reason, except under {@code CI=true}, where a test that cannot run must fail.
     */
    public static void requireRoot() {
        if (isRoot()) {
            return;
        }
        String reason = "network namespace tests need root (uid 0); this JVM runs as uid " + uid();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " and CI=true forbids skipping");
        }
        Assumptions.abort(reason);
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    private static long uid() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:")) {
                    return Long.parseLong(l.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** Deletes namespaces named by this harness whose JVM is gone. */
    static void deleteStale() {
        Path dir = Path.of("/var/run/netns");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    run(List.of("ip", "netns", "delete", p.getFileName().toString()), DEFAULT_TIMEOUT);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a node: namespace, veth to the bridge (node end eth0, up), 10.213.0.N/24 and fd13::N/64. */
    public Node addNode(String name) throws IOException {
        if (nodes.containsKey(name)) {
            throw new IllegalArgumentException("node " + name + " exists");
        }
        int n = nodes.size() + 1;
        String ns = base + "-" + name;
        addNamespace(ns);
        // DAD off before eth0 arrives, so link-local and global IPv6 addresses are usable at once.
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0").requireSuccess("sysctl accept_dad");
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0").requireSuccess("sysctl accept_dad");
        ip(ns, "link", "set", "lo", "up");
        String port = "p" + n;
        ip(bridgeNs, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip(bridgeNs, "link", "set", port, "master", "br0");
        ip(bridgeNs, "link", "set", port, "up");
        ip(ns, "link", "set", "eth0", "up");
        ip(ns, "addr", "add", "10.213.0." + n + "/24", "dev", "eth0");
        ip(ns, "-6", "addr", "add", "fd13::" + Integer.toHexString(n) + "/64", "dev", "eth0", "nodad");
        String mac = macOf(ns, "eth0");
        Node node = new Node(name, ns, n, mac);
        nodes.put(name, node);
        return node;
    }

    /**
     * Adds a namespace {@code <lab>-<role>} with only lo (up), for a topology the bridge does not
     * fit (a router and nodes in subnets of their own); deleted at {@link #close()}.
     */
    public String addBareNamespace(String role) throws IOException {
        String ns = base + "-" + role;
        addNamespace(ns);
        ip(ns, "link", "set", "lo", "up");
        return ns;
    }

    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    /** The bridge port (in the bridge namespace) that leads to {@code node}. */
    public String bridgePort(Node node) {
        return "p" + node.number();
    }

    public String bridgeNamespace() {
        return bridgeNs;
    }

    public void linkDown(Node node) throws IOException {
        ip(node.ns(), "link", "set", node.ifname(), "down");
    }

    public void linkUp(Node node) throws IOException {
        ip(node.ns(), "link", "set", node.ifname(), "up");
    }

    /** Takes the bridge side of the node's veth down: the node keeps eth0 up but loses carrier. */
    public void carrierDown(Node node) throws IOException {
        ip(bridgeNs, "link", "set", bridgePort(node), "down");
    }

    public void carrierUp(Node node) throws IOException {
        ip(bridgeNs, "link", "set", bridgePort(node), "up");
    }

    /** Runs {@code work} inside the node's namespace (setns on a fresh thread). */
    public <T> T call(Node node, Callable<T> work) throws IOException {
        return NetNamespace.call(node.ns(), work);
    }

    /** Runs {@code cmd} inside {@code ns} ({@code ip netns exec}) and waits up to 20 s. */
    public Result exec(String ns, String... cmd) throws IOException {
        return exec(ns, DEFAULT_TIMEOUT, cmd);
    }

    public Result exec(String ns, Duration timeout, String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(Arrays.asList(cmd));
        return run(full, timeout);
    }

    /** {@code ip -n ns ARGS}, failing on a non-zero exit. */
    public Result ip(String ns, String... args) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "-n", ns));
        full.addAll(Arrays.asList(args));
        return run(full, DEFAULT_TIMEOUT).requireSuccess(String.join(" ", full));
    }

    /**
     * Starts {@code cmd} in {@code ns} in the background; output goes to a temp file. Stopped by
     * pid on {@link Background#stop()} or at {@link #close()}.
     */
    public Background start(String ns, String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(Arrays.asList(cmd));
        Path out = Files.createTempFile(base + "-", ".out");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Background b = new Background(p, out, String.join(" ", cmd));
        synchronized (processes) {
            processes.add(b);
        }
        return b;
    }

    /**
     * Starts tcpdump on {@code ifname} in {@code ns}, writing packets to a pcap file as they come
     * ({@code -U --immediate-mode}), and waits until it is listening.
     */
    public Capture tcpdump(String ns, String ifname, String filter) throws IOException {
        Path pcap = Files.createTempFile(base + "-", ".pcap");
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", ifname, "-n", "-U", "--immediate-mode", "-w", pcap.toString()));
        if (filter != null && !filter.isBlank()) {
            cmd.addAll(Arrays.asList(filter.split(" ")));
        }
        Background b = start(ns, cmd.toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!b.output().contains("listening on")) {
            if (!b.process().isAlive()) {
                String out = b.output();
                if (out.contains("No such file or directory")) {
                    throw new IllegalStateException("tcpdump is not installed (apt-get install -y tcpdump): " + out);
                }
                throw new IllegalStateException("tcpdump exited: " + out);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tcpdump did not start: " + b.output());
            }
            sleep(50);
        }
        return new Capture(b, pcap);
    }

    /** A running background command. */
    public final class Background {
        private final Process process;
        private final Path out;
        private final String what;

        Background(Process process, Path out, String what) {
            this.process = process;
            this.out = out;
            this.what = what;
        }

        public long pid() {
            return process.pid();
        }

        public Process process() {
            return process;
        }

        /** What it printed so far. */
        public String output() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** SIGTERM to this pid, SIGKILL after 5 s; waits for the exit. */
        public void stop() {
            ProcessHandle h = process.toHandle();
            if (h.isAlive()) {
                h.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        h.destroyForcibly();
                        process.waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void cleanup() {
            stop();
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // best effort
            }
        }

        @Override
        public String toString() {
            return what + " (pid " + pid() + ")";
        }
    }

    /** A tcpdump capture; {@link #stopAndDecode(String...)} returns its verbose text. */
    public final class Capture {
        private final Background tcpdump;
        private final Path pcap;

        Capture(Background tcpdump, Path pcap) {
            this.tcpdump = tcpdump;
            this.pcap = pcap;
        }

        public Path pcap() {
            return pcap;
        }

        /** Stops tcpdump (by pid) and decodes the file with {@code tcpdump -r FILE -nn -e -v [extra]}. */
        public String stopAndDecode(String... extra) throws IOException {
            sleep(200);  // let the last frames reach the file
            tcpdump.stop();
            List<String> cmd = new ArrayList<>(List.of("tcpdump", "-r", pcap.toString(), "-nn", "-e", "-v"));
            cmd.addAll(Arrays.asList(extra));
            return run(cmd, DEFAULT_TIMEOUT).output();
        }
    }

    private void addNamespace(String ns) throws IOException {
        run(List.of("ip", "netns", "add", ns), DEFAULT_TIMEOUT).requireSuccess("ip netns add " + ns);
        namespaces.add(ns);
    }

    private String macOf(String ns, String ifname) throws IOException {
        String out = ip(ns, "-o", "link", "show", ifname).output();
        Matcher m = Pattern.compile("link/ether ([0-9a-f:]{17})").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no MAC in: " + out);
        }
        return m.group(1);
    }

    /** Parses aa:bb:cc:dd:ee:ff. */
    public static byte[] macBytes(String mac) {
        String[] p = mac.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(p[i], 16);
        }
        return b;
    }

    static Result run(List<String> cmd, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", cmd));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
    }

    /** Polls {@code cond} every 5 ms; on time-out fails naming {@code what}, followed by {@code detail} (logs). */
    public static void await(String what, long timeoutMs, BooleanSupplier cond, Supplier<String> detail) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what + detail.get());
            }
            sleep(5);
        }
    }

    /** {@link #await(String, long, BooleanSupplier, Supplier)} that shows what {@code log} printed. */
    public static void await(String what, long timeoutMs, BooleanSupplier cond, Background log) {
        await(what, timeoutMs, cond, () -> log == null ? "" : "\n--- log of " + log + ":\n" + log.output());
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // shutdown hook: nothing more to do
        }
    }

    /** Stops started processes (by pid) and deletes every namespace of the lab. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Background> ps;
        synchronized (processes) {
            ps = new ArrayList<>(processes);
        }
        for (Background b : ps) {
            b.cleanup();
        }
        List<String> nss = new ArrayList<>(namespaces);
        java.util.Collections.reverse(nss);
        for (String ns : nss) {
            try {
                run(List.of("ip", "netns", "delete", ns), DEFAULT_TIMEOUT);
            } catch (IOException e) {
                // keep deleting the others; deleteStale() catches leftovers next time
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already in shutdown
            }
        }
    }
}
