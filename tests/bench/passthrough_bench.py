#!/usr/bin/env python3
"""Passthrough throughput: a Tandem Mailbox + Archive side by side with the same shape built
from two private Postfix instances, on this machine, in the same run (issue 15).

    tests/bench/passthrough_bench.py <build dir> [--messages 2000] [--sessions 10] [--size 4096]
                                     [--mix 50,25,25] [--users 20] [--rounds 3] [--timeout 300]
                                     [--only tandem|postfix]

The topology, all on loopback:

    Internet client (127.0.0.66) --> Mailbox (127.0.0.1) --> Archive (127.0.0.2) --> sink
    LAN clients     (127.0.0.1)  --> Mailbox                                   (127.0.0.3)

- Tandem: tandemd in the Mailbox role (users u01..u20@example.test, relay network
  127.0.0.1/32, static route "*" to the Archive) and tandemd in the Archive role (passthrough:
  Sent items, create mailbox if necessary; static routes example.test to the Mailbox, "*" to
  the sink).
- Postfix: two private instances (own main.cf, master.cf, queue; `postfix -c`; chroot off).
  Mailbox: virtual(8) Maildir delivery for the users, recipient_bcc_maps sending each local
  recipient's copy to uNN@archive.test and sender_bcc_maps each local sender's copy to
  uNN+sent@archive.test, relayhost = the Archive. Archive: virtual(8) Maildir delivery of
  uNN@archive.test to archive.test/uNN/ and of uNN+sent@archive.test to .../uNN/.Sent/,
  relayhost = the sink.
- The sink is smtp-sink on 127.0.0.3, counting messages (its -c counter) and recipients (the
  X-Rcpt-Args lines of the transactions it dumps with -d).

The load, --messages in all (default mix 50,25,25 in percent):
- inbound (someone@remote.test -> a local user, from "the Internet"): smtp-source cannot bind
  a source address, so this share is sent by a small Python SMTP client (smtplib, one thread
  per session, in a process of its own) bound to 127.0.0.66, which is not in either Mailbox's
  relay networks; recipients go round the users.
- internal (uA -> uB) and outgoing (uA -> rN@remote.test) from the LAN (127.0.0.1): one
  smtp-source process per session (-s 1 -d), each with a fixed sender and recipient.
--sessions are shared out in proportion to the mix (each share at least one).

What each kind must leave (PRODUCT.md §1, tests/integration/test_topology.py scenarios 1-3),
counted as files in the Maildirs' new/ and cur/:
- inbound to u: u's INBOX on the Mailbox, u's INBOX on the Archive;
- internal a -> b: b's INBOX on the Mailbox, b's INBOX and a's Sent on the Archive;
- outgoing a -> r: a's Sent on the Archive, and one message for one recipient at the sink.
A run ends when every Maildir folder holds exactly what it should and the sink has every
message; it fails on a timeout (saying which counts fell short), on a refused message, on a
copy too many (per folder, per machine, at the sink), on recipients at the sink other than
the remote ones, or when a queue is not empty afterwards. The figure ("done") is messages
sent / seconds from the first connection to the last copy filed or sunk (polled every
--poll s); "accepted" is up to the last client's last 250. CPU per message and peak PSS are
per machine: each tandemd, and each Postfix instance's master with all its children.

Runs alternate Tandem, Postfix, Tandem, Postfix..., each after a sync(2) and a pause, with
fresh data folders, queues and Maildirs; the table shows medians and Tandem/Postfix ratios.
Root is needed for Postfix. /etc/postfix and /var/spool/postfix are never written (checked
at the end). No name is ever resolved: Postfix has smtp_dns_support_level = disabled,
smtpd_peername_lookup = no and IP-literal relayhosts; Tandem static routes to IP addresses
and a DNS server where nothing answers. Python 3 standard library plus relay_bench.py next
to it; not part of ctest.
"""

import argparse
import multiprocessing
import os
import pwd
import re
import shutil
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relay_bench as rb  # noqa: E402

DOMAIN = "example.test"
ARCHIVE_DOMAIN = "archive.test"  # the Postfix Archive's addresses for the copies
REMOTE = "remote.test"
MAILBOX_IP, ARCHIVE_IP, SINK_IP = "127.0.0.1", "127.0.0.2", "127.0.0.3"
LAN_IP, INTERNET_IP = "127.0.0.1", "127.0.0.66"
KINDS = ("inbound", "internal", "outgoing")
MACHINES = ("Mailbox", "Archive")
FOLDERS = ("INBOX", "Sent")


