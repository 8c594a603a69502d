#!/usr/bin/env python3
"""Times VRRP failovers, for scripts/bench/failover.sh (which builds the namespaces).

Two nodes of one daemon run one instance: A (priority 100) is master, B (priority 90) backup.
For each run the probe waits until A is master and the client is served by A, waits a random
fraction of the advert interval (the fault lands at any phase of the advert cycle), makes the
fault, and stamps from one packet socket on the client's link (kernel receive timestamps,
SO_TIMESTAMPNS, on the same clock as the fault's stamp):
  advert   B's first advert with priority > 0 after the fault
  GARP     B's first gratuitous ARP for the VIP
  reply    the client's first echo reply from B's MAC (it pings the VIP every millisecond)
Faults:
  kill     SIGKILL to every process of A's daemon, then A's bridge port down (a killed
           keepalived or javakeepalived leaves its VIP on the interface, so the node itself must
           also go away, as when a machine dies)
  link     A's bridge port down: A sees no carrier (FAULT), B hears no adverts
  term     SIGTERM to A's daemon: it sends priority 0 and releases the VIP (graceful hand-over)
After each run A is brought back (port up, daemon restarted) and preempts.

Only the pids this probe forks are signalled. Standard library only; run as root.
"""
import argparse
import os
import random
import select
import shlex
import signal
import socket
import statistics
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup_probe import in_namespace, start, tree, wait_exit  # noqa: E402

SO_TIMESTAMPNS = 35
ETH_P_ALL = 0x0003
SOL_RAW, ICMP_FILTER = 255, 1
IPPROTO_VRRP = 112


