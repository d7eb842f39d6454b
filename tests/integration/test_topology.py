"""The two-machine topology end to end (issue 3, part 6 and part 7; PRODUCT.md §1).

Three parties on loopback:

    Internet (127.0.0.66) --> Mailbox --> Archive --> sink ("the Internet", sink.py)
    LAN      (127.0.0.1)  --> Mailbox      Archive --> Mailbox  (static route for example.com)

Mailbox: role mailbox, users alice, bob, postmaster, static route "*" -> Archive.
Archive: role archive, no users, static routes example.com -> Mailbox, "*" -> sink.

Every scenario asserts the exact Maildir files on both machines (which user, which folder, how
many files, and that they hold the Message-ID sent) and the exact transactions at the sink,
then waits a little longer to see that no duplicate arrives.

Retries are sped up with TANDEM_TIME_SCALE (every retry interval and the warn/give-up times
pass that many times faster): at 60, `schedule_minutes: [1]` retries every second.
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import smtplib  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (start_process,   # noqa: E402
    CRLF, Daemon, TandemTestCase, free_ports, make_config, make_message, maildir_files,
    lf, outbox, quit_quietly, read_bytes, send, split_stored, wait_for, wait_stable)

DOMAIN = "example.com"
MAILBOX_HOST = "mailbox.example.com"
ARCHIVE_HOST = "archive.example.com"
EXTERNAL = "127.0.0.66"  # "the Internet": not in relay_networks
LAN = "127.0.0.1"        # the LAN: in relay_networks of both machines

WAIT = 15.0       # the bound of one wait for mail to arrive
QUIET = 2.0       # the extra wait after the expected state, in which a duplicate would show
COMMAND_TIME = 2.0  # queue commands act on a running daemon "within a second" (+ slack)

FAST = {"TANDEM_TIME_SCALE": "60"}  # schedule_minutes [1] = a retry every second
FAST_RETRY = {"schedule_minutes": [1], "warn_after_hours": 4, "give_up_after_hours": 120}
DEFAULT_RETRY = {"schedule_minutes": [1, 5, 15, 30, 60, 120], "warn_after_hours": 4,
                 "give_up_after_hours": 120}

SMTP_SINK = "/usr/sbin/smtp-sink"


def header_end(data, pos):
    """The offset just after the (possibly folded) header line starting at `pos`."""
    # LF or CRLF: a Maildir file ends lines with LF, what the sink received with CRLF.
    end = data.find(b"\n", pos)
    while end >= 0 and data[end + 1:end + 2] in (b" ", b"\t"):
        end = data.find(b"\n", end + 1)
    if end < 0:
        raise AssertionError("unterminated header at %r" % data[pos:pos + 200])
    return end + 1


def top_headers(data):
    """The header section of a message (up to the first empty line)."""
    m = re.search(rb"\n\r?\n", data)  # LF (a Maildir file) or CRLF (the sink's copy)
    return data if m is None else data[:m.start() + 1]


def message_id(data):
    """The first Message-ID in the message's own header section, as bytes, or None."""
    m = re.search(rb"(?im)^Message-ID:[ \t]*(<[^>\r\n]+>)", top_headers(data))
    return m.group(1) if m else None


def received_ids(data):
    """The `id` of every Received: header in the top header section, top first."""
    out = []
    headers = top_headers(data)
    for m in re.finditer(rb"(?im)^Received:", headers):
        h = headers[m.start():header_end(headers, m.start())]
        idm = re.search(rb"\bid\s+([^\s;]+)", h)
        by = re.search(rb"\bby\s+([^\s;]+)", h)
        out.append((by.group(1).decode() if by else None, idm.group(1).decode() if idm else None,
                    h))
    return out