# ---------------------------------------------------------------------------------------------
# The load and what it must leave


def shares(total, weights, minimum=0):
    """total split in proportion to weights (largest remainder); a nonzero weight gets at
    least minimum."""
    wsum = sum(weights)
    exact = [total * w / wsum for w in weights]
    out = [max(int(x), minimum if w else 0) for x, w in zip(exact, weights)]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    i = 0
    while sum(out) < total:
        if weights[order[i % len(order)]]:
            out[order[i % len(order)]] += 1
        i += 1
    while sum(out) > total:  # the minimums took more than their share: take from the biggest
        out[max(range(len(out)), key=lambda j: out[j])] -= 1
    return out


class Plan:
    """Who sends what to whom, and the copies that must result."""

    def __init__(self, args, count):
        self.users = [f"u{i:02d}" for i in range(1, args.users + 1)]
        n = len(self.users)
        self.count = count
        self.by_kind = dict(zip(KINDS, shares(count, args.mix)))
        sessions = dict(zip(KINDS, shares(args.sessions, [w if c else 0 for w, c in zip(
            args.mix, self.by_kind.values())], 1)))
        self.sessions = sessions
        # inbound: one list of (sender, recipient) per session of the Python client
        self.inbound = [[] for _ in range(sessions["inbound"])]
        for i in range(self.by_kind["inbound"]):
            self.inbound[i % len(self.inbound)].append(
                (f"s{i % 7 + 1}@{REMOTE}", f"{self.users[i % n]}@{DOMAIN}"))
        # LAN: one smtp-source per session, (kind, sender, recipient, messages)
        self.lan = []
        for j, m in enumerate(shares(self.by_kind["internal"], [1] * sessions["internal"])
                              if sessions["internal"] else []):
            self.lan.append(("internal", f"{self.users[(2 * j) % n]}@{DOMAIN}",
                             f"{self.users[(2 * j + 1) % n]}@{DOMAIN}", m))
        for j, m in enumerate(shares(self.by_kind["outgoing"], [1] * sessions["outgoing"])
                              if sessions["outgoing"] else []):
            self.lan.append(("outgoing", f"{self.users[(n - 1 - j) % n]}@{DOMAIN}",
                             f"r{j + 1}@{REMOTE}", m))
        # (machine, folder, user) -> files
        self.expected = {}
        add = lambda key, k: self.expected.__setitem__(key, self.expected.get(key, 0) + k)
        for session in self.inbound:
            for _, rcpt in session:
                u = rcpt.split("@")[0]
                add(("Mailbox", "INBOX", u), 1)
                add(("Archive", "INBOX", u), 1)
        self.sink = 0
        for kind, sender, rcpt, m in self.lan:
            a, b = sender.split("@")[0], rcpt.split("@")[0]
            if kind == "internal":
                add(("Mailbox", "INBOX", b), m)
                add(("Archive", "INBOX", b), m)
            else:
                self.sink += m
            add(("Archive", "Sent", a), m)

    def total(self, machine=None, folder=None):
        return sum(n for (m, f, _), n in self.expected.items()
                   if machine in (None, m) and folder in (None, f))

    def describe(self):
        k = self.by_kind
        return (f"{k['inbound']} inbound ({self.sessions['inbound']} sessions), "
                f"{k['internal']} internal ({self.sessions['internal']}), {k['outgoing']} "
                f"outgoing ({self.sessions['outgoing']}): Mailbox INBOX "
                f"{self.total('Mailbox', 'INBOX')}, Archive INBOX "
                f"{self.total('Archive', 'INBOX')}, Archive Sent {self.total('Archive', 'Sent')}"
                f", sink {self.sink} messages and recipients")


def maildir_count(folder):
    n = 0
    for sub in ("new", "cur"):
        try:
            n += sum(1 for name in os.listdir(os.path.join(folder, sub))
                     if not name.startswith("."))
        except FileNotFoundError:
            pass
    return n


