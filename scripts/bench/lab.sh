# Sourced by the benchmarks: the lab they run in. lab_up TAG PREFIX builds three network
# namespaces, TAG-br (a bridge with no uplink), TAG-node (the daemon's, PREFIX.1/24 on eth0)
# and TAG-watch (the watcher's, PREFIX.9/24), and sets $br, $node and $watch; lab_node NAME
# ADDRESS/PREFIX adds another namespace, TAG-NAME, on the bridge (its bridge port: p-NAME;
# lab_bridge TAG alone makes the bridge; lab_link adds a link to a node);
# lab_down removes them all. Nothing outside the namespaces is touched.
# bench_setup NAME checks that the benchmark NAME runs as root beside keepalived, makes $work
# (a temporary directory) and removes the lab and $work on exit, keeping $work/daemons.log as
# $KEEP_LOG if that is set.
lab_namespaces=()

lab_node() {
    local ns=$lab_tag-$1
    ip netns add "$ns"
    lab_namespaces+=("$ns")
    ip -n "$ns" link set lo up
    lab_link "$1" eth0 "p-$1" "$2"
}

# lab_link NAME IFNAME PORT ADDRESS/PREFIX: one more link from the bridge (port PORT) into
# the namespace TAG-NAME, there called IFNAME.
lab_link() {
    local ns=$lab_tag-$1
    ip -n "$br" link add "$3" type veth peer name "$2" netns "$ns"
    ip -n "$br" link set "$3" master br0 up
    ip -n "$ns" addr add "$4" dev "$2"
    ip -n "$ns" link set "$2" up
}

lab_bridge() {
    lab_tag=$1 br=$1-br
    ip netns add "$br"
    lab_namespaces+=("$br")
    ip -n "$br" link add br0 type bridge
    ip -n "$br" link set br0 up
}

lab_up() {
    lab_bridge "$1"
    node=$1-node watch=$1-watch
    lab_node node "$2.1/24"
    lab_node watch "$2.9/24"
    sleep 0.5 # the bridge port leaves its listening state; no advert is lost to it
}

lab_down() {
    local ns
    for ns in "${lab_namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
}

bench_setup() {
    [ "$(id -u)" = 0 ] || { echo "$1: run as root (network namespaces)" >&2; exit 1; }
    command -v keepalived >/dev/null || { echo "$1: keepalived missing (apt-get install keepalived)" >&2; exit 1; }
    work=$(mktemp -d)
    trap bench_cleanup EXIT
    trap "exit 130" INT TERM
}

bench_cleanup() {
    if [ -n "${KEEP_LOG:-}" ] && [ -f "$work/daemons.log" ]; then cp "$work/daemons.log" "$KEEP_LOG"; fi
    lab_down
    rm -rf "$work"
}
