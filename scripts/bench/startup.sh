#!/usr/bin/env bash
# Start-up benchmark: Debian's keepalived 2.2.7 and javakeepalived side by side, in turn, on
# the same VRRP instance (BACKUP start, nobody else on the link):
#   exec -> first advert and exec -> VIP beyond the protocol wait (the master-down interval,
#   3 x advert_int + skew), SIGTERM -> exit, RSS after 10 s (one instance, the daemon and its
#   children), and the wall time of `-t` on the same file.
#
#   sudo scripts/bench/startup.sh [-n RUNS] [--v3] [--variant 'NAME=JAVA_OPTS'] [--jar 'NAME=JAR']...
#
# (default 5 runs, VRRPv2 advert_int 1). Each --variant adds a javakeepalived column started
# with those JAVA_OPTS, e.g. --variant 'no-cds=-Xshare:off', to see what a flag is worth; each
# --jar one started from another build (with its archive if one lies beside it, X.jar: X.jsa,
# built by JAVAKEEPALIVED_JAR=JAR scripts/cds-archive.sh scripts/javakeepalived ...), to see
# what a change is worth in the same run.
#
# Needs the shaded jar (mvn -B package -DskipTests), keepalived (apt-get install keepalived;
# scripts/test.sh installs it) and python3. It builds three network namespaces (a bridge with
# no uplink, the daemon's node, a watcher), addresses 10.213.60.0/24 only inside them, and
# removes them on exit; the probe signals only the processes it started.
# JAVAKEEPALIVED (default: scripts/javakeepalived) and JAVA_OPTS are passed on, so a variant
# can be measured the same way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
runs=5
version=2
variants=()
jars=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --v3) version=3; shift ;;
        --variant) variants+=("$2"); shift 2 ;;
        --jar) jars+=("$2"); shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "startup.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
jka=${JAVAKEEPALIVED:-$top/scripts/javakeepalived}

. "$here/lab.sh"
bench_setup startup.sh
lab_up jkbs$$ 10.213.60

if [ "$version" = 3 ]; then
    interval=0.1 wait=0.3609375    # 3 x 0.1 + (256-100) x 0.1 / 256
else
    interval=1 wait=3.609375       # 3 x 1 + (256-100) / 256
fi
cat > "$work/keepalived.conf" <<CONF
global_defs {
    router_id bench
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 60
    priority 100
    advert_int $interval
    version $version
    virtual_ipaddress {
        10.213.60.100/24
    }
}
CONF
# keepalived keeps its children's pid files beside the main one; ours go to the same place
pids="-p $work/ka.pid -r $work/ka_vrrp.pid -c $work/ka_check.pid"
jpids="-p $work/jka.pid -r $work/jka_vrrp.pid"

extra=()
for v in "${variants[@]}"; do
    extra+=(--daemon "${v%%=*}=env JAVA_OPTS='${v#*=}' $jka -n -l -G -P -f $work/keepalived.conf $jpids")
done
for j in "${jars[@]}"; do
    extra+=(--daemon "${j%%=*}=env JAVAKEEPALIVED_JAR=${j#*=} $jka -n -l -G -P -f $work/keepalived.conf $jpids")
done
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "v$version advert_int $interval, protocol wait ${wait} s, $runs runs each"
python3 "$here/startup_probe.py" --node-ns "$node" --watch-ns "$watch" --source 10.213.60.1 \
    --watch-address 10.213.60.9 --vip 10.213.60.100 --protocol-wait "$wait" --runs "$runs" \
    --log "$work/daemons.log" \
    --daemon "keepalived=keepalived -n -l -G -P -f $work/keepalived.conf $pids" \
    --daemon "javakeepalived=$jka -n -l -G -P -f $work/keepalived.conf $jpids" \
    "${extra[@]}" \
    --check "keepalived -t=keepalived -t -f $work/keepalived.conf" \
    --check "javakeepalived -t=$jka -t -f $work/keepalived.conf"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
