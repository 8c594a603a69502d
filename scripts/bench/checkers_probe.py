#!/usr/bin/env python3
"""Measures LVS health-checker daemons, for scripts/bench/checkers.sh (which builds the namespaces
and the configuration).

One process plays every real server: the real servers' addresses are local to the servers'
namespace (a `local` route), so one listening socket on port 80 answers for all of them (a TCP
accept, or an HTTP/1.0 200). Beside it a packet socket with a BPF filter sees every SYN to port 80
with its kernel receive timestamp (SO_TIMESTAMPNS): the start of a check on the wire, whatever
this process's own delays.

Each daemon runs in turn in the node namespace; after --warmup seconds, for --duration seconds:
  CPU        utime + stime of the daemon's processes (all their threads), as % of one core
  RSS        VmRSS at the end of the window, the whole process tree and the checker process
  lateness   per real server, its checks against a grid of delay_loop anchored at its first
             check: how late each check in the window starts after its slot (p50/p99/max), and
             how many slots had no check
  interval   the time between two checks of a real server minus delay_loop (p99/max): what a
             scheduler that re-arms after each check (keepalived) keeps small, without a grid

Only the pids this probe forks are signalled. Standard library only; run as root.
"""
import argparse
import ctypes
import os
import select
import shlex
import signal
import socket
import struct
import sys
import threading
import time

from startup_probe import in_namespace, rss_kib, start, tree, wait_exit

SO_TIMESTAMPNS = 35
SO_ATTACH_FILTER = 26
SO_RCVBUFFORCE = 33
ETH_P_IP = 0x0800
CLK_TCK = os.sysconf("SC_CLK_TCK")


def syn_filter(port):
    """Classic BPF (tcpdump -dd 'tcp dst port PORT and tcp[tcpflags] & (tcp-syn|tcp-ack) ==
    tcp-syn'): only a connection's first packet reaches us, not its whole exchange."""
    code = [(0x28, 0, 0, 12), (0x15, 12, 0, 0x86dd), (0x15, 0, 11, 0x0800), (0x30, 0, 0, 23),
            (0x15, 0, 9, 6), (0x28, 0, 0, 20), (0x45, 7, 0, 0x1fff), (0xb1, 0, 0, 14),
            (0x48, 0, 0, 16), (0x15, 0, 4, port), (0x50, 0, 0, 27), (0x54, 0, 0, 0x12),
            (0x15, 0, 1, 0x02), (0x6, 0, 0, 0x40000), (0x6, 0, 0, 0)]
    return b"".join(struct.pack("HBBI", *c) for c in code)


class SynRecorder:
    """Kernel arrival time (ns) of every SYN to `port` on `interface`, per destination address."""

    def __init__(self, interface, port):
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_IP))
        code = syn_filter(port)
        program = ctypes.create_string_buffer(code, len(code))  # the kernel copies it at attach
        fprog = struct.pack("HL", len(code) // 8, ctypes.addressof(program))  # struct sock_fprog
        self.sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 64 << 20)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self.sock.bind((interface, ETH_P_IP))
        self.arrivals = []  # (ns, destination address bytes); appended by one thread only
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while True:
            data, anc, _, _ = self.sock.recvmsg(128, socket.CMSG_SPACE(16))
            stamp = time.time_ns()
            for level, kind, value in anc:
                if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                    sec, nsec = struct.unpack("qq", value[:16])
                    stamp = sec * 1_000_000_000 + nsec
            self.arrivals.append((stamp, data[30:34]))  # Ethernet 14 + IPv4 destination at 16

    def since(self, t0, t1):
        return [(t, a) for t, a in list(self.arrivals) if t0 <= t <= t1]


HTTP_ANSWER = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"


