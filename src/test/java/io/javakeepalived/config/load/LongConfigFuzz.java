package io.javakeepalived.config.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.lint.ConfigLint;
import io.javakeepalived.config.lint.NodeView;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.PlanDiff;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.script.ScriptReadiness;
import io.javakeepalived.testsupport.ConfigMutations;
import io.javakeepalived.testsupport.FuzzLedger;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.IpFamily;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The long config run ({@code mvn -Plongfuzz}, {@code scripts/fuzz-long.sh}; not in the default
 * build): the samples mutated as {@link LoaderPropertyTest} (words) and the reader's property test
 * (syntax, random bytes) do, 10 million unless {@code -Djavakeepalived.fuzz.configs=N}, each
 * through the whole way from file to core, as {@code -t}, start-up and reload take it: reader,
 * binder and validation ({@link ConfigLoader}), the dump, {@link ConfigLint}, {@link ConfigMapping}
 * to a plan, primary addresses resolved, a {@link VrrpInstance} per planned instance with its
 * {@link InstanceReceiver} on its socket's {@link VridDemultiplexer} and its sync group, started,
 * fed its own first advert, and the plan diffed against the previous one as a reload would.
 * Acceptable outcomes: a result with keepalived's exit code, the binder's diagnostics, the
 * mapping's problems, and the demultiplexer refusing a VRID twice on a socket (the loop logs
 * that and leaves the instance off the wire). Anything else thrown is a failure.
 * {@code -Djavakeepalived.fuzz.threads=N} runs N workers, each on its own seed; the counts are
 * their sums.
 */
class LongConfigFuzz {

    @Test
    void configsThroughTheWholePipeline() throws Exception {
        FuzzLedger ledger = new FuzzLedger("config fuzz", "configs");
        List<String> samples = ConfigMutations.samples();
        long[] outcomes = new long[4];
        ledger.runWorkers(FuzzLedger.workersAsked(), w -> {
            long[] mine = worker(ledger, w, samples);
            synchronized (outcomes) {
                for (int k = 0; k < outcomes.length; k++) {
                    outcomes[k] += mine[k];
                }
            }
        });
        System.out.printf("config fuzz: fatal %d, no model %d, model %d, instances built %d%n",
                outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
        System.out.println(ledger.summary());
        assertEquals(List.of(), ledger.failures(), ledger.summary());
    }

    /**
     * One thread's share of the run: its own seed, its own file (in /dev/shm, RAM, where there is
     * one: the reader takes a path and follows includes as on a real host) and its own reload
     * history; returns its outcome counts.
     */
    private static long[] worker(FuzzLedger ledger, int w, List<String> samples) {
        Random rnd = new Random(ledger.seed(w));
        long[] outcomes = new long[4];
        VrrpPlan previous = null;
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty(
                    "java.io.tmpdir")), "longfuzz");
            Path input = dir.resolve("mutant.conf");
            try {
                for (long i = 0; ledger.more(); i++) {
                    String text = mutant(samples, rnd);
                    try {
                        Files.writeString(input, text, StandardCharsets.ISO_8859_1);
                        previous = throughPipeline(input, rnd, previous, outcomes);
                    } catch (Throwable t) {
                        Path kept = Files.createTempFile("longfuzz-config-" + w + "-" + i + "-", ".conf");
                        Files.writeString(kept, text, StandardCharsets.ISO_8859_1);
                        ledger.failure(i, "worker " + w + ", kept in " + kept, t);
                    }
                    ledger.iteration();
                }
            } finally {
                Files.deleteIfExists(input);
                Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return outcomes;
    }

