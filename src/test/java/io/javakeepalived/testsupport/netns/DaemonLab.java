package io.javakeepalived.testsupport.netns;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped jar running in {@link NetnsLab} nodes, seen as an operator sees it: the console
 * log ({@code -l -D}), the JSON dump written on keepalived's {@code --signum=JSON} signal (36)
 * in the daemon's own {@code $TMPDIR}, addresses via {@code ip}, the wire via tcpdump/tshark.
 * Owns the lab: {@link #close()} stops every process (by pid) and deletes the namespaces.
 *
 * <pre>
 * try (DaemonLab dl = DaemonLab.create(tempDir, "a", "b", "c")) {
 *     Daemon a = dl.start(dl.node("a"), config);
 *     a.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
 *     long ttlErrors = a.stats("VI_1").get("ip_ttl_err");
 * }
 * </pre>
 */
public final class DaemonLab implements AutoCloseable {
    /** keepalived's {@code --signum=JSON}: SIGRTMIN+2. */
    public static final int SIGNUM_JSON = 36;

    private final NetnsLab lab;
    private final Path dir;

    private DaemonLab(NetnsLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    /** A lab with these nodes (10.213.0.1, .2, ... in order); needs root (see {@link NetnsLab#requireRoot()}). */
    public static DaemonLab create(Path dir, String... nodeNames) throws IOException {
        return new DaemonLab(NetnsLab.create(nodeNames), dir);
    }

    public NetnsLab lab() {
        return lab;
    }

    public Node node(String name) {
        return lab.node(name);
    }

    /** The shaded jar (built in the package phase; failsafe passes its path). */
    public static Path jar() {
        String p = System.getProperty("javakeepalived.jar");
        Path jar = Path.of(p != null ? p : "target/javakeepalived.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        return jar;
    }

    /** Starts {@code java -jar javakeepalived.jar -n -l -D -f CONF} in the node, with its own TMPDIR. */
    public Daemon start(Node n, String config) throws IOException {
        return start(n, n.name(), config, jarCommand("-n", "-l", "-D"));
    }

    /** {@code java -jar javakeepalived.jar ARGS} with this JVM's java and flags that start it quickly. */
    public static List<String> jarCommand(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@code PROGRAM... -f NAME.conf -p NAME.pid -r NAME_vrrp.pid} (files in the lab's
     * directory) in the node with {@code TMPDIR=NAME-tmp}: for a daemon started another way (the
     * launcher script, keepalived itself) or a second one on the same node. {@code env} execs the
     * program, so the pid the lab holds is the daemon's.
     */
    public Daemon start(Node n, String name, String config, List<String> program) throws IOException {
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, config);
        Path tmp = Files.createDirectories(dir.resolve(name + "-tmp"));
        List<String> cmd = new ArrayList<>(List.of("env", "TMPDIR=" + tmp));
        cmd.addAll(program);
        cmd.addAll(List.of("-f", conf.toString(), "-p", file(name + ".pid").toString(),
                "-r", file(name + "_vrrp.pid").toString()));
        return new Daemon(n, lab.start(n.ns(), cmd.toArray(String[]::new)), tmp);
    }

    /** A path in the lab's directory (pid files, configurations). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * A {@code vrrp_instance} on eth0: {@code extra} holds further keyword lines (state,
     * advert_int, ...), each indented and ending in a newline; the VIPs go in virtual_ipaddress.
     */
    public static String vrrpInstance(String name, int vrid, int priority, String extra, String... vips) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n"
                + "    interface eth0\n"
                + "    virtual_router_id " + vrid + "\n"
                + "    priority " + priority + "\n"
                + extra
                + "    virtual_ipaddress {\n");
        for (String v : vips) {
            sb.append("        ").append(v).append('\n');
        }
        return sb.append("    }\n}\n").toString();
    }

    /** {@code nft -f -} in the node's namespace (tests only), failing on error. */
    public void nft(Node n, String script) throws IOException {
        Path f = Files.createTempFile(dir, "nft-", ".nft");
        Files.writeString(f, script);
        lab.exec(n.ns(), "nft", "-f", f.toString()).requireSuccess("nft -f " + script);
    }

    /** Whether the node's eth0 carries {@code cidr} (e.g. {@code 10.213.0.100/24}). */
    public boolean hasAddress(Node n, String cidr) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "eth0").output().contains(" " + cidr + " ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code ip ARGS} in the node's namespace (tests only): its output, or the error text when it
     * fails (e.g. "FIB table does not exist" for a table nothing was ever put in).
     */
    public String ip(Node n, String... args) {
        try {
            return lab.ip(n.ns(), args).output();
        } catch (IOException | RuntimeException e) {
            return e.toString();
        }
    }

    /** Polls {@code cond} every 5 ms; on time-out fails with the daemons' logs. */
    public static void await(String what, long timeoutMs, BooleanSupplier cond, Daemon... logs) {
        NetnsLab.await(what, timeoutMs, cond, () -> {
            StringBuilder sb = new StringBuilder();
            for (Daemon d : logs) {
                sb.append("\n--- log of ").append(d.node().name()).append(":\n").append(d.output());
            }
            return sb.toString();
        });
    }

    /**
     * Reads a pcap with tshark into one row per frame: {@code frame.time_epoch} then the given
     * fields, tab separated (e.g. {@code ip.src}, {@code vrrp.prio}).
     */
    public static List<String[]> tshark(Path pcap, String filter, String... fields) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-T", "fields",
                "-E", "separator=/t", "-e", "frame.time_epoch"));
        if (filter != null) {
            cmd.add("-Y");
            cmd.add(filter);
        }
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        NetnsLab.Result r = NetnsLab.run(cmd, java.time.Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("tshark failed: " + r.output());
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (!line.isBlank() && Character.isDigit(line.charAt(0))) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        lab.close(); // stops every process it started, by pid
    }

    /** One running daemon. */
    public final class Daemon {
        private final Node node;
        private final Background process;
        private final Path tmp;
        private int jsonDumps;

        Daemon(Node node, Background process, Path tmp) {
            this.node = node;
            this.process = process;
            this.tmp = tmp;
        }

        public Node node() {
            return node;
        }

        /** The daemon's {@code $TMPDIR}, where it writes its dumps. */
        public Path tmpdir() {
            return tmp;
        }

        public Background process() {
            return process;
        }

        public long pid() {
            return process.pid();
        }

        public String output() {
            return process.output();
        }

        /** A console log line {@code <date>: <text>}. */
        public boolean logged(String text) {
            return DaemonLab.logged(output(), text);
        }

        /** How many console lines end in {@code ": " + text}. */
        public long count(String text) {
            return DaemonLab.count(output(), text);
        }

        /** Console lines whose text contains {@code part}. */
        public List<String> linesContaining(String part) {
            return output().lines().filter(l -> l.contains(part)).toList();
        }

        public void awaitLogged(String text, long timeoutMs) {
            await(node.name() + ": " + text, timeoutMs, () -> logged(text), this);
        }

        /** SIGKILL by pid: no priority 0, the VIPs stay in the kernel. */
        public void kill9() throws InterruptedException {
            process.process().toHandle().destroyForcibly();
            assertTrue(process.process().waitFor(5, TimeUnit.SECONDS), "killed");
        }

        /** SIGTERM by pid, without waiting: the daemon sends priority 0, releases its VIPs and exits. */
        public void terminate() {
            process.process().toHandle().destroy();
        }

        /** Waits up to {@code seconds} for the daemon to exit (failing if it does not) and returns its exit code. */
        public int awaitExit(long seconds) throws InterruptedException {
            assertTrue(process.process().waitFor(seconds, TimeUnit.SECONDS), node.name() + " exits\n" + output());
            return process.process().exitValue();
        }

        public boolean isAlive() {
            return process.process().isAlive();
        }

        /** Sends {@code kill -s SIGNAL pid}. */
        public void signal(String signal) throws IOException, InterruptedException {
            Process k = new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).inheritIO().start();
            assertTrue(k.waitFor(5, TimeUnit.SECONDS) && k.exitValue() == 0, "kill -s " + signal);
        }

        /** Sends the JSON signal, waits for the dump and returns keepalived.json. */
        public String json() throws IOException, InterruptedException {
            String line = "Printing VRRP as json for process(" + pid() + ") on signal";
            int want = ++jsonDumps;
            Path file = tmp.resolve("keepalived.json");
            Files.deleteIfExists(file);
            signal(Integer.toString(SIGNUM_JSON));
            await("keepalived.json #" + want, 5_000, () -> count(line) >= want && Files.exists(file), this);
            // written in place: wait until it parses as a whole array
            await("complete keepalived.json", 2_000, () -> read(file).endsWith("]") || read(file).endsWith("]\n"),
                    this);
            return read(file);
        }

        /** The {@code stats} object of one instance in a fresh JSON dump, key → value. */
        public Map<String, Long> stats(String instance) throws IOException, InterruptedException {
            return DaemonLab.stats(json(), instance);
        }
    }

    /**
     * Whether {@code output} has the line {@code <date>: <text>}, the date in keepalived's console
     * form ({@code Mon Nov  3 11:18:01 2026}, day padded with a space).
     */
    public static boolean logged(String output, String text) {
        return Pattern.compile("(?m)^\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}: " + Pattern.quote(text) + "$")
                .matcher(output).find();
    }

    /** How many lines of {@code output} end in {@code ": " + text}. */
    public static long count(String output, String text) {
        return output.lines().filter(l -> l.endsWith(": " + text)).count();
    }

    /** The {@code stats} object of {@code instance} in a keepalived.json text, key → value. */
    public static Map<String, Long> stats(String json, String instance) {
        int at = json.indexOf("\"iname\":\"" + instance + "\"");
        assertTrue(at >= 0, "no instance " + instance + " in " + json);
        int s = json.indexOf("\"stats\":{", at);
        int e = json.indexOf('}', s);
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(json.substring(s + 9, e));
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    /** The counters that differ between two stats maps, key → after - before. */
    public static Map<String, Long> moved(Map<String, Long> before, Map<String, Long> after, String... ignore) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> skip = List.of(ignore);
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d != 0 && !skip.contains(e.getKey())) {
                out.put(e.getKey(), d);
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