class Topology(TandemTestCase):
    """Starts the sink, the Archive and the Mailbox; helpers to look at all three."""

    mailbox_env = FAST
    archive_env = FAST
    mailbox_retry = FAST_RETRY
    archive_retry = FAST_RETRY
    max_hops = None
    archive_passthrough = None
    start_archive = True
    start_mailbox = True

    def setUp(self):
        super().setUp()
        self.token = "%x" % time.time_ns()
        self.counter = 0
        self.sink = Sink()
        self.addCleanup(self.sink.stop)
        self.mailbox_port, self.archive_port = free_ports(2)
        self.archive = self.make_daemon("archive", self.archive_config(), self.archive_env)
        self.mailbox = self.make_daemon("mailbox", self.mailbox_config(), self.mailbox_env)
        if self.start_archive:
            self.archive.start()
        if self.start_mailbox:
            self.mailbox.start()

    # -- configuration
    def internet_route(self):
        return {"domains": ["*"], "host": "127.0.0.1", "port": self.sink.port}

    def mailbox_config(self):
        extra = {"outgoing": {"retry": dict(self.mailbox_retry)}}
        if self.max_hops is not None:
            extra["server"] = {"max_hops": self.max_hops}
        return make_config(
            domain=DOMAIN, role="mailbox", port=self.mailbox_port, hostname=MAILBOX_HOST,
            users=["alice", "bob", "postmaster"], relay_networks=["127.0.0.1/32"],
            static_routes=[{"domains": ["*"], "host": "127.0.0.1", "port": self.archive_port}],
            extra=extra)

    def archive_config(self):
        extra = {"outgoing": {"retry": dict(self.archive_retry)}}
        if self.max_hops is not None:
            extra["server"] = {"max_hops": self.max_hops}
        return make_config(
            domain=DOMAIN, role="archive", port=self.archive_port, hostname=ARCHIVE_HOST,
            users=[], relay_networks=["127.0.0.1/32"], passthrough=self.archive_passthrough,
            static_routes=[{"domains": [DOMAIN], "host": "127.0.0.1", "port": self.mailbox_port},
                           self.internet_route()],
            extra=extra)

    def make_daemon(self, name, config, env):
        """A Daemon in <tmpdir>/<name>, stopped by the cleanup, not started."""
        tmp = os.path.join(self.tmpdir, name)
        os.makedirs(tmp, exist_ok=True)
        d = Daemon(config, tmp, env=env)
        self.daemons.append(d)
        return d

    # -- mail
    def message(self, sender, to, subject=None, **kw):
        """(Message-ID bytes, message bytes) with a Message-ID unique to this test."""
        self.counter += 1
        mid = "<topo-%s-%d.%s@test.example>" % (self._testMethodName[:40], self.counter,
                                               self.token)
        msg = make_message(subject=subject or "%s %d" % (self._testMethodName, self.counter),
                           sender=sender, to=to, message_id=mid, **kw)
        return mid.encode(), msg

    def send_ok(self, sender, recipients, msg, source):
        refused = send(self.mailbox_port, sender, recipients, msg, source=source)
        self.assertEqual(refused, {}, "the Mailbox refused recipients")

    # -- state of both machines and the sink
    @staticmethod
    def layout(daemon):
        """{"alice/INBOX": 1, "alice/Sent": 1, ...}: every Maildir++ folder holding messages
        (user@domain/... for a domain other than example.com)."""
        out = {}
        root = os.path.join(daemon.data, "mailboxes")
        try:
            domains = sorted(os.listdir(root))
        except FileNotFoundError:
            return out
        for domain in domains:
            try:
                users = sorted(os.listdir(os.path.join(root, domain)))
            except (NotADirectoryError, FileNotFoundError):
                continue
            for user in users:
                box = os.path.join(root, domain, user)
                if not os.path.isdir(box):
                    continue
                folders = [""] + sorted(n[1:] for n in os.listdir(box)
                                        if n.startswith(".") and len(n) > 1
                                        and os.path.isdir(os.path.join(box, n)))
                who = user if domain == DOMAIN else "%s@%s" % (user, domain)
                for folder in folders:
                    n = len(maildir_files(daemon.data, domain, user, folder))
                    if n:
                        out["%s/%s" % (who, folder or "INBOX")] = n
        return out

    def files(self, daemon, user, folder=""):
        return maildir_files(daemon.data, DOMAIN, user, folder)

    def state(self):
        return {"mailbox": self.layout(self.mailbox), "archive": self.layout(self.archive),
                "sink": sorted(self.sink.envelopes())}

    def outboxes_empty(self):
        return ((not self.mailbox.running() or outbox(self.mailbox) == [])
                and (not self.archive.running() or outbox(self.archive) == []))

    def settle(self, mailbox, archive, sink, timeout=WAIT, outboxes_empty=True):
        """Waits until both machines' Maildirs and the sink's transactions are exactly as
        given (and both Outboxes empty), then QUIET seconds more, and asserts it all again:
        a late duplicate fails the test. `sink` is a list of (mail_from, [rcpt_to])."""
        want = {"mailbox": dict(mailbox), "archive": dict(archive),
                "sink": sorted((f, sorted(r)) for f, r in sink)}
        wait_for(lambda: self.state() == want, timeout, interval=0.1)
        time.sleep(QUIET)
        self.assertEqual(self.state(), want, "Maildirs on both machines / sink transactions")
        if outboxes_empty:
            wait_for(self.outboxes_empty, 5.0, interval=0.25)
            self.assertEqual(outbox(self.mailbox) if self.mailbox.running() else [], [],
                             "the Mailbox's Outbox")
            self.assertEqual(outbox(self.archive) if self.archive.running() else [], [],
                             "the Archive's Outbox")
        return want

    # -- assertions about stored copies
    def assertHolds(self, path, mid):
        content = read_bytes(path)
        self.assertIn(b"Message-ID: " + mid, content, "%s lacks Message-ID %s" % (path, mid))
        return content

    def assertArchiveCopy(self, path, recipient, original):
        """A copy the Archive stored from the Mailbox: Delivered-To: <recipient>, the
        Archive's Received:, the Mailbox's Received:, then exactly the original bytes.
        Returns (archive id, mailbox id)."""
        self.assertMaildirName(path)
        content = read_bytes(path)
        delivered, received, rest = split_stored(content)
        self.assertEqual(delivered.lower(), ("Delivered-To: %s\n" % recipient).lower().encode())
        self.assertIn(("by %s" % ARCHIVE_HOST).encode(), received)
        self.assertTrue(rest.startswith(b"Received:"),
                        "the Mailbox's Received: does not follow the Archive's: %r" % rest[:300])
        end = header_end(rest, 0)
        mailbox_received = rest[:end]
        self.assertIn(("by %s" % MAILBOX_HOST).encode(), mailbox_received)
        self.assertEqual(rest[end:], lf(original),
                         "the Archive's copy is not the Mailbox's message byte for byte (only "
                         "Delivered-To: and the two Received: headers may be added)")
        ids = [re.search(rb"\bid\s+([^\s;]+)", h).group(1).decode()
               for h in (received, mailbox_received)]
        return ids[0], ids[1]

    def assertNotice(self, content, action, status, recipient, reporter, original_mid):
        """A delivery status notification (RFC 3464) as the contract describes it."""
        low = content.lower()
        self.assertIn(b"multipart/report", low, "not a multipart/report: %r" % content[:600])
        self.assertRegex(low, rb'report-type\s*=\s*"?delivery-status')
        reporters = (reporter,) if isinstance(reporter, str) else tuple(reporter)
        self.assertRegex(top_headers(content),
                         (r"(?im)^From:.*\bMAILER-DAEMON@(?:%s)\b"
                          % "|".join(re.escape(r) for r in reporters)).encode(),
                         "notice not From: MAILER-DAEMON@%s" % " or ".join(reporters))
        self.assertRegex(content, (r"(?im)^Action:[ \t]*%s\b" % action).encode())
        self.assertRegex(content, (r"(?im)^Status:[ \t]*%s" % re.escape(status)).encode())
        self.assertRegex(content, (r"(?im)^Final-Recipient:[ \t]*rfc822;[ \t]*<?%s>?[ \t]*\r?$"
                                   % re.escape(recipient)).encode())
        self.assertIn(original_mid, content, "the notice does not quote the original headers")
        other = "delayed" if action == "failed" else "failed"
        self.assertNotRegex(content, (r"(?im)^Action:[ \t]*%s\b" % other).encode())

    def assertSinkCopy(self, transaction, original, mailbox_hop=True):
        """A transaction the Archive delivered to the sink: from the Archive machine, EHLO with
        its hostname, the Archive's (and the Mailbox's) Received: on top of the original, no
        Delivered-To:."""
        self.assertEqual(transaction["peer"][0], "127.0.0.1")
        self.assertEqual((transaction["helo"] or "").lower(), ARCHIVE_HOST,
                         "the Archive does not greet with its hostname")
        data = transaction["data"]
        self.assertTrue(data.endswith(original), "the sink's copy does not end with the original")
        added = data[:len(data) - len(original)]
        self.assertNotIn(b"delivered-to:", added.lower(),
                         "Delivered-To: leaked into relayed mail: %r" % added)
        hops = received_ids(added)
        self.assertEqual([h[0] for h in hops],
                         [ARCHIVE_HOST, MAILBOX_HOST] if mailbox_hop else [ARCHIVE_HOST],
                         "Received: headers added on the way: %r" % added)
        self.assertEqual(b"".join(h[2] for h in hops), added)
        return hops