def capture_socket(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((ifname, 0))
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.setblocking(False)
    return s


def ping_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    s.setsockopt(SOL_RAW, ICMP_FILTER, struct.pack("I", 0xFFFFFFFF))  # replies: read on the capture
    s.setblocking(False)
    return s


def checksum(data):
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    return ~(total + (total >> 16)) & 0xFFFF


def echo_request(seq):
    head = struct.pack("!BBHHH", 8, 0, 0, 0x4A4B, seq & 0xFFFF)
    body = b"failover-probe"
    return struct.pack("!BBHHH", 8, 0, checksum(head + body), 0x4A4B, seq & 0xFFFF) + body


class Frame:
    """What the probe needs from one captured Ethernet frame."""
    __slots__ = ("at", "src_mac", "kind", "ip_src", "priority")

    def __init__(self, at, data, vip):
        self.at, self.src_mac, self.kind, self.ip_src, self.priority = at, data[6:12], None, None, None
        ethertype = struct.unpack_from("!H", data, 12)[0]
        if ethertype == 0x0806 and len(data) >= 42:
            op = struct.unpack_from("!H", data, 20)[0]
            sender_ip, target_ip = data[28:32], data[38:42]
            if sender_ip == vip and target_ip == vip and op in (1, 2):
                self.kind = "garp"
        elif ethertype == 0x0800 and len(data) >= 34:
            ihl = (data[14] & 0x0F) * 4
            proto, self.ip_src = data[23], data[26:30]
            if proto == IPPROTO_VRRP and len(data) > 14 + ihl + 2:
                self.kind, self.priority = "advert", data[14 + ihl + 2]
            elif proto == 1 and len(data) > 14 + ihl and data[14 + ihl] == 0:
                self.kind = "reply"


def frames(sock, vip):
    while True:
        try:
            data, anc, _, _ = sock.recvmsg(2048, socket.CMSG_SPACE(16))
        except BlockingIOError:
            return
        at = time.time_ns()
        for level, kind, value in anc:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                sec, nsec = struct.unpack("qq", value[:16])
                at = sec * 1_000_000_000 + nsec
        yield Frame(at, data, vip)


class Node:
    def __init__(self, name, ns, address, mac, command, log):
        self.name, self.ns, self.address, self.mac = name, ns, socket.inet_aton(address), mac
        self.command, self.log, self.pid = command, log, None

    def start(self):
        # A killed daemon leaves its pid files, and its killed child may stay a zombie for a
        # while where PID 1 does not reap: keepalived would take that for a running daemon.
        for flag, path in zip(self.command, self.command[1:]):
            if flag in ("-p", "-r", "-c") and path.endswith(".pid") and os.path.exists(path):
                os.remove(path)
        self.pid, _ = start(self.command, self.ns, self.log)

    def signal_all(self, sig):
        for p in tree(self.pid) if self.pid else []:
            try:
                os.kill(p, sig)
            except ProcessLookupError:
                pass

    def exited(self):
        """True once the daemon has gone; a pid reaped here is forgotten, so stop() leaves it be."""
        if self.pid is not None and os.waitpid(self.pid, os.WNOHANG)[0] != 0:
            self.pid = None
        return self.pid is None

    def stop(self):
        if self.pid:
            self.signal_all(signal.SIGTERM)
            if not wait_exit(self.pid, time.monotonic() + 15):
                self.signal_all(signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = None


class Probe:
    def __init__(self, a):
        self.a = a
        self.vip = socket.inet_aton(a.vip)
        self.cap = in_namespace(a.client_ns, lambda: capture_socket("eth0"))
        self.pinger = in_namespace(a.client_ns, ping_socket)
        self.seq = 0
        self.next_ping = 0.0

    def pump(self, timeout):
        """Pings every millisecond; returns the frames that arrived within `timeout` s."""
        got, end = [], time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if now >= self.next_ping:
                self.seq += 1
                try:
                    self.pinger.sendto(echo_request(self.seq), (self.a.vip, 0))
                except OSError:
                    pass  # no route / no neighbour yet: the outage itself
                self.next_ping = now + 0.001
            if now >= end:
                return got
            ready, _, _ = select.select([self.cap], [], [], max(0.0, min(self.next_ping, end) - now))
            if ready:
                got.extend(frames(self.cap, self.vip))

    def settle(self, master, other, interval):
        """Waits until `master` advertises alone and answers the client; False after 60 s."""
        give_up = time.monotonic() + 60
        last_other, adverts, reply = 0, 0, False
        while time.monotonic() < give_up and not (master.exited() or other.exited()):
            for f in self.pump(interval / 2):
                if f.kind == "advert" and f.priority and f.ip_src == other.address:
                    last_other, adverts = f.at, 0
                elif f.kind == "advert" and f.priority and f.ip_src == master.address:
                    adverts += 1
                elif f.kind == "reply" and f.src_mac == master.mac:
                    reply = True
            quiet = time.time_ns() - last_other > 4 * interval * 1e9
            if adverts >= 3 and reply and quiet:
                return True
        return False

    def measure(self, master, backup, fault_at, limit, release):
        """B's first advert, GARP and echo reply after `fault_at` (ns), in ms after it, and
        (if `release`) A's priority-0 advert."""
        seen = {"advert": None, "garp": None, "reply": None}
        if release:
            seen["release"] = None
        end = time.monotonic() + limit
        while None in seen.values() and time.monotonic() < end:
            for f in self.pump(0.05):
                if f.at < fault_at:
                    continue
                if f.kind == "advert" and f.src_mac == master.mac and f.priority == 0 and release:
                    seen["release"] = seen["release"] or (f.at - fault_at) / 1e6
                if f.src_mac != backup.mac or seen.get(f.kind, 0) is not None:
                    continue
                if f.kind == "advert" and not f.priority:
                    continue
                seen[f.kind] = (f.at - fault_at) / 1e6
        return seen


def bridge_port(a, node, state):
    subprocess.run(["ip", "-n", a.bridge_ns, "link", "set", "p-" + node.ns.rsplit("-", 1)[1], state],
                   check=True)


def one_run(probe, a_node, b_node, fault, a):
    if not probe.settle(a_node, b_node, a.interval):
        return None
    time.sleep(random.uniform(0, a.interval))
    fault_at = time.time_ns()
    if fault == "kill":
        a_node.signal_all(signal.SIGKILL)
        bridge_port(a, a_node, "down")
    elif fault == "link":
        bridge_port(a, a_node, "down")
    else:
        a_node.signal_all(signal.SIGTERM)
    seen = probe.measure(a_node, b_node, fault_at, a.master_down + 5, fault == "term")
    if fault == "kill":
        os.waitpid(a_node.pid, 0)
        a_node.pid = None
        bridge_port(a, a_node, "up")
        a_node.start()
    elif fault == "link":
        bridge_port(a, a_node, "up")
    else:
        wait_exit(a_node.pid, time.monotonic() + 15) or a_node.stop()
        a_node.pid = None
        a_node.start()
    return seen


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bridge-ns", required=True)
    p.add_argument("--client-ns", required=True)
    p.add_argument("--vip", required=True)
    p.add_argument("--interval", type=float, required=True, help="advert interval, s")
    p.add_argument("--master-down", type=float, required=True, help="B's master-down interval, s")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--faults", default="kill,link,term")
    p.add_argument("--warm-up", type=float, default=10, help="s between starting the pair and the first fault")
    p.add_argument("--log", required=True)
    p.add_argument("--node", action="append", required=True,
                   help="DAEMON:A|B:NAMESPACE:ADDRESS:MAC:COMMAND")
    a = p.parse_args()
    nodes = {}
    for spec in a.node:
        daemon, role, ns, address, mac, command = spec.split(":", 5)
        mac = bytes.fromhex(mac.replace("-", ""))
        nodes.setdefault(daemon, {})[role] = Node(role, ns, address, mac, shlex.split(command), a.log)
    probe = Probe(a)
    faults = a.faults.split(",")
    results = {(d, f): [] for d in nodes for f in faults}
    for daemon, pair in nodes.items():
        pair["A"].start()
        time.sleep(0.2)
        pair["B"].start()
        # a backup that has been running a while, not one still starting (a JVM finishes its
        # start-up work for seconds after the first advert): the first fault comes after this
        time.sleep(a.warm_up)
        try:
            for i in range(a.runs):
                for fault in faults:
                    seen = one_run(probe, pair["A"], pair["B"], fault, a)
                    results[(daemon, fault)].append(seen)
                    print(f"{daemon:15} {fault:5} run {i + 1}: " + (
                        "A never became master again" if seen is None else
                        "  ".join(f"{k} {fmt(v)} ms" for k, v in seen.items())), file=sys.stderr, flush=True)
        finally:
            pair["A"].stop()
            pair["B"].stop()
    daemons = list(nodes)
    print(f"\n{'ms after the fault, median / p95 / max':44}" + "".join(f"{d:>28}" for d in daemons))
    for fault in faults:
        for key in ("release", "advert", "garp", "reply") if fault == "term" else ("advert", "garp", "reply"):
            label = {"release": "A's priority-0 advert", "reply": "B's first echo reply to the client"}.get(
                key, f"B's first {key}")
            print(f"{fault + ': ' + label:44}" + "".join(
                f"{spread([r and r[key] for r in results[(d, fault)]]):>28}" for d in daemons))


def fmt(v):
    return "-" if v is None else f"{v:.1f}"


def spread(values):
    got = sorted(v for v in values if v is not None)
    missing = len(values) - len(got)
    if not got:
        return "none"
    p95 = got[min(len(got) - 1, int(round(0.95 * (len(got) - 1))))]
    text = f"{statistics.median(got):.1f} / {p95:.1f} / {got[-1]:.1f}"
    return text + (f" ({missing} missed)" if missing else "")


if __name__ == "__main__":
    main()
