#!/usr/bin/env python3
"""Soak test of the two-machine pair (issue 9; PRODUCT.md §1 and §5).

Three parties on loopback, as in README's walkthrough:

    Internet (127.0.0.66) --> Mailbox --> Archive --> sink ("the Internet", sink.py)
    LAN      (127.0.0.1)  --> Mailbox

Mailbox: role mailbox, users alice, bob, carol, dave, postmaster; static route "*" -> Archive.
Archive: role archive; static routes example.com -> Mailbox, "*" -> the sink.

Sender threads load the Mailbox with a mixed load (inbound from the Internet, internal,
outgoing, and mixed local + remote recipients in one message) while the main thread
SIGKILLs the Mailbox or the Archive at random moments (seeded) and restarts each after a
short random pause. A random moment rarely falls inside a hand-over (about a millisecond per
message), so by default half of each machine's kills are aimed: the Mailbox reaches the
Archive through a small proxy which, when armed, kills the Mailbox just before the Archive's
250 to the end of DATA reaches it (the hand-over is then unrecorded and the message goes
again after the restart), or kills the Archive just after that 250 (committed, not filed
yet). `--aimed 0` gives only random moments, without the proxy. After the last kill the load stops, both Outboxes drain (retries are
sped up with TANDEM_TIME_SCALE, and pushed with `queue retry --all` where something still
waits), both daemons stop cleanly, and the checker compares every message sent with what is
on disk and at the sink:

    inbound  Internet -> U       U's INBOX on the Mailbox once, on the Archive once
    internal S -> U              U's INBOX on the Mailbox once; on the Archive U's INBOX
                                 once and S's Sent once
    outgoing S -> R              at least one arrival at the sink for R (more are "sink
                                 duplicates", reported but allowed by SMTP); S's Sent on the
                                 Archive once; nothing in any mailbox for R
    mixed                        the union

Each message carries `X-Soak-Id: <run>-<n>` in its header; a stored copy or a sink arrival
is attributed by that header of its top-level header section (a delivery notice quoting the
original does not count as a copy; it is reported as a foreign file). A message counts as
accepted only when the client saw 250 after the end of DATA. When the connection broke after
the message's data went out, the outcome is unknown: the message may be absent (the 250
never came) but if any copy of it exists it was committed, so it must then be everywhere it
belongs, once. A message refused or broken off before its data was sent must be nowhere.

The run folder holds the ledger of every attempt (ledger.jsonl), every sink arrival
(sink.jsonl, sink/*.eml), the kill log (run.json), both machines' folders (mailbox/,
archive/: tandem.json, data/, tandemd.log) and the report (report.txt); `--check-only DIR`
checks a kept folder again without starting anything.

    tests/soak/soak.py --tandemd build/app/tandemd/tandemd [--kills 24] [--seconds 420]
                       [--seed K] [--aimed 0.5] [--keep]
    tests/soak/soak.py --check-only /tmp/tandem-soak-XXXX

Exit status 0 only if nothing was lost, nothing was stored twice in any mailbox, nothing was
misplaced, and nothing is left in either machine's spool (queue/, outbox/, corrupt/, tmp/).
Python 3 standard library only.
"""

import argparse
import atexit
import collections
import hashlib
import json
import os
import random
import re
import shutil
import signal
import smtplib
import socket
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))

from sink import Sink  # noqa: E402
from tandemtest import Daemon, DaemonError, free_ports, make_config, outbox  # noqa: E402

DOMAIN = "example.com"
MAILBOX_HOST = "mailbox.example.com"
ARCHIVE_HOST = "archive.example.com"
EXTERNAL = "127.0.0.66"  # "the Internet": not in relay_networks
LAN = "127.0.0.1"        # the LAN: in relay_networks of both machines

LOCAL_USERS = ["alice", "bob", "carol", "dave"]
REMOTE_RECIPIENTS = ["erin@remote.test", "frank@remote.test", "grace@elsewhere.test"]
INTERNET_SENDERS = ["news@remote.test", "zoe@elsewhere.test"]
MACHINES = ("mailbox", "archive")

# At TANDEM_TIME_SCALE 60, schedule_minutes [1] is a retry every second; the warning and
# give-up times are far beyond any run (48 and 240 scaled minutes).
TIME_SCALE = 60
RETRY = {"schedule_minutes": [1], "warn_after_hours": 48, "give_up_after_hours": 240}

KINDS = ("inbound", "internal", "outgoing", "mixed")
# Outcomes of one attempt, as the client saw it.
ACCEPTED = "accepted"  # 250 after the end of DATA
UNKNOWN = "unknown"    # the connection broke after the data went out: 250 may have been lost
REFUSED = "refused"    # a 4xx/5xx reply, or a failure before the data went out

TOKEN_HEADER = re.compile(rb"(?im)^X-Soak-Id:[ \t]*([A-Za-z0-9._-]+)[ \t]*\r?$")

PLACE_KINDS = ("Mailbox INBOX", "Archive INBOX", "Archive Sent", "sink")


def log(text):
    sys.stdout.write("[soak %s] %s\n" % (time.strftime("%H:%M:%S"), text))
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# Messages


def local(user):
    return "%s@%s" % (user, DOMAIN)


def is_local(address):
    return address.lower().endswith("@" + DOMAIN)