def serve(listener, kind):
    """The real servers, in a process of their own (not behind this one's GIL, which the SYN
    recorder takes for every packet): a TCP accept closed at once, or an HTTP/1.0 200 once the
    request's head is in. A plain epoll loop: asyncio's streams cost so much per connection that
    at 1,000 HTTP checks a second on a loaded machine the servers, not the daemons, were the
    bottleneck. Returns the server's pid."""
    listener.setblocking(False)
    listener.listen(4096)
    pid = os.fork()
    if pid:
        return pid
    try:
        ep = select.epoll()
        ep.register(listener.fileno(), select.EPOLLIN)
        heads = {}  # fd -> [socket, what came so far]
        while True:
            for fd, _ in ep.poll():
                if fd == listener.fileno():
                    accept_all(listener, kind, ep, heads)
                    continue
                conn, got = heads[fd]
                try:
                    data = conn.recv(4096)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                got += data
                heads[fd][1] = got
                if data and b"\r\n\r\n" not in got and len(got) < 65536:
                    continue
                if data:
                    try:
                        conn.send(HTTP_ANSWER)
                    except OSError:
                        pass
                ep.unregister(fd)
                del heads[fd]
                conn.close()
    finally:
        os._exit(0)


def accept_all(listener, kind, ep, heads):
    while True:
        try:
            conn, _ = listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            return  # e.g. EMFILE: the next readiness retries
        if kind != "http":
            conn.close()
            continue
        conn.setblocking(False)
        heads[conn.fileno()] = [conn, b""]
        ep.register(conn.fileno(), select.EPOLLIN)