class Tally:
    """Counts the files in every Maildir folder the plan fills; a folder that has what it
    should is not listed again until the final check."""

    def __init__(self, plan, pair):
        self.plan, self.pair = plan, pair
        self.counts = {key: 0 for key in plan.expected}
        self.pending = set(plan.expected)

    def poll(self):
        for key in list(self.pending):
            self.counts[key] = maildir_count(self.pair.folder(*key))
            if self.counts[key] >= self.plan.expected[key]:
                self.pending.discard(key)
        return not self.pending

    def recount(self):
        for key in self.counts:
            self.counts[key] = maildir_count(self.pair.folder(*key))

    def summary(self):
        parts = []
        for machine in MACHINES:
            for folder in FOLDERS:
                want = self.plan.total(machine, folder)
                if want:
                    have = sum(n for (m, f, _), n in self.counts.items()
                               if m == machine and f == folder)
                    parts.append(f"{machine} {folder} {have} of {want}")
        return ", ".join(parts)

    def wrong(self, short=True):
        """Folders holding more files than they should (and, with short, fewer)."""
        return [f"{m} {u} {f}: {self.counts[(m, f, u)]} files, {n} expected"
                for (m, f, u), n in sorted(self.plan.expected.items())
                if self.counts[(m, f, u)] > n or (short and self.counts[(m, f, u)] < n)]


def all_maildir_files(root):
    """Message files in every new/ and cur/ under root (any user, any folder)."""
    n = 0
    for top, dirs, files in os.walk(root):
        if os.path.basename(top) in ("new", "cur"):
            n += sum(1 for f in files if not f.startswith("."))
    return n


def sink_recipients(dump_dir):
    """(transactions, [recipient address]) from smtp-sink's -d files."""
    transactions, rcpts = 0, []
    for name in os.listdir(dump_dir):
        transactions += 1
        with open(os.path.join(dump_dir, name), "rb") as f:
            for line in f:
                if line.startswith(b"Received:") or not line.strip():
                    break
                if line.startswith(b"X-Rcpt-Args:"):
                    m = re.search(rb"<([^>]*)>", line)
                    rcpts.append(m.group(1).decode(errors="replace") if m else line.decode())
    return transactions, rcpts