def compose(rng, kind):
    """(source address, sender, recipients) of a new message of that kind."""
    if kind == "inbound":
        return (EXTERNAL, rng.choice(INTERNET_SENDERS),
                [local(u) for u in rng.sample(LOCAL_USERS, rng.choice((1, 1, 2)))])
    sender_user = rng.choice(LOCAL_USERS)
    others = [u for u in LOCAL_USERS if u != sender_user]
    if kind == "internal":
        rcpts = [local(u) for u in rng.sample(others, rng.choice((1, 1, 2)))]
    elif kind == "outgoing":
        rcpts = rng.sample(REMOTE_RECIPIENTS, rng.choice((1, 1, 2)))
    else:  # mixed: local and remote recipients in one transaction
        rcpts = ([local(rng.choice(others))]
                 + rng.sample(REMOTE_RECIPIENTS, rng.choice((1, 2))))
        rng.shuffle(rcpts)
    return LAN, local(sender_user), rcpts


def message_bytes(rng, token, kind, sender, rcpts):
    """The message (CRLF line ends). Mostly small, sometimes ~40-120 KB; some body lines
    start with a dot, so dot-stuffing is exercised on every hop."""
    lines = [
        "From: <%s>" % sender,
        "To: %s" % ", ".join("<%s>" % r for r in rcpts),
        "Subject: soak %s %s" % (kind, token),
        "Date: %s" % time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
        "Message-ID: <%s@soak.test>" % token,
        "X-Soak-Id: %s" % token,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "soak message %s (%s)" % (token, kind),
    ]
    big = rng.random() < 0.05
    for i in range(rng.randint(400, 1200) if big else rng.randint(1, 25)):
        if i % 7 == 3:
            lines.append(".%d dot-stuffed line" % i)
        else:
            lines.append("%04d %s" % (i, "%x" % rng.getrandbits(4 * rng.randint(8, 90))))
    lines.append(".")  # a body line that is only a dot
    lines.append("-- end %s" % token)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def dot_stuff(data):
    return re.sub(rb"(?m)^\.", b"..", data)


def send_tracked(port, source, sender, rcpts, data, timeout=30):
    """One SMTP transaction. Returns (outcome, detail): ACCEPTED only on 250 after DATA;
    UNKNOWN when the connection broke once the data had started to go out; REFUSED for
    everything before that (connection refused, a 4xx/5xx at MAIL/RCPT/DATA) and for a
    4xx/5xx after the data."""
    stage = "connect"
    s = smtplib.SMTP(timeout=timeout, source_address=(source, 0))
    try:
        code, msg = s.connect("127.0.0.1", port)
        if code != 220:
            return REFUSED, "banner %d %s" % (code, msg.decode("utf-8", "replace"))
        stage = "ehlo"
        code, msg = s.ehlo("soak-client.test")
        if code != 250:
            return REFUSED, "EHLO %d" % code
        stage = "mail"
        code, msg = s.mail(sender)
        if code != 250:
            return REFUSED, "MAIL %d %s" % (code, msg.decode("utf-8", "replace"))
        stage = "rcpt"
        for r in rcpts:
            code, msg = s.rcpt(r)
            if code not in (250, 251):
                return REFUSED, "RCPT <%s> %d %s" % (r, code, msg.decode("utf-8", "replace"))
        stage = "data"
        code, msg = s.docmd("DATA")
        if code != 354:
            return REFUSED, "DATA %d %s" % (code, msg.decode("utf-8", "replace"))
        stage = "body"  # from here on, the server may have the message
        s.send(dot_stuff(data) + b".\r\n")
        code, msg = s.getreply()
        text = msg.decode("utf-8", "replace")
        if code == 250:
            return ACCEPTED, text
        return REFUSED, "end of DATA %d %s" % (code, text)
    except (smtplib.SMTPException, OSError) as e:
        if stage == "body":
            return UNKNOWN, "connection broke after the data was sent: %r" % (e,)
        return REFUSED, "%s: %r" % (stage, e)
    finally:
        try:
            s.quit()
        except (smtplib.SMTPException, OSError):
            s.close()


# ---------------------------------------------------------------------------------------------
# The hand-over proxy (aimed kills)


