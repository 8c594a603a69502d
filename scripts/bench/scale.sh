#!/usr/bin/env bash
# Scale benchmark: one daemon with N VRRP instances (state MASTER, priority 100, a /32 VIP each,
# advert_int 1, VRRPv2), Debian's keepalived 2.2.7 and javakeepalived in turn, for each N:
# exec -> first advert and -> all instances master (beyond the protocol wait), instances seen,
# adverts/s on the wire against N / advert_int, instances silent in a 30 s window, CPU % of one
# core, RSS / PSS / high-water mark (MB, all processes of the daemon), SIGTERM -> exit, and the
# longest gap between one instance's adverts with the number of gaps longer than a backup's
# master-down interval (3.61 s): the takeovers a backup node would have made ("spurious
# transitions"; `--window 600` for the 10 minutes issue 14 asks for).
#
#   sudo scripts/bench/scale.sh [-N "1 100 500 1000"] [--window SECONDS]
#
# As keepalived's reference run here (../shared/reference/keepalived-measured.md, "Scale"), up
# to 200 instances go on each of 5 links whose bridge ports are isolated from each other (this
# kernel has no 802.1Q), so VRIDs repeat per link; a watcher on a port that is not isolated
# hears them all. Needs the shaded jar, keepalived and python3. It builds the namespaces (a
# bridge with no uplink, the daemon's node, the watcher), addresses in 10.213.63.0/24 and
# 10.213.64.0/22 only inside them, and removes them on exit; the probe signals only the
# processes it started. JAVAKEEPALIVED (default: scripts/javakeepalived) and JAVA_OPTS are
# passed on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sizes="1 100 500 1000" window=30
while [ $# -gt 0 ]; do
    case "$1" in
        -N) sizes=$2; shift 2 ;;
        --window) window=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "scale.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
jka=${JAVAKEEPALIVED:-$top/scripts/javakeepalived}

. "$here/lab.sh"
bench_setup scale.sh
lab_bridge jksc$$
lab_node watch 10.213.63.9/24
lab_node node 10.213.63.1/24
node=$lab_tag-node watch=$lab_tag-watch
for i in 1 2 3 4; do
    lab_link node "eth$i" "p-node$i" "10.213.63.$((i + 1))/24"
    ip -n "$br" link set dev "p-node$i" type bridge_slave isolated on
done
ip -n "$br" link set dev p-node type bridge_slave isolated on
sleep 0.5 # the bridge ports leave their listening state

# N instances, 200 a link; VIPs 10.213.64.1 upwards
config() {
    local n=$1 i
    for ((i = 0; i < n; i++)); do
        cat <<CONF
vrrp_instance VI_$i {
    state MASTER
    interface eth$((i / 200))
    virtual_router_id $((i % 200 + 1))
    priority 100
    advert_int 1
    virtual_ipaddress {
        10.213.$((64 + (i + 1) / 256)).$(((i + 1) % 256))/32
    }
}
CONF
    done
}
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "VRRPv2 advert_int 1, window ${window} s"
echo
echo "| N | daemon | exec → first advert, ms | exec → all master, ms | instances seen | adverts/s (expected) | silent | CPU % | RSS MB | PSS MB | HWM MB | SIGTERM → exit, ms | longest gap, ms | takeovers |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in $sizes; do
    [ "$n" -le 1000 ] || { echo "scale.sh: at most 1000 instances (5 links x 200)" >&2; exit 1; }
    config "$n" > "$work/keepalived.conf"
    python3 "$here/scale_probe.py" --node-ns "$node" --watch-ns "$watch" --instances "$n" \
        --interval 1 --protocol-wait 3.609375 --window "$window" --log "$work/daemons.log" \
        --daemon "keepalived=keepalived -n -l -G -P -f $work/keepalived.conf -p $work/ka.pid -r $work/ka_vrrp.pid -c $work/ka_check.pid" \
        --daemon "javakeepalived=$jka -n -l -G -P -f $work/keepalived.conf -p $work/jka.pid -r $work/jka_vrrp.pid"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