# ---------------------------------------------------------------------------------------------
# Scenarios 1-5


class Scenarios(Topology):

    def test_1_internet_to_alice(self):
        mid, original = self.message("sender@remote.test", "alice@example.com")
        self.send_ok("sender@remote.test", ["alice@example.com"], original, EXTERNAL)
        self.settle(mailbox={"alice/INBOX": 1}, archive={"alice/INBOX": 1}, sink=[])
        self.assertStoredCopy(self.files(self.mailbox, "alice")[0], "alice@example.com",
                              original, MAILBOX_HOST)
        self.assertArchiveCopy(self.files(self.archive, "alice")[0], "alice@example.com",
                               original)

    def test_2_lan_alice_to_bob(self):
        mid, original = self.message("alice@example.com", "bob@example.com")
        self.send_ok("alice@example.com", ["bob@example.com"], original, LAN)
        self.settle(mailbox={"bob/INBOX": 1}, archive={"bob/INBOX": 1, "alice/Sent": 1}, sink=[])
        self.assertStoredCopy(self.files(self.mailbox, "bob")[0], "bob@example.com", original,
                              MAILBOX_HOST)
        self.assertArchiveCopy(self.files(self.archive, "bob")[0], "bob@example.com", original)
        sent = self.assertHolds(self.files(self.archive, "alice", "Sent")[0], mid)
        self.assertTrue(sent.endswith(lf(original)),
                        "alice's Sent copy does not end with the message")

    def test_3_alice_to_carol_through_archive(self):
        mid, original = self.message("alice@example.com", "carol@remote.test")
        self.send_ok("alice@example.com", ["carol@remote.test"], original, LAN)
        self.settle(mailbox={}, archive={"alice/Sent": 1},
                    sink=[("alice@example.com", ["carol@remote.test"])])
        [t] = self.sink.transactions()
        self.assertSinkCopy(t, original)
        sent = self.assertHolds(self.files(self.archive, "alice", "Sent")[0], mid)
        self.assertTrue(sent.endswith(lf(original)))

    def test_3b_alice_to_carol_through_archive_to_postfix_smtp_sink(self):
        if not os.access(SMTP_SINK, os.X_OK):
            self.fail("%s is missing: install Postfix (the test set-up's postfix package) for "
                      "the smtp-sink variant of scenario 3" % SMTP_SINK)
        # Outside self.tmpdir (mode 0700): smtp-sink drops to "nobody" before it writes.
        dump = tempfile.mkdtemp(prefix="tandem-it-smtp-sink-")
        os.chmod(dump, 0o777)
        self.addCleanup(shutil.rmtree, dump, True)
        port = free_ports(1)[0]
        cmd = [SMTP_SINK]
        if os.geteuid() == 0:
            cmd += ["-u", "nobody"]
        cmd += ["-d", os.path.join(dump, "%M."), "127.0.0.1:%d" % port, "100"]
        proc = start_process(self, cmd, os.path.join(self.tmpdir, "smtp-sink.log"))

        def listening():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return True
            except OSError:
                return proc.poll() is not None  # stop waiting if it died
        wait_for(listening, 10.0)
        self.assertIsNone(proc.poll(), "smtp-sink exited with %s" % proc.returncode)

        # Re-point the Archive's "*" route at smtp-sink.
        self.archive.stop()
        config = self.archive.read_config()
        config["outgoing"]["static_routes"][1]["port"] = port
        self.archive.config = config
        self.archive.write_config()
        self.archive.start()

        mid, original = self.message("alice@example.com", "carol@remote.test")
        self.send_ok("alice@example.com", ["carol@remote.test"], original, LAN)

        def dumps():
            out = []
            for name in sorted(os.listdir(dump)):
                path = os.path.join(dump, name)
                with open(path, "rb") as f:
                    out.append((name, f.read()))
            return out
        wait_for(lambda: any(mid in c for _, c in dumps()), WAIT, interval=0.2)
        wait_stable(lambda: [(n, len(c)) for n, c in dumps()], timeout=10.0, quiet=QUIET)
        got = dumps()
        self.assertEqual(len(got), 1, "smtp-sink dump files: %r"
                         % [(n, c[:300]) for n, c in got])
        content = got[0][1]
        self.assertIn(mid, content)
        head = content.split(b"\nReceived:", 1)[0]
        fields = [line.rstrip(b"\r").split(b":", 1) for line in head.split(b"\n") if b":" in line]
        mail_args = [v.strip() for k, v in fields if k == b"X-Mail-Args"]
        rcpt_args = [v.strip() for k, v in fields if k == b"X-Rcpt-Args"]
        client = [v.strip() for k, v in fields if k == b"X-Client-Addr"]
        self.assertEqual(client, [b"127.0.0.1"])
        # The arguments as the client sent them, with or without the FROM:/TO: keyword
        # (e.g. "<alice@example.com> BODY=8BITMIME").
        self.assertEqual(len(mail_args), 1, head)
        self.assertRegex(mail_args[0], rb"(?i)^(?:FROM:)?\s*<alice@example\.com>(?:\s|$)")
        self.assertEqual(len(rcpt_args), 1, "carol must get exactly one copy: %r" % rcpt_args)
        self.assertRegex(rcpt_args[0], rb"(?i)^(?:TO:)?\s*<carol@remote\.test>(?:\s|$)")
        self.assertIn(b"Subject: %s" % self._testMethodName.encode(), content)
        self.assertEqual(self.layout(self.mailbox), {})
        self.assertEqual(self.layout(self.archive), {"alice/Sent": 1})
        self.assertEqual(self.sink.transactions(), [], "the recording sink is not in this variant")
        wait_for(self.outboxes_empty, 5.0, interval=0.25)
        self.assertEqual(outbox(self.archive), [])
        self.assertEqual(outbox(self.mailbox), [])

    def test_4_one_local_two_remote_one_bcc(self):
        # erin is the Bcc: in the envelope, not in the headers.
        mid, original = self.message("alice@example.com", "bob@example.com, carol@remote.test")
        self.send_ok("alice@example.com",
                     ["bob@example.com", "carol@remote.test", "erin@remote.test"], original, LAN)
        self.settle(mailbox={"bob/INBOX": 1}, archive={"bob/INBOX": 1, "alice/Sent": 1},
                    sink=[("alice@example.com", ["carol@remote.test", "erin@remote.test"])])

        self.assertStoredCopy(self.files(self.mailbox, "bob")[0], "bob@example.com", original,
                              MAILBOX_HOST)
        bob = self.files(self.archive, "bob")[0]
        archive_id, mailbox_id = self.assertArchiveCopy(bob, "bob@example.com", original)
        [t] = self.sink.transactions()
        hops = self.assertSinkCopy(t, original)
        # One Mailbox -> Archive transaction carried all three recipients: the Archive stored
        # bob's copy and relayed carol's and erin's from the same accepted message (same
        # Archive queue id), which came from the same Mailbox message (same Mailbox id), and
        # the Archive's Received: names no single recipient ("for <...>").
        self.assertEqual(hops[0][1], archive_id,
                         "bob's Archive copy and the sink's copy come from different "
                         "Mailbox -> Archive transactions")
        self.assertEqual(hops[1][1], mailbox_id)
        archive_received = split_stored(read_bytes(bob))[1]
        self.assertNotIn(b"for <", archive_received,
                         "the Archive's Received: names one recipient, so the Mailbox -> "
                         "Archive transaction did not carry all three")
        # The Bcc recipient shows nowhere in bob's copies.
        for path in (self.files(self.mailbox, "bob")[0], bob):
            self.assertNotIn(b"erin", read_bytes(path).lower(), "Bcc leaked into %s" % path)
        sent = self.assertHolds(self.files(self.archive, "alice", "Sent")[0], mid)
        self.assertTrue(sent.endswith(lf(original)))

    def test_5_refused_remote_recipient_bounces_to_alice_through_mailbox(self):
        self.sink.refuse["dave@remote.test"] = (550, "5.1.1 no such user")
        mid, original = self.message("alice@example.com", "dave@remote.test")
        self.send_ok("alice@example.com", ["dave@remote.test"], original, LAN)
        self.settle(mailbox={"alice/INBOX": 1},
                    archive={"alice/INBOX": 1, "alice/Sent": 1}, sink=[])
        tried = [r for r in self.sink.rcpt_log() if r["rcpt"].lower() == "dave@remote.test"]
        self.assertEqual([(r["mail_from"], r["code"]) for r in tried],
                         [("alice@example.com", 550)],
                         "the Archive must try dave once and give up on the 550")

        on_mailbox = read_bytes(self.files(self.mailbox, "alice")[0])
        on_archive = read_bytes(self.files(self.archive, "alice")[0])
        for content in (on_mailbox, on_archive):
            # A notice's envelope sender is the null one.
            self.assertTrue(content.lower().startswith(b"return-path: <>\n"
                                                       b"delivered-to: alice@example.com\n"),
                            content[:200])
            self.assertNotice(content, "failed", "5.1.1", "dave@remote.test", ARCHIVE_HOST, mid)
            self.assertRegex(content, rb"(?im)^Diagnostic-Code:[ \t]*smtp;.*550")
        notice_id = message_id(on_mailbox)
        self.assertIsNotNone(notice_id, "the notice has no Message-ID")
        self.assertEqual(message_id(on_archive), notice_id,
                         "the Archive filed another notice than the one the Mailbox got")
        # Generated inside the Archive without Received:, it leaves with the Archive's trace
        # ("Received: by archive (Tandem)"), then Archive -> Mailbox and Mailbox -> Archive.
        self.assertEqual([h[0] for h in received_ids(on_mailbox)], [MAILBOX_HOST, ARCHIVE_HOST])
        self.assertEqual([h[0] for h in received_ids(on_archive)],
                         [ARCHIVE_HOST, MAILBOX_HOST, ARCHIVE_HOST])
        sent = self.assertHolds(self.files(self.archive, "alice", "Sent")[0], mid)
        self.assertTrue(sent.endswith(lf(original)))


