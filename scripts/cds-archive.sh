#!/bin/sh
# Builds the class-data-sharing archive (AppCDS, dynamic) that the launcher maps at start-up:
# the ~1,500 classes of the daemon's start path, parsed and verified once here instead of at
# every start (see "Start-up and memory" in README).
#
#   cds-archive.sh LAUNCHER OUT       e.g. /usr/sbin/javakeepalived /var/cache/javakeepalived/javakeepalived.jsa
#
# A training run: the daemon itself, started through LAUNCHER (so with its JVM flags and the jar
# path it will use: an archive only maps for the same jar at the same path, with the same mtime,
# and the same Java runtime), runs one VRRP instance with a track script and a notify hook on a
# veth pair in a network namespace of its own (unshare; as non-root in a user namespace too)
# until it is MASTER (FAULT as non-root), then stops on SIGTERM; the JVM writes OUT as it exits. Nothing outside
# the namespace is touched. Exit 1, OUT unchanged, when it cannot run (no unshare, no ip, no
# namespaces): the launcher then starts without an archive, only slower.
set -eu
[ $# -eq 2 ] || { echo "usage: cds-archive.sh LAUNCHER OUT" >&2; exit 2; }
launcher=$1 out=$2

if [ -z "${CDS_ARCHIVE_INSIDE:-}" ]; then
    for tool in unshare ip; do
        command -v "$tool" >/dev/null 2>&1 || { echo "cds-archive.sh: no $tool; no archive built" >&2; exit 1; }
    done
    userns=""
    [ "$(id -u)" = 0 ] || userns=--map-root-user
    # shellcheck disable=SC2086
    CDS_ARCHIVE_INSIDE=1 exec unshare $userns --net "$0" "$@"
fi

work=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT
ip link add eth0 type veth peer name eth1
ip link set eth1 up
ip link set eth0 up
ip addr add 192.0.2.1/24 dev eth0
cat > "$work/keepalived.conf" <<CONF
vrrp_script chk {
    script "/bin/true"
    interval 1
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    version 3
    advert_int 0.1
    track_script {
        chk
    }
    notify_master "/bin/true"
    virtual_ipaddress {
        192.0.2.100/24
    }
}
CONF
rm -f "$out.new"
JAVAKEEPALIVED_CDS=none JAVA_OPTS="${JAVA_OPTS:-} -XX:ArchiveClassesAtExit=$out.new" \
    "$launcher" -n -l -G -f "$work/keepalived.conf" -p "$work/main.pid" -r "$work/vrrp.pid" >"$work/log" 2>&1 &
pid=$!
tries=0
# as non-root the track script cannot change user (setpriv) and holds the instance in FAULT
until grep -qE "Entering MASTER STATE|entering FAULT state" "$work/log"; do
    tries=$((tries + 1))
    if [ $tries -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "cds-archive.sh: the training run did not start its instance; no archive built:" >&2
        cat "$work/log" >&2
        exit 1
    fi
    sleep 0.1
done
sleep 1 # a few adverts, the track script's first runs, the findings logged after start
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
if [ $status -ne 0 ] || [ ! -s "$out.new" ]; then
    echo "cds-archive.sh: the training run ended with status $status; no archive built" >&2
    cat "$work/log" >&2
    rm -f "$out.new"
    exit 1
fi
chmod 0644 "$out.new"
mv -f "$out.new" "$out"
