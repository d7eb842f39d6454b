"""Harness for Tandem's integration tests (Python 3 stdlib only).

The daemon under test is the program named by the environment variable TANDEMD. Each test
gets its own temporary folder holding tandem.json, the data folder ("data") and the daemon's
log (tandemd.log). The folder is removed when the test passed and kept (its path printed,
with the tail of the daemon's log) when it failed.
"""

import copy
import json
import os
import pwd
import re
import shutil
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.dont_write_bytecode = True

CRLF = b"\r\n"


# ---------------------------------------------------------------------------------------------
# Locating the program


def tandemd_path():
    """The daemon binary from $TANDEMD; raises AssertionError (a test failure) if unusable."""
    path = os.environ.get("TANDEMD")
    if not path:
        raise AssertionError(
            "TANDEMD is not set: point it at the tandemd binary, e.g. "
            "TANDEMD=/work/main/build/app/tandemd/tandemd python3 -m unittest -v <module> "
            "(ctest sets it from $<TARGET_FILE:tandemd>)")
    if not os.path.isfile(path) or not os.access(path, os.X_OK):
        raise AssertionError("TANDEMD=%r is not an executable file" % path)
    return path


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_ports(n):
    """n distinct free ports (held open together so that they differ)."""
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


# ---------------------------------------------------------------------------------------------
# Configuration


MAILBOX_PASSTHROUGH = {
    "domains": "all",
    "copy_to_sender_sent_items": False,
    "create_mailbox_if_necessary": False,
    "copy_local_domains_to_outbox": True,
    "copy_without_received_to_outbox": False,
}

ARCHIVE_PASSTHROUGH = {
    "domains": "all",
    "copy_to_sender_sent_items": True,
    "create_mailbox_if_necessary": True,
    "copy_local_domains_to_outbox": False,
    "copy_without_received_to_outbox": True,
}


