#!/usr/bin/env python3
"""Times VRRP daemons from exec, for scripts/bench/startup.sh (which builds the namespaces).

For each run of each daemon, in turn (A B A B ...):
  exec -> first advert   kernel receive timestamp (SO_TIMESTAMPNS) of the daemon's first
                         priority > 0 advert, seen by a raw socket in the watcher namespace
  exec -> VIP            the RTM_NEWADDR of the VIP, seen by an rtnetlink socket in the
                         daemon's namespace
  RSS                    VmRSS of the daemon and its child processes, RSS_AFTER s after exec
  SIGTERM -> exit        from kill() to waitpid() returning
Both start figures are given beyond the protocol wait (master-down interval of a BACKUP that
hears no master): what the daemon itself costs. The exec time is read in the child just
before execve, so the probe's own start-up is not counted.

Only the pids this probe forks are signalled (and, if one outlives its parent, the children
it was seen with). Standard library only; run as root.
"""
import argparse
import ctypes
import os
import select
import shlex
import signal
import socket
import statistics
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
RTMGRP_IPV4_IFADDR = 0x10
RTM_NEWADDR = 20
IFA_ADDRESS, IFA_LOCAL = 1, 2
SO_TIMESTAMPNS = 35
IPPROTO_VRRP = 112

libc = ctypes.CDLL(None, use_errno=True)


def setns(name):
    fd = os.open("/run/netns/" + name, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns " + name)
    finally:
        os.close(fd)


def in_namespace(name, make):
    """A socket made inside network namespace `name` (it stays there); this thread comes back."""
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    try:
        setns(name)
        return make()
    finally:
        libc.setns(home, CLONE_NEWNET)
        os.close(home)


def advert_socket(group, local):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, IPPROTO_VRRP)
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                 socket.inet_aton(group) + socket.inet_aton(local))
    s.setblocking(False)
    return s


def address_socket():
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.bind((0, RTMGRP_IPV4_IFADDR))
    s.setblocking(False)
    return s


def drain(*socks):
    for s in socks:
        while True:
            try:
                s.recv(65536)
            except BlockingIOError:
                break


def advert_from(sock, source):
    """Kernel time (ns, CLOCK_REALTIME) of a priority > 0 advert from `source`, or None."""
    data, anc, _, addr = sock.recvmsg(2048, socket.CMSG_SPACE(16))
    if addr[0] != source or len(data) < 24:
        return None
    ihl = (data[0] & 0x0F) * 4
    if data[ihl + 2] == 0:  # priority 0: the release advert at stop
        return None
    for level, kind, value in anc:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
            sec, nsec = struct.unpack("qq", value[:16])
            return sec * 1_000_000_000 + nsec
    return time.time_ns()


def vip_added(sock, vip):
    """True if a netlink message just read adds `vip`."""
    data = sock.recv(65536)
    off = 0
    while off + 16 <= len(data):
        length, kind = struct.unpack_from("IH", data, off)
        if length < 16:
            break
        if kind == RTM_NEWADDR:
            at = off + 16 + 8  # nlmsghdr + ifaddrmsg
            while at + 4 <= off + length:
                alen, atype = struct.unpack_from("HH", data, at)
                if alen < 4:
                    break
                if atype in (IFA_ADDRESS, IFA_LOCAL) and data[at + 4:at + alen] == socket.inet_aton(vip):
                    return True
                at += (alen + 3) & ~3
        off += (length + 3) & ~3
    return False


def tree(pid):
    """pid and its descendants, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def rss_kib(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def start(command, node_ns, log):
    """Forks `command` inside node_ns; returns (pid, exec time in ns)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(r)
            setns(node_ns)
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.write(w, str(time.time_ns()).encode())
            os.close(w)
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    os.close(w)
    t0 = int(os.read(r, 64))
    os.close(r)
    return pid, t0


def wait_exit(pid, deadline):
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return True
        time.sleep(0.0005)
    return False


