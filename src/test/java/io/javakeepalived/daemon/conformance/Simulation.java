package io.javakeepalived.daemon.conformance;

import io.javakeepalived.daemon.ExecutorRig;
import io.javakeepalived.daemon.conformance.Scenario.Check;
import io.javakeepalived.daemon.conformance.Scenario.Target;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.testsupport.fakenet.FakeVrrpSocket;
import io.javakeepalived.testsupport.fakenet.SentDatagram;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.LogLevel;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.VridDemultiplexer.Dispatch;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.ParseResult;
import io.javakeepalived.vrrp.packet.UnicastPeer;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Replays a {@link Scenario}: every router's instances run in this one process on a fake
 * clock, and what they decide is carried out by the daemon's own {@code ActionExecutor}
 * ({@link ExecutorRig}) on in-memory fakes of the native layer: its timer slots fire at their
 * deadlines, its VIP installer writes a {@link FakeRtnetlink} address table, its gratuitous
 * ARP pacing sends on fake announcers, and the adverts it writes with the instance's
 * {@link InstanceReceiver#sendTemplates() templates} (so with its own VIPs, interval, version and
 * authentication) leave through a {@link FakeVrrpSocket}. On this simulated wire an advert
 * reaches, at the same fake time, the socket (family, segment, multicast) of every other live,
 * connected router on the segment - or, unicast, the router owning the peer address. There it is parsed
 * ({@link VrrpCodec}), routed by the router's {@link VridDemultiplexer} and validated by the
 * instance's {@link InstanceReceiver}, exactly as the daemon will do it; configuration
 * mismatches between routers show up as keepalived shows them. Events due at the same time
 * are handled in this order: scenario inputs (in file order), then due timers (router by router,
 * each router's in its timer slots' order), then packets in the order they were sent. Every
 * rejected packet is checked to change no state and move no timer.
 */
final class Simulation {

    /** One action as it happened. {@code scope} is the instance or group it belongs to. */
    record TraceEntry(long seq, long time, String node, String scope, Action action) {
        @Override
        public String toString() {
            return "at " + Scenario.formatTime(time) + " " + node + (scope == null ? "" : "/" + scope) + ": "
                    + Observation.describe(action);
        }
    }

    record Result(List<String> failures, List<TraceEntry> trace) {
        boolean ok() {
            return failures.isEmpty();
        }
    }

    private static final long MAX_STEPS = 5_000_000;

    private interface Item {
        long time();

        long seq();
    }

    private record InputItem(long time, long seq, Scenario.Input input) implements Item {
    }

    /** A datagram arriving at one socket of a router: IPv4 with header, IPv6 payload plus meta. */
    private record Packet(long time, long seq, Router router, SocketKey socket, byte[] bytes, InetAddress source,
                          InetAddress destination, int hopLimit) implements Item {
        ParseResult parse() {
            return socket.family() == IpFamily.IPV4 ? VrrpCodec.parseIpv4(bytes, 0, bytes.length)
                    : VrrpCodec.parseIpv6(source, destination, hopLimit, bytes, 0, bytes.length);
        }
    }

    /** A VIP as scenarios write it ({@code 10.77.0.100/24}) on the instance's interface; printed back by {@link Observation#text(Vip)}. */
    static Vip vip(String text, String device) {
        int slash = text.indexOf('/');
        InetAddress a = address(slash < 0 ? text : text.substring(0, slash));
        Vip host = Vip.of(a, device);
        return slash < 0 ? host : new Vip(a, Integer.parseInt(text.substring(slash + 1)), device,
                host.broadcast(), host.scope(), host.label(), host.noPrefixRoute());
    }

    private final class Router {
        final Scenario.Node def;
        final Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        /** The kernel's addresses: they outlive a crash of the daemon, as on a real node. */
        final FakeRtnetlink kernel;
        final FakeNetwork network;
        final Map<String, LinkInfo> links = new LinkedHashMap<>();
        ExecutorRig loop;
        Map<String, VrrpInstance> instances = Map.of();
        final Map<String, SyncGroup> groups = new LinkedHashMap<>();
        final Set<String> downSegments = new HashSet<>();
        boolean allDown;
        boolean alive = true;