class HandoverProxy:
    """A TCP relay between the Mailbox and the Archive (the Mailbox's route "*" points at it)
    that can aim a kill at the moment of a hand-over. It follows the Archive's replies: the
    first complete reply after a 354 is the one to the end of DATA. When armed, and that reply
    is a 2xx (the Archive has committed the copy):

      "mailbox": SIGKILLs the Mailbox before passing the reply on, so the Mailbox dies with
                 the hand-over unrecorded and sends the message again after its restart (the
                 Archive must recognise it: PRODUCT.md §5);
      "archive": passes the reply on, then SIGKILLs the Archive, which dies with a committed
                 message it has not filed or relayed yet.

    Random moments rarely fall in these windows (about a millisecond per message)."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.lock = threading.Lock()
        self.armed = None  # (mode, pid, threading.Event, dict for what happened)
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(32)
        self.port = self.server.getsockname()[1]
        self.closed = False
        threading.Thread(target=self.accept_loop, name="proxy", daemon=True).start()

    def arm(self, mode, pid):
        fired = threading.Event()
        what = {}
        with self.lock:
            self.armed = (mode, pid, fired, what)
        return fired, what

    def disarm(self):
        with self.lock:
            self.armed = None

    def close(self):
        self.closed = True
        try:
            self.server.close()
        except OSError:
            pass

    def accept_loop(self):
        while not self.closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self.session, args=(client,), daemon=True).start()

    def session(self, client):
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
        except OSError:
            client.close()  # the Archive is down: the Mailbox sees a dropped connection
            return
        upstream.settimeout(None)
        threading.Thread(target=self.pump_up, args=(client, upstream), daemon=True).start()
        self.pump_down(upstream, client)

    @staticmethod
    def pump_up(client, upstream):
        try:
            while True:
                chunk = client.recv(65536)
                if not chunk:
                    break
                upstream.sendall(chunk)
        except OSError:
            pass
        for s in (upstream, client):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def pump_down(self, upstream, client):
        buf = b""
        after_354 = False
        try:
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                buf += chunk
                while b"\r\n" in buf:
                    line, buf = buf.split(b"\r\n", 1)
                    line += b"\r\n"
                    final = line[3:4] != b"-"  # the last line of a reply
                    if final and line.startswith(b"354"):
                        after_354 = True
                    elif final and after_354:
                        after_354 = False
                        if line.startswith(b"2") and self.fire(line, client, upstream):
                            return
                    client.sendall(line)
        except OSError:
            pass
        finally:
            # shutdown() first: close() alone does not wake pump_up's recv() on the other
            # socket, and the Mailbox would wait on a silent connection for minutes.
            for s in (client, upstream):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                try:
                    s.close()
                except OSError:
                    pass

    def fire(self, line, client, upstream):
        """Kills as armed (once). Returns True when the session must end here."""
        with self.lock:
            armed, self.armed = self.armed, None
        if armed is None:
            return False
        mode, pid, fired, what = armed
        what["reply"] = line.decode("utf-8", "replace").strip()
        if mode == "mailbox":
            os.kill(pid, signal.SIGKILL)
            fired.set()
            return True  # the reply is never passed on
        client.sendall(line)
        os.kill(pid, signal.SIGKILL)
        fired.set()
        return True


# ---------------------------------------------------------------------------------------------
# The run


class Run:
    """The sink, the two daemons, the senders and the killer, in one run folder."""

    def __init__(self, args, folder):
        self.args = args
        self.folder = folder
        self.rng = random.Random(args.seed)
        self.tag = "%d-%x" % (args.seed, int(time.time()))
        self.lock = threading.Lock()
        self.stop_load = threading.Event()
        self.counter = 0
        self.outcomes = collections.Counter()
        self.ledger = open(os.path.join(folder, "ledger.jsonl"), "a")
        self.sink_dir = os.path.join(folder, "sink")
        os.makedirs(self.sink_dir)
        self.sink_log = open(os.path.join(folder, "sink.jsonl"), "a")
        self.sink_count = 0
        self.sink = None
        self.daemons = {}
        self.proxy = None
        self.kills = []
        self.sender_errors = []

    # -- set-up
    def start(self):
        self.sink = Sink(hostname="sink.remote.test")
        self.sink.data_reply = self.record_arrival
        mailbox_port, archive_port = free_ports(2)
        handover_port = archive_port
        if self.args.aimed > 0:
            self.proxy = HandoverProxy(archive_port)
            handover_port = self.proxy.port
        env = {"TANDEM_TIME_SCALE": str(TIME_SCALE)}
        retry = {"outgoing": {"retry": dict(RETRY)}}
        mailbox = make_config(
            domain=DOMAIN, role="mailbox", port=mailbox_port, hostname=MAILBOX_HOST,
            users=LOCAL_USERS + ["postmaster"], relay_networks=["127.0.0.1/32"],
            static_routes=[{"domains": ["*"], "host": "127.0.0.1", "port": handover_port}],
            extra=retry)
        archive = make_config(
            domain=DOMAIN, role="archive", port=archive_port, hostname=ARCHIVE_HOST,
            users=[], relay_networks=["127.0.0.1/32"],
            static_routes=[{"domains": [DOMAIN], "host": "127.0.0.1", "port": mailbox_port},
                           {"domains": ["*"], "host": "127.0.0.1", "port": self.sink.port}],
            extra=retry)
        for name, config in (("archive", archive), ("mailbox", mailbox)):
            path = os.path.join(self.folder, name)
            os.makedirs(path)
            self.daemons[name] = Daemon(config, path, env=env)
            self.daemons[name].start()
        log("Mailbox on 127.0.0.1:%d, Archive on 127.0.0.1:%d%s, sink on 127.0.0.1:%d"
            % (mailbox_port, archive_port,
               " (the Mailbox reaches it through the hand-over proxy on port %d)"
               % self.proxy.port if self.proxy else "", self.sink.port))

    def record_arrival(self, mail_from, rcpts, data):
        """The sink's hook before it answers 250: every arrival on disk, as it came."""
        with self.lock:
            self.sink_count += 1
            name = "%06d.eml" % self.sink_count
            with open(os.path.join(self.sink_dir, name), "wb") as f:
                f.write(data)
            self.sink_log.write(json.dumps({"file": name, "mail_from": mail_from,
                                            "rcpt_to": list(rcpts), "time": time.time()}) + "\n")
            self.sink_log.flush()
        return None  # record it and answer 250

    def shutdown(self, clean):
        """Stops the daemons (cleanly, or SIGKILL on an abnormal exit) and the sink."""
        for d in self.daemons.values():
            try:
                if clean:
                    d.stop()
                else:
                    d.kill9()
            except Exception:  # noqa: BLE001 - the other one must be stopped too
                d.kill9()
        if self.sink is not None:
            self.sink.stop()
            self.sink = None
        if self.proxy is not None:
            self.proxy.close()
        for f in (self.ledger, self.sink_log):
            if not f.closed:
                f.close()

    # -- load
    def sender(self, index, kinds, weights, deadline, budget):
        rng = random.Random("%d/%d" % (self.args.seed, index))
        gap = self.args.threads / self.args.rate
        sent = 0
        while not self.stop_load.is_set() and sent < budget and time.monotonic() < deadline:
            kind = rng.choices(kinds, weights)[0]
            with self.lock:
                self.counter += 1
                n = self.counter
            token = "%s-%d" % (self.tag, n)
            source, sender, rcpts = compose(rng, kind)
            data = message_bytes(rng, token, kind, sender, rcpts)
            stored = data.replace(b"\r\n", b"\n")
            port = self.daemons["mailbox"].port
            try:
                outcome, detail = send_tracked(port, source, sender, rcpts, data)
            except Exception as e:  # noqa: BLE001 - a bug here must not pass silently
                outcome, detail = UNKNOWN, "client error %r" % (e,)
                with self.lock:
                    self.sender_errors.append("message %d: %r" % (n, e))
            sent += 1
            entry = {"n": n, "id": token, "kind": kind, "from": sender, "to": rcpts,
                     "outcome": outcome, "detail": detail, "size": len(data),
                     "sha256": hashlib.sha256(data).hexdigest(),
                     # A Maildir file holds the message with LF line ends (issue 11).
                     "lf_size": len(stored), "lf_sha256": hashlib.sha256(stored).hexdigest(),
                     "time": time.time()}
            with self.lock:
                self.outcomes[(kind, outcome)] += 1
                self.ledger.write(json.dumps(entry) + "\n")
                self.ledger.flush()
            pause = rng.uniform(0, 2 * gap)
            if outcome == REFUSED:
                pause = max(pause, 0.2)  # the Mailbox is down: do not spin
            self.stop_load.wait(pause)

    def accepted_so_far(self):
        with self.lock:
            return sum(v for (k, o), v in self.outcomes.items() if o == ACCEPTED)

    def load_and_kill(self):
        args = self.args
        budget = max(1, args.max_messages // args.threads)
        deadline = time.monotonic() + args.seconds + 30  # the senders' own bound
        specs = [("inbound",), ("internal", "outgoing", "mixed")]
        threads = []
        for i in range(args.threads):
            kinds = specs[0] if i == 0 else specs[1]
            weights = (1,) if i == 0 else (4, 3, 3)
            t = threading.Thread(target=self.sender, args=(i, kinds, weights, deadline, budget),
                                 name="sender-%d" % i, daemon=True)
            threads.append(t)
        began = time.monotonic()
        for t in threads:
            t.start()
        # The victims, balanced and shuffled, and of each victim's kills the share asked for
        # aimed at a hand-over; each kill at a random moment of its own slot.
        plan = []
        for m, machine in enumerate(MACHINES):
            count = (args.kills + 1 - m) // 2
            aimed = int(count * args.aimed + 0.5) if self.proxy is not None else 0
            plan += [(machine, j < aimed) for j in range(count)]
        self.rng.shuffle(plan)
        slot = args.seconds / max(1, args.kills)
        try:
            for i, (victim, aimed) in enumerate(plan):
                slot_end = began + (i + 1) * slot
                pause = self.rng.uniform(0.1, min(3.0, slot / 3))
                latest = slot_end - pause - 0.5
                at = self.rng.uniform(time.monotonic(), max(time.monotonic(), latest))
                time.sleep(max(0.0, at - time.monotonic()))
                d = self.daemons[victim]
                pid = d.proc.pid if d.proc else None
                what = {}
                if aimed:
                    # At the next hand-over, within the slot (else a plain kill now).
                    fired, what = self.proxy.arm(victim, pid)
                    hit = fired.wait(max(1.0, latest - time.monotonic()))
                    self.proxy.disarm()
                    aimed = hit or fired.wait(0.5)
                t_kill = time.monotonic() - began
                d.kill9()
                time.sleep(pause)
                t0 = time.monotonic()
                d.start()
                self.kills.append({"n": i + 1, "victim": victim, "pid": pid,
                                   "aimed": aimed, "reply": what.get("reply"),
                                   "at": round(t_kill, 3), "pause": round(pause, 3),
                                   "restart_seconds": round(time.monotonic() - t0, 3),
                                   "accepted_before": self.accepted_so_far()})
                log("kill %d/%d: %s (pid %s) at %.1f s%s, down %.2f s, %d accepted so far"
                    % (i + 1, args.kills, victim, pid, t_kill,
                       " aimed at the hand-over answered '%s'" % what["reply"] if aimed else "",
                       pause, self.accepted_so_far()))
            time.sleep(max(0.0, began + args.seconds - time.monotonic()))
        finally:
            self.stop_load.set()
            for t in threads:
                t.join(60)
        if any(t.is_alive() for t in threads):
            raise RuntimeError("sender threads did not stop within 60 s")
        return time.monotonic() - began

    # -- drain
    def fingerprint(self):
        counts = []
        for name in MACHINES:
            root = os.path.join(self.daemons[name].data, "mailboxes")
            n = 0
            for dirpath, dirnames, filenames in os.walk(root):
                if os.path.basename(dirpath) in ("new", "cur"):
                    n += len(filenames)
            counts.append(n)
        with self.lock:
            counts.append(self.sink_count)
        return tuple(counts)

    def spool_busy(self):
        """Names of the machines whose spool/queue or Outbox still holds something."""
        busy = []
        for name in MACHINES:
            d = self.daemons[name]
            try:
                entries = outbox(d)
            except AssertionError as e:
                busy.append("%s (queue list failed: %s)" % (name, str(e).splitlines()[0]))
                continue
            queue = spool_entries(d.data, "queue")
            if entries or queue:
                busy.append("%s (%d in the Outbox, %d in spool/queue)"
                            % (name, len(entries), len(queue)))
        return busy

    def drain(self):
        """Waits until both Outboxes and spool queues are empty and nothing has changed for
        a few seconds; pushes waiting entries with `queue retry --all` now and then. Returns
        (seconds, whether it drained)."""
        began = time.monotonic()
        deadline = began + self.args.drain_seconds
        for d in self.daemons.values():
            if not d.running():
                d.start()
        last, since = None, time.monotonic()
        next_push = time.monotonic() + 10
        while time.monotonic() < deadline:
            busy = self.spool_busy()
            fp = self.fingerprint()
            if fp != last or busy:
                if fp != last:
                    last = fp
                since = time.monotonic()
            elif time.monotonic() - since >= self.args.quiet:
                return time.monotonic() - began, True
            if busy and time.monotonic() >= next_push:
                log("still waiting: %s; queue retry --all" % ", ".join(busy))
                for d in self.daemons.values():
                    d.run_cli("queue", "retry", "--all")
                next_push = time.monotonic() + 10
            time.sleep(0.5)
        log("not drained after %d s: %s" % (self.args.drain_seconds,
                                             ", ".join(self.spool_busy()) or "still changing"))
        return time.monotonic() - began, False


# ---------------------------------------------------------------------------------------------
# The checker (works on a run folder alone)


def spool_entries(data, sub):
    try:
        return sorted(n for n in os.listdir(os.path.join(data, "spool", sub))
                      if not n.startswith("."))
    except FileNotFoundError:
        return []


def top_headers(data):
    m = re.search(rb"\n\r?\n", data)  # LF (a Maildir file) or CRLF (a sink arrival)
    return data if m is None else data[:m.start() + 1]


def token_of(data):
    """The X-Soak-Id of the top-level header section, or None."""
    m = TOKEN_HEADER.search(top_headers(data))
    return m.group(1).decode("ascii") if m else None


def scan_mailboxes(data):
    """[(user, folder, path)] of every message file in new/ and cur/ of every Maildir++
    folder under data/mailboxes, and the number of files left in their tmp/."""
    out, tmp_files = [], 0
    root = os.path.join(data, "mailboxes")
    if not os.path.isdir(root):
        return out, tmp_files
    for domain in sorted(os.listdir(root)):
        droot = os.path.join(root, domain)
        if not os.path.isdir(droot):
            continue
        for user in sorted(os.listdir(droot)):
            box = os.path.join(droot, user)
            if not os.path.isdir(box):
                continue
            who = user if domain == DOMAIN else "%s@%s" % (user, domain)
            folders = [""] + sorted(n for n in os.listdir(box)
                                    if n.startswith(".") and len(n) > 1
                                    and os.path.isdir(os.path.join(box, n)))
            for folder in folders:
                base = os.path.join(box, folder)
                for sub in ("new", "cur"):
                    d = os.path.join(base, sub)
                    if os.path.isdir(d):
                        for name in sorted(os.listdir(d)):
                            if not name.startswith("."):
                                out.append((who, folder[1:] if folder else "INBOX",
                                            os.path.join(d, name)))
                d = os.path.join(base, "tmp")
                if os.path.isdir(d):
                    tmp_files += len(os.listdir(d))
    return out, tmp_files


def read_jsonl(path):
    out = []
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    out.append(json.loads(line))
    except FileNotFoundError:
        pass
    return out


def place_kind(machine, folder):
    if machine == "mailbox" and folder == "INBOX":
        return "Mailbox INBOX"
    if machine == "archive" and folder == "INBOX":
        return "Archive INBOX"
    if machine == "archive" and folder == "Sent":
        return "Archive Sent"
    return "%s %s" % (machine.capitalize(), folder)


def expected_places(msg):
    """{(machine, user, folder)} where one copy of the message belongs, and the remote
    recipients the sink must see."""
    places = set()
    remote = []
    for r in msg["to"]:
        if is_local(r):
            user = r.split("@")[0].lower()
            places.add(("mailbox", user, "INBOX"))
            places.add(("archive", user, "INBOX"))
        else:
            remote.append(r.lower())
    if is_local(msg["from"]):
        places.add(("archive", msg["from"].split("@")[0].lower(), "Sent"))
    return places, remote


def check(folder):
    """Checks a run folder. Returns (report text, passed, figures)."""
    ledger = read_jsonl(os.path.join(folder, "ledger.jsonl"))
    arrivals = read_jsonl(os.path.join(folder, "sink.jsonl"))
    try:
        with open(os.path.join(folder, "run.json")) as f:
            run = json.load(f)
    except FileNotFoundError:
        run = {}
    messages = {m["id"]: m for m in ledger}

    problems = []          # every failing finding, one line each
    foreign = []           # files with no X-Soak-Id in their top-level headers
    stray = []             # copies with a token the ledger does not know
    damaged = []           # copies that do not end with the message as sent

    # where: token -> Counter({(machine, user, folder): n}); sink: token -> Counter(rcpt)
    where = collections.defaultdict(collections.Counter)
    paths = collections.defaultdict(list)
    tmp_left = {}
    for machine in MACHINES:
        data = os.path.join(folder, machine, "data")
        files, tmp_left[machine] = scan_mailboxes(data)
        for user, fold, path in files:
            with open(path, "rb") as f:
                content = f.read()
            token = token_of(content)
            if token is None:
                foreign.append("%s:%s/%s %s" % (machine, user, fold, path))
                continue
            msg = messages.get(token)
            if msg is None:
                stray.append("%s:%s/%s %s (X-Soak-Id %s)" % (machine, user, fold, path, token))
                continue
            if not re.match(rb"Return-Path: <[^>\n]*>\nDelivered-To:", content):
                damaged.append("%s: does not start with Return-Path: and Delivered-To:" % path)
            elif not tail_matches(content, msg, stored=True):
                damaged.append("%s: does not end with message %s as sent" % (path, token))
            where[token][(machine, user.lower(), fold)] += 1
            paths[(token, machine, user.lower(), fold)].append(path)

    sink = collections.defaultdict(collections.Counter)
    sink_foreign = 0
    for a in arrivals:
        path = os.path.join(folder, "sink", a["file"])
        with open(path, "rb") as f:
            content = f.read()
        token = token_of(content)
        if token is None:
            foreign.append("sink %s from <%s> to %s" % (path, a["mail_from"], a["rcpt_to"]))
            sink_foreign += 1
            continue
        msg = messages.get(token)
        if msg is None:
            stray.append("sink %s (X-Soak-Id %s)" % (path, token))
            continue
        if not tail_matches(content, msg):
            damaged.append("sink %s: does not end with message %s as sent" % (path, token))
        for r in a["rcpt_to"]:
            sink[token][r.lower()] += 1

    by_kind = {k: collections.Counter() for k in KINDS}
    missing = collections.Counter()     # place kind -> copies missing
    extra = collections.Counter()       # place kind -> copies beyond the first
    dup_messages = collections.Counter()  # place kind -> messages with a duplicate there
    misplaced = []
    sink_dups = collections.Counter()   # extra arrivals per remote recipient, summed
    sink_dup_messages = 0
    unknown = collections.Counter()     # "stored", "absent", "partial"
    phantoms = []
    expected_total = collections.Counter()
    lost_messages = set()
    dup_message_ids = set()

    for token, msg in messages.items():
        kind, outcome = msg["kind"], msg["outcome"]
        by_kind[kind]["sent"] += 1
        by_kind[kind][outcome] += 1
        places, remote = expected_places(msg)
        seen = where.get(token, collections.Counter())
        arrived = sink.get(token, collections.Counter())
        anywhere = bool(seen) or bool(arrived)

        # Duplicates and misplaced copies count whatever the client saw.
        for place, n in seen.items():
            pk = place_kind(place[0], place[2])
            if place not in places:
                misplaced.append("%s (%s from <%s> to %s, %s): %d cop%s in %s:%s/%s: %s"
                                 % (token, kind, msg["from"], ",".join(msg["to"]), outcome, n,
                                    "y" if n == 1 else "ies", place[0], place[1], place[2],
                                    " ".join(paths[(token,) + place])))
            elif n > 1:
                extra[pk] += n - 1
                dup_messages[pk] += 1
                dup_message_ids.add(token)
                problems.append("duplicate: %s (%s, %s) %d copies in %s:%s/%s: %s"
                                % (token, kind, outcome, n, place[0], place[1], place[2],
                                   " ".join(paths[(token,) + place])))
        for r, n in arrived.items():
            if r not in remote:
                misplaced.append("%s (%s, %s): reached the sink for <%s>" % (token, kind,
                                                                           outcome, r))
            elif n > 1:
                sink_dups[r] += n - 1
        if any(n > 1 for r, n in arrived.items() if r in remote):
            sink_dup_messages += 1

        if outcome == REFUSED:
            if anywhere:
                phantoms.append("%s (%s, refused: %s) is stored: %s%s"
                                % (token, kind, msg["detail"],
                                   ", ".join("%s:%s/%s" % p for p in seen),
                                   " and at the sink" if arrived else ""))
            continue
        if outcome == UNKNOWN:
            if not anywhere:
                unknown["absent"] += 1
                continue
        # Accepted, or an unknown outcome of which a copy exists (so it was committed):
        # every place once, every remote recipient at least once.
        gaps = []
        for place in sorted(places):
            pk = place_kind(place[0], place[2])
            expected_total[pk] += 1
            if seen.get(place, 0) == 0:
                missing[pk] += 1
                gaps.append("%s:%s/%s" % place)
        for r in remote:
            expected_total["sink"] += 1
            if arrived.get(r, 0) == 0:
                missing["sink"] += 1
                gaps.append("sink <%s>" % r)
        if outcome == UNKNOWN:
            unknown["partial" if gaps else "stored"] += 1
        if gaps:
            lost_messages.add(token)
            by_kind[kind]["lost"] += 1
            problems.append("lost: %s (%s from <%s> to %s, %s) missing in %s"
                            % (token, kind, msg["from"], ",".join(msg["to"]), outcome,
                               ", ".join(gaps)))
        if token in dup_message_ids:
            by_kind[kind]["duplicated"] += 1

    leftovers = {}
    for machine in MACHINES:
        data = os.path.join(folder, machine, "data")
        for sub in ("queue", "outbox", "corrupt", "tmp"):
            names = spool_entries(data, sub)
            if names:
                leftovers["%s spool/%s" % (machine, sub)] = names

    mailbox_dups = sum(extra[pk] for pk in extra if pk != "sink")
    lost = len(lost_messages)
    reasons = []
    if lost:
        reasons.append("%d message(s) lost" % lost)
    if mailbox_dups:
        reasons.append("%d duplicate cop%s in mailboxes" % (mailbox_dups,
                                                          "y" if mailbox_dups == 1 else "ies"))
    if misplaced:
        reasons.append("%d misplaced" % len(misplaced))
    if phantoms:
        reasons.append("%d refused message(s) stored" % len(phantoms))
    if stray:
        reasons.append("%d cop%s with an unknown X-Soak-Id" % (len(stray),
                                                             "y" if len(stray) == 1 else "ies"))
    if damaged:
        reasons.append("%d damaged cop%s" % (len(damaged), "y" if len(damaged) == 1 else "ies"))
    if foreign:
        reasons.append("%d foreign file(s) (notices?)" % len(foreign))
    if leftovers:
        reasons.append("leftovers in %s" % ", ".join(sorted(leftovers)))
    accepted = sum(c[ACCEPTED] for c in by_kind.values())
    if not accepted:
        reasons.append("no message was accepted: nothing was tested")
    if run and run.get("kills_done", 0) < run.get("kills_asked", 0):
        reasons.append("only %d of %d kills done" % (run["kills_done"], run["kills_asked"]))
    if run and not run.get("drained", True):
        reasons.append("the Outboxes did not drain in time")
    passed = not reasons

    # -- the report
    out = []
    w = out.append
    if run:
        kills = run.get("kills", [])
        w("seed %s, %d kills (%d Mailbox, %d Archive; %d of them aimed at a hand-over), "
          "load %.0f s, drain %.0f s, total %.0f s"
          % (run.get("seed"), len(kills), sum(k["victim"] == "mailbox" for k in kills),
             sum(k["victim"] == "archive" for k in kills),
             sum(bool(k.get("aimed")) for k in kills), run.get("load_seconds", 0),
             run.get("drain_seconds", 0), run.get("total_seconds", 0)))
    w("")
    w("%-10s %7s %9s %8s %8s %6s %11s" % ("kind", "sent", "accepted", "unknown", "refused",
                                         "lost", "duplicated"))
    total = collections.Counter()
    for k in KINDS:
        c = by_kind[k]
        total.update(c)
        w("%-10s %7d %9d %8d %8d %6d %11d" % (k, c["sent"], c[ACCEPTED], c[UNKNOWN],
                                              c[REFUSED], c["lost"], c["duplicated"]))
    w("%-10s %7d %9d %8d %8d %6d %11d" % ("total", total["sent"], total[ACCEPTED],
                                          total[UNKNOWN], total[REFUSED], total["lost"],
                                          total["duplicated"]))
    w("")
    w("%-14s %9s %8s %15s %15s" % ("copies in", "expected", "missing", "duplicated msgs",
                                    "extra copies"))
    for pk in PLACE_KINDS:
        w("%-14s %9d %8d %15d %15d" % (pk, expected_total[pk], missing[pk],
                                       dup_messages[pk] if pk != "sink" else sink_dup_messages,
                                       extra[pk] if pk != "sink" else sum(sink_dups.values())))
    w("  (the sink row: one arrival expected per remote recipient; its duplicates are")
    w("   reported, SMTP allows them, and do not fail the run)")
    w("")
    w("sink arrivals: %d transactions, %d without an X-Soak-Id" % (len(arrivals), sink_foreign))
    w("unknown outcome: %d (%d stored in full, %d absent, %d partly stored = lost)"
      % (total[UNKNOWN], unknown["stored"], unknown["absent"], unknown["partial"]))
    w("misplaced copies: %d; refused but stored: %d; unknown X-Soak-Id: %d; damaged: %d; "
      "foreign files: %d" % (len(misplaced), len(phantoms), len(stray), len(damaged),
                             len(foreign)))
    w("leftovers: %s" % (", ".join("%s %d" % (k, len(v)) for k, v in sorted(leftovers.items()))
                         or "none (spool/queue, outbox, corrupt, tmp empty on both machines)"))
    w("Maildir tmp/ files (not counted): Mailbox %d, Archive %d"
      % (tmp_left["mailbox"], tmp_left["archive"]))
    details = problems + ["misplaced: " + m for m in misplaced] + \
        ["refused but stored: " + p for p in phantoms] + ["unknown X-Soak-Id: " + s for s in stray] + \
        ["damaged: " + d for d in damaged] + ["foreign: " + f for f in foreign] + \
        ["leftover %s: %s" % (k, " ".join(v[:10])) for k, v in sorted(leftovers.items())]
    if details:
        w("")
        w("details (%d):" % len(details))
        for line in details[:60]:
            w("  " + line)
        if len(details) > 60:
            w("  ... %d more" % (len(details) - 60))
    w("")
    w("RESULT: %s" % ("PASS" if passed else "FAIL: " + "; ".join(reasons)))

    figures = {"accepted": total[ACCEPTED], "unknown": total[UNKNOWN], "lost": lost,
               "mailbox_duplicates": mailbox_dups,
               "duplicates": {pk: extra[pk] for pk in PLACE_KINDS if pk != "sink"},
               "sink_duplicates": sum(sink_dups.values()), "misplaced": len(misplaced),
               "leftovers": {k: len(v) for k, v in leftovers.items()}, "passed": passed}
    return "\n".join(out), passed, figures


def tail_matches(content, msg, stored=False):
    """Whether the copy ends with exactly the bytes that were sent: as sent (CRLF) at the sink,
    with LF line ends in a Maildir file (`stored`; a ledger from before LF Maildir files has
    no lf_ fields and is checked as sent)."""
    size, digest = msg["size"], msg["sha256"]
    if stored and "lf_size" in msg:
        size, digest = msg["lf_size"], msg["lf_sha256"]
    return (len(content) >= size
            and hashlib.sha256(content[len(content) - size:]).hexdigest() == digest)


# ---------------------------------------------------------------------------------------------
# Main


def parse_args(argv):
    p = argparse.ArgumentParser(description="Soak test of a Mailbox + Archive pair under SIGKILL.")
    p.add_argument("--tandemd", help="the tandemd binary (default: $TANDEMD)")
    p.add_argument("--kills", type=int, default=24, help="SIGKILLs, Mailbox and Archive in "
                   "equal numbers, shuffled (default 24)")
    p.add_argument("--seconds", type=float, default=420,
                   help="length of the load, over which the kills are spread (default 420)")
    p.add_argument("--seed", type=int, default=None, help="the random seed (default: random)")
    p.add_argument("--keep", action="store_true", help="keep the run folder after a pass")
    p.add_argument("--aimed", type=float, default=0.5, metavar="FRACTION",
                   help="share of the kills aimed at a Mailbox -> Archive hand-over through a "
                        "proxy: a Mailbox killed before the Archive's 250 reaches it, an Archive "
                        "killed just after sending it (default 0.5; 0: every kill at a random "
                        "moment, and no proxy)")
    p.add_argument("--threads", type=int, default=4,
                   help="sender threads: one from the Internet, the others from the LAN")
    p.add_argument("--rate", type=float, default=12.0,
                   help="target messages per second over all senders (default 12)")
    p.add_argument("--max-messages", type=int, default=8000, help="at most this many in all")
    p.add_argument("--drain-seconds", type=float, default=180,
                   help="bound of the wait for both Outboxes to empty (default 180)")
    p.add_argument("--quiet", type=float, default=4.0,
                   help="seconds without change that end the drain (a late duplicate would "
                        "show in them)")
    p.add_argument("--folder", help="run folder to create (default: a new temporary one)")
    p.add_argument("--check-only", metavar="DIR", help="check a kept run folder again")
    args = p.parse_args(argv)
    if args.check_only is None:
        if args.tandemd:
            os.environ["TANDEMD"] = os.path.abspath(args.tandemd)
        if not os.environ.get("TANDEMD"):
            p.error("--tandemd PATH (or $TANDEMD) is required")
        if (args.kills < 0 or args.seconds <= 0 or args.threads < 2 or args.rate <= 0
                or not 0 <= args.aimed <= 1):
            p.error("--kills >= 0, --seconds > 0, --threads >= 2, --rate > 0, 0 <= --aimed <= 1")
        if args.seed is None:
            args.seed = random.SystemRandom().randrange(1, 2 ** 31)
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.check_only:
        text, passed, _ = check(args.check_only)
        print(text)
        return 0 if passed else 1

    folder = args.folder or tempfile.mkdtemp(prefix="tandem-soak-")
    os.makedirs(folder, exist_ok=True)
    log("seed %d (again: --seed %d), %d kills over %.0f s, folder %s"
        % (args.seed, args.seed, args.kills, args.seconds, folder))
    run = Run(args, folder)
    stopped = {"clean": False}

    def on_exit():
        if not stopped["clean"]:
            run.shutdown(clean=False)

    atexit.register(on_exit)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    began = time.monotonic()
    info = {"seed": args.seed, "kills_asked": args.kills, "args": vars(args)}
    passed = False
    try:
        run.start()
        info["load_seconds"] = run.load_and_kill()
        info["kills"] = run.kills
        info["kills_done"] = len(run.kills)
        log("load over: %d attempts, %d accepted; draining"
            % (run.counter, run.accepted_so_far()))
        info["drain_seconds"], info["drained"] = run.drain()
        run.shutdown(clean=True)
        stopped["clean"] = True
        info["total_seconds"] = time.monotonic() - began
        info["sender_errors"] = run.sender_errors
        with open(os.path.join(folder, "run.json"), "w") as f:
            json.dump(info, f, indent=1)
        text, passed, figures = check(folder)
        if run.sender_errors:
            text += "\nclient errors (counted as unknown outcomes): %d, e.g. %s" % (
                len(run.sender_errors), run.sender_errors[0])
        with open(os.path.join(folder, "report.txt"), "w") as f:
            f.write(text + "\n")
        print(text)
    except (DaemonError, RuntimeError, OSError) as e:
        log("run aborted: %s" % e)
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        if not stopped["clean"]:
            run.shutdown(clean=False)
            stopped["clean"] = True
        if passed and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            log("run folder kept: %s (check again: %s --check-only %s)"
                % (folder, sys.argv[0], folder))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