# ---------------------------------------------------------------------------------------------
# Scenario 6: temporary failures at the sink


class TemporaryFailure(Topology):

    def wait_deferred_at_archive(self, rcpt):
        def deferred():
            entries = outbox(self.archive)
            for e in entries:
                if (rcpt in e.get("recipients", []) and e.get("state") == "deferred"
                        and e.get("attempts", 0) >= 2 and "451" in str(e.get("last_reply"))):
                    return e
            return None
        entry = wait_for(deferred, WAIT, interval=0.2)
        self.assertTrue(entry, "no deferred Archive Outbox entry with attempts >= 2 and a 451 "
                        "last_reply; Outbox: %r" % outbox(self.archive))
        self.assertIsInstance(entry.get("history"), list, entry)
        self.assertGreaterEqual(len(entry["history"]), 2, entry)
        for h in entry["history"]:
            self.assertIn("time", h)
            self.assertIn("reply", h)
        self.assertIn("451", str(entry["history"][-1]["reply"]))
        self.assertEqual(entry["sender"], "alice@example.com")
        return entry

    def test_6_retried_per_schedule_and_delivered_once(self):
        self.sink.set_tempfail(True)
        mid, original = self.message("alice@example.com", "carol@remote.test")
        self.send_ok("alice@example.com", ["carol@remote.test"], original, LAN)
        first = self.wait_deferred_at_archive("carol@remote.test")
        # Retried every second (schedule [1] minute at 60x): more attempts keep coming.
        more = wait_for(lambda: [e for e in outbox(self.archive)
                                 if e["id"] == first["id"] and e["attempts"] > first["attempts"]],
                        10.0, interval=0.2)
        self.assertTrue(more, "no further attempt within 10 s of a 1 s retry schedule")
        self.assertEqual(self.sink.transactions(), [])
        self.sink.set_tempfail(False)
        self.settle(mailbox={}, archive={"alice/Sent": 1},
                    sink=[("alice@example.com", ["carol@remote.test"])])
        [t] = self.sink.transactions()
        self.assertSinkCopy(t, original)
        tries = [r["code"] for r in self.sink.rcpt_log()]
        self.assertGreaterEqual(tries.count(451), 2)
        self.assertEqual(tries.count(250), 1)