    /** A sample after word edits, now and then syntax edits too; one time in fifty random bytes. */
    static String mutant(List<String> samples, Random rnd) {
        if (rnd.nextInt(50) == 0) {
            return ConfigMutations.junk(rnd);
        }
        String text = samples.get(rnd.nextInt(samples.size()));
        for (int m = 1 + rnd.nextInt(8); m > 0; m--) {
            text = ConfigMutations.words(text, rnd);
        }
        if (rnd.nextInt(4) == 0) {
            for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                text = ConfigMutations.syntax(text, rnd);
            }
        }
        return text;
    }

    /** One config from file to core; returns the plan (the next reload's running plan). */
    private static VrrpPlan throughPipeline(Path input, Random rnd, VrrpPlan previous, long[] outcomes) {
        LoadOptions options = LoaderPropertyTest.randomHost(rnd, rnd.nextLong());
        LoadResult r = ConfigLoader.load(input, options);
        if (!LoaderPropertyTest.EXIT_CODES.contains(r.exitCode())) {
            throw new AssertionError("exit code " + r.exitCode() + " is not one of keepalived's");
        }
        for (Diagnostic d : r.diagnostics().all()) {
            if (d.kind() == ConfigErrorKind.FATAL && d.message().startsWith("Internal error")) {
                throw new AssertionError(d.toString());
            }
        }
        if (r.fatal()) {
            outcomes[0]++;
            return previous;
        }
        if (r.config().isEmpty()) {
            outcomes[1]++;
            return previous;
        }
        outcomes[2]++;
        KeepalivedConfig config = r.config().get();
        assertNotNull(ConfigDump.render(config));
        ConfigLint.check(config, new Node(options.files())).forEach(w -> assertNotNull(w.toString()));
        VrrpPlan plan = ConfigMapping.plan(config);
        outcomes[3] += runInCore(plan);
        if (previous != null) {
            assertNotNull(PlanDiff.between(previous, plan));
        }
        return plan;
    }

    /** What the loop's instance starter does with a plan, on fake sockets; returns the instances built. */
    private static int runInCore(VrrpPlan plan) {
        Set<InetAddress> allVips = new HashSet<>();
        for (InstancePlan p : plan.instances()) {
            p.allAddresses().forEach(v -> allVips.add(v.address()));
        }
        Map<String, VrrpInstance> byName = new HashMap<>();
        Map<VridDemultiplexer.SocketKey, VridDemultiplexer> sockets = new HashMap<>();
        List<InstanceReceiver> receivers = new ArrayList<>();
        for (InstancePlan p : plan.instances()) {
            InstancePlan resolved = PrimaryAddress.resolve(p, Node::hostAddresses, allVips)
                    .map(p::withPrimaryAddress).orElse(p);
            VrrpInstance v = new VrrpInstance(resolved.settings());
            byName.put(v.name(), v);
            InstanceReceiver rx = new InstanceReceiver(v);
            try {
                sockets.computeIfAbsent(rx.socket(), VridDemultiplexer::new).add(rx);
                receivers.add(rx);
            } catch (IllegalArgumentException refused) {
                // SocketPool.attach: logged, the instance stays off the wire
            }
        }
        for (SyncGroupPlan g : plan.syncGroups()) {
            new SyncGroup(g.name(), g.members().stream().map(byName::get).toList());
        }
        for (InstanceReceiver rx : receivers) {
            VrrpInstance v = rx.instance();
            assertNotNull(v.handle(new Event.Startup(), 0));
            if (v.settings().primaryAddress() != null && !rx.sendTemplates().isEmpty()) {
                hearOwnAdvert(rx, sockets.get(rx.socket()));
            }
        }
        return byName.size();
    }

    /** The instance's first template, written and read back through its socket's demultiplexer. */
    private static void hearOwnAdvert(InstanceReceiver rx, VridDemultiplexer demux) {
        AdvertTemplate t = rx.sendTemplates().get(0);
        VridDemultiplexer.Dispatch d;
        if (rx.socket().family() == IpFamily.IPV4) {
            byte[] buf = new byte[t.ipv4PacketLength()];
            t.writeIpv4Packet(rx.instance().effectivePriority(), 1, 1, buf, 0);
            d = demux.routeIpv4(buf, 0, buf.length);
        } else {
            byte[] buf = new byte[t.vrrpLength()];
            t.writeVrrp(rx.instance().effectivePriority(), buf, 0);
            d = demux.routeIpv6(t.source(), t.destination(), 255, buf, 0, buf.length);
        }
        if (d instanceof VridDemultiplexer.Dispatch.Deliver deliver) {
            assertNotNull(deliver.instance().handle(deliver.event(), 1));
        }
    }

    /** The node the configs are loaded on: a few addresses, scripts on the in-memory file system. */
    private record Node(FileSystemView files) implements NodeView {
        private static final Map<String, List<IpPrefix>> ADDRESSES = Map.of(
                "lo", List.of(prefix("127.0.0.1", 8)),
                "eth0", List.of(prefix("10.99.0.9", 24), prefix("192.168.1.9", 24), prefix("fe80::9", 64)),
                "eth1", List.of(prefix("10.1.1.1", 24), prefix("fe80::1:1", 64)));

        static List<InetAddress> hostAddresses(String ifname) {
            return ADDRESSES.getOrDefault(ifname, List.of()).stream().map(IpPrefix::address).toList();
        }

        @Override
        public List<IpPrefix> addresses(String interfaceName) {
            return ADDRESSES.getOrDefault(interfaceName, List.of());
        }

        @Override
        public List<IpPrefix> allAddresses() {
            return ADDRESSES.values().stream().flatMap(List::stream).toList();
        }

        @Override
        public Optional<String> whyNotRunnable(ScriptCommand script, boolean scriptSecurity) {
            return new ScriptReadiness(files).whyNotRunnable(script, scriptSecurity);
        }

        private static IpPrefix prefix(String address, int length) {
            try {
                return new IpPrefix(InetAddress.getByName(address), length);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
    }
}
