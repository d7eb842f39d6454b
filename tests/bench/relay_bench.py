#!/usr/bin/env python3
"""Relay throughput, Tandem side by side with Postfix on this machine, in the same run.

    tests/bench/relay_bench.py <build dir> [--messages 2000] [--sessions 10] [--size 1024]
                               [--rounds 3] [--timeout 120] [--only tandem|postfix]

One run: a fresh smtp-sink on loopback plays the Internet and counts what it receives; a
fresh relay (tandemd from <build dir>, or a private Postfix instance) listens on loopback;
smtp-source sends --messages messages of --size bytes from s@client.test to r@remote.test
over --sessions sessions; the run ends when the sink has every message and the relay's
queue is empty. Runs alternate Tandem, Postfix, Tandem, Postfix... (the machine is shared
and its disk gets slower with churn), each after a sync(2) and a short pause, so that one
run does not pay for the previous run's write-back; the table shows medians and
Tandem/Postfix ratios.

Root is needed for Postfix (its master runs as root). The Postfix instance is private: its
own main.cf, master.cf and queue in a temporary folder, started with `postfix -c`; the
machine's /etc/postfix and /var/spool/postfix are never written (checked at the end).
Only loopback addresses are used and no component is ever asked to resolve a name.
Python 3 standard library only; not part of ctest.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time

SBIN = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
TICKS = os.sysconf("SC_CLK_TCK")
# Anything that would look up a name goes here, where nothing answers: never the machine's
# resolver (the static route is an IP address, so nothing should ask).
NO_DNS = "127.0.0.153"


class RunFailed(Exception):
    pass


def tool(name):
    found = shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", "")] + SBIN))
    if not found:
        sys.exit(f"relay_bench: {name} not found (Debian: apt-get install postfix; "
                 f"scripts/dev.sh installs it)")
    return found


def free_port():
    return free_ports(1)[0]


def free_ports(n):
    """n distinct free ports, held open together so that they differ: two free_port() calls in
    a row may both get the port the first one just closed, and then the relay cannot listen
    where the sink already does, and smtp-source talks to the sink (a run of 20,000 msg/s)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def proc_net_address(host, port):
    """host:port as /proc/net/tcp writes it (IPv4: the address's bytes as a hex word)."""
    return f"{int.from_bytes(socket.inet_aton(host), 'little'):08X}:{port:04X}"


def listening(port, host="127.0.0.1"):
    """True when something listens on host:port (read from /proc: no connection made,
    so no session or process is started by the check itself)."""
    want = proc_net_address(host, port)
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if fields[1] == want and fields[3] == "0A":
                return True
    return False