class DelayNotice(Topology):
    # At 3600x: schedule [60] minutes = a retry every second, warn after 1 h = 1 s, give up
    # after 100 h = 100 s (well after the test).
    archive_env = {"TANDEM_TIME_SCALE": "3600"}
    archive_retry = {"schedule_minutes": [60], "warn_after_hours": 1, "give_up_after_hours": 100}

    def test_6b_delay_notice_when_outage_outlasts_warn_time(self):
        self.sink.set_tempfail(True)
        mid, original = self.message("alice@example.com", "carol@remote.test")
        self.send_ok("alice@example.com", ["carol@remote.test"], original, LAN)
        notices = wait_for(lambda: self.files(self.mailbox, "alice"), WAIT, interval=0.2)
        self.assertTrue(notices, "no delay notice in alice's INBOX on the Mailbox; Archive "
                        "Outbox: %r" % outbox(self.archive))
        entry = [e for e in outbox(self.archive) if "carol@remote.test" in e["recipients"]]
        self.assertEqual(len(entry), 1, outbox(self.archive))
        self.assertIn(entry[0]["state"], ("deferred", "delivering", "queued"))
        # A few more retries past the warn time: still one delay notice only.
        time.sleep(3.0)
        self.assertEqual(self.sink.transactions(), [])
        self.sink.set_tempfail(False)
        self.settle(mailbox={"alice/INBOX": 1},
                    archive={"alice/INBOX": 1, "alice/Sent": 1},
                    sink=[("alice@example.com", ["carol@remote.test"])])
        [t] = self.sink.transactions()
        self.assertSinkCopy(t, original)
        on_mailbox = read_bytes(self.files(self.mailbox, "alice")[0])
        on_archive = read_bytes(self.files(self.archive, "alice")[0])
        for content in (on_mailbox, on_archive):
            self.assertNotice(content, "delayed", "4.", "carol@remote.test", ARCHIVE_HOST, mid)
        self.assertEqual(message_id(on_mailbox), message_id(on_archive))