def message_bytes(sender, rcpt, size, serial):
    header = (f"From: <{sender}>\r\nTo: <{rcpt}>\r\nSubject: passthrough bench\r\n"
              f"Message-ID: <pt{serial}.{os.getpid()}.{time.time_ns()}@{REMOTE}>\r\n"
              f"Date: {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\r\n\r\n")
    line = b"x" * 78 + b"\r\n"
    body = line * (size // len(line)) + b"x" * (size % len(line))
    return header.encode() + body + b"\r\n"


def internet_client(host, port, sessions, size, ready, go, results):
    """The inbound share: one thread per session, each one connection bound to INTERNET_IP,
    sending its (sender, recipient) list. Runs in a process of its own (no GIL shared with
    the bench's samplers); puts (accepted, [problem]) on results."""
    accepted, problems = [0], []
    lock = threading.Lock()

    def session(index, pairs):
        try:
            s = smtplib.SMTP(host, port, local_hostname="client.remote.test", timeout=120,
                             source_address=(INTERNET_IP, 0))
            for i, (sender, rcpt) in enumerate(pairs):
                s.sendmail(sender, [rcpt], message_bytes(sender, rcpt, size, f"{index}.{i}"))
                with lock:
                    accepted[0] += 1
            s.quit()
        except (smtplib.SMTPException, OSError) as e:
            with lock:
                problems.append(f"inbound session {index}: {type(e).__name__}: {e}")

    threads = [threading.Thread(target=session, args=(i, pairs))
               for i, pairs in enumerate(sessions)]
    ready.set()
    go.wait()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put((accepted[0], problems))


# ---------------------------------------------------------------------------------------------
# The two pairs


class TandemNode(rb.Tandem):
    """relay_bench's tandemd, set up for one role of the pair."""

    def __init__(self, build, base, args, role, users):
        super().__init__(build, base, args)
        self.role, self.users = role, users
        self.host = MAILBOX_IP if role == "mailbox" else ARCHIVE_IP
        self.mailbox_port = None  # the Archive's route back for example.test; set before start
        self.mail_domain = DOMAIN

    @property
    def maildirs(self):
        return os.path.join(os.path.dirname(self.conf), "data", "mailboxes")

    def settings(self, port, next_port):
        cfg = super().settings(port, next_port)
        cfg["server"].update(role=self.role, domain=DOMAIN, hostname=f"{self.role}.{DOMAIN}")
        cfg["outgoing"]["dns_server"] = rb.NO_DNS
        if self.role == "mailbox":
            cfg["smtp"]["relay_networks"] = [f"{LAN_IP}/32"]
            cfg["outgoing"]["static_routes"] = [{"domains": ["*"], "host": ARCHIVE_IP,
                                                 "port": next_port}]
            cfg["mailboxes"]["users"] = [{"name": u} for u in self.users + ["postmaster"]]
            return cfg
        cfg["smtp"]["listeners"][0]["reject_nonlocal_senders_claiming_local"] = False
        cfg["smtp"]["relay_networks"] = [f"{MAILBOX_IP}/32"]
        cfg["incoming"] = {
            "passthrough": {"copy_to_sender_sent_items": True, "create_mailbox_if_necessary": True,
                            "copy_local_domains_to_outbox": False,
                            "copy_without_received_to_outbox": True},
            "undelivered": {"action": "create_mailbox_and_store"}}
        cfg["outgoing"]["static_routes"] = [
            {"domains": [DOMAIN], "host": MAILBOX_IP, "port": self.mailbox_port},
            {"domains": ["*"], "host": SINK_IP, "port": next_port}]
        del cfg["mailboxes"]  # no users: the Archive creates mailboxes as copies come
        return cfg


class PostfixNode(rb.Postfix):
    """One private Postfix instance of the pair: relay_bench's, with its own folders, the
    listener on its own address, and the role's main.cf and maps."""

    def __init__(self, build, base, args, role, users):
        super().__init__(build, base, args)
        self.role, self.users = role, users
        self.host = MAILBOX_IP if role == "mailbox" else ARCHIVE_IP
        self.mail_domain = DOMAIN if role == "mailbox" else ARCHIVE_DOMAIN
        self.etc = os.path.join(base, f"postfix-{role}-etc")
        self.spool = os.path.join(base, f"postfix-{role}-spool")
        self.lib = os.path.join(base, f"postfix-{role}-lib")
        self.maildirs = os.path.join(base, "unused-maildirs")
        nobody = pwd.getpwnam("nobody")
        self.uid, self.gid = nobody.pw_uid, nobody.pw_gid

    def start(self, run_dir, port, next_port):
        self.maildirs = os.path.join(run_dir, "maildirs")
        os.makedirs(self.maildirs)
        os.chown(self.maildirs, self.uid, self.gid)  # virtual(8) writes as nobody
        super().start(run_dir, port, next_port)

    def write_map(self, name, entries):
        path = os.path.join(self.etc, name)
        with open(path, "w") as f:
            f.writelines(f"{k} {v}\n" for k, v in entries)
        return f"texthash:{path}"

    def write_main(self, next_port):
        """relay_bench's main.cf (no DNS, loopback only, the private folders) with the role's
        settings in place of its own or after them."""
        if self.role == "mailbox":
            local = [(f"{u}@{DOMAIN}", u) for u in self.users]
            role = {
                "myhostname": f"mailbox.{DOMAIN}",
                "mynetworks": f"{LAN_IP}/32",
                "relayhost": f"[{ARCHIVE_IP}]:{next_port}",
                "virtual_mailbox_domains": DOMAIN,
                "virtual_mailbox_maps": self.write_map(
                    "mailboxes", [(a, f"{DOMAIN}/{u}/") for a, u in local]),
                "recipient_bcc_maps": self.write_map(
                    "recipient_bcc", [(a, f"{u}@{ARCHIVE_DOMAIN}") for a, u in local]),
                "sender_bcc_maps": self.write_map(
                    "sender_bcc", [(a, f"{u}+sent@{ARCHIVE_DOMAIN}") for a, u in local]),
                # Tandem's reject_nonlocal_senders_claiming_local
                "smtpd_sender_restrictions":
                    f"permit_mynetworks, check_sender_access inline:{{ {DOMAIN}=REJECT }}",
            }
        else:
            role = {
                "myhostname": f"archive.{DOMAIN}",
                "mynetworks": f"{MAILBOX_IP}/32",
                "relayhost": f"[{SINK_IP}]:{next_port}",
                "virtual_mailbox_domains": ARCHIVE_DOMAIN,
                "virtual_mailbox_maps": self.write_map("mailboxes", [
                    e for u in self.users for e in (
                        (f"{u}@{ARCHIVE_DOMAIN}", f"{ARCHIVE_DOMAIN}/{u}/"),
                        (f"{u}+sent@{ARCHIVE_DOMAIN}", f"{ARCHIVE_DOMAIN}/{u}/.Sent/"))]),
            }
        role.update(virtual_mailbox_base=self.maildirs, virtual_uid_maps=f"static:{self.uid}",
                    virtual_gid_maps=f"static:{self.gid}")
        lines = []
        for line in self.main_cf(next_port).splitlines():
            key = line.partition("=")[0].strip()
            lines.append(f"{key} = {role.pop(key)}" if key in role else line)
        lines += [f"{k} = {v}" for k, v in role.items()]
        with open(os.path.join(self.etc, "main.cf"), "w") as f:
            f.write("\n".join(lines) + "\n")


class Pair:
    """A Mailbox and an Archive (Tandem's or Postfix's), started and stopped together."""

    def __init__(self, build, base, args, users):
        self.mailbox = self.Node(build, base, args, "mailbox", users)
        self.archive = self.Node(build, base, args, "archive", users)
        self.version = self.mailbox.version

    def root(self, machine):
        return self.node(machine).maildirs

    def folder(self, machine, folder, user):
        node = self.node(machine)
        box = os.path.join(node.maildirs, node.mail_domain, user)
        return box if folder == "INBOX" else os.path.join(box, "." + folder)

    def start(self, run_dir, mailbox_port, archive_port, sink_port):
        self.dirs = {m: os.path.join(run_dir, m.lower()) for m in MACHINES}
        for d in self.dirs.values():
            os.makedirs(d)
            os.chmod(d, 0o755)
        self.archive.start(self.dirs["Archive"], archive_port, sink_port)
        self.mailbox.start(self.dirs["Mailbox"], mailbox_port, archive_port)

    def node(self, machine):
        return self.mailbox if machine == "Mailbox" else self.archive

    def stop(self):
        self.mailbox.stop()
        self.archive.stop()

    def queue(self):
        return self.mailbox.queue() + self.archive.queue()

    def queue_summary(self):
        return "; ".join(f"{m}: {self.node(m).queue_summary()}" for m in MACHINES)

    def complaints(self):
        return [f"{m}: {line}" for m in MACHINES for line in self.node(m).complaints()]


class TandemPair(Pair):
    name = "Tandem"
    Node = TandemNode

    def start(self, run_dir, mailbox_port, archive_port, sink_port):
        self.archive.mailbox_port = mailbox_port
        super().start(run_dir, mailbox_port, archive_port, sink_port)

    def cost(self):
        return ("Mailbox role: spooled before 250 (<= 32 KiB: in the queue's database, one "
                "fsync per group commit), each local recipient's Maildir "
                "file, one Outbox entry to the Archive per message; Archive role: spooled before "
                "250, a Maildir file per local recipient and one in a local sender's .Sent, an "
                "Outbox entry to the sink for remote recipients")


class PostfixPair(Pair):
    name = "Postfix"
    Node = PostfixNode

    def cost(self):
        return ("two private instances (chroot off): queue file fsync'd by cleanup before 250 "
                f"on each; Mailbox: virtual(8) Maildir delivery, recipient_bcc_maps -> "
                f"uNN@{ARCHIVE_DOMAIN}, sender_bcc_maps -> uNN+sent@{ARCHIVE_DOMAIN}, relayhost "
                f"the Archive; Archive: virtual(8) to {ARCHIVE_DOMAIN}/uNN/ and its .Sent/, "
                "relayhost the sink")


# ---------------------------------------------------------------------------------------------
# One run


def one_run(pair, label, base, args, count):
    rb.settle(args)
    plan = Plan(args, count)
    run_dir = tempfile.mkdtemp(prefix=f"{label}.", dir=base)
    os.chmod(run_dir, 0o755)
    mailbox_port, archive_port, sink_port = rb.free_ports(3)
    dump = os.path.join(run_dir, "sink")
    os.makedirs(dump)
    os.chmod(dump, 0o777)  # smtp-sink writes as nobody
    sink = rb.Sink(sink_port, run_dir, host=SINK_IP, extra=["-d", os.path.join(dump, "%H%M%S.")])
    sources, client = [], None
    failed = True
    try:
        pair.start(run_dir, mailbox_port, archive_port, sink_port)
        samplers = {"Mailbox": rb.Sampler(pair.mailbox.pids, args.sample_interval,
                                          archive_port, ARCHIVE_IP),
                    "Archive": rb.Sampler(pair.archive.pids, args.sample_interval,
                                          sink_port, SINK_IP)}
        for s in samplers.values():
            s.sample()
        cpu0 = {m: pair.node(m).cpu() for m in MACHINES}
        tally = Tally(plan, pair)
        ctx = multiprocessing.get_context("spawn")
        ready, go, results = ctx.Event(), ctx.Event(), ctx.Queue()
        if plan.inbound:
            client = ctx.Process(target=internet_client, args=(
                MAILBOX_IP, mailbox_port, plan.inbound, args.size, ready, go, results),
                daemon=True)
            client.start()
            if not ready.wait(30):
                raise rb.RunFailed("the inbound client did not start")
        t0 = time.monotonic()
        deadline = t0 + args.timeout
        go.set()
        for kind, sender, rcpt, m in plan.lan:
            sources.append(subprocess.Popen(
                [rb.tool("smtp-source"), "-s", "1", "-m", str(m), "-l", str(args.size), "-d",
                 "-M", f"lan.{DOMAIN}", "-f", sender, "-t", rcpt, f"{MAILBOX_IP}:{mailbox_port}"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                start_new_session=True))
        for s in samplers.values():
            s.start()
        t_accepted = None
        inbound = None
        progress = (None, time.monotonic())
        while True:
            done = tally.poll() and sink.count >= plan.sink
            now = time.monotonic()
            if t_accepted is None and all(p.poll() is not None for p in sources) and \
                    (client is None or not client.is_alive()):
                t_accepted = now - t0
            if done or now >= deadline:
                break
            # A refused message never arrives: once every client has finished and nothing
            # has moved for 3 s, stop waiting.
            state = (tuple(tally.counts.values()), sink.count)
            if state != progress[0]:
                progress = (state, now)
            elif t_accepted is not None and now - progress[1] > 3 and pair.queue() == 0:
                break
            time.sleep(args.poll)
        t_done = time.monotonic() - t0
        for s in samplers.values():
            s.stop()
        problems = []
        for p, (kind, sender, rcpt, m) in zip(sources, plan.lan):
            if p.poll() is None:
                p.kill()
            said = p.communicate()[0].decode(errors="replace").strip()
            if p.returncode != 0 or said:
                problems.append(f"smtp-source ({kind} {sender} -> {rcpt}) exited "
                                f"{p.returncode}, saying: {said[-1000:]}")
        if client is not None:
            client.join(max(deadline - time.monotonic(), 1))
            if client.is_alive():
                client.kill()
                problems.append("the inbound client was still sending at the timeout")
            else:
                inbound, said = results.get(timeout=5)
                problems += said
                if inbound != plan.by_kind["inbound"]:
                    problems.append(f"the inbound client had {inbound} of "
                                    f"{plan.by_kind['inbound']} messages accepted")
        if not done:
            problems.append(f"after {t_done:.1f} s: {tally.summary()}, sink {sink.count} of "
                            f"{plan.sink}; {pair.queue_summary()}")
        elif not rb.wait_until(lambda: pair.queue() == 0, 10, 0.2):
            problems.append(f"every copy is there, but {pair.queue_summary()}")
        time.sleep(0.5)  # anything filed or sent twice would show up now
        tally.recount()
        problems += tally.wrong(short=done)  # what fell short is summed up above
        for m in MACHINES:
            n, want = all_maildir_files(pair.root(m)), plan.total(m)
            if done and n != want:
                problems.append(f"{m}: {n} Maildir files in all, {want} expected")
        transactions, rcpts = sink_recipients(dump)
        stray = [r for r in rcpts if not r.endswith("@" + REMOTE)]
        if sink.count > plan.sink or transactions > plan.sink:
            problems.append(f"the sink received {max(sink.count, transactions)} messages for "
                            f"{plan.sink} outgoing")
        if done and (len(rcpts) != plan.sink or stray):
            problems.append(f"the sink has {len(rcpts)} recipients for {plan.sink} outgoing"
                            + (f", {len(stray)} not remote (e.g. {stray[0]})" if stray else ""))
        cpu = {m: pair.node(m).cpu() - cpu0[m] for m in MACHINES}
        complaints = pair.complaints()
        if problems:
            raise rb.RunFailed(f"{pair.name}: " + "\n  ".join(problems) +
                               "".join(f"\n  log: {line}" for line in complaints[:10]) +
                               f"\n  (files kept in {run_dir})")
        failed = False
        result = {
            "accepted": count / (t_accepted or t_done),
            "done": count / t_done,
            "t_done": t_done,
            "cpu_ms": 1000 * sum(cpu.values()) / count,
            "complaints": complaints,
        }
        for m in MACHINES:
            result[f"cpu_ms {m}"] = 1000 * cpu[m] / count
            result[f"pss {m}"] = samplers[m].peak_pss
            result[f"procs {m}"] = len(samplers[m].seen)
            result[f"conn {m}"] = samplers[m].peak_out
        return result
    finally:
        for p in sources:
            if p.poll() is None:
                p.kill()
                p.wait()
        if client is not None and client.is_alive():
            client.kill()
            client.join()
        pair.stop()
        sink.stop()
        if not args.keep and not failed:
            shutil.rmtree(run_dir, ignore_errors=True)


# ---------------------------------------------------------------------------------------------


def mix(text):
    parts = [float(x) for x in text.split(",")]
    if len(parts) != 3 or any(x < 0 for x in parts) or not sum(parts):
        raise argparse.ArgumentTypeError("three shares, e.g. 50,25,25")
    return parts


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("build", help="build folder holding app/tandemd/tandemd (a Release build)")
    p.add_argument("--messages", type=int, default=2000, help="messages per run (2000)")
    p.add_argument("--sessions", type=int, default=10, help="client sessions in all (10)")
    p.add_argument("--size", type=int, default=4096, help="message body bytes (4096)")
    p.add_argument("--mix", type=mix, default=[50, 25, 25],
                   help="inbound,internal,outgoing shares of the messages (50,25,25)")
    p.add_argument("--users", type=int, default=20, help="local users u01.. (20)")
    p.add_argument("--rounds", type=int, default=3, help="runs of each pair (3)")
    p.add_argument("--poll", type=float, default=0.1,
                   help="seconds between counts of the Maildirs (0.1)")
    # Reading smaps_rollup costs ~0.15 ms a process and a Postfix pair runs ~180 of them:
    # sampled every 0.1 s, that would take a quarter of a core from Postfix's side. Each run
    # creates and then deletes some 20,000 files: the settle waits that out (rb.settle()).
    rb.add_run_options(p, unit="pair", timeout=300, sample_interval=0.5, settle=65)
    args = p.parse_args()
    kinds = sum(1 for w in args.mix if w)
    if not (0 < args.messages <= 1_000_000 and kinds <= args.sessions <= 500
            and args.rounds > 0 and 0 < args.size <= 20 * 1024 * 1024 and 2 <= args.users <= 99):
        p.error("--messages 1..1000000, --sessions (kinds in the mix)..500, --rounds >= 1, "
                "--size 1..20 MiB, --users 2..99")

    if args.only != "tandem" and os.geteuid() != 0:
        p.error("the Postfix pair needs root (its masters run as root); run as root, or with "
                "--only tandem")

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))

    watched = [d for d in ("/etc/postfix", "/var/spool/postfix") if os.path.isdir(d)]
    before = {d: rb.tree_digest(d) for d in watched}
    base = tempfile.mkdtemp(prefix="tandem-passthrough-bench.")
    os.chmod(base, 0o755)  # Postfix's unprivileged daemons reach their queues through it
    plan = Plan(args, args.messages)
    pairs = []
    failed = False
    try:
        if args.only != "postfix":
            pairs.append(TandemPair(args.build, base, args, plan.users))
        if args.only != "tandem":
            pairs.append(PostfixPair(args.build, base, args, plan.users))
        print(f"Passthrough benchmark: {args.messages} messages of {args.size} B per run, "
              f"{args.sessions} sessions, {args.rounds} runs of each pair, interleaved; "
              f"{os.cpu_count()} CPUs; {os.uname().release}")
        notes = [f"{pr.version} pair: {pr.cost()}" for pr in pairs] + [
            f"per run: {plan.describe()}",
            f"load: inbound from {INTERNET_IP} (Python smtplib, one connection per session), "
            f"internal and outgoing from {LAN_IP} (smtp-source -s 1 -d per session); Mailbox "
            f"{MAILBOX_IP}, Archive {ARCHIVE_IP}, smtp-sink {SINK_IP}",
            "accepted = messages / time until the last 250; done = messages / time until every "
            "copy is filed on both machines and every remote copy is at the sink"]
        for note in notes:
            print(textwrap.fill(note, 100, initial_indent="  ", subsequent_indent="    "))
        if args.warmup:
            for pr in pairs:
                one_run(pr, f"warmup-{pr.name.lower()}", base, args, args.warmup)
        results = {}
        for i in range(args.rounds):
            for pr in pairs:
                res = one_run(pr, f"{pr.name.lower()}-{i}", base, args, args.messages)
                results.setdefault(pr.name, []).append(res)
                extra = f", {len(res['complaints'])} warnings in the logs" \
                    if res["complaints"] else ""
                print(f"  {pr.name:7} run {i + 1}: accepted {res['accepted']:5.0f}/s, done "
                      f"{res['done']:5.0f}/s ({res['t_done']:.2f} s); CPU ms/msg Mailbox "
                      f"{res['cpu_ms Mailbox']:.2f}, Archive {res['cpu_ms Archive']:.2f}; PSS "
                      f"Mailbox {res['pss Mailbox'] / 1024:.1f} MiB, Archive "
                      f"{res['pss Archive'] / 1024:.1f} MiB; {res['procs Mailbox']}+"
                      f"{res['procs Archive']} proc; peak conn Mailbox->Archive "
                      f"{res['conn Mailbox']}, Archive->sink {res['conn Archive']}{extra}",
                      flush=True)
                for line in res["complaints"][:3]:  # what they were, not only how many
                    print(f"    {line[:200]}")
        print_table(args, pairs, results)
    except rb.RunFailed as e:
        print(f"\npassthrough_bench: run failed: {e}", file=sys.stderr)
        failed = True
        return 1
    finally:
        for pr in pairs:
            pr.stop()
        if args.keep or failed:
            print(f"(files kept in {base})")
        else:
            shutil.rmtree(base, ignore_errors=True)
        for d in watched:
            if rb.tree_digest(d) != before[d]:
                print(f"passthrough_bench: {d} changed during the run!", file=sys.stderr)
    return 0