        Router(Scenario.Node def, Set<String> interfaces) {
            this.def = def;
            int index = 1;
            for (String ifname : interfaces) {
                links.put(ifname, new LinkInfo(index, ifname, LinkInfo.IFF_UP | LinkInfo.IFF_BROADCAST
                        | LinkInfo.IFF_MULTICAST | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP, LinkInfo.OPER_UP,
                        true, new byte[] {2, 0, 0, 0, 0, (byte) index}, 1500, null, 0, 0));
                index++;
            }
            kernel = new FakeRtnetlink(List.copyOf(links.values()));
            network = new FakeNetwork(kernel, d -> wire(this, d));
        }

        /** A fresh daemon from the current settings (start-up, or restart after a crash). */
        void build() {
            List<InstanceSettings> all = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> e : keys.entrySet()) {
                all.add(settings(this, e.getKey(), e.getValue()));
            }
            loop = new ExecutorRig(all, network, kernel, links, () -> now);
            instances = loop.instances();
            groups.clear();
            for (Scenario.GroupDef g : scenario.groups) {
                if (g.node().equals(def.name())) {
                    List<VrrpInstance> members = new ArrayList<>();
                    for (String m : g.members()) {
                        members.add(Objects.requireNonNull(instances.get(m), "no instance " + m));
                    }
                    groups.put(g.name(), new SyncGroup(g.name(), members));
                }
            }
        }

        /** The VIPs on the node's interfaces, as scenarios write them. */
        Set<String> vipsHeld() {
            Set<String> out = new LinkedHashSet<>();
            for (InterfaceAddress a : kernel.addresses()) {
                out.add(a.cidr());
            }
            return out;
        }

        /** Addresses packets to this router reach: its own and its instances' sources. */
        boolean owns(InetAddress a) {
            if (address(def.address()).equals(a)) {
                return true;
            }
            for (VrrpInstance i : instances.values()) {
                if (a.equals(i.settings().primaryAddress())) {
                    return true;
                }
            }
            return false;
        }

        String segment(String instance) {
            return ifname(keys.get(instance));
        }

