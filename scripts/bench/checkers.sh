#!/usr/bin/env bash
# LVS checker benchmark: Debian's keepalived 2.2.7 and javakeepalived in turn on the same
# configuration, N real servers checked every second (delay_loop 1):
#   CPU % of one core over the window (utime + stime of all the daemon's processes and threads),
#   RSS at its end (and that of javakeepalived -P, the VRRP-only daemon, for the "+16 MB"
#   target), and how late each check starts after its delay_loop slot (SYN arrival times).
#
#   sudo scripts/bench/checkers.sh [-n SERVERS] [-d SECONDS] [-k http|tcp] [-w WARMUP] [--here|--vm]
#
# (defaults: 1,000 real servers, a 60 s window after a 10 s warm-up (60 s in the VM), HTTP_GET).
# keepalived's checker process will not run without IPVS ("IPVS: Can't initialize ipvs" and
# exit), so on a kernel without /proc/net/ip_vs the whole benchmark runs itself inside the VM
# of ../shared/tools/ipvs-vm (QEMU, software emulation): both daemons there, so their figures
# compare with each other but not with the host's. --here runs where it is (keepalived's
# column then says why it stopped); --vm forces the VM.
#
# Needs the shaded jar (mvn -B package -DskipTests), keepalived and python3. It builds two
# network namespaces joined by a veth pair and nothing else (the daemon's node; the real
# servers, 10.215.0.0/16 local to them, one python process answering for all), and removes
# them on exit; the probe signals only the processes it started.
# JAVAKEEPALIVED (default: scripts/javakeepalived) and JAVA_OPTS are passed on; KEEP_LOG=FILE
# keeps the daemons' log, KEEP_ARRIVALS=FILE every check's SYN time (host runs only).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
servers=1000 duration=60 kind=http warmup="" where=auto
while [ $# -gt 0 ]; do
    case "$1" in
        -n) servers=$2; shift 2 ;;
        -d) duration=$2; shift 2 ;;
        -k) kind=$2; shift 2 ;;
        -w) warmup=$2; shift 2 ;;
        --here) where=here; shift ;;
        --vm) where=vm; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "checkers.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
case "$kind" in http|tcp) ;; *) echo "checkers.sh: -k http or tcp, not $kind" >&2; exit 1 ;; esac
[ "$servers" -ge 1 ] && [ "$servers" -le 50000 ] || { echo "checkers.sh: -n 1..50000" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "checkers.sh: run as root (network namespaces)" >&2; exit 1; }
command -v keepalived >/dev/null || { echo "checkers.sh: keepalived missing (apt-get install keepalived)" >&2; exit 1; }
jka=${JAVAKEEPALIVED:-$top/scripts/javakeepalived}

if [ "$where" = vm ] || { [ "$where" = auto ] && [ ! -e /proc/net/ip_vs ] && [ -z "${CHECKBENCH_IN_VM:-}" ]; }; then
    tools=${IPVS_VM_TOOLS:-$top/../shared/tools/ipvs-vm}
    cache=${IPVS_VM_CACHE:-/var/tmp/ipvs-vm}
    [ -f "$cache/stamp" ] || "$tools/make-vm.sh" "$cache" >&2
    warmup=${warmup:-60}
    echo "host: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg);" \
         "no IPVS here: both daemons run in the ipvs-vm (QEMU TCG, 2 vCPUs), figures compare with each other, not with the host"
    if [ "$servers" -gt 30 ]; then  # measured: 100 TCP checks a second already fill a vCPU there
        echo "note: emulated, $servers checks a second may saturate either daemon; -n 30 keeps both under a core"
    fi
    export CHECKBENCH_IN_VM=1 JAVAKEEPALIVED=$jka JAVA_OPTS=${JAVA_OPTS:-}
    share=()
    if [ -n "${KEEP_LOG:-}" ]; then  # the guest's /tmp is its own: the log's folder is shared
        KEEP_LOG=$(cd "$(dirname "$KEEP_LOG")" && pwd)/$(basename "$KEEP_LOG")
        export KEEP_LOG
        share=(-w "$(dirname "$KEEP_LOG")" -e KEEP_LOG)
    fi
    status=0
    "$tools/run-in-vm.sh" "${share[@]}" -e CHECKBENCH_IN_VM -e JAVAKEEPALIVED -e JAVA_OPTS -c 2 -m 2048M \
        -t $((3 * (warmup + duration + 30) + 240)) "$cache" -- \
        "$here/checkers.sh" --here -n "$servers" -d "$duration" -k "$kind" -w "$warmup" || status=$?
    echo "host load after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit $status
