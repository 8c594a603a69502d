#!/usr/bin/env bash
# Failover benchmark: a pair of Debian's keepalived 2.2.7, then a pair of javakeepalived, on the
# same VRRP instance (A priority 100 master, B priority 90 backup, a client pinging the VIP every
# millisecond), faults at a random phase of the advert cycle: kill (SIGKILL + A's link gone), link
# (A's link down), term (SIGTERM: the graceful hand-over). For each: B's first advert, B's first
# gratuitous ARP and the client's first echo reply from B, in ms after the fault, from kernel
# timestamps of one packet socket on the client's link.
#
#   sudo scripts/bench/failover.sh [-n RUNS] [--v3 INTERVAL] [--faults kill,link,term]
#                                  [--daemons keepalived,javakeepalived]
#
# (default 5 runs, VRRPv2 advert_int 1; --v3 0.1, 0.05 or 0.01 for VRRPv3). The protocol's own
# bound is printed with the table: B's master-down interval (kill, link) and its skew time (term).
#
# Needs the shaded jar (mvn -B package -DskipTests), keepalived (apt-get install keepalived) and
# python3. It builds four network namespaces (a bridge with no uplink, nodes A and B, a client),
# addresses 10.213.62.0/24 only inside them, and removes them on exit; the probe signals only
# the processes it started. JAVAKEEPALIVED (default: scripts/javakeepalived) and JAVA_OPTS are
# passed on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
runs=5 version=2 interval=1 faults=kill,link,term daemons=keepalived,javakeepalived
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --v3) version=3 interval=$2; shift 2 ;;
        --faults) faults=$2; shift 2 ;;
        --daemons) daemons=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "failover.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
jka=${JAVAKEEPALIVED:-$top/scripts/javakeepalived}

. "$here/lab.sh"
bench_setup failover.sh
lab_bridge jkfo$$
lab_node a 10.213.62.1/24
lab_node b 10.213.62.2/24
lab_node client 10.213.62.9/24
client=$lab_tag-client
sleep 0.5 # the bridge ports leave their listening state

for who in a:100 b:90; do
    cat > "$work/${who%%:*}.conf" <<CONF
global_defs {
    router_id bench-${who%%:*}
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 62
    priority ${who#*:}
    advert_int $interval
    version $version
    virtual_ipaddress {
        10.213.62.100/24
    }
}
CONF
done
mac() { ip -n "$1" link show eth0 | awk '/link\/ether/ {gsub(":", "-", $2); print $2}'; }
specs=()
for d in ${daemons//,/ }; do
    for n in a b; do
        ns=$lab_tag-$n address=10.213.62.$([ $n = a ] && echo 1 || echo 2)
        pids="-p $work/$d-$n.pid -r $work/$d-$n-vrrp.pid"
        case $d in
            keepalived) cmd="keepalived -n -l -G -P -f $work/$n.conf $pids -c $work/$d-$n-check.pid" ;;
            javakeepalived) cmd="$jka -n -l -G -P -f $work/$n.conf $pids" ;;
            *) echo "failover.sh: unknown daemon $d" >&2; exit 1 ;;
        esac
        specs+=(--node "$d:${n^^}:$ns:$address:$(mac "$ns"):$cmd")
    done
done
read -r master_down skew < <(python3 -c "i=$interval; s=(256-90)*i/256; print(3*i+s, s)")
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "v$version advert_int $interval, $runs runs per fault; bounds: master-down ${master_down} s, skew ${skew} s"
python3 "$here/failover_probe.py" --bridge-ns "$br" --client-ns "$client" --vip 10.213.62.100 \
    --interval "$interval" --master-down "$master_down" --runs "$runs" --faults "$faults" \
    --log "$work/daemons.log" "${specs[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