def _deep_merge(base, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


def make_config(domain="example.com", role="mailbox", port=None, users=None,
                relay_networks=("127.0.0.1/32",), passthrough=None, undelivered_action=None,
                static_routes=None, reject_nonlocal=None, hostname=None,
                max_message_bytes=None, extra=None):
    """The JSON configuration (a dict) of PRODUCT.md §3 for one listener in mode "smtp".

    None means "the role's preset" (PRODUCT.md §1):
      mailbox: copy_local_domains_to_outbox on, the other passthrough options off,
               undelivered return_to_sender, reject_nonlocal_senders_claiming_local on,
               users alice, bob, postmaster;
      archive: Sent items, create mailbox, without-Received-to-Outbox on, local-to-Outbox off,
               undelivered create_mailbox_and_store, reject off, no users.
    static_routes None: one route "*" -> 127.0.0.1:<a free port nobody listens on>, so
    Outbox entries stay queued (deferred) and no DNS is ever consulted.
    users: names ("alice") or dicts ({"name": "alice", "password": "pbkdf2-sha256$..."}).
    extra: a dict deep-merged into the result last.
    """
    if role not in ("mailbox", "archive", "custom"):
        raise ValueError("role must be mailbox, archive or custom")
    archive = role == "archive"
    if port is None:
        port = free_port()
    if users is None:
        users = [] if archive else ["alice", "bob", "postmaster"]
    if passthrough is None:
        passthrough = ARCHIVE_PASSTHROUGH if archive else MAILBOX_PASSTHROUGH
    else:
        passthrough = dict(ARCHIVE_PASSTHROUGH if archive else MAILBOX_PASSTHROUGH, **passthrough)
    if undelivered_action is None:
        undelivered_action = "create_mailbox_and_store" if archive else "return_to_sender"
    if reject_nonlocal is None:
        reject_nonlocal = not archive
    if static_routes is None:
        static_routes = [{"domains": ["*"], "host": "127.0.0.1", "port": free_port()}]
    if hostname is None:
        hostname = "%s.%s" % ("archive" if archive else "mailbox", domain)

    config = {
        "server": {
            "role": role,
            "domain": domain,
            "local_domains": [],
            "hostname": hostname,
            "data_dir": "data",
            "max_hops": 30,
        },
        "smtp": {
            "listeners": [{
                "address": "127.0.0.1",
                "port": port,
                "mode": "smtp",
                "reject_nonlocal_senders_claiming_local": bool(reject_nonlocal),
                "require_auth": False,
            }],
            "relay_networks": list(relay_networks),
            "allow_plaintext_auth": False,
            "max_recipients": 100,
            "max_connections": 200,
            "max_connections_per_ip": 50,
            "command_timeout_seconds": 60,
        },
        "incoming": {
            "passthrough": dict(passthrough),
            "undelivered": {"action": undelivered_action, "forward_mailbox": "postmaster"},
        },
        "outgoing": {
            "static_routes": copy.deepcopy(list(static_routes)),
            "retry": {"schedule_minutes": [1, 5, 15, 30, 60, 120], "warn_after_hours": 4,
                      "give_up_after_hours": 120},
        },
        "mailboxes": {
            "template": {"archive_after": "0", "expire_after": "0", "max_size_mb": 0},
            "users": [u if isinstance(u, dict) else {"name": u} for u in users],
        },
    }
    if max_message_bytes is not None:
        config["smtp"]["max_message_bytes"] = max_message_bytes
    if extra:
        _deep_merge(config, extra)
    return config


def listener_ports(config):
    return [l.get("port", 25) for l in config.get("smtp", {}).get("listeners", [])]


# ---------------------------------------------------------------------------------------------
# The daemon


class DaemonError(RuntimeError):
    pass


class Daemon:
    """tandemd running on a configuration written to <tmpdir>/tandem.json."""

    START_TIMEOUT = 15.0
    STOP_TIMEOUT = 10.0

    def __init__(self, config, tmpdir=None, env=None, run_as=None):
        self.binary = tandemd_path()
        self.env = dict(env) if env else None  # extra environment variables, e.g. a time scale
        # A user name: the daemon runs as that user (the test must run as root), on a folder
        # that user owns, as a packaged daemon would.
        self.run_as = run_as
        self.tmpdir = tmpdir or tempfile.mkdtemp(prefix="tandem-it-")
        self.config = config
        self.config_path = os.path.join(self.tmpdir, "tandem.json")
        self.log_path = os.path.join(self.tmpdir, "tandemd.log")
        self.stdout_path = os.path.join(self.tmpdir, "tandemd.stdout")
        self.proc = None
        self.write_config()

    # -- paths
    @property
    def data(self):
        return os.path.join(self.tmpdir, "data")

    @property
    def port(self):
        return listener_ports(self.config)[0]

    def environment(self):
        """None (inherit) or os.environ with self.env merged in."""
        if not self.env:
            return None
        merged = dict(os.environ)
        merged.update({k: str(v) for k, v in self.env.items()})
        return merged

    def write_config(self):
        with open(self.config_path, "w") as f:
            json.dump(self.config, f, indent=2)

    def read_config(self):
        with open(self.config_path) as f:
            return json.load(f)

    def log(self):
        """The daemon's stderr so far. tandemd writes its lines on a thread of their own, which
        gathers them for up to 20 ms (warnings and errors are out when they happen): what an
        event just logged is read once the file has stopped growing for a moment."""
        def read():
            try:
                with open(self.log_path, "rb") as f:
                    return f.read()
            except OSError:
                return b""
        text = read()
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            time.sleep(0.06)
            again = read()
            if again == text:
                break
            text = again
        return text.decode("utf-8", "replace")

    # -- life cycle
    def start(self):
        if self.running():
            raise DaemonError("tandemd is already running")
        as_user = {}
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            for root, dirs, files in os.walk(self.tmpdir):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.lchown(name, pw.pw_uid, pw.pw_gid)
            as_user = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
        with open(self.log_path, "ab") as err, open(self.stdout_path, "ab") as out:
            self.proc = subprocess.Popen([self.binary, "--config", self.config_path],
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                         cwd=self.tmpdir, env=self.environment(), **as_user)
        deadline = time.monotonic() + self.START_TIMEOUT
        pending = list(listener_ports(self.config))
        while pending:
            if self.proc.poll() is not None:
                rc = self.proc.returncode
                self.proc = None
                raise DaemonError("tandemd exited with status %s before listening on %s; log:\n%s"
                                  % (rc, pending, self.log()))
            port = pending[0]
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pending.pop(0)
                    continue
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.kill9()
                raise DaemonError("tandemd did not listen on port(s) %s within %.0f s; log:\n%s"
                                  % (pending, self.START_TIMEOUT, self.log()))
            time.sleep(0.05)
        return self

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        """SIGTERM, wait up to 10 s, then SIGKILL. Returns the exit status (None if not running)."""
        if self.proc is None:
            return None
        proc, self.proc = self.proc, None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(self.STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return proc.returncode

    def kill9(self):
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        if proc.poll() is None:
            proc.kill()
        proc.wait()

    def restart(self):
        self.stop()
        return self.start()

    # -- command line
    def run_cli(self, *args, input=None, timeout=60):
        return subprocess.run([self.binary, "--config", self.config_path] + [str(a) for a in args],
                              input=input, capture_output=True, text=True, timeout=timeout,
                              cwd=self.tmpdir, env=self.environment())


def run_tandemd(*args, input=None, timeout=60, cwd=None):
    """tandemd with arbitrary arguments (no --config added)."""
    return subprocess.run([tandemd_path()] + [str(a) for a in args], input=input,
                          capture_output=True, text=True, timeout=timeout, cwd=cwd)


# ---------------------------------------------------------------------------------------------
# SMTP


def connect(port, source="127.0.0.1", timeout=30):
    """(smtplib.SMTP, banner code, banner text) of a new connection from `source`."""
    s = smtplib.SMTP(timeout=timeout, source_address=(source, 0))
    code, msg = s.connect("127.0.0.1", port)
    return s, code, msg


def send(port, sender, recipients, body_bytes, source="127.0.0.1", timeout=30):
    """smtplib sendmail from `source`; returns the dict of refused recipients (empty when all
    were accepted) and raises smtplib's exceptions (SMTPRecipientsRefused, SMTPSenderRefused,
    SMTPDataError, ...) like sendmail does."""
    if isinstance(recipients, str):
        recipients = [recipients]
    s = smtplib.SMTP(host="127.0.0.1", port=port, source_address=(source, 0), timeout=timeout)
    try:
        return s.sendmail(sender, recipients, body_bytes)
    finally:
        quit_quietly(s)  # a failing QUIT must not hide the reply to DATA


def quit_quietly(s):
    try:
        s.quit()
    except (smtplib.SMTPException, OSError):
        s.close()


def make_message(subject="test", sender="sender@remote.test", to="alice@example.com",
                 body_lines=None, message_id=None, received=None, extra_headers=()):
    """A message as bytes with CRLF line endings. `received` is a list of Received: header
    values to put on top (as if relayed)."""
    if message_id is None:
        message_id = "<%s.%d@test.example>" % (time.time_ns(), os.getpid())
    lines = []
    for r in received or []:
        lines.append("Received: " + r)
    lines += [
        "From: <%s>" % sender,
        "To: <%s>" % to,
        "Subject: %s" % subject,
        "Date: Mon, 01 Jan 2024 12:00:00 +0000",
        "Message-ID: %s" % message_id,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    lines += list(extra_headers)
    lines.append("")
    lines += body_lines if body_lines is not None else ["Hello.", "", "-- ", "test"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def make_certificate(folder, cn="sink.test"):
    """(cert.pem, key.pem) in `folder` (created if need be): a fresh self-signed certificate
    for CN=`cn`, valid for a day."""
    os.makedirs(folder, exist_ok=True)
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    cp = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=" + cn, "-keyout", key, "-out", cert],
                        capture_output=True, text=True, timeout=60)
    if cp.returncode != 0:
        raise AssertionError("openssl req failed (%d): %s" % (cp.returncode, cp.stderr))
    return cert, key


# ---------------------------------------------------------------------------------------------
# Data folder


def mailbox_dir(data, domain, user, folder=""):
    path = os.path.join(data, "mailboxes", domain, user)
    if folder:
        path = os.path.join(path, "." + folder)
    return path


def maildir_files(data, domain, user, folder=""):
    """Paths of the message files in new/ and cur/ of a mailbox folder ("" = INBOX,
    "Sent" = .Sent/, "Archive" = .Archive/); [] if the folder does not exist."""
    base = mailbox_dir(data, domain, user, folder)
    out = []
    for sub in ("new", "cur"):
        d = os.path.join(base, sub)
        try:
            names = sorted(os.listdir(d))
        except FileNotFoundError:
            continue
        out += [os.path.join(d, n) for n in names if not n.startswith(".")]
    return out


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


MAILDIR_NAME = re.compile(r"^(\d+)\.([^.]+)\.([^,:]+),S=(\d+)(?::2,[A-Za-z]*)?$")


def lf(data):
    """`data` (CRLF line ends, as sent over SMTP) as a Maildir file holds it: LF line ends."""
    return data.replace(CRLF, b"\n")


def strip_return_path(content):
    """(the envelope sender of a stored copy's first line `Return-Path: <sender>`, the rest).
    Raises AssertionError if the copy does not start with it."""
    m = re.match(rb"Return-Path: <([^>\n]*)>\r?\n", content)
    if m is None:
        raise AssertionError("stored copy does not start with Return-Path: <sender>: %r"
                             % content[:200])
    return m.group(1).decode(), content[m.end():]


def split_stored(content):
    """Splits a stored copy (a Maildir file: LF line ends) after its Return-Path: line into
    (Delivered-To line, Received header (unfolded lines joined with LF), rest). Raises
    AssertionError if it does not start that way or holds a CR."""
    if b"\r" in content:
        raise AssertionError("stored copy has a CR (Maildir files end lines with LF): %r"
                             % content[:200])
    _, content = strip_return_path(content)
    first_end = content.find(b"\n")
    if first_end < 0:
        raise AssertionError("stored copy has no line: %r" % content[:200])
    delivered = content[:first_end + 1]
    pos = first_end + 1
    if not content.startswith(b"Received:", pos):
        raise AssertionError("second header of the stored copy is not Received: %r"
                             % content[pos:pos + 200])
    end = content.find(b"\n", pos)
    while end >= 0 and content[end + 1:end + 2] in (b" ", b"\t"):
        end = content.find(b"\n", end + 1)
    if end < 0:
        raise AssertionError("unterminated Received: header: %r" % content[pos:pos + 300])
    received = content[pos:end + 1]
    return delivered, received, content[end + 1:]


def outbox(daemon):
    """The Outbox as `tandemd queue list --json` reports it (a list of dicts)."""
    cp = daemon.run_cli("queue", "list", "--json")
    if cp.returncode != 0:
        raise AssertionError("queue list --json exited %d; stderr:\n%s"
                             % (cp.returncode, cp.stderr))
    try:
        entries = json.loads(cp.stdout)
    except ValueError as e:
        raise AssertionError("queue list --json printed no JSON (%s): %r" % (e, cp.stdout[:500]))
    if not isinstance(entries, list):
        raise AssertionError("queue list --json printed %s, not a JSON array"
                             % type(entries).__name__)
    return entries


def queue_db(daemon):
    """The path of the daemon's queue database (envelopes, completions, Outbox records)."""
    return os.path.join(daemon.data, "spool", "queue.db")


def queue_row(daemon, table, row_id):
    """A record of the queue database as the engine wrote it (bytes), or None: table
    "messages" (envelopes) or "outbox" (Outbox entries)."""
    column = "envelope" if table == "messages" else "record"
    with sqlite3.connect(queue_db(daemon), timeout=30) as db:
        row = db.execute("SELECT %s FROM %s WHERE id = ?" % (column, table), (row_id,)).fetchone()
    return bytes(row[0]) if row else None


def set_queue_row(daemon, table, row_id, data):
    """Puts a record into the queue database (a damaged one, or one a crash left behind)."""
    column = "envelope" if table == "messages" else "record"
    db = sqlite3.connect(queue_db(daemon), timeout=30)
    try:
        with db:
            db.execute("INSERT OR REPLACE INTO %s (id, %s) VALUES (?, ?)" % (table, column),
                       (row_id, data))
    finally:
        db.close()


def wait_for(predicate, timeout=10.0, interval=0.05):
    """Polls predicate() until it returns a true value (returned) or the time is up (returns
    the last value)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def wait_stable(measure, timeout=20.0, quiet=2.0, interval=0.2):
    """Polls measure() until its value has not changed for `quiet` seconds or `timeout`
    passed; returns the last value."""
    deadline = time.monotonic() + timeout
    last = measure()
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(interval)
        value = measure()
        if value != last:
            last, since = value, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return last


# ---------------------------------------------------------------------------------------------
# Test case base


# Qt's warnings that an object was used from a thread it does not live on: each one is a defect
# (a timer that never fires, a socket that is never read), so a test whose daemon printed one
# fails, even when what it checked came out right.
THREAD_WARNING = re.compile(
    r"from another thread|in a different thread|owned by a different thread|"
    r"started with QThread|Cannot create children for a parent|moveToThread")


def thread_warnings(log):
    """The lines of a daemon's log that are Qt thread-affinity warnings."""
    return [line for line in log.splitlines() if THREAD_WARNING.search(line)]


def _test_failed(tc):
    """Whether the running test has failed so far (called from a cleanup function)."""
    outcome = getattr(tc, "_outcome", None)
    if outcome is None:
        return True
    errors = getattr(outcome, "errors", None)  # Python < 3.11 collects them on the outcome
    if errors and any(exc_info is not None for _, exc_info in errors):
        return True
    result = getattr(outcome, "result", None)  # Python >= 3.11 reports them straight away
    if result is not None:
        for test, _ in list(result.errors) + list(result.failures):
            if test is tc or getattr(test, "test_case", None) is tc:
                return True
    return False


class TandemTestCase(unittest.TestCase):
    """Gives each test a temporary folder (self.tmpdir) and stops the daemons it started."""

    maxDiff = 4000

    def setUp(self):
        tandemd_path()  # fails the test with a clear message when TANDEMD is unusable
        self.tmpdir = tempfile.mkdtemp(prefix="tandem-it-%s-" % self._testMethodName)
        self.daemons = []
        # A cleanup, not tearDown: it also runs when setUp fails (e.g. the daemon won't start).
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        for d in self.daemons:
            try:
                d.stop()
            except Exception:  # noqa: BLE001 - a teardown must stop the others too
                d.kill9()
        warnings = ["%s: %s" % (d.log_path, line) for d in self.daemons
                    for line in thread_warnings(d.log())]
        if _test_failed(self) or warnings:
            sys.stderr.write("\n[kept %s]\n" % self.tmpdir)
            for d in self.daemons:
                tail = d.log().splitlines()[-40:]
                if tail:
                    sys.stderr.write("--- last lines of %s ---\n%s\n" % (d.log_path,
                                                                        "\n".join(tail)))
        else:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        if warnings:
            raise AssertionError("Qt thread-affinity warnings in the daemon's log:\n"
                                 + "\n".join(warnings))

    def start_daemon(self, config, subdir=None, env=None, run_as=None):
        tmp = self.tmpdir if subdir is None else os.path.join(self.tmpdir, subdir)
        os.makedirs(tmp, exist_ok=True)
        d = Daemon(config, tmp, env=env, run_as=run_as)
        self.daemons.append(d)
        d.start()
        return d

    # -- assertions shared by the modules
    def wait_files(self, data, domain, user, count=1, folder="", timeout=10.0):
        """Waits until the folder holds at least `count` messages, then a moment more (so a
        duplicate would show), and returns the list of files."""
        wait_for(lambda: len(maildir_files(data, domain, user, folder)) >= count, timeout)
        time.sleep(0.3)
        return maildir_files(data, domain, user, folder)

    def wait_outbox(self, daemon, count=1, timeout=10.0):
        wait_for(lambda: len(outbox(daemon)) >= count, timeout, interval=0.2)
        time.sleep(0.3)
        return outbox(daemon)

    def assertMaildirName(self, path):
        name = os.path.basename(path)
        m = MAILDIR_NAME.match(name)
        self.assertIsNotNone(m, "not a Maildir file name <time>.<unique>.<host>,S=<size>: %r"
                             % name)
        self.assertEqual(int(m.group(4)), os.path.getsize(path),
                         "S= of %r differs from the file's size" % name)

    def assertStoredCopy(self, path, recipient, original, hostname, queue_ids=None):
        """The file is `Delivered-To: <recipient>`, Tandem's Received: (by <hostname>, id <..>)
        and then exactly `original` (sent with CRLF, stored with LF). Returns the id found in
        the Received: header."""
        self.assertMaildirName(path)
        content = read_bytes(path)
        delivered, received, rest = split_stored(content)
        self.assertEqual(delivered.lower(), ("Delivered-To: %s\n" % recipient).lower().encode())
        self.assertIn(("by %s" % hostname).encode(), received,
                      "Received: header lacks 'by %s': %r" % (hostname, received))
        m = re.search(rb"\bid\s+([^\s;]+)", received)
        self.assertIsNotNone(m, "Received: header lacks 'id <queue id>': %r" % received)
        if queue_ids is not None:
            self.assertIn(m.group(1).decode(), [str(q) for q in queue_ids],
                          "Received: id %r is not the queue entry's id/message %r"
                          % (m.group(1), queue_ids))
        self.assertEqual(rest, lf(original), "stored bytes after the trace headers differ")
        return m.group(1).decode()


def start_process(test, cmd, log_path):
    """Starts a helper program (a sink, a resolver) with its output in log_path; the test's
    cleanup stops it (terminate, then kill after 5 s)."""
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log)

    def stop():
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    test.addCleanup(stop)
    return proc