fi
warmup=${warmup:-10}

tag=jkcb$$
node=$tag-node srv=$tag-srv
work=$(mktemp -d)
cleanup() {
    for ns in "$node" "$srv"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$node"; ip netns add "$srv"
ip -n "$node" link add eth0 type veth peer name eth0 netns "$srv"
for ns in "$node" "$srv"; do ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up; done
ip -n "$node" addr add 10.214.0.1/24 dev eth0
ip -n "$srv" addr add 10.214.0.2/24 dev eth0
# every 10.215.x.y is the servers' own: one socket on 0.0.0.0:80 answers for all real servers
ip -n "$srv" route add local 10.215.0.0/16 dev lo
ip -n "$node" route add 10.215.0.0/16 via 10.214.0.2

case "$kind" in
    http) check='HTTP_GET {
            url {
                path /
                status_code 200
            }
            connect_timeout 2
        }' ;;
    tcp) check='TCP_CHECK {
            connect_timeout 2
        }' ;;
esac
{
    cat <<CONF
global_defs {
    router_id bench
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 61
    priority 100
    advert_int 1
    virtual_ipaddress {
        10.214.0.100/24
    }
}
virtual_server 10.214.0.100 80 {
    delay_loop 1
    lb_algo rr
    lb_kind DR
    protocol TCP
CONF
    for ((i = 0; i < servers; i++)); do
        echo "    real_server 10.215.$((1 + i / 200)).$((1 + i % 200)) 80 {"
        echo "        $check"
        echo "    }"
    done
    echo "}"
} > "$work/keepalived.conf"

# a config test of each first: it checks the file, and in the VM it pulls the JDK and the jar
# over the host share into the page cache, which the first daemon would otherwise pay for
keepalived -t -f "$work/keepalived.conf" >/dev/null 2>&1 || true
"$jka" -t -f "$work/keepalived.conf" >/dev/null 2>&1 || true
where_text="on this host"
[ -n "${CHECKBENCH_IN_VM:-}" ] && where_text="in the ipvs-vm"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), $where_text, load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$servers real servers, ${kind^^} checks, delay_loop 1, ${warmup} s warm-up, ${duration} s window"
# the daemons start under `ip netns exec` as an operator starts them: besides the network
# namespace it mounts a /sys of that namespace (javakeepalived looks for interfaces there)
inside="ip netns exec $node"
# the probe imports startup_probe.py from its own folder
PYTHONPATH=$here python3 "$here/checkers_probe.py" --node-ns "$node" --servers-ns "$srv" \
    --kind "$kind" --servers "$servers" --warmup "$warmup" --duration "$duration" \
    --log "$work/daemons.log" ${KEEP_ARRIVALS:+--arrivals "$KEEP_ARRIVALS"} \
    --daemon "keepalived@$work/ka_check.pid=$inside keepalived -n -l -f $work/keepalived.conf -p $work/ka.pid -r $work/ka_vrrp.pid -c $work/ka_check.pid" \
    --daemon "javakeepalived=$inside $jka -n -l -f $work/keepalived.conf -p $work/jka.pid -r $work/jka_vrrp.pid" \
    --daemon "javakeepalived -P=$inside $jka -n -l -P -f $work/keepalived.conf -p $work/jkp.pid -r $work/jkp_vrrp.pid"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${KEEP_LOG:-}" ]; then cp "$work/daemons.log" "$KEEP_LOG"; fi
