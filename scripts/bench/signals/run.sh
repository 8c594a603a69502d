#!/usr/bin/env bash
# Re-measures the signal-handling approaches compared in io.javakeepalived.sys.JvmSignalSource:
# start-up medians (JVM that sets up and exits) and the jffi-callback crash rate.
# Needs the shaded jar: mvn -o -q package -DskipTests. Writes only under a temporary directory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-$here/../../../target/javakeepalived.jar}
runs=${RUNS:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -nowarn -cp "$jar" -d "$work" "$here"/*.java 2>/dev/null
cp="$work:$jar"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }

declare -A t
for _ in $(seq "$runs"); do
    t[hello]+="$(time_ms java -cp "$cp" Hello) "
    t[install]+="$(time_ms java -cp "$cp" InstallExit) "
    t[install+jnr]+="$(time_ms java -cp "$cp" InstallExit jnr) "
    t[reexec+signalfd]+="$(time_ms java -cp "$cp" ReexecSignalfd exit) "
done
for k in hello install install+jnr reexec+signalfd; do
    printf '%-16s median %4s ms over %s runs\n' "$k" "$(echo "${t[$k]}" | tr ' ' '\n' | grep . | median)" "$runs"
done

# jffi callback as a signal handler: does the JVM survive 500 x SIGRTMIN+2?
crashed=0
for r in 1 2 3 4 5; do
    (cd "$work" && exec java -Xmx256m -cp "$cp" JffiCallback >/dev/null 2>&1) &
    pid=$!
    sleep 1.5
    for _ in $(seq 500); do kill -36 "$pid" 2>/dev/null || break; done
    sleep 1
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; else crashed=$((crashed + 1)); fi
    wait "$pid" 2>/dev/null || true
done
echo "jffi callback handler: JVM died in $crashed of 5 runs"