# ---------------------------------------------------------------------------------------------
# Scenario 7: a routing loop


class RoutingLoop(Topology):
    # The mistake: the Archive too copies mail for the local domain to its Outbox, whose
    # route for example.com leads back to the Mailbox.
    archive_passthrough = {"copy_local_domains_to_outbox": True}
    max_hops = 8

    def test_7_loop_stopped_by_hop_limit(self):
        mid, original = self.message("sender@remote.test", "alice@example.com")
        self.send_ok("sender@remote.test", ["alice@example.com"], original, EXTERNAL)

        wait_for(lambda: self.sink.transactions(), 30.0, interval=0.2)

        def everything():
            return (self.state(), len(outbox(self.mailbox)), len(outbox(self.archive)))
        wait_stable(everything, timeout=30.0, quiet=3.0, interval=0.3)
        state = self.state()
        self.assertEqual(state["sink"], [("", ["sender@remote.test"])],
                         "exactly one notice to the sender, and nothing else, at the sink")
        [t] = self.sink.transactions()
        self.assertEqual(t["helo"].lower(), ARCHIVE_HOST)
        notice = t["data"]
        self.assertNotice(notice, "failed", "5.4.6", "alice@example.com",
                          (MAILBOX_HOST, ARCHIVE_HOST), mid)

        # Only alice's INBOX on each machine got copies, a bounded number, all of the
        # looping message.
        self.assertEqual(set(state["mailbox"]), {"alice/INBOX"}, state)
        self.assertEqual(set(state["archive"]), {"alice/INBOX"}, state)
        total = state["mailbox"]["alice/INBOX"] + state["archive"]["alice/INBOX"]
        self.assertLessEqual(total, self.max_hops + 2,
                             "more copies than the hop limit allows: %r" % state)
        for d in (self.mailbox, self.archive):
            for path in self.files(d, "alice"):
                content = self.assertHolds(path, mid)
                self.assertLessEqual(len(received_ids(content)), self.max_hops + 1)

        # Both Outboxes drain (or keep only held null-sender entries) ...
        def drained():
            for d in (self.mailbox, self.archive):
                for e in outbox(d):
                    if not (e.get("sender") == "" and e.get("state") == "held"):
                        return False
            return True
        self.assertTrue(wait_for(drained, 10.0, interval=0.25),
                        "Outboxes: mailbox %r archive %r"
                        % (outbox(self.mailbox), outbox(self.archive)))
        # ... and nothing circulates any more.
        before = self.state()
        connections = self.sink.connections()
        time.sleep(3.0)
        self.assertEqual(self.state(), before, "mail still circulates")
        self.assertTrue(drained())
        self.assertEqual(self.sink.connections(), connections)


# ---------------------------------------------------------------------------------------------
# Scenario 8: the Archive is down while mail arrives


