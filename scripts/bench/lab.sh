# Sourced by the benchmarks: the lab they run in. lab_up TAG PREFIX builds three network
# namespaces, TAG-br (a bridge with no uplink), TAG-node (the daemon's, PREFIX.1/24 on eth0)
# and TAG-watch (the watcher's, PREFIX.9/24), and sets $br, $node and $watch; lab_down removes
# them. Nothing outside the namespaces is touched.
lab_up() {
    br=$1-br node=$1-node watch=$1-watch
    ip netns add "$br"; ip netns add "$node"; ip netns add "$watch"
    ip -n "$br" link add br0 type bridge
    ip -n "$br" link set br0 up
    for ns in "$node" "$watch"; do
        ip -n "$br" link add "p-${ns##*-}" type veth peer name eth0 netns "$ns"
        ip -n "$br" link set "p-${ns##*-}" master br0 up
        ip -n "$ns" link set lo up
    done
    ip -n "$node" addr add "$2.1/24" dev eth0
    ip -n "$watch" addr add "$2.9/24" dev eth0
    ip -n "$node" link set eth0 up
    ip -n "$watch" link set eth0 up
    sleep 0.5 # the bridge port leaves its listening state; no advert is lost to it
}

lab_down() {
    for ns in "$node" "$watch" "$br"; do ip netns del "$ns" 2>/dev/null || true; done
}
