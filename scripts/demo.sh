#!/usr/bin/env bash
# The README's demo: two javakeepalived nodes and a client in network namespaces joined by
# a bridge with no uplink (addresses 10.213.50.0/24 only). The client pings the VIP, the
# master is killed (kill -9 and its link cut), the backup takes over, the client's ARP
# entry moves to the backup's MAC; then the old master comes back and preempts.
# Everything it creates is removed on exit, whatever happens. Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "demo: run as root (network namespaces)" >&2; exit 1; }
. scripts/lib/install-missing.sh
install_missing scripts/demo.sh java:openjdk-17-jdk-headless mvn:maven ip:iproute2 ping:iputils-ping

if [ ! -f target/javakeepalived.jar ] || [ -n "$(find src pom.xml -newer target/javakeepalived.jar -print -quit)" ]; then
    echo "== building target/javakeepalived.jar"
    mvn -B -q package -DskipTests
fi

tag="jkdemo$$"
sw="$tag-sw" a="$tag-a" b="$tag-b" c="$tag-c"
vip=10.213.50.50
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.3
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    for n in "$a" "$b" "$c" "$sw"; do ip netns del "$n" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
has_vip() { ip -n "$1" -4 addr show dev eth0 | grep -q "inet $vip/"; }
mac_of() { ip -n "$1" link show eth0 | awk '/link\/ether/ { print $2 }'; }
client_arp() { ip -n "$c" neigh show "$vip" | awk '{ print $5 }'; }
reach() { ip netns exec "$c" ping -c 1 -W 1 "$vip" >/dev/null 2>&1; }
# The client pings the VIP every 0.1 s in the background; ping_report says what it lost.
pinger=""
ping_start() {
    ip netns exec "$c" ping -i 0.1 -W 1 "$vip" > "$work/ping.log" 2>&1 &
    pinger=$!
    pids+=("$pinger")
}
ping_report() {
    sleep 1 # a few answers from the new master, so the loss is the failover's alone
    kill -INT "$pinger" 2>/dev/null || true
    wait "$pinger" 2>/dev/null || true
    awk -F', ' '/packets transmitted/ { split($1, t, " "); split($2, r, " ")
        printf "   client pinged every 0.1 s: %d sent, %d answered, %d lost (about %.1f s without the VIP)\n",
            t[1], r[1], t[1] - r[1], (t[1] - r[1]) / 10 }' "$work/ping.log"
}
wait_for() { # wait_for SECONDS COMMAND...
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.05; done
}

echo "== $(scripts/javakeepalived --version)"
echo "== namespaces: bridge $sw, nodes $a (priority 100) and $b (priority 90), client $c"
ip netns add "$sw"
ip -n "$sw" link add br0 type bridge
ip -n "$sw" link set br0 up
i=1
for n in "$a" "$b" "$c"; do
    ip netns add "$n"
    ip link add "$tag$i" type veth peer name eth0 netns "$n"
    ip link set "$tag$i" netns "$sw"
    ip -n "$sw" link set "$tag$i" master br0 up
    ip -n "$n" link set lo up
    ip -n "$n" addr add "10.213.50.$i/24" dev eth0
    ip -n "$n" link set eth0 up
    i=$((i + 1))
done

node_conf() { # node_conf PRIORITY
    cat <<CONF
global_defs {
    router_id demo
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 50
    priority $1
    advert_int 1
    virtual_ipaddress {
        $vip/24
    }
}
CONF
}
node_conf 100 > "$work/a.conf"
node_conf 90 > "$work/b.conf"
cp "$work/a.conf" "$work/a2.conf"
started=""
start_node() { # start_node NS NAME; sets $started (not echoed: a $(...) subshell would lose pids)
    ip netns exec "$1" scripts/javakeepalived -n -l -f "$work/$2.conf" \
        -p "$work/$2.pid" -r "$work/$2-vrrp.pid" >> "$work/$2.log" 2>&1 &
    started=$!
    disown "$started" # ended by pid in cleanup; no "Killed" job notice for the kill -9
    pids+=("$started")
}

t0=$(now)
start_node "$a" a
pid_a=$started
start_node "$b" b
wait_for 15 has_vip "$a" || { echo "demo: node a never became master"; cat "$work/a.log"; exit 1; }
echo "== node a is MASTER after $(since "$t0") s (election waits the master-down interval, 3 x 1 s + skew)"
grep -h "Entering" "$work/a.log" "$work/b.log" | sed 's/^/   /'
wait_for 3 reach && echo "   client pings $vip" || echo "   client cannot ping $vip"
echo "   client ARP entry for $vip: $(client_arp)  (node a eth0: $(mac_of "$a"), node b eth0: $(mac_of "$b"))"

ping_start
echo "== killing node a (kill -9) and cutting its link"
kill -9 "$pid_a"
ip -n "$sw" link set "${tag}1" down
t1=$(now)
wait_for 10 has_vip "$b" || { echo "demo: node b never took over"; cat "$work/b.log"; exit 1; }
echo "== node b holds $vip $(since "$t1") s after the kill (bound: 3 x 1 s + skew 0.65 s)"
grep -h "Entering MASTER" "$work/b.log" | sed 's/^/   /'
wait_for 3 reach && echo "   client pings $vip" || echo "   client cannot ping $vip"
ping_report
echo "   client ARP entry for $vip: $(client_arp)  (node b eth0: $(mac_of "$b"))"

echo "== node a comes back (its stale VIP is removed at start-up) and preempts"
ip -n "$sw" link set "${tag}1" up
t2=$(now)
start_node "$a" a2
# a's VIP from before the kill is still in its kernel until the new process removes it, so
# wait for the new process to say it is master, not just for the address.
wait_for 15 grep -q "Entering MASTER STATE" "$work/a2.log" || { echo "demo: node a did not take the VIP back"; cat "$work/a2.log"; exit 1; }
grep -h "stale\|Entering" "$work/a2.log" | sed 's/^/   /'
echo "== node a is MASTER again $(since "$t2") s after its restart"
if wait_for 5 bash -c "! ip -n $b -4 addr show dev eth0 | grep -q 'inet $vip/'"; then
    echo "   node b released the VIP"
else
    echo "demo: node b still holds the VIP 5 s after node a took it back; its log:"
    tail -20 "$work/b.log"; echo "node a:"; tail -20 "$work/a2.log"
    exit 1
fi
wait_for 3 reach && echo "   client pings $vip" || echo "   client cannot ping $vip"
echo "   client ARP entry for $vip: $(client_arp)"
echo "== done; cleaning up"
