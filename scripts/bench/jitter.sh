#!/usr/bin/env bash
# Advert jitter benchmark: Debian's keepalived 2.2.7 and javakeepalived side by side, in turn,
# as a VRRPv3 master at advert_int 0.01 (the 10 ms floor), idle and beside 2 busy loops:
#   the intervals between its adverts, from the kernel timestamps of a capture in a watcher
#   namespace: mean interval, p50 / p99 / max error against the nominal 10 ms, and how many
#   intervals are over 1.5 x nominal.
#
#   sudo scripts/bench/jitter.sh [-s SECONDS] [--variant 'NAME=JAVA_OPTS' | --jar 'NAME=JAR']...
#
# (default 60 s a row). --variant adds a javakeepalived column started with those JAVA_OPTS,
# --jar one started from another jar (an older build, to compare a change side by side).
# Needs the shaded jar (mvn -B package -DskipTests), keepalived, tcpdump, tshark and python3.
# It builds three network namespaces (a bridge with no uplink, the daemon's node, a watcher),
# addresses 10.213.61.0/24 only inside them, and removes them on exit; it stops only the
# processes it started, by pid.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=60
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        -s) secs=$2; shift 2 ;;
        --variant) extra+=("${2%%=*}=env JAVA_OPTS='${2#*=}' ${JAVAKEEPALIVED:-$top/scripts/javakeepalived}"); shift 2 ;;
        --jar) extra+=("${2%%=*}=env JAVAKEEPALIVED_JAR='${2#*=}' JAVAKEEPALIVED_CDS=none ${JAVAKEEPALIVED:-$top/scripts/javakeepalived}"); shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "jitter.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "jitter.sh: run as root (network namespaces)" >&2; exit 1; }
for c in keepalived tcpdump tshark python3; do
    command -v $c >/dev/null || { echo "jitter.sh: $c missing" >&2; exit 1; }
done
jka=${JAVAKEEPALIVED:-$top/scripts/javakeepalived}

. "$here/lab.sh"
work=$(mktemp -d)
busy=()
cleanup() {
    for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done
    lab_down
    rm -rf "$work"
}
trap cleanup EXIT
lab_up jkjt$$ 10.213.61

cat > "$work/keepalived.conf" <<CONF
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 61
    priority 200
    advert_int 0.01
    version 3
    virtual_ipaddress {
        10.213.61.100/24
    }
}
CONF

daemons=("keepalived=keepalived -n -l -G -P -f $work/keepalived.conf -p $work/ka.pid -r $work/ka_vrrp.pid -c $work/ka_check.pid"
         "javakeepalived=$jka -n -l -G -P -f $work/keepalived.conf -p $work/jka.pid -r $work/jka_vrrp.pid")
for x in "${extra[@]}"; do
    daemons+=("$x -n -l -G -P -f $work/keepalived.conf -p $work/jkx.pid -r $work/jkx_vrrp.pid")
done

# one row: start the daemon, let it settle, capture $secs s of its adverts, stop it
row() {
    local name=$1 cmd=$2 load=$3
    ip netns exec "$node" sh -c "exec $cmd" >"$work/daemon.log" 2>&1 &
    local pid=$!
    # settle: until it is master (a JVM beside busy loops may take seconds), then 1 s more
    for _ in $(seq 100); do
        grep -q 'Entering MASTER STATE' "$work/daemon.log" && break
        sleep 0.2
    done
    sleep 1
    ip netns exec "$watch" tcpdump -i eth0 -n -U --immediate-mode -w "$work/adverts.pcap" \
        "ip proto 112 and src 10.213.61.1" >/dev/null 2>&1 &
    local td=$!
    sleep "$secs"
    kill "$td" 2>/dev/null || true; wait "$td" 2>/dev/null || true
    kill "$pid" 2>/dev/null || echo "$name exited early: $(tail -3 "$work/daemon.log")" >&2
    wait "$pid" 2>/dev/null || true
    tshark -r "$work/adverts.pcap" -T fields -e frame.time_epoch 2>/dev/null >"$work/times"
    python3 - "$name" "$load" "$work/times" <<'PY'
import sys
name, load, path = sys.argv[1:4]
t = [float(l) for l in open(path) if l.strip()]
iv = [(b - a) * 1000 for a, b in zip(t, t[1:])]
if len(iv) < 10:
    print(f"| {name} | {load} | too few adverts ({len(t)}) | | | | |")
    sys.exit(0)
err = sorted(abs(i - 10.0) for i in iv)
def pct(p):
    return err[min(len(err) - 1, int(p / 100 * len(err)))]
mean = sum(iv) / len(iv)
over = sum(1 for i in iv if i > 15.0)
print(f"| {name} | {load} | {mean:.3f} | {pct(50):.3f} | {pct(99):.3f} | {err[-1]:.2f} | {over} of {len(iv)} |")
PY
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "VRRPv3 advert_int 0.01, ${secs} s a row"
echo "| daemon | load | mean interval, ms | p50 error, ms | p99 error, ms | max error, ms | intervals > 15 ms |"
echo "|---|---|---|---|---|---|---|"
for load in idle busy; do
    if [ "$load" = busy ]; then
        for i in 1 2; do sh -c 'while :; do :; done' & busy+=($!); done
    fi
    for d in "${daemons[@]}"; do
        row "${d%%=*}" "${d#*=}" "$load"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