def print_table(args, pairs, results):
    names = [pr.name for pr in pairs]
    med = lambda name, key: statistics.median(x[key] for x in results[name])
    both = len(names) == 2
    print()
    print(f"Medians of {args.rounds} runs ({args.messages} messages of {args.size} B, mix "
          f"{','.join(f'{w:g}' for w in args.mix)}, {args.sessions} sessions); T/P > 1: "
          f"Tandem faster (msg/s) or bigger (CPU, memory)")
    header = f"{'metric':<32}" + "".join(f"{n:>12}" for n in names)
    if both:
        header += f"{'T/P':>8}"
    print(header)
    print("-" * len(header))
    metrics = [("accepted msg/s", "accepted", "{:.0f}", 1),
               ("done msg/s (filed + sunk)", "done", "{:.0f}", 1),
               ("CPU ms/msg, Mailbox", "cpu_ms Mailbox", "{:.2f}", 1),
               ("CPU ms/msg, Archive", "cpu_ms Archive", "{:.2f}", 1),
               ("CPU ms/msg, both", "cpu_ms", "{:.2f}", 1),
               ("peak PSS MiB, Mailbox", "pss Mailbox", "{:.1f}", 1 / 1024),
               ("peak PSS MiB, Archive", "pss Archive", "{:.1f}", 1 / 1024)]
    for label, key, fmt, scale in metrics:
        values = [med(n, key) * scale for n in names]
        line = f"{label:<32}" + "".join(f"{fmt.format(v):>12}" for v in values)
        if both:
            line += f"{rb.ratio(values[0], values[1]):>8}"
        print(line)
    if both:
        r = med("Tandem", "done") / med("Postfix", "done")
        print(f"target: done msg/s >= 2 x the Postfix pair: {r:.2f} x, "
              f"{'met' if r >= 2 else 'NOT met'}")
    print(textwrap.fill(
        "CPU: each tandemd; each Postfix master with its children (reaped ones too). PSS: "
        f"peak of the sampled sum of Pss over a machine's processes (every "
        f"{args.sample_interval} s; shared pages split).", 100))


if __name__ == "__main__":
    sys.exit(main())