def connections_to(port, host="127.0.0.1"):
    """Established TCP connections to host:port (server side)."""
    want = proc_net_address(host, port)
    with open("/proc/net/tcp") as f:
        return sum(1 for line in f.readlines()[1:]
                   if line.split()[1] == want and line.split()[3] == "01")


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def read_status(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return {k: v.strip() for k, _, v in (line.partition(":") for line in f)}
    except OSError:
        return {}


def kib(status, key):
    value = status.get(key, "0 kB").split()
    return int(value[0]) if value else 0


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid, children=False):
    """utime+stime of pid (and, with children, of its reaped children)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    # fields[0] is the state (field 3 of stat): utime, stime, cutime, cstime are 14..17
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICKS


def children_of(ppid):
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    if int(f.read().rpartition(")")[2].split()[1]) == ppid:
                        pids.append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    return pids


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); it is gone for our purposes.
    return read_status(pid).get("State", "Z").split()[0] != "Z"


def tree_digest(path):
    h = hashlib.sha256()
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files) + dirs:
            p = os.path.join(root, name)
            st = os.lstat(p)
            h.update(f"{p} {st.st_mode} {st.st_uid} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class Sampler(threading.Thread):
    """Samples ΣVmRSS and ΣPss of a set of processes, and the connections open to the sink;
    keeps the peaks."""

    def __init__(self, pids, interval, sink_port, sink_host="127.0.0.1"):
        super().__init__(daemon=True)
        self.pids, self.interval, self.sink_port = pids, interval, sink_port
        self.sink_host = sink_host
        self.peak_rss = self.peak_pss = self.peak_out = 0
        self.seen = set()
        self._halt = threading.Event()

    def sample(self):
        rss = pss = 0
        for pid in self.pids():
            self.seen.add(pid)
            rss += kib(read_status(pid), "VmRSS")
            pss += pss_kib(pid)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.peak_out = max(self.peak_out, connections_to(self.sink_port, self.sink_host))

    def run(self):
        while not self._halt.wait(self.interval):
            self.sample()

    def stop(self):
        self._halt.set()
        self.join()
        self.sample()


class Sink:
    """smtp-sink on host:port (127.0.0.1 unless told); counts the messages it has received
    (its -c counter). extra: more smtp-sink options (e.g. -d to dump each message)."""

    def __init__(self, port, workdir, host="127.0.0.1", extra=()):
        cmd = [tool("smtp-sink"), "-c"]
        if os.geteuid() == 0:
            cmd += ["-u", "nobody"]  # required when started as root
        cmd += list(extra) + [f"{host}:{port}", "1024"]
        self.port = port
        self.count = 0
        self.cond = threading.Condition()
        self.stderr = open(os.path.join(workdir, "sink.err"), "wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.stderr,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not wait_until(lambda: listening(port, host) or self.proc.poll() is not None, 10) \
                or self.proc.poll() is not None:
            raise RunFailed(f"smtp-sink did not start on {host}:{port}")

    def _read(self):
        pending = b""
        while True:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                break
            pending += chunk
            hits = re.findall(rb"mesg=(\d+)", pending)
            pending = pending[-64:]
            if hits:
                with self.cond:
                    self.count = int(hits[-1])
                    self.cond.notify_all()

    def wait_for(self, n, deadline):
        with self.cond:
            while self.count < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.5))
            return True

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(2)
        self.stderr.close()


class Tandem:
    name = "Tandem"
    host = "127.0.0.1"  # the listener's address

    def __init__(self, build, base, args):
        self.tandemd = os.path.join(build, "app", "tandemd", "tandemd")
        if not os.access(self.tandemd, os.X_OK):
            sys.exit(f"relay_bench: {self.tandemd} not found: ninja -C {build} tandemd")
        self.base, self.args = base, args
        self.proc = None
        self.version = subprocess.run([self.tandemd, "--version"], capture_output=True,
                                      text=True).stdout.strip()

    def cost(self):
        return ("Mailbox role, remote recipient (no local recipient, so no passthrough copy): "
                "per group commit the envelopes' rows committed (SQLite WAL, fsync) before 250, "
                "a message of <= 32 KiB in its row (its file written, not fsync'd; a larger one's "
                "file and the queue folder fsync'd first); per dispatcher batch the Outbox links "
                "and the entries' rows (with the same bytes) and completion marks committed (one "
                "fsync); relayed over <= 20 reused connections, MAIL, RCPT and DATA pipelined; "
                "entries' rows removed per 20 ms; log checkpoints on a thread of their own. 1 KiB: 2 fsyncs per batch, none per "
                "message; message files reused from the spool's pool, not created")

    def settings(self, port, sink_port):
        """The configuration (a dict): the Mailbox role relaying everything to the sink."""
        sessions = self.args.sessions  # and the latency probe: one more
        return {
            "server": {"role": "mailbox", "domain": "example.com",
                       "hostname": "mailbox.example.com", "data_dir": "data"},
            "smtp": {
                "listeners": [{"address": self.host, "port": port, "mode": "smtp",
                               "reject_nonlocal_senders_claiming_local": True}],
                "relay_networks": ["127.0.0.1/32"],
                "max_message_bytes": 26214400,
                "max_connections": max(200, sessions + 1),
                "max_connections_per_ip": max(20, sessions + 1),
            },
            "outgoing": {"dns_server": NO_DNS,
                         "static_routes": [{"domains": ["*"], "host": "127.0.0.1",
                                            "port": sink_port}]},
            "mailboxes": {"users": [{"name": "postmaster"}]},
        }

    def config(self, run_dir, port, sink_port):
        cfg = self.settings(port, sink_port)
        path = os.path.join(run_dir, "tandem.json")
        with open(path, "w") as f:
            json.dump(cfg, f, indent=2)
        check = subprocess.run([self.tandemd, "--check", "--config", path],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RunFailed(f"tandemd --check refused {path}:\n{check.stdout}{check.stderr}")
        return path

    def start(self, run_dir, port, sink_port):
        self.conf = self.config(run_dir, port, sink_port)
        self.log_path = os.path.join(run_dir, "tandemd.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([self.tandemd, "--config", self.conf],
                                     stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        if not wait_until(lambda: listening(port, self.host) or self.proc.poll() is not None,
                          15) or self.proc.poll() is not None:
            raise RunFailed(f"tandemd did not start listening on {self.host}:{port} "
                            f"(log: {self.log_path})")

    def pids(self):
        return [self.proc.pid] if self.proc and self.proc.poll() is None else []

    def cpu(self):
        return cpu_seconds(self.proc.pid)

    def peak_rss_exact(self):
        return kib(read_status(self.proc.pid), "VmHWM")

    def entries(self):
        out = subprocess.run([self.tandemd, "--config", self.conf, "queue", "list", "--json"],
                             capture_output=True, text=True, timeout=30)
        try:
            return json.loads(out.stdout)
        except ValueError:
            raise RunFailed(f"tandemd queue list failed: {out.stdout}{out.stderr}") from None

    def queue(self):
        return len(self.entries())

    def queue_summary(self):
        entries = self.entries()
        kinds = {}
        for e in entries:
            key = (e.get("state"), e.get("last_reply") or "")
            kinds[key] = kinds.get(key, 0) + 1
        spooled = 0
        queue_db = os.path.join(os.path.dirname(self.conf), "data", "spool", "queue.db")
        if os.path.exists(queue_db):
            with sqlite3.connect(queue_db, timeout=30) as db:
                spooled = db.execute("SELECT count(*) FROM messages").fetchone()[0]
        return f"{spooled} messages not yet dispatched, {len(entries)} Outbox entries" + "".join(
            f"\n    {n} x {state}, last reply: {reply or '-'}"
            for (state, reply), n in sorted(kinds.items(), key=lambda kv: -kv[1]))

    def complaints(self):
        with open(self.log_path, "rb") as f:
            lines = [l.decode(errors="replace").rstrip() for l in f
                     if re.match(rb"\S+ (warning|error) ", l)]
        return lines

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                print(f"  tandemd {self.proc.pid} did not stop in 15 s: killed", file=sys.stderr)
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        self.proc = None


class Postfix:
    name = "Postfix"
    host = "127.0.0.1"  # the smtpd listener's address
    QUEUES = ("maildrop", "incoming", "active", "deferred", "hold", "corrupt")

    def __init__(self, build, base, args):
        if os.geteuid() != 0:
            sys.exit("relay_bench: Postfix needs root (its master runs as root); "
                     "run as root, or with --only tandem")
        self.postfix, self.postconf = tool("postfix"), tool("postconf")
        self.base, self.args = base, args
        self.etc = os.path.join(base, "postfix-etc")
        self.spool = os.path.join(base, "postfix-spool")
        self.lib = os.path.join(base, "postfix-lib")
        self.master = None
        self.seen = set()
        self.children, self.scanned = [], 0.0
        self.version = "Postfix " + subprocess.run(
            [self.postconf, "-dh", "mail_version"], capture_output=True, text=True).stdout.strip()

    def cost(self):
        return ("pure relay (recipe in shared/recipes/postfix.md; private instance, chroot off): "
                "queue file fsync'd by cleanup before 250; qmgr -> smtp over cached connections "
                "(destination concurrency 20); queue file removed. 1 fsync per message")

    def setup(self):
        os.makedirs(self.etc)
        os.makedirs(self.lib)
        shutil.chown(self.lib, "postfix")
        proto = "/etc/postfix/master.cf.proto"
        shutil.copy(proto if os.path.exists(proto) else "/etc/postfix/master.cf",
                    os.path.join(self.etc, "master.cf"))
        if os.path.exists("/etc/postfix/dynamicmaps.cf"):
            shutil.copy("/etc/postfix/dynamicmaps.cf", self.etc)
        self.log_path = os.path.join(self.base, "postfix.log")
        self.write_main(0)
        postconf = [self.postconf, "-c", self.etc]
        subprocess.run(postconf + ["-MX", "smtp/inet"], check=True)
        # The queue folder is private and fresh, so a chroot would be empty: run unchrooted.
        subprocess.run(postconf + ["-F", "*/*/chroot = n"], check=True)
        with open(os.path.join(self.etc, "master.cf")) as f:
            self.master_cf = f.read()

    def main_cf(self, sink_port):
        """main.cf's text: a pure relay to the sink."""
        return f"""\
compatibility_level = 3.6
myhostname = relay.test
mydestination =
local_recipient_maps =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
relayhost = [127.0.0.1]:{sink_port}
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
inet_interfaces = loopback-only
inet_protocols = ipv4
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
message_size_limit = 26214400
maillog_file = {self.log_path}
maillog_file_prefixes = {self.base}/
queue_directory = {self.spool}
data_directory = {self.lib}
"""

    def write_main(self, sink_port):
        with open(os.path.join(self.etc, "main.cf"), "w") as f:
            f.write(self.main_cf(sink_port))

    def start(self, run_dir, port, sink_port):
        if not os.path.exists(self.etc):
            self.setup()
        self.log_path = os.path.join(run_dir, "postfix.log")
        self.write_main(sink_port)
        with open(os.path.join(self.etc, "master.cf"), "w") as f:
            f.write(self.master_cf + f"{self.host}:{port} inet n - n - - smtpd\n")
        # A fresh queue folder for every run, as Tandem gets a fresh data folder.
        shutil.rmtree(self.spool, ignore_errors=True)
        os.makedirs(self.spool)
        out = subprocess.run([self.postfix, "-c", self.etc, "start"], capture_output=True,
                             text=True, timeout=60)
        pidfile = os.path.join(self.spool, "pid", "master.pid")
        if out.returncode != 0 or not wait_until(lambda: os.path.exists(pidfile), 10):
            raise RunFailed(f"postfix -c {self.etc} start failed ({out.returncode}):\n"
                            f"{out.stdout}{out.stderr}(log: {self.log_path})")
        with open(pidfile) as f:
            self.master = int(f.read().strip())
        self.seen = {self.master}
        self.children, self.scanned = [], 0.0
        if not wait_until(lambda: listening(port, self.host), 15):
            raise RunFailed(f"Postfix did not listen on {self.host}:{port} "
                            f"(log: {self.log_path})")

    def pids(self):
        if not self.master or not alive(self.master):
            return []
        # Scanning /proc costs ~2 ms: refresh the list of children twice a second only
        # (Postfix's processes live for the whole run), so sampling stays cheap.
        now = time.monotonic()
        if now - self.scanned > 0.5:
            self.children = children_of(self.master)
            self.seen.update(self.children)
            self.scanned = now
        return [self.master] + self.children

    def cpu(self):
        # The master's reaped children count too (a process that exited during the run).
        return cpu_seconds(self.master, children=True) + sum(
            cpu_seconds(p) for p in children_of(self.master))

    def peak_rss_exact(self):
        return None

    def queue(self):
        n = 0
        for q in self.QUEUES:
            for _, _, files in os.walk(os.path.join(self.spool, q)):
                n += len(files)
        return n

    def queue_summary(self):
        counts = {}
        for q in self.QUEUES:
            for _, _, files in os.walk(os.path.join(self.spool, q)):
                counts[q] = counts.get(q, 0) + len(files)
        return f"{sum(counts.values())} queue files left " + \
            ", ".join(f"{q} {n}" for q, n in counts.items() if n)

    def complaints(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return [l.rstrip() for l in f
                        if re.search(r"\]: (warning|error|fatal|panic):", l)]
        except OSError:
            return []

    def stop(self):
        if not self.master:
            return
        subprocess.run([self.postfix, "-c", self.etc, "stop"], capture_output=True, timeout=60)
        if not wait_until(lambda: not any(alive(p) for p in self.seen), 20):
            subprocess.run([self.postfix, "-c", self.etc, "abort"], capture_output=True,
                           timeout=60)
            wait_until(lambda: not any(alive(p) for p in self.seen), 5)
            for p in self.seen:
                if alive(p):
                    print(f"  Postfix process {p} still there after stop/abort: killed",
                          file=sys.stderr)
                    try:
                        os.kill(p, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
        self.master = None


class LatencyProbe(threading.Thread):
    """One more SMTP client beside smtp-source's sessions, from the same address: it sends
    messages of the same size one after another (a pause of `pause` s between them) while the
    load runs, and times each from the end of its DATA (".") to the relay's 250: the
    acknowledgement latency a client sees under load. Its messages go to the sink too."""

    def __init__(self, port, size, pause=0.005, limit=400):
        super().__init__(daemon=True)
        self.port, self.pause, self.limit = port, pause, limit
        line = b"x" * 76 + b"\r\n"
        head = (b"From: <probe@client.test>\r\nTo: <r@remote.test>\r\n"
                b"Subject: latency probe\r\n\r\n")
        self.body = head + line * max(1, (size - len(head)) // len(line))
        self.latencies = []
        self.error = None
        self.stopping = threading.Event()

    def run(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
                # Else Nagle holds the "." back until the body is acknowledged (40 ms).
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                f = s.makefile("rb")

                def reply():
                    while True:
                        line = f.readline()
                        if not line:
                            raise OSError("the relay closed the connection")
                        if line[3:4] != b"-":
                            return line

                def command(text, expect):
                    s.sendall(text)
                    r = reply()
                    if not r.startswith(expect):
                        raise OSError(f"{text.strip()!r} answered {r.strip()!r}")

                reply()  # greeting
                command(b"EHLO probe.client.test\r\n", b"250")
                while not self.stopping.is_set() and len(self.latencies) < self.limit:
                    command(b"MAIL FROM:<s@client.test>\r\n", b"250")
                    command(b"RCPT TO:<r@remote.test>\r\n", b"250")
                    command(b"DATA\r\n", b"354")
                    s.sendall(self.body)
                    began = time.monotonic()
                    s.sendall(b".\r\n")
                    r = reply()
                    took = time.monotonic() - began
                    if not r.startswith(b"250"):
                        raise OSError(f"end of DATA answered {r.strip()!r}")
                    self.latencies.append(took)
                    time.sleep(self.pause)
                s.sendall(b"QUIT\r\n")
        except OSError as e:
            self.error = str(e)

    def p99_ms(self):
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def settle(args):
    """Before each run: what the previous runs left to write back (and discard) is not this
    run's to pay for, nor the file system metadata they left cached. On this journal-less ext4,
    every inode created looks at the cached inode table blocks for inodes deleted in the last
    seconds and skips them, so a cache full of the runs before made each later run slower than
    the one before it, whichever relay it was (up to 1.5x, by the order of the runs). As root,
    the page cache is dropped (both relays alike), which makes the runs repeatable. Dropping it
    is not enough where a run creates thousands of files: the first inode created in a table
    block reads it back, and every inode of it deleted in the last 60 s (ext4's RECENTCY_MIN)
    is skipped again; a settle over 60 s (the passthrough benchmark's default) waits that out,
    so that no run pays for the files the one before it deleted."""
    os.sync()
    if os.geteuid() == 0:
        try:
            with open("/proc/sys/vm/drop_caches", "w") as f:
                f.write("3\n")
        except OSError:
            pass
    time.sleep(args.settle)


def one_run(relay, label, base, args, count, size):
    settle(args)
    run_dir = tempfile.mkdtemp(prefix=f"{label}.", dir=base)
    os.chmod(run_dir, 0o755)
    sink_port, relay_port = free_ports(2)
    sink = Sink(sink_port, run_dir)
    source = None
    failed = True
    try:
        relay.start(run_dir, relay_port, sink_port)
        sampler = Sampler(relay.pids, args.sample_interval, sink_port)
        sampler.sample()
        cpu0 = relay.cpu()
        cmd = [tool("smtp-source"), "-s", str(args.sessions), "-m", str(count), "-l", str(size),
               "-d", "-M", "client.test", "-f", "s@client.test", "-t", "r@remote.test",
               f"127.0.0.1:{relay_port}"]
        t0 = time.monotonic()
        deadline = t0 + args.timeout
        sampler.start()
        source = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, start_new_session=True)
        probe = LatencyProbe(relay_port, size)
        probe.start()
        try:
            said, _ = source.communicate(timeout=max(deadline - time.monotonic(), 0.1))
            probe.stopping.set()
            probe.join(30)
        except subprocess.TimeoutExpired:
            source.kill()
            said, _ = source.communicate()
            sampler.stop()
            raise RunFailed(f"{relay.name}: smtp-source still sending after {args.timeout} s; "
                            f"the sink has {sink.count} of {count}; {relay.queue_summary()}\n"
                            f"  smtp-source said: {said.decode(errors='replace')[-2000:]}"
                            f"\n  (files kept in {run_dir})")
        t_accepted = time.monotonic() - t0
        if probe.is_alive() or probe.error:
            raise RunFailed(f"{relay.name}: the latency probe " +
                            (f"failed: {probe.error}" if probe.error else "hung") +
                            f"\n  (files kept in {run_dir})")
        # The sink gets the probe's messages too.
        total = count + len(probe.latencies)
        said = said.decode(errors="replace").strip()
        complained = source.returncode != 0 or said
        # When smtp-source was refused something, the count may never be reached: stop
        # waiting once the relay's queue is empty and the sink has been still for 2 s.
        last = (sink.count, time.monotonic())
        while not sink.wait_for(total, min(deadline, time.monotonic() + 1)):
            if time.monotonic() >= deadline:
                break
            if sink.count != last[0]:
                last = (sink.count, time.monotonic())
            elif complained and time.monotonic() - last[1] > 2 and relay.queue() == 0:
                break
        delivered = sink.count >= total
        t_delivered = time.monotonic() - t0
        sampler.stop()
        problems = []
        if complained:
            problems.append(f"smtp-source exited {source.returncode}, saying: {said[-2000:]}")
        if not delivered:
            problems.append(f"{sink.count} of {total} messages reached the sink "
                            f"({t_delivered:.1f} s after the first was sent); "
                            f"{relay.queue_summary()}")
        elif not wait_until(lambda: relay.queue() == 0, 10, 0.2):
            problems.append(f"the sink has them all, but {relay.queue_summary()}")
        time.sleep(0.2)  # anything sent twice would show up now
        if sink.count > total:
            problems.append(f"the sink received {sink.count} messages for {total} sent")
        cpu = relay.cpu() - cpu0
        exact = relay.peak_rss_exact()
        complaints = relay.complaints()
        if problems:
            raise RunFailed(f"{relay.name}: " + "\n  ".join(problems) +
                            "".join(f"\n  log: {l}" for l in complaints[:10]) +
                            f"\n  (files kept in {run_dir})")
        failed = False
        return {
            "accepted": total / t_accepted,
            "delivered": total / t_delivered,
            "p99_ms": probe.p99_ms(),
            "probes": len(probe.latencies),
            "t_delivered": t_delivered,
            "cpu_ms": 1000 * cpu / total,
            "rss": exact if exact is not None else sampler.peak_rss,
            "pss": sampler.peak_pss,
            "procs": len(sampler.seen),
            "sink_connections": sampler.peak_out,
            "complaints": complaints,
        }
    finally:
        if source and source.poll() is None:
            source.kill()
            source.wait()
        relay.stop()
        sink.stop()
        if not args.keep and not failed:
            shutil.rmtree(run_dir, ignore_errors=True)


def human_size(n):
    return f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} B"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def add_run_options(p, unit="relay", timeout=120, sample_interval=0.1, settle=1):
    """The options of a side-by-side benchmark after its load's own (this one's, and
    passthrough_bench's, whose unit is a pair)."""
    p.add_argument("--warmup", type=int, default=200,
                   help=f"messages of one unmeasured run of each {unit} first (200, 0 = none)")
    p.add_argument("--timeout", type=float, default=timeout,
                   help=f"seconds one run may take before it fails ({timeout:g})")
    p.add_argument("--settle", type=float, default=settle,
                   help="seconds to wait after a sync(2) (and, as root, dropping the page "
                        f"cache) before each run ({settle:g})")
    p.add_argument("--only", choices=["tandem", "postfix"], help=f"run one {unit} alone")
    p.add_argument("--sample-interval", type=float, default=sample_interval,
                   help=f"seconds between memory samples ({sample_interval:g})")
    p.add_argument("--keep", action="store_true", help="keep the temporary folders")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("build", help="build folder holding app/tandemd/tandemd (a Release build)")
    p.add_argument("--messages", type=int, default=2000, help="messages per run (2000)")
    p.add_argument("--sessions", type=int, default=10, help="smtp-source sessions (10)")
    p.add_argument("--size", default="1024",
                   help="message body bytes; a comma list runs one scenario each (1024)")
    p.add_argument("--rounds", type=int, default=3, help="runs of each relay per scenario (3)")
    add_run_options(p)
    args = p.parse_args()
    sizes = [int(s) for s in args.size.split(",")]
    if not (0 < args.messages <= 1_000_000 and 0 < args.sessions <= 500 and args.rounds > 0
            and all(0 < s <= 20 * 1024 * 1024 for s in sizes)):
        p.error("--messages 1..1000000, --sessions 1..500, --rounds >= 1, --size 1..20 MiB")

    # SIGTERM and SIGHUP stop the run as Ctrl-C does: everything started is stopped.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))

    etc_before = tree_digest("/etc/postfix") if os.path.isdir("/etc/postfix") else None
    base = tempfile.mkdtemp(prefix="tandem-relay-bench.")
    os.chmod(base, 0o755)  # Postfix's unprivileged daemons reach their queue through it
    relays = []
    failed = False
    try:
        if args.only != "postfix":
            relays.append(Tandem(args.build, base, args))
        if args.only != "tandem":
            relays.append(Postfix(args.build, base, args))
        print(f"Relay benchmark: {args.messages} messages per run, {args.sessions} sessions, "
              f"{args.rounds} runs of each, interleaved; {os.cpu_count()} CPUs; "
              f"{os.uname().release}")
        notes = [f"{r.version}: {r.cost()}" for r in relays] + [
            "load: smtp-source -d (one connection per session, kept); sink: smtp-sink on "
            "127.0.0.1 (counts at '.')",
            "accepted = messages / time until smtp-source has its last 250; delivered = "
            "messages / time until the sink has them all (then the queue must be empty)"]
        for note in notes:
            print(textwrap.fill(note, 100, initial_indent="  ", subsequent_indent="    "))
        if args.warmup:
            for r in relays:
                one_run(r, f"warmup-{r.name.lower()}", base, args, args.warmup, sizes[0])
        results = {}  # (size, relay name) -> [run result]
        for size in sizes:
            for i in range(args.rounds):
                for r in relays:
                    res = one_run(r, f"{r.name.lower()}-{size}-{i}", base, args,
                                  args.messages, size)
                    results.setdefault((size, r.name), []).append(res)
                    extra = f", {len(res['complaints'])} warnings in its log" \
                        if res["complaints"] else ""
                    print(f"  {r.name:7} {human_size(size):>7} run {i + 1}: accepted "
                          f"{res['accepted']:5.0f}/s, delivered {res['delivered']:5.0f}/s "
                          f"({res['t_delivered']:.2f} s), DATA->250 p99 {res['p99_ms']:.1f} ms "
                          f"({res['probes']} probes), CPU {res['cpu_ms']:.2f} ms/msg, "
                          f"RSS {res['rss'] / 1024:.1f} MiB, PSS {res['pss'] / 1024:.1f} MiB, "
                          f"{res['procs']} proc, {res['sink_connections']} conn to sink{extra}",
                          flush=True)
        print_table(args, sizes, relays, results)
    except RunFailed as e:
        print(f"\nrelay_bench: run failed: {e}", file=sys.stderr)
        failed = True
        return 1
    finally:
        for r in relays:
            r.stop()
        if args.keep or failed:
            print(f"(files kept in {base})")
        else:
            shutil.rmtree(base, ignore_errors=True)
        if etc_before is not None and tree_digest("/etc/postfix") != etc_before:
            print("relay_bench: /etc/postfix changed during the run!", file=sys.stderr)
    return 0


def print_table(args, sizes, relays, results):
    names = [r.name for r in relays]
    med = lambda size, name, key: statistics.median(x[key] for x in results[(size, name)])
    both = len(names) == 2
    print()
    print(f"Medians of {args.rounds} runs ({args.messages} messages, {args.sessions} sessions); "
          f"T/P > 1: Tandem faster (msg/s) or bigger (CPU, memory)")
    header = f"{'scenario':<28}{'metric':<20}" + "".join(f"{n:>12}" for n in names)
    if both:
        header += f"{'T/P':>8}"
    print(header)
    print("-" * len(header))
    metrics = [("accepted msg/s", "accepted", "{:.0f}"),
               ("delivered msg/s", "delivered", "{:.0f}"),
               ("DATA->250 p99 ms", "p99_ms", "{:.1f}"),
               ("CPU ms/msg", "cpu_ms", "{:.2f}"),
               ("peak RSS MiB", "rss", "{:.1f}"),
               ("peak PSS MiB", "pss", "{:.1f}")]
    for size in sizes:
        scenario = f"relay {human_size(size)}, {args.sessions} sessions"
        for label, key, fmt in metrics:
            scale = 1 / 1024 if key in ("rss", "pss") else 1
            values = [med(size, n, key) * scale for n in names]
            line = f"{scenario:<28}{label:<20}" + "".join(f"{fmt.format(v):>12}" for v in values)
            if both:
                line += f"{ratio(values[0], values[1]):>8}"
            print(line)
            scenario = ""
    print(textwrap.fill(
        "RSS: Tandem = VmHWM of tandemd; Postfix = peak of the sampled sum of VmRSS over the "
        "master and its children (shared pages counted in every process). PSS: peak of the "
        f"sampled sum of Pss (every {args.sample_interval} s; shared pages split).", 100))


if __name__ == "__main__":
    sys.exit(main())