def one_run(cmd, a):
    drain(a.adv_sock, a.addr_sock)
    pid, t0 = start(cmd, a.node_ns, a.log)
    first_advert = vip = None
    give_up = time.monotonic() + a.protocol_wait + 10
    while (first_advert is None or vip is None) and time.monotonic() < give_up:
        ready, _, _ = select.select([a.adv_sock, a.addr_sock], [], [], 0.05)
        now = time.time_ns()
        if a.adv_sock in ready and first_advert is None:
            first_advert = advert_from(a.adv_sock, a.source)
        elif a.adv_sock in ready:
            drain(a.adv_sock)
        if a.addr_sock in ready:
            if vip_added(a.addr_sock, a.vip) and vip is None:
                vip = now
    time.sleep(max(0.0, (t0 + a.rss_after * 1e9 - time.time_ns()) / 1e9))
    pids = tree(pid)
    rss = rss_kib(pids)
    t_kill = time.monotonic()
    os.kill(pid, signal.SIGTERM)
    exited = wait_exit(pid, t_kill + 15)
    stop_ms = (time.monotonic() - t_kill) * 1000 if exited else None
    for p in [pid] + pids[1:]:  # only what this run started, if still there
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if not exited:
        os.waitpid(pid, 0)
    wait = a.protocol_wait * 1e9
    ms = lambda t: None if t is None else (t - t0 - wait) / 1e6
    return {"advert": ms(first_advert), "vip": ms(vip), "stop": stop_ms, "rss": rss / 1024}


def timed_check(cmd, a):
    """Wall time of a command that exits by itself (e.g. -t), in ms."""
    pid, t0 = start(cmd, a.node_ns, a.log)
    os.waitpid(pid, 0)
    return (time.time_ns() - t0) / 1e6


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--node-ns", required=True)
    p.add_argument("--watch-ns", required=True)
    p.add_argument("--source", required=True, help="the daemon's address (advert source)")
    p.add_argument("--watch-address", required=True)
    p.add_argument("--vip", required=True)
    p.add_argument("--protocol-wait", type=float, required=True, help="master-down interval, s")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--rss-after", type=float, default=10)
    p.add_argument("--log", required=True)
    p.add_argument("--daemon", action="append", required=True, help="NAME=COMMAND")
    p.add_argument("--check", action="append", default=[], help="NAME=COMMAND, timed to exit")
    a = p.parse_args()
    a.adv_sock = in_namespace(a.watch_ns, lambda: advert_socket("224.0.0.18", a.watch_address))
    a.addr_sock = in_namespace(a.node_ns, address_socket)
    daemons = [(n, shlex.split(c)) for n, c in (d.split("=", 1) for d in a.daemon)]
    checks = [(n, shlex.split(c)) for n, c in (d.split("=", 1) for d in a.check)]
    results = {n: [] for n, _ in daemons}
    timings = {n: [] for n, _ in checks}
    for i in range(a.runs):
        for name, cmd in daemons:
            r = one_run(cmd, a)
            results[name].append(r)
            print(f"run {i + 1} {name:15} advert {fmt(r['advert'])} ms  VIP {fmt(r['vip'])} ms  "
                  f"stop {fmt(r['stop'])} ms  RSS {fmt(r['rss'])} MB", file=sys.stderr, flush=True)
        for name, cmd in checks:
            timings[name].append(timed_check(cmd, a))
    names = [n for n, _ in daemons]
    print(f"\n{'':38}" + "".join(f"{n:>26}" for n in names))
    print(f"{'':38}" + "".join(f"{'min / median / max':>26}" for _ in names))
    rows = [("exec -> first advert beyond wait, ms", "advert"), ("exec -> VIP beyond wait, ms", "vip"),
            ("SIGTERM -> exit, ms", "stop"), (f"RSS after {a.rss_after:g} s, MB", "rss")]
    for label, key in rows:
        print(f"{label:38}" + "".join(f"{spread([r[key] for r in results[n]]):>26}" for n in names))
    for name in timings:
        print(f"{name + ', ms':38}{spread(timings[name]):>26}")


def fmt(v):
    return "-" if v is None else f"{v:.1f}"


def spread(values):
    got = [v for v in values if v is not None]
    missing = len(values) - len(got)
    if not got:
        return "none"
    text = f"{min(got):.1f} / {statistics.median(got):.1f} / {max(got):.1f}"
    return text + (f" ({missing} missed)" if missing else "")


if __name__ == "__main__":
    main()