class ArchiveDown(Topology):
    start_archive = False
    COUNT = 100

    def test_8_hundred_messages_wait_then_arrive_once(self):
        mids = []
        s = smtplib.SMTP(host="127.0.0.1", port=self.mailbox_port,
                         source_address=(EXTERNAL, 0), timeout=30)
        try:
            for i in range(self.COUNT):
                mid, msg = self.message("sender@remote.test", "alice@example.com",
                                        body_lines=["message %03d" % i])
                self.assertEqual(s.sendmail("sender@remote.test", ["alice@example.com"], msg),
                                 {})
                mids.append(mid)
        finally:
            quit_quietly(s)

        def all_deferred():
            entries = outbox(self.mailbox)
            return (len(entries) == self.COUNT
                    and all(e["state"] == "deferred" and e["attempts"] >= 1 for e in entries))
        # Judged on one snapshot in which all were deferred (a retry may be under way in
        # another one).
        ok = wait_for(all_deferred, WAIT, interval=0.3)
        entries = outbox(self.mailbox)
        self.assertTrue(ok, "the Archive is down: the Mailbox's Outbox should hold %d deferred "
                        "entries; it holds %d, states %r" % (
                            self.COUNT, len(entries),
                            sorted({(e["state"], e["attempts"] >= 1) for e in entries})))
        self.assertEqual(len(entries), self.COUNT)
        for e in entries:
            self.assertEqual(e["recipients"], ["alice@example.com"])
            self.assertGreaterEqual(e["attempts"], 1)
        self.assertEqual(len(self.files(self.mailbox, "alice")), self.COUNT)

        self.archive.start()
        wait_for(lambda: len(self.files(self.archive, "alice")) >= self.COUNT, 30.0,
                 interval=0.3)
        time.sleep(QUIET)
        self.assertEqual(self.state(), {"mailbox": {"alice/INBOX": self.COUNT},
                                        "archive": {"alice/INBOX": self.COUNT}, "sink": []})
        got = [message_id(read_bytes(p)) for p in self.files(self.archive, "alice")]
        self.assertEqual(sorted(got), sorted(mids), "each Message-ID exactly once")
        wait_for(lambda: outbox(self.mailbox) == [], 10.0, interval=0.25)
        self.assertEqual(outbox(self.mailbox), [])
        self.assertEqual(outbox(self.archive), [])


# ---------------------------------------------------------------------------------------------
# Issue 3 part 7: queue commands on a running daemon


class QueueCommands(Topology):
    """On the Mailbox while the Archive is down (started by the test when it needs it)."""

    start_archive = False

    def queue(self, *args):
        cp = self.mailbox.run_cli("queue", *args)
        self.assertEqual(cp.returncode, 0, "queue %s exited %d:\n%s%s"
                         % (" ".join(args), cp.returncode, cp.stdout, cp.stderr))
        return cp

    def entry(self, entry_id):
        for e in outbox(self.mailbox):
            if e["id"] == entry_id:
                return e
        return None

    def queued_entry(self, sender="sender@remote.test", to="alice@example.com", source=EXTERNAL,
                     attempted=True):
        """Sends one message to the Mailbox and returns (Message-ID, its Outbox entry) once
        the first attempt (the Archive is down) failed."""
        mid, msg = self.message(sender, to)
        self.send_ok(sender, [to], msg, source)

        def found():
            for e in outbox(self.mailbox):
                if e["recipients"] == [to] and e["sender"] == sender and (
                        not attempted or (e["attempts"] >= 1 and e["state"] == "deferred")):
                    return e
            return None
        e = wait_for(found, WAIT, interval=0.2)
        self.assertTrue(e, "no %s entry for %s; Outbox: %r"
                        % ("deferred" if attempted else "", to, outbox(self.mailbox)))
        return mid, e

    def wait_state(self, entry_id, states, what):
        got = wait_for(lambda: (self.entry(entry_id) or {}).get("state") in states,
                       COMMAND_TIME, interval=0.1)
        self.assertTrue(got, "%s: entry %s is %r, not %s within %.0f s"
                        % (what, entry_id, self.entry(entry_id), "/".join(states), COMMAND_TIME))


class QueueHoldRelease(QueueCommands):

    def test_hold_and_release(self):
        mid, e = self.queued_entry()
        self.queue("hold", e["id"])
        self.wait_state(e["id"], ("held",), "queue hold")
        self.queue("release", e["id"])
        self.wait_state(e["id"], ("queued", "deferred", "delivering"), "queue release")
        self.queue("hold", e["id"])
        self.wait_state(e["id"], ("held",), "queue hold (again)")

        # A held entry is not delivered, although the Archive is back and retries come every
        # second.
        self.archive.start()
        time.sleep(3.0)
        self.assertEqual((self.entry(e["id"]) or {}).get("state"), "held", outbox(self.mailbox))
        self.assertEqual(self.layout(self.archive), {})

        self.queue("release", e["id"])
        self.settle(mailbox={"alice/INBOX": 1}, archive={"alice/INBOX": 1}, sink=[])
        self.assertHolds(self.files(self.archive, "alice")[0], mid)

    def test_unknown_id_is_an_error(self):
        mid, e = self.queued_entry()
        before = outbox(self.mailbox)
        for command in ("retry", "hold", "release", "delete", "bounce"):
            cp = self.mailbox.run_cli("queue", command, "no-such-entry-0000")
            self.assertNotEqual(cp.returncode, 0,
                                "queue %s of an unknown id must fail" % command)
            self.assertTrue((cp.stdout + cp.stderr).strip(), "no message for an unknown id")
        time.sleep(1.0)
        after = outbox(self.mailbox)
        self.assertEqual([(x["id"], x["state"]) for x in after],
                         [(x["id"], x["state"]) for x in before])