def cpu_ticks(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
        except OSError:
            pass
    return total


def run_queue_ns(pids):
    """Time the processes' threads spent runnable but waiting for a CPU (schedstat's run delay):
    what tells a daemon that is slow from one that a busy machine did not run."""
    total = 0
    for p in pids:
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/schedstat") as f:
                    total += int(f.read().split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return total


def read_pid(path):
    try:
        with open(path) as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def percentile(sorted_values, q):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def schedule_figures(arrivals, w0, w1, delay):
    """How each real server's checks in [w0, w1] kept to delay_loop, in ms: the Nth check after
    a server's first should start N x delay_loop after it (late: how much later it did), and two
    checks should be delay_loop apart (gap: by how much more they were)."""
    per_server = {}
    for t, address in arrivals:
        per_server.setdefault(address, []).append(t)
    late, gaps, in_window = [], [], 0
    d = delay * 1e9
    for times in per_server.values():
        times.sort()
        for n, t in enumerate(times):
            if w0 <= t <= w1:
                in_window += 1
                late.append((t - times[0] - n * d) / 1e6)
                if n > 0:
                    gaps.append((t - times[n - 1] - d) / 1e6)
    late.sort()
    gaps.sort()
    return {"servers": len(per_server), "checks": in_window,
            "late": [percentile(late, 0.5), percentile(late, 0.99), late[-1] if late else None],
            "gap": [percentile(gaps, 0.5), percentile(gaps, 0.99), gaps[-1] if gaps else None]}


def one_run(name, cmd, focus_pidfile, a, recorder):
    a.log_from = os.path.getsize(a.log) if os.path.exists(a.log) else 0
    pid, t0 = start(cmd, a.node_ns, a.log)
    time.sleep(a.warmup)
    if os.waitpid(pid, os.WNOHANG)[0]:
        return {"name": name, "failed": last_words(a)}
    pids = tree(pid)
    w0, c0, q0 = time.time_ns(), cpu_ticks(pids), run_queue_ns(pids)
    focus = read_pid(focus_pidfile) if focus_pidfile else pid
    f0 = cpu_ticks([focus])
    time.sleep(a.duration)
    pids = tree(pid)
    w1, c1, f1, q1 = time.time_ns(), cpu_ticks(pids), cpu_ticks([focus]), run_queue_ns(pids)
    rss, focus_rss = rss_kib(pids), rss_kib([focus])
    alive = not os.waitpid(pid, os.WNOHANG)[0]
    if alive:
        os.kill(pid, signal.SIGTERM)
        if not wait_exit(pid, time.monotonic() + 15):
            for p in pids:  # only what this run started
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            os.waitpid(pid, 0)
    seconds = (w1 - w0) / 1e9
    result = {"name": name, "cpu": (c1 - c0) / CLK_TCK / seconds * 100,
              "focus_cpu": (f1 - f0) / CLK_TCK / seconds * 100, "rss": rss / 1024,
              "waited": (q1 - q0) / 1e9 / seconds * 100,
              "focus_rss": focus_rss / 1024, "processes": len(pids),
              "died": None if alive else last_words(a)}
    arrivals = recorder.since(t0, w1)
    if a.arrivals:  # for a closer look: one line per check, "daemon window-start ns address"
        with open(a.arrivals, "a") as f:
            f.writelines(f"{name.replace(' ', '_')} {w0} {t} {socket.inet_ntoa(addr)}\n" for t, addr in arrivals)
    result.update(schedule_figures(arrivals, w0, w1, a.delay_loop))
    result["expected"] = a.servers * int(seconds / a.delay_loop)
    return result


def last_words(a):
    """The daemon's own reason for stopping, from its part of the log, for the table."""
    try:
        with open(a.log, errors="replace") as f:
            f.seek(a.log_from)
            lines = [line.strip().split(": ", 1)[-1] for line in f]
    except OSError:
        return "exited"
    for mark in ("Can't", "cannot", "rror", "FATAL"):
        for line in lines:
            if mark in line:
                return line[:100]
    return "exited"


def fmt(v, digits=1):
    return "-" if v is None else f"{v:.{digits}f}"


def table(results, a):
    names = [r["name"] for r in results]
    width = max(30, *(len(n) + 2 for n in names))  # "34657.8 / 35938.9 / 43788.8" and a gap
    print(f"\n{'':48}" + "".join(f"{n:>{width}}" for n in names))
    def row(label, cell):
        print(f"{label:48}" + "".join(f"{cell(r):>{width}}" for r in results))
    def ok(render):
        return lambda r: "did not run" if r.get("failed") else render(r)
    row(f"CPU, % of one core ({a.duration:g} s)", ok(lambda r: fmt(r["cpu"])))
    row("  of it the checker process", ok(lambda r: fmt(r["focus_cpu"])))
    row("  waiting for a CPU (its threads), % of window", ok(lambda r: fmt(r["waited"])))
    row("RSS at the end, MB (processes)", ok(lambda r: f"{fmt(r['rss'])} ({r['processes']})"))
    row("  of it the checker process", ok(lambda r: fmt(r["focus_rss"])))
    row("real servers checked / configured", ok(lambda r: f"{r['servers']} / {a.servers}"))
    row("checks in the window / servers x seconds",
        ok(lambda r: f"{r['checks']} / {r['expected']}"))
    row("late vs first + N x delay_loop, ms p50/p99/max",
        ok(lambda r: " / ".join(fmt(v) for v in r["late"]) if r["checks"] else "no checks"))
    row("interval - delay_loop, ms p50/p99/max",
        ok(lambda r: " / ".join(fmt(v) for v in r["gap"]) if r["checks"] else "no checks"))
    for r in results:
        if r.get("failed"):
            print(f"{r['name']} did not run: {r['failed']}")
        if r.get("died"):
            print(f"{r['name']} exited during the window: {r['died']}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--node-ns", required=True)
    p.add_argument("--servers-ns", required=True)
    p.add_argument("--interface", default="eth0", help="the servers' link, in --servers-ns")
    p.add_argument("--kind", choices=["tcp", "http"], default="http")
    p.add_argument("--servers", type=int, required=True, help="real servers configured")
    p.add_argument("--delay-loop", type=float, default=1)
    p.add_argument("--warmup", type=float, default=10)
    p.add_argument("--duration", type=float, default=60)
    p.add_argument("--log", required=True)
    p.add_argument("--arrivals", help="append every check's SYN time here")
    p.add_argument("--daemon", action="append", required=True,
                   help="NAME=COMMAND or NAME@PIDFILE=COMMAND (PIDFILE: its checker process)")
    a = p.parse_args()

    def listener():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", 80))
        return s
    server = serve(in_namespace(a.servers_ns, listener), a.kind)
    try:
        recorder = in_namespace(a.servers_ns, lambda: SynRecorder(a.interface, 80))
        results = []
        for spec in a.daemon:
            label, command = spec.split("=", 1)
            name, _, pidfile = label.partition("@")
            r = one_run(name, shlex.split(command), pidfile or None, a, recorder)
            results.append(r)
            print(f"{name}: " + (r.get("failed") or f"CPU {fmt(r['cpu'])} %, RSS {fmt(r['rss'])} MB, "
                                 f"{r['checks']} checks of {r['expected']}"),
                  file=sys.stderr, flush=True)
        table(results, a)
    finally:
        os.kill(server, signal.SIGTERM)  # the servers' process this probe forked
        os.waitpid(server, 0)


if __name__ == "__main__":
    main()
