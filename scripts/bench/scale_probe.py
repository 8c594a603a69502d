#!/usr/bin/env python3
"""Runs one VRRP daemon with N instances, for scripts/bench/scale.sh (which builds the lab).

Every instance is alone on its link and becomes master. A packet socket in the watcher's
namespace (its bridge port is not isolated, so it hears every interface of the daemon) keys
each advert by (source MAC, VRID), i.e. by instance, with kernel timestamps:
  exec -> first advert, exec -> all master   beyond the protocol wait (master-down interval)
  instances seen, adverts/s against N / advert_int, instances silent in the window
  CPU % of one core (utime + stime of every process of the daemon) over the window
  RSS, PSS (smaps_rollup) and the RSS high-water mark at the window's end, summed
  SIGTERM -> exit
  the longest gap between two adverts of one instance in the window (its start and end count as
  adverts), and how many gaps were longer than the protocol wait, the master-down interval of a
  backup at priority 100: each is a takeover a backup of that instance would have made
The window starts SETTLE s after the last instance was first seen.

Only the pids this probe forks are signalled. Standard library only; run as root.
"""
import argparse
import os
import select
import shlex
import signal
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checkers_probe import CLK_TCK, cpu_ticks  # noqa: E402
from failover_probe import capture_socket  # noqa: E402
from startup_probe import in_namespace, start, tree, wait_exit  # noqa: E402

IPPROTO_VRRP = 112


def adverts(sock):
    """(kernel time ns, key) of each VRRP advert with priority > 0 waiting on `sock`."""
    while True:
        try:
            data, anc, _, _ = sock.recvmsg(2048, socket.CMSG_SPACE(16))
        except BlockingIOError:
            return
        if len(data) < 40 or data[12:14] != b"\x08\x00" or data[23] != IPPROTO_VRRP:
            continue
        ihl = (data[14] & 0x0F) * 4
        if data[14 + ihl + 2] == 0:
            continue
        at = time.time_ns()
        for level, kind, value in anc:
            if level == socket.SOL_SOCKET and kind == 35:  # SO_TIMESTAMPNS
                sec, nsec = struct.unpack("qq", value[:16])
                at = sec * 1_000_000_000 + nsec
        yield at, (data[6:12], data[14 + ihl + 1])


def memory_kib(pids):
    rss = pss = hwm = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        hwm += int(line.split()[1])
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss, hwm


def one_run(name, command, a):
    sock = in_namespace(a.watch_ns, lambda: capture_socket("eth0"))
    pid, t0 = start(command, a.node_ns, a.log)
    seen, first, all_at = {}, None, None
    give_up = time.monotonic() + a.protocol_wait + 60
    while all_at is None and time.monotonic() < give_up:
        if select.select([sock], [], [], 0.1)[0]:
            for at, key in adverts(sock):
                first = first or at
                seen.setdefault(key, 0)
                if len(seen) >= a.instances and all_at is None:
                    all_at = at
    time.sleep(a.settle)
    for _ in adverts(sock):
        pass
    pids = tree(pid)
    ticks0, w0 = cpu_ticks(pids), time.monotonic()
    counts = dict.fromkeys(seen, 0)
    last, longest, takeovers = {}, 0, 0
    takeover_ns = a.protocol_wait * 1e9  # a backup's master-down interval: a longer gap is a takeover
    window_start = time.time_ns()
    end = w0 + a.window
    while time.monotonic() < end:
        if select.select([sock], [], [], 0.1)[0]:
            for at, key in adverts(sock):
                counts[key] = counts.get(key, 0) + 1
                gap = at - last.get(key, window_start)
                longest = max(longest, gap)
                takeovers += gap > takeover_ns
                last[key] = at
    window_end = time.time_ns()
    for key in counts:  # silent up to the window's end counts too
        gap = window_end - last.get(key, window_start)
        longest = max(longest, gap)
        takeovers += gap > takeover_ns
    elapsed = time.monotonic() - w0
    pids = tree(pid)
    cpu = (cpu_ticks(pids) - ticks0) / CLK_TCK / elapsed * 100
    rss, pss, hwm = memory_kib(pids)
    t_kill = time.monotonic()
    os.kill(pid, signal.SIGTERM)
    stop_ms = (time.monotonic() - t_kill) * 1000 if wait_exit(pid, t_kill + 30) else None
    for p in pids:  # only what this run started, if still there
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if stop_ms is None:
        os.waitpid(pid, 0)
    sock.close()
    wait = a.protocol_wait * 1e9
    ms = lambda t: None if t is None else (t - t0 - wait) / 1e6
    return {
        "first": ms(first), "all": ms(all_at), "seen": len(seen),
        "rate": sum(counts.values()) / elapsed, "expected": a.instances / a.interval,
        "silent": sum(1 for c in counts.values() if c == 0) + max(0, a.instances - len(seen)),
        "cpu": cpu, "rss": rss / 1024, "pss": pss / 1024, "hwm": hwm / 1024, "stop": stop_ms,
        "longest": longest / 1e6, "takeovers": takeovers,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--node-ns", required=True)
    p.add_argument("--watch-ns", required=True)
    p.add_argument("--instances", type=int, required=True)
    p.add_argument("--interval", type=float, required=True)
    p.add_argument("--protocol-wait", type=float, required=True)
    p.add_argument("--settle", type=float, default=6)
    p.add_argument("--window", type=float, default=30)
    p.add_argument("--log", required=True)
    p.add_argument("--daemon", action="append", required=True, help="NAME=COMMAND")
    a = p.parse_args()
    for name, command in (d.split("=", 1) for d in a.daemon):
        r = one_run(name, shlex.split(command), a)
        print(f"| {a.instances} | {name} | {fmt(r['first'])} | {fmt(r['all'])} | {r['seen']} | "
              f"{r['rate']:.1f} ({r['expected']:g}) | {r['silent']} | {r['cpu']:.2f} | {r['rss']:.1f} | "
              f"{r['pss']:.1f} | {r['hwm']:.1f} | {fmt(r['stop'])} | {r['longest']:.0f} | {r['takeovers']} |",
              flush=True)


def fmt(v):
    return "-" if v is None else f"{v:.1f}"


if __name__ == "__main__":
    main()