class QueueRetry(QueueCommands):
    # Default schedule and no time scale: the next attempt is a minute away, so only the
    # retry command can explain a delivery within the test.
    mailbox_env = None
    mailbox_retry = DEFAULT_RETRY

    def test_retry_delivers_at_once(self):
        mid, e = self.queued_entry()
        self.archive.start()
        time.sleep(2.0)
        self.assertIsNotNone(self.entry(e["id"]), "delivered without waiting for the schedule")
        self.assertEqual(self.layout(self.archive), {})
        self.queue("retry", e["id"])
        files = wait_for(lambda: self.files(self.archive, "alice"), 5.0, interval=0.1)
        self.assertTrue(files, "queue retry did not deliver at once; Outbox: %r"
                        % outbox(self.mailbox))
        self.settle(mailbox={"alice/INBOX": 1}, archive={"alice/INBOX": 1}, sink=[])
        self.assertHolds(files[0], mid)

    def test_all_variants(self):
        mid1, e1 = self.queued_entry()
        mid2, e2 = self.queued_entry(to="bob@example.com")
        ids = {e1["id"], e2["id"]}
        self.queue("hold", "--all")
        got = wait_for(lambda: {e["id"]: e["state"] for e in outbox(self.mailbox)}
                       == {i: "held" for i in ids}, COMMAND_TIME, interval=0.1)
        self.assertTrue(got, "queue hold --all: %r" % outbox(self.mailbox))
        self.queue("release", "--all")
        got = wait_for(lambda: all(e["state"] in ("queued", "deferred", "delivering")
                                   for e in outbox(self.mailbox))
                       and {e["id"] for e in outbox(self.mailbox)} == ids,
                       COMMAND_TIME, interval=0.1)
        self.assertTrue(got, "queue release --all: %r" % outbox(self.mailbox))
        self.archive.start()
        time.sleep(1.5)
        self.assertEqual(self.layout(self.archive), {})
        self.queue("retry", "--all")
        wait_for(lambda: len(self.layout(self.archive)) == 2, 5.0, interval=0.1)
        self.assertEqual(self.layout(self.archive), {"alice/INBOX": 1, "bob/INBOX": 1},
                         "queue retry --all did not deliver both at once")
        self.settle(mailbox={"alice/INBOX": 1, "bob/INBOX": 1},
                    archive={"alice/INBOX": 1, "bob/INBOX": 1}, sink=[])


class QueueDeleteBounce(QueueCommands):

    def test_delete(self):
        mid, e = self.queued_entry()
        self.queue("delete", e["id"])
        gone = wait_for(lambda: outbox(self.mailbox) == [], COMMAND_TIME, interval=0.1)
        self.assertTrue(gone, "queue delete: %r" % outbox(self.mailbox))
        self.archive.start()
        time.sleep(3.0)  # retries every second: a surviving entry would arrive now
        self.assertEqual(self.state(), {"mailbox": {"alice/INBOX": 1}, "archive": {},
                                        "sink": []})
        self.assertEqual(outbox(self.mailbox), [])

    def test_delete_all(self):
        self.queued_entry()
        self.queued_entry(to="bob@example.com")
        self.queue("delete", "--all")
        gone = wait_for(lambda: outbox(self.mailbox) == [], COMMAND_TIME, interval=0.1)
        self.assertTrue(gone, "queue delete --all: %r" % outbox(self.mailbox))

    def test_bounce_returns_to_sender(self):
        mid, e = self.queued_entry(sender="alice@example.com", to="carol@remote.test",
                                   source=LAN)
        self.assertEqual(self.layout(self.mailbox), {})
        self.queue("bounce", e["id"])
        gone = wait_for(lambda: self.entry(e["id"]) is None, COMMAND_TIME, interval=0.1)
        self.assertTrue(gone, "queue bounce left the entry: %r" % outbox(self.mailbox))
        notices = wait_for(lambda: self.files(self.mailbox, "alice"), 5.0, interval=0.1)
        self.assertTrue(notices, "no failure notice in alice's INBOX on the Mailbox")
        notice = read_bytes(notices[0])
        self.assertNotice(notice, "failed", "5.", "carol@remote.test", MAILBOX_HOST, mid)
        # What is left in the Outbox is the notice's copy for the Archive (null sender).
        for x in outbox(self.mailbox):
            self.assertEqual((x["sender"], x["recipients"]), ("", ["alice@example.com"]), x)
        # With the Archive back: the notice is filed there once, carol never gets the message.
        self.archive.start()
        self.settle(mailbox={"alice/INBOX": 1}, archive={"alice/INBOX": 1}, sink=[])
        self.assertEqual(message_id(read_bytes(self.files(self.archive, "alice")[0])),
                         message_id(notice))
        self.assertEqual(self.sink.rcpt_log(), [])


if __name__ == "__main__":
    unittest.main()