        boolean linkDown(String segment) {
            return allDown || downSegments.contains(segment);
        }
    }

    private final Scenario scenario;
    private final PriorityQueue<Item> queue = new PriorityQueue<>((a, b) -> a.time() != b.time()
            ? Long.compare(a.time(), b.time()) : Long.compare(a.seq(), b.seq()));
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final List<TraceEntry> trace = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private long seq;
    /** The fake clock: the time of what is being handled. */
    private long now;

    private Simulation(Scenario scenario) {
        this.scenario = scenario;
    }

    static Result run(Scenario scenario) {
        Simulation s = new Simulation(scenario);
        s.setUp();
        s.loop();
        s.verify();
        return new Result(List.copyOf(s.failures), List.copyOf(s.trace));
    }

    private void setUp() {
        Set<String> interfaces = interfaces();
        for (Scenario.Node n : scenario.nodes.values()) {
            routers.put(n.name(), new Router(n, interfaces));
        }
        for (Scenario.InstanceDef d : scenario.instances) {
            routers.get(d.node()).keys.put(d.name(), new LinkedHashMap<>(d.keys()));
        }
        for (Router r : routers.values()) {
            r.build();
        }
        for (Scenario.Input in : scenario.inputs) {
            queue.add(new InputItem(in.time(), seq++, in));
        }
    }

    /** Every interface an instance uses, now or after a reload: each node has them all. */
    private Set<String> interfaces() {
        Set<String> out = new LinkedHashSet<>();
        out.add(ifname(Map.of()));
        for (Scenario.InstanceDef d : scenario.instances) {
            out.add(ifname(d.keys()));
        }
        for (Scenario.Input in : scenario.inputs) {
            List<String> w = in.words();
            if (w.get(0).equals("reload")) {
                out.add(ifname(ScenarioParser.keys(w.subList(1, w.size()))));
            }
        }
        return out;
    }

    private static String ifname(Map<String, String> keys) {
        return keys.getOrDefault("if", "eth0");
    }

    private void loop() {
        long steps = 0;
        while (true) {
            Item next = queue.peek();
            Router timerOwner = null;
            long deadline = Long.MAX_VALUE;
            for (Router r : routers.values()) {
                OptionalLong d = r.alive ? r.loop.nextTimer() : OptionalLong.empty();
                if (d.isPresent() && d.getAsLong() < deadline) {
                    deadline = d.getAsLong();
                    timerOwner = r;
                }
            }
            boolean timerFirst = timerOwner != null && (next == null || deadline < next.time()
                    || (deadline == next.time() && !(next instanceof InputItem)));
            if ((timerFirst ? deadline : next == null ? Long.MAX_VALUE : next.time()) > scenario.until) {
                return;
            }
            if (++steps > MAX_STEPS) {
                failures.add("simulation did not settle after " + MAX_STEPS + " steps");
                return;
            }
            if (timerFirst) {
                now = deadline;
                ExecutorRig.Fired f = timerOwner.loop.fireNext(now);
                record(timerOwner, f.actions());
                continue;
            }
            Item item = queue.poll();
            now = item.time();
            if (item instanceof InputItem i) {
                input(i.input());
            } else if (item instanceof Packet p) {
                if (p.router().alive) {
                    receive(p, -1);
                }
            }
        }
    }

    /* Inputs ----------------------------------------------------------------------------- */

    private void input(Scenario.Input in) {
        Router r = routers.get(in.target().node());
        List<String> w = in.words();
        long now = in.time();
        String verb = w.get(0);
        try {
            if (verb.equals("restart")) {
                r.build();
                r.alive = true;
                r.allDown = false;
                r.downSegments.clear();
                for (VrrpInstance i : selected(r, in.target())) {
                    deliver(r, i, new Event.Startup(), now);
                }
                return;
            }
            if (!r.alive) {
                return; // a crashed router does nothing until it is restarted
            }
            switch (verb) {
                case "start" -> selected(r, in.target()).forEach(i -> deliver(r, i, new Event.Startup(), now));
                case "stop" -> selected(r, in.target()).forEach(i -> deliver(r, i, new Event.Shutdown(), now));
                case "crash" -> r.alive = false; // its timers stop with it; a restart builds a new daemon
                case "link" -> {
                    boolean down = word(w, 1).equals("down");
                    if (!down && !word(w, 1).equals("up")) {
                        throw new IllegalArgumentException("link down|up [IF]");
                    }
                    if (w.size() == 2) {
                        r.allDown = down;
                        if (!down) {
                            r.downSegments.clear();
                        }
                    } else if (down) {
                        r.downSegments.add(w.get(2));
                    } else {
                        r.downSegments.remove(w.get(2));
                    }
                }
                case "iface" -> {
                    String ifname = word(w, 2);
                    Event e = switch (word(w, 1)) {
                        case "down" -> new Event.InterfaceDown(ifname);
                        case "up" -> new Event.InterfaceUp(ifname);
                        default -> throw new IllegalArgumentException("iface down|up IF");
                    };
                    selected(r, in.target()).forEach(i -> deliver(r, i, e, now));
                }
                case "fault" -> selected(r, in.target()).forEach(i -> deliver(r, i, new Event.FaultRaised(word(w, 1)), now));
                case "clear" -> selected(r, in.target()).forEach(i -> deliver(r, i, new Event.FaultCleared(word(w, 1)), now));
                case "weight" -> {
                    int weight = Integer.parseInt(word(w, 2));
                    selected(r, in.target()).forEach(i -> deliver(r, i, new Event.WeightChanged(word(w, 1), weight), now));
                }
                case "reload" -> {
                    Map<String, String> changes = ScenarioParser.keys(w.subList(1, w.size()));
                    for (VrrpInstance i : selected(r, in.target())) {
                        Map<String, String> k = r.keys.get(i.name());
                        k.putAll(changes);
                        deliver(r, i, new Event.Reload(settings(r, i.name(), k)), now);
                    }
                    r.loop.resocket(); // an interface or unicast change moves the instance to another socket
                }
                case "rejected" -> {
                    InetAddress from = w.size() >= 4 && w.get(2).equals("from") ? address(w.get(3)) : null;
                    for (VrrpInstance i : selected(r, in.target())) {
                        Map<TimerKind, Long> before = i.armedTimers();
                        VrrpState stateBefore = i.state();
                        List<Action> out = deliver(r, i, new Event.AdvertRejected(from, word(w, 1)), now);
                        boolean onlyLogs = out.stream().allMatch(a -> a instanceof Action.Log);
                        if (!onlyLogs || !before.equals(i.armedTimers()) || stateBefore != i.state()) {
                            failures.add("line " + in.line() + ": a rejected packet must not change state or move a"
                                    + " timer, but " + r.def.name() + "/" + i.name() + " did " + out);
                        }
                    }
                }
                case "advert" -> {
                    // advert from ADDR priority P [advert_int SECONDS]: a forged but valid advert
                    if (!word(w, 1).equals("from") || !word(w, 3).equals("priority")) {
                        throw new IllegalArgumentException("advert from ADDR priority P [advert_int S]");
                    }
                    InetAddress from = address(w.get(2));
                    int prio = Integer.parseInt(word(w, 4));
                    for (VrrpInstance i : selected(r, in.target())) {
                        int cs = w.size() >= 7 && w.get(5).equals("advert_int") ? centis(w.get(6))
                                : i.settings().advertIntervalCs();
                        deliver(r, i, new Event.AdvertReceived(from, prio, cs), now);
                    }
                }
                case "packet" -> forged(r, in);
                default -> throw new IllegalArgumentException("unknown input '" + verb + "'");
            }
        } catch (RuntimeException e) {
            failures.add("line " + in.line() + ": " + in.text() + ": " + e);
        }
    }

    private static String word(List<String> w, int i) {
        if (i >= w.size()) {
            throw new IllegalArgumentException("missing word " + (i + 1) + " in '" + String.join(" ", w) + "'");
        }
        return w.get(i);
    }

    private List<VrrpInstance> selected(Router r, Target t) {
        if (t.scope() == null) {
            return new ArrayList<>(r.instances.values());
        }
        VrrpInstance i = r.instances.get(t.scope());
        if (i == null) {
            throw new IllegalArgumentException("no instance " + t);
        }
        return List.of(i);
    }

    /* Delivery and the wire -------------------------------------------------------------- */

    /** The event to the instance; the router's executor carries out what it answers, and the trace records it. */
    private List<Action> deliver(Router r, VrrpInstance instance, Event event, long now) {
        List<Action> out = r.loop.deliver(instance, event, now);
        record(r, out);
        return out;
    }

    private void record(Router r, List<Action> actions) {
        for (Action a : actions) {
            trace.add(new TraceEntry(trace.size(), now, r.def.name(), scopeOf(a), a));
        }
    }

    /** An advert one of the router's sockets sent: a copy to each router the segment (or the unicast peer) reaches. */
    private void wire(Router from, SentDatagram d) {
        String segment = d.from().interfaceName();
        if (from.linkDown(segment)) {
            return;
        }
        boolean unicast = !d.from().isMulticast();
        SocketKey socket = new SocketKey(d.from().ipv6() ? IpFamily.IPV6 : IpFamily.IPV4, segment, unicast,
                d.from().protocol() == VrrpCodec.IPPROTO_AH);
        for (Router to : routers.values()) {
            if (to == from || !to.alive || to.linkDown(segment) || (unicast && !to.owns(d.destination()))) {
                continue;
            }
            queue.add(new Packet(now, seq++, to, socket, d.bytes(), d.source(), d.destination(), d.hopLimit()));
        }
    }

    /**
     * One datagram through the router's socket: codec, demultiplexer, instance pipeline,
     * instance. No socket for it (no instance reads that family/segment/cast): the kernel drops it.
     *
     * @param line the scenario line that injected it, or -1
     */
    private void receive(Packet p, int line) {
        VridDemultiplexer socket = p.router().loop.socket(p.socket());
        if (socket == null) {
            if (line >= 0) {
                failures.add("line " + line + ": " + p.router().def.name() + " has no socket " + p.socket());
            }
            return;
        }
        socket.beginRound(); // one datagram per read round here
        Dispatch d = socket.route(p.parse());
        if (d instanceof Dispatch.Deliver del) {
            VrrpInstance i = del.instance();
            Map<TimerKind, Long> before = i.armedTimers();
            VrrpState stateBefore = i.state();
            List<Action> out = deliver(p.router(), i, del.event(), p.time());
            if (del.event() instanceof Event.AdvertRejected rej) {
                boolean onlyLogs = out.stream().allMatch(a -> a instanceof Action.Log);
                if (!onlyLogs || !before.equals(i.armedTimers()) || stateBefore != i.state()) {
                    failures.add((line >= 0 ? "line " + line + ": " : "at " + Scenario.formatTime(p.time()) + ": ")
                            + "a rejected packet (" + rej.kind() + ") must not change state or move a timer, but "
                            + p.router().def.name() + "/" + i.name() + " did " + out);
                }
            }
        } else if (d instanceof Dispatch.Dropped drop && drop.logged(p.router().def.logUnknownVrids())) {
            // socket-level lines carry no instance name
            trace.add(new TraceEntry(trace.size(), p.time(), p.router().def.name(), null,
                    new Action.Log(LogLevel.INFO, drop.logLine())));
        }
    }

    /*
     * packet from ADDR priority=P [to=ADDR] [ttl=N] [checksum=bad|N] [version=N] [type=N] [vrid=N]
     *        [truncate=N] [auth=N] [password=TEXT] [addresses=A,B|none] [advert_int=S] [runt]
     * A packet forged by a third party, delivered to the target instance's socket on the
     * target router. Unless changed, every field is what the target instance itself expects.
     */
    private void forged(Router r, Scenario.Input in) {
        List<String> w = in.words();
        if (!word(w, 1).equals("from")) {
            throw new IllegalArgumentException("packet from ADDR priority=P key=value...");
        }
        InetAddress from = address(word(w, 2));
        Map<String, String> k = ScenarioParser.keys(w.subList(3, w.size()));
        for (String key : k.keySet()) {
            if (!FORGE_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown packet key '" + key + "', one of " + FORGE_KEYS);
            }
        }
        if (!k.containsKey("priority")) {
            throw new IllegalArgumentException("packet needs priority=");
        }
        VrrpInstance target = selected(r, in.target()).size() == 1 ? selected(r, in.target()).get(0) : null;
        if (target == null) {
            throw new IllegalArgumentException("name the instance whose socket gets the packet: NODE/INSTANCE");
        }
        InstanceSettings s = target.settings();
        int version = s.version();
        int nibble = -1;
        if (k.containsKey("version")) {
            int v = Integer.parseInt(k.get("version"));
            if (v == 2 || v == 3) {
                version = v; // a whole advert of that version
            } else {
                nibble = v;
            }
        }
        int prio = Integer.parseInt(k.get("priority"));
        List<InetAddress> addresses = !k.containsKey("addresses") ? s.advertAddresses()
                : k.get("addresses").equals("none") ? List.of()
                : Arrays.stream(k.get("addresses").split(",")).map(Simulation::address).toList();
        int intervalCs = k.containsKey("advert_int") ? centis(k.get("advert_int")) : s.advertIntervalCs();
        Advert advert;
        if (version == 2) {
            AuthType auth = s.version() == 2 ? s.wire().authType() : AuthType.NONE;
            String password = s.version() == 2 ? s.wire().password() : "";
            if (k.containsKey("password")) {
                auth = AuthType.SIMPLE_PASSWORD;
                password = Advert.passwordFromConfig(k.get("password"));
            }
            advert = new Advert(2, s.vrid(), prio, intervalCs / 100 * 100, auth, password, addresses);
        } else {
            advert = Advert.v3(s.vrid(), prio, intervalCs, addresses);
        }
        boolean v6 = s.ipFamily() == IpFamily.IPV6;
        InetAddress to = k.containsKey("to") ? address(k.get("to"))
                : v6 ? s.wire().multicastGroup6() : s.wire().multicastGroup4();
        PacketForge f = PacketForge.of(advert, from, to);
        int ttl = VrrpCodec.VRRP_TTL;
        if (k.containsKey("ttl")) {
            ttl = Integer.parseInt(k.get("ttl"));
            f.ttl(ttl);
        }
        if (nibble >= 0) {
            f.version(nibble);
        }
        if (k.containsKey("type")) {
            f.type(Integer.parseInt(k.get("type")));
        }
        if (k.containsKey("vrid")) {
            f.vrid(Integer.parseInt(k.get("vrid")));
        }
        if (k.containsKey("auth")) {
            f.authTypeField(Integer.parseInt(k.get("auth")));
        }
        if (k.containsKey("checksum")) {
            String c = k.get("checksum");
            if (c.equals("bad")) {
                f.badChecksum();
            } else {
                f.checksum(Integer.decode(c));
            }
        }
        if (k.containsKey("truncate")) {
            f.truncate(Integer.parseInt(k.get("truncate")));
        }
        if (k.containsKey("runt")) {
            f.truncate(f.vrrpBytes().length - 4); // 4 bytes of VRRP header
        }
        byte[] bytes = v6 ? f.vrrpBytes() : f.ipv4Packet();
        SocketKey socket = new SocketKey(s.ipFamily(), r.segment(target.name()), !to.isMulticastAddress());
        receive(new Packet(in.time(), seq++, r, socket, bytes, from, to, ttl), in.line());
    }

    private static final Set<String> FORGE_KEYS = Set.of("priority", "to", "ttl", "checksum", "version", "type",
            "vrid", "truncate", "auth", "password", "addresses", "advert_int", "runt");

    private static String scopeOf(Action a) {
        if (a instanceof Action.Log l) {
            String t = l.text();
            int open = t.indexOf('(');
            int close = t.indexOf(')');
            return open >= 0 && close > open ? t.substring(open + 1, close) : null;
        }
        if (a instanceof Action.ForInstance f) {
            return f.instance().name();
        }
        if (a instanceof Action.RunNotify n) {
            return n.instance();
        }
        if (a instanceof Action.RunGroupNotify n) {
            return n.group();
        }
        if (a instanceof Action.GroupStateChanged g) {
            return g.group();
        }
        return null;
    }

    /* Settings from scenario keys -------------------------------------------------------- */

    private static final Set<String> KEYS = Set.of("vrid", "priority", "state", "version", "advert_int",
            "nopreempt", "preempt_delay", "src", "vips", "if", "down_timer_adverts", "lower_prio_no_advert",
            "higher_prio_send_advert", "garp_master_delay", "garp_master_repeat", "garp_master_refresh",
            "garp_master_refresh_repeat", "garp_lower_prio_delay", "garp_lower_prio_repeat", "min_garp",
            "startup_delay", "auth_type", "auth_pass", "unicast_peer", "unicast_ttl", "check_unicast_src",
            "skip_check_adv_addr");

    private static InstanceSettings settings(Router r, String name, Map<String, String> k) {
        for (String key : k.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(name + ": unknown key '" + key + "', one of " + KEYS);
            }
        }
        if (!k.containsKey("vrid")) {
            throw new IllegalArgumentException(name + ": vrid= is required");
        }
        InstanceSettings.Builder b = InstanceSettings.builder(name, Integer.parseInt(k.get("vrid")));
        b.primaryAddress(address(k.getOrDefault("src", r.def.address())));
        WireSettings.Builder wire = WireSettings.builder().interfaceName(ifname(k));
        String authType = k.getOrDefault("auth_type", k.containsKey("auth_pass") ? "PASS" : "NONE");
        switch (authType) {
            case "PASS" -> wire.authPass(k.getOrDefault("auth_pass", ""));
            case "AH" -> wire.ahPass(k.getOrDefault("auth_pass", ""));
            case "NONE" -> wire.authType(AuthType.NONE);
            default -> throw new IllegalArgumentException(name + ": auth_type PASS|AH|NONE, not " + authType);
        }
        if (k.containsKey("unicast_peer")) {
            wire.unicastPeers(Arrays.stream(k.get("unicast_peer").split(","))
                    .map(a -> UnicastPeer.of(address(a))).toList());
        }
        if (k.containsKey("unicast_ttl")) {
            wire.unicastTtl(Integer.parseInt(k.get("unicast_ttl")));
        }
        wire.checkUnicastSrc(Boolean.parseBoolean(k.getOrDefault("check_unicast_src", "false")));
        wire.skipCheckAdvAddr(Boolean.parseBoolean(k.getOrDefault("skip_check_adv_addr", "false")));
        b.wire(wire.build());
        k.forEach((key, v) -> {
            switch (key) {
                case "priority" -> b.priority(Integer.parseInt(v));
                case "state" -> b.initialState(VrrpState.valueOf(v));
                case "version" -> b.version(Integer.parseInt(v));
                case "advert_int" -> b.advertIntervalCs(centis(v));
                case "nopreempt" -> b.nopreempt(Boolean.parseBoolean(v));
                case "preempt_delay" -> b.preemptDelay(duration(v));
                case "vips" -> b.vips(v.isEmpty() ? List.of()
                        : Arrays.stream(v.split(",")).map(x -> vip(x, ifname(k))).toList());
                case "down_timer_adverts" -> b.downTimerAdverts(Integer.parseInt(v));
                case "lower_prio_no_advert" -> b.lowerPrioNoAdvert(Boolean.parseBoolean(v));
                case "higher_prio_send_advert" -> b.higherPrioSendAdvert(Boolean.parseBoolean(v));
                case "garp_master_delay" -> b.garpMasterDelay(duration(v));
                case "garp_master_repeat" -> b.garpMasterRepeat(Integer.parseInt(v));
                case "garp_master_refresh" -> b.garpMasterRefresh(duration(v));
                case "garp_master_refresh_repeat" -> b.garpMasterRefreshRepeat(Integer.parseInt(v));
                case "garp_lower_prio_delay" -> b.garpLowerPrioDelay(duration(v));
                case "garp_lower_prio_repeat" -> b.garpLowerPrioRepeat(Integer.parseInt(v));
                case "min_garp" -> b.minGarp(Boolean.parseBoolean(v));
                case "startup_delay" -> b.startupDelay(duration(v));
                default -> {
                    // vrid, src, if: handled above or by the simulation
                }
            }
        });
        return b.build();
    }

    private static int centis(String seconds) {
        return new BigDecimal(seconds).movePointRight(2).intValueExact();
    }

    private static Duration duration(String seconds) {
        return Duration.ofNanos(Scenario.parseTime(seconds));
    }

    static InetAddress address(String literal) {
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /* Verification ----------------------------------------------------------------------- */

    private void verify() {
        Set<Long> atMatched = new HashSet<>();
        Set<Long> covered = new HashSet<>();
        Map<String, Long> lastByNode = new HashMap<>();
        for (Check c : scenario.checks) {
            switch (c.kind()) {
                case AT -> {
                    long last = lastByNode.getOrDefault(c.target().node(), -1L);
                    TraceEntry hit = null;
                    for (TraceEntry e : trace) {
                        if (e.seq() > last && e.time() == c.from() && applies(c, e) && !atMatched.contains(e.seq())) {
                            hit = e;
                            break;
                        }
                    }
                    if (hit == null) {
                        failures.add("line " + c.line() + ": expected " + c.text() + "\n" + context(c));
                    } else {
                        atMatched.add(hit.seq());
                        covered.add(hit.seq());
                        lastByNode.put(c.target().node(), hit.seq());
                    }
                }
                case NEVER -> trace.stream()
                        .filter(e -> e.time() >= c.from() && e.time() <= c.to() && applies(c, e))
                        .findFirst()
                        .ifPresent(e -> failures.add("line " + c.line() + ": " + c.text() + "\n    but " + e));
                case COUNT -> {
                    List<TraceEntry> hits = trace.stream()
                            .filter(e -> e.time() >= c.from() && e.time() <= c.to() && applies(c, e)).toList();
                    hits.forEach(e -> covered.add(e.seq()));
                    if (hits.size() != c.count()) {
                        failures.add("line " + c.line() + ": " + c.text() + "\n    but counted " + hits.size()
                                + (hits.isEmpty() ? "" : ", first " + hits.get(0) + ", last " + hits.get(hits.size() - 1)));
                    }
                }
            }
        }
        if (!scenario.strict.isEmpty()) {
            for (TraceEntry e : trace) {
                String cat = Observation.categoryOf(e.action());
                if (cat != null && scenario.strict.contains(cat) && !covered.contains(e.seq())) {
                    failures.add("unexpected (strict " + cat + "): " + e);
                }
            }
        }
        for (Scenario.Final f : scenario.finals) {
            try {
                String problem = checkFinal(f);
                if (problem != null) {
                    failures.add("line " + f.line() + ": " + f.text() + "\n    but " + problem);
                }
            } catch (RuntimeException e) {
                failures.add("line " + f.line() + ": " + f.text() + ": " + e);
            }
        }
    }

    /** A counter by its keepalived (JSON) name. */
    private static VrrpCounter counter(String key) {
        for (VrrpCounter c : VrrpCounter.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown counter '" + key + "', one of "
                + Arrays.stream(VrrpCounter.values()).map(VrrpCounter::key).toList());
    }

    private static boolean applies(Check c, TraceEntry e) {
        return e.node().equals(c.target().node())
                && (c.target().scope() == null || c.target().scope().equals(e.scope()))
                && c.observation().matches(e.action());
    }

    private String context(Check c) {
        StringBuilder sb = new StringBuilder("    what " + c.target().node() + " did around then:\n");
        long window = 1_500_000_000L;
        int shown = 0;
        for (TraceEntry e : trace) {
            if (e.node().equals(c.target().node()) && Math.abs(e.time() - c.from()) <= window
                    && !(e.action() instanceof Action.ArmTimer t && t.kind() == TimerKind.ADVERT)) {
                sb.append("      ").append(e).append('\n');
                if (++shown >= 60) {
                    sb.append("      ...\n");
                    break;
                }
            }
        }
        if (shown == 0) {
            sb.append("      (nothing within 1.5 s)\n");
        }
        return sb.toString();
    }

    private String checkFinal(Scenario.Final f) {
        Router r = routers.get(f.target().node());
        List<String> w = f.words();
        String what = w.get(0);
        if (what.equals("vips")) {
            // compared as sets: the order VIPs were added in does not matter here
            String expected = w.size() > 1 ? w.get(1) : "none";
            Set<String> want = expected.equals("none") ? Set.of() : Set.of(expected.split(","));
            Set<String> held = r.vipsHeld();
            String actual = held.isEmpty() ? "none" : String.join(",", held);
            return want.equals(held) ? null : "holds " + actual;
        }
        if (what.equals("socket")) {
            // socket counter NAME N: the instance's socket, or the sum over the router's sockets
            if (w.size() != 4 || !w.get(1).equals("counter")) {
                throw new IllegalArgumentException("socket counter NAME N");
            }
            VrrpCounter c = counter(w.get(2));
            long actual = 0;
            if (f.target().scope() != null) {
                VrrpInstance i = r.instances.get(f.target().scope());
                if (i == null) {
                    throw new IllegalArgumentException("no instance " + f.target());
                }
                actual = r.loop.socket(r.loop.receiver(i).socket()).counters().get(c);
            } else {
                for (VridDemultiplexer d : r.loop.sockets()) {
                    actual += d.counters().get(c);
                }
            }
            return actual == Long.parseLong(w.get(3)) ? null : "socket " + w.get(2) + " is " + actual;
        }
        if (what.equals("group")) {
            SyncGroup g = r.groups.get(f.target().scope());
            if (g == null) {
                throw new IllegalArgumentException("no group " + f.target());
            }
            String expected = w.get(w.size() - 1);
            return g.state().name().equals(expected) ? null : "group is " + g.state();
        }
        VrrpInstance i;
        if (f.target().scope() != null) {
            i = r.instances.get(f.target().scope());
        } else if (r.instances.size() == 1) {
            i = r.instances.values().iterator().next();
        } else {
            throw new IllegalArgumentException("name the instance: NODE/INSTANCE");
        }
        if (i == null) {
            throw new IllegalArgumentException("no instance " + f.target());
        }
        switch (what) {
            case "state": {
                return i.state().name().equals(w.get(1)) ? null : "state is " + i.state();
            }
            case "priority": {
                int p = Integer.parseInt(w.get(1));
                return i.effectivePriority() == p ? null : "effective priority is " + i.effectivePriority();
            }
            case "counter": {
                long actual = i.counters().get(counter(w.get(1)));
                return actual == Long.parseLong(w.get(2)) ? null : w.get(1) + " is " + actual;
            }
            case "split": {
                long actual = i.splitBrain().episodes();
                return actual == Long.parseLong(w.get(w.size() - 1)) ? null : "split brain episodes are " + actual;
            }
            default:
                throw new IllegalArgumentException("final NODE[/INSTANCE]: state S | priority N | counter NAME N"
                        + " | socket counter NAME N | vips LIST|none | group state S | split brain N");
        }
    }
}
