"""The archive store (issue 13, docs/archive.md): settings that act, the single-instance store,
legal hold, the ledger and its verify, and a maintenance run that survives kill -9.

Time is injected: the daemon and the commands read TANDEM_CLOCK_FILE, a file holding an
offset in seconds, so a test files mail "400 days ago" and then runs the archive "today".
"""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import mailbox  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import smtplib  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, mailbox_dir, maildir_files, outbox, quit_quietly,
    read_bytes, send, wait_for)

DOMAIN = "example.com"
DAY = 86400
MAILBOX_HOP = ("from mailbox.example.com (mailbox.example.com [127.0.0.1]) by "
               "mailbox.example.com with ESMTP id 0123456789ab for <%s>; "
               "Mon, 01 Jan 2024 12:00:01 +0000")


def archive_config(template=None, **kwargs):
    """An Archive (it creates mailboxes) whose maintenance runs only when asked."""
    config = make_config(domain=DOMAIN, role="archive", users=[], **kwargs)
    config["mailboxes"]["template"] = dict(
        {"archive_after": "30d", "archive_to": "store", "expire_after": "0",
         "on_expiry": "delete", "max_size_mb": 0}, **(template or {}))
    config["mailboxes"]["archive"] = {"run_every_minutes": 0, "verify_every_hours": 0,
                                      "digest_every_hours": 0}
    return config


class ArchiveStoreCase(TandemTestCase):

    def setUp(self):
        super().setUp()
        self.clock = os.path.join(self.tmpdir, "clock")
        self.set_clock(0)
        self.env = {"TANDEM_CLOCK_FILE": self.clock}

    def set_clock(self, offset_seconds):
        with open(self.clock + ".tmp", "w") as f:
            f.write("%d\n" % offset_seconds)
        os.replace(self.clock + ".tmp", self.clock)
        # The clock reads the file again at most every 200 ms, and when its mtime changed.
        time.sleep(0.25)

    def start(self, config):
        self.daemon = self.start_daemon(config, env=self.env)
        self.data = self.daemon.data
        return self.daemon

    def indexed_subjects(self, query):
        """The subjects of the messages the index has for an FTS5 query, sorted: a column
        filter asks the header table (message_text), anything else both it and the bodies'
        (message_body, no positions: no phrases)."""
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            if ":" in query:
                ids = "SELECT rowid FROM message_text WHERE message_text MATCH ?1"
            else:
                ids = ("SELECT rowid FROM message_text WHERE message_text MATCH ?1 UNION "
                       "SELECT rowid FROM message_body WHERE message_body MATCH ?1")
            return [row[0] for row in db.execute(
                "SELECT subject FROM messages WHERE id IN (%s) ORDER BY subject" % ids,
                (query,))]

    def cli(self, *args, ok=True):
        cp = self.daemon.run_cli("archive", *args, timeout=600)
        if ok:
            self.assertEqual(cp.returncode, 0, "tandemd archive %s: %s%s"
                             % (" ".join(args), cp.stdout, cp.stderr))
        return cp

    def status(self):
        return json.loads(self.cli("status", "--json").stdout)

    def figures(self, name):
        for m in self.status()["mailboxes"]:
            if m["mailbox"] == name:
                return m
        self.fail("no figures for %s in the archive's status" % name)

    def file_many(self, messages, per_connection=200):
        """Sends [(subject, [recipients])] from a remote sender over few connections; returns
        once every copy is in a Maildir and every spool entry is done."""
        expected = 0
        s = None
        for i, (subject, recipients) in enumerate(messages):
            if i % per_connection == 0:
                if s is not None:
                    quit_quietly(s)
                s = smtplib.SMTP(host="127.0.0.1", port=self.daemon.port, timeout=60)
            body = make_message(subject=subject, to=recipients[0],
                                received=[MAILBOX_HOP % recipients[0]],
                                message_id="<%s.%d@test.example>" % (subject.replace(" ", "."), i))
            self.assertEqual(s.sendmail("sender@remote.test", recipients, body), {})
            expected += len(recipients)
        if s is not None:
            quit_quietly(s)
        self.filed = getattr(self, "filed", 0) + expected
        wait_for(lambda: self.placements() >= self.filed, timeout=300, interval=0.5)
        return expected

    def placements(self):
        return self.status()["placements"]

    def live_subjects(self, user):
        """What a plain Maildir reader (Python's mailbox module) sees in the user's INBOX."""
        box = mailbox.Maildir(mailbox_dir(self.data, DOMAIN, user), factory=None, create=False)
        return sorted(m["Subject"] for m in box)


class LedgerDigest(ArchiveStoreCase):
    """The chain heads reach the postmaster once a period: not at a first start (a regression:
    every new daemon mailed them at once), and after digest_every_hours on the clock."""

    def digests(self):
        """The heads sent: an Archive hands its own notices to its Mailbox (Outbox entries
        LEDGER...), so they are counted where they wait, as well as in a postmaster Maildir."""
        queued = [e for e in outbox(self.daemon) if e["id"].startswith("LEDGER")]
        return queued + maildir_files(self.data, DOMAIN, "postmaster")

    def test_heads_after_one_period_not_at_start(self):
        config = archive_config()
        config["mailboxes"]["archive"]["digest_every_hours"] = 24
        self.env["TANDEM_TIME_SCALE"] = 600  # the schedule is looked at every 0.1 s
        self.start(config)
        self.file_many([("hello", ["alice@" + DOMAIN])])
        time.sleep(1.5)
        self.assertEqual(self.digests(), [], "no heads at the first start")
        self.set_clock(25 * 3600)
        wait_for(self.digests, timeout=20)
        time.sleep(1.0)
        self.assertEqual(len(self.digests()), 1, "one digest per period")
        self.assertIn("Archive ledger heads", self.daemon.log())
        # A restart within the period sends nothing more.
        self.daemon.restart()
        time.sleep(1.5)
        self.assertEqual(len(self.digests()), 1)


class SingleInstance(ArchiveStoreCase):

    def test_twenty_recipients_one_blob(self):
        self.start(archive_config())
        users = ["u%02d" % i for i in range(1, 21)]
        body = make_message(subject="to twenty", to="u01@example.com",
                            received=[MAILBOX_HOP % "u01@example.com"])
        self.assertEqual(send(self.daemon.port, "sender@remote.test",
                              ["%s@%s" % (u, DOMAIN) for u in users], body), {})
        wait_for(lambda: self.placements() >= 20, timeout=30, interval=0.3)
        st = self.status()
        self.assertEqual(st["placements"], 20)
        self.assertEqual(st["blobs"], 1, "one message to 20 local recipients is stored once")
        blobs = [n for _, _, names in os.walk(os.path.join(self.data, "archive", "blobs"))
                 for n in names if n.endswith(".zst")]
        self.assertEqual(len(blobs), 1, blobs)
        self.assertLess(st["blob_bytes"], len(body), "the blob is compressed")
        for u in users:
            self.assertEqual(self.live_subjects(u), ["to twenty"])


class Boundaries(ArchiveStoreCase):
    """10,000 messages over several mailboxes filed at ages on each side of every boundary."""

    AGES = [400, 366, 364, 200, 31, 29, 1]  # days before "today"
    USERS = ["alice", "bob", "carol", "dave"]

    def test_ages_across_every_boundary(self):
        self.start(archive_config({"archive_after": "30d", "expire_after": "365d",
                                   "on_expiry": "export"}))
        total = 0
        per_age = 10000 // (len(self.AGES) * len(self.USERS))  # messages per age and user
        for age in self.AGES:
            self.set_clock(-age * DAY)
            messages = [("age %d n %d" % (age, n), ["%s@%s" % (u, DOMAIN)])
                        for n in range(per_age) for u in self.USERS]
            total += self.file_many(messages)
        self.assertGreaterEqual(total, 9996)
        self.set_clock(0)
        run = self.cli("run")
        self.assertIn("archived", run.stdout)
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))
        for u in self.USERS:
            live = self.live_subjects(u)
            self.assertEqual(len(live), 2 * per_age, "%s keeps the last 30 days live" % u)
            self.assertTrue(all(s.startswith(("age 29 ", "age 1 ")) for s in live), live[:5])
            f = self.figures("%s@%s" % (u, DOMAIN))
            self.assertEqual(f["live_messages"], 2 * per_age)
            self.assertEqual(f["archived_messages"], 3 * per_age, "364, 200 and 31 days")
            self.assertEqual(f["expired_messages"], 2 * per_age, "400 and 366 days")
            exported = os.path.join(self.data, "archive", "exports", "%s@%s.mbox" % (u, DOMAIN))
            box = mailbox.mbox(exported, create=False)
            subjects = sorted(m["Subject"] for m in box)
            box.close()
            self.assertEqual(len(subjects), 2 * per_age)
            self.assertTrue(all(s.startswith(("age 400 ", "age 366 ")) for s in subjects))
        # Nothing more to do on a second run: the first finished everything.
        again = self.cli("run").stdout
        self.assertIn(" 0 archived", again)
        self.assertIn(" 0 expired", again)


class Modes(ArchiveStoreCase):

    def write_own(self, user, settings):
        path = os.path.join(mailbox_dir(self.data, DOMAIN, user), "tandem-mailbox.json")
        with open(path) as f:
            own = json.load(f)
        own.update(settings)
        with open(path, "w") as f:
            json.dump(own, f)

    def test_each_mode_and_destination(self):
        self.start(archive_config({"archive_after": "30d", "archive_to": "store"}))
        users = ["none", "default", "tofolder", "delete"]
        self.set_clock(-40 * DAY)
        self.file_many([("old", ["%s@%s" % (u, DOMAIN) for u in users])])
        self.set_clock(0)
        self.file_many([("new", ["%s@%s" % (u, DOMAIN) for u in users])])
        self.write_own("none", {"archive_mode": "none"})
        self.write_own("tofolder", {"archive_mode": "custom",
                                    "archive": {"archive_after": "2w", "archive_to": "folder"}})
        self.write_own("delete", {"archive_mode": "custom",
                                  "archive": {"archive_after": "30d", "archive_to": "delete"}})
        self.cli("run")
        self.assertEqual(self.live_subjects("none"), ["new", "old"])
        self.assertEqual(self.live_subjects("default"), ["new"])
        self.assertEqual(self.figures("default@" + DOMAIN)["archived_messages"], 1)
        self.assertEqual(self.live_subjects("tofolder"), ["new"])
        folder = maildir_files(self.data, DOMAIN, "tofolder", "Archive")
        self.assertEqual(len(folder), 1, "the live-archive variant keeps it visible")
        self.assertIn(b"Subject: old", read_bytes(folder[0]))
        self.assertEqual(self.live_subjects("delete"), ["new"])
        self.assertEqual(self.figures("delete@" + DOMAIN)["archived_messages"], 0)
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))


class LegalHold(ArchiveStoreCase):

    def test_hold_blocks_every_deletion_path(self):
        self.start(archive_config({"archive_after": "1d", "expire_after": "30d"}))
        self.set_clock(-60 * DAY)
        self.file_many([("old", ["alice@" + DOMAIN, "bob@" + DOMAIN])])
        self.set_clock(0)
        refused = self.cli("hold", "alice@" + DOMAIN, ok=False)
        self.assertEqual(refused.returncode, 2, "a hold needs a reason")
        self.cli("hold", "alice@" + DOMAIN, "--reason", "case 2026-17, counsel's letter")
        hold = self.figures("alice@" + DOMAIN)["hold"]
        self.assertEqual(hold["reason"], "case 2026-17, counsel's letter")
        self.assertIn("command line", hold["who"])

        # Expiry: alice's copy stays (archived, not expired), bob's goes.
        self.cli("run")
        self.assertEqual(self.figures("alice@" + DOMAIN)["expired_messages"], 0)
        self.assertEqual(self.figures("alice@" + DOMAIN)["archived_messages"], 1)
        self.assertEqual(self.figures("bob@" + DOMAIN)["expired_messages"], 1)

        # The queue: mail from alice waiting for the Internet cannot be deleted or bounced.
        body = make_message(subject="out", sender="alice@" + DOMAIN, to="x@remote.test")
        self.assertEqual(send(self.daemon.port, "alice@" + DOMAIN, ["x@remote.test"], body), {})
        entries = self.wait_outbox(self.daemon)
        ids = [e["id"] for e in entries]
        for op in ("delete", "bounce"):
            cp = self.daemon.run_cli("queue", op, *ids)
            self.assertEqual(cp.returncode, 1, cp.stdout + cp.stderr)
            self.assertIn("legal hold", cp.stderr)
        self.assertEqual(len(outbox(self.daemon)), len(ids))

        # Archive-wide: bob's new mail is kept too.
        self.set_clock(-60 * DAY)
        self.file_many([("bob again", ["bob@" + DOMAIN])])
        self.set_clock(0)
        self.cli("hold", "--all", "--reason", "audit")
        self.cli("run")
        self.assertEqual(self.figures("bob@" + DOMAIN)["expired_messages"], 1)
        self.cli("release", "--all", "--reason", "audit closed")
        self.cli("release", "alice@" + DOMAIN, "--reason", "case closed")
        self.cli("run")
        self.assertEqual(self.figures("alice@" + DOMAIN)["expired_messages"], 1)
        self.assertEqual(self.figures("bob@" + DOMAIN)["expired_messages"], 2)
        cp = self.daemon.run_cli("queue", "delete", *ids)
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        # Every hold set and cleared is in alice's chain, and the chain is whole.
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))


class Tampering(ArchiveStoreCase):
    """Each kind of change to the store is found by verify, with a non-zero exit."""

    def setUp(self):
        super().setUp()
        self.start(archive_config({"archive_after": "1d"}))
        self.set_clock(-10 * DAY)
        self.file_many([("m%d" % i, ["alice@" + DOMAIN, "bob@" + DOMAIN]) for i in range(6)])
        self.set_clock(0)
        self.cli("run")
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))
        self.daemon.stop()
        self.pristine = os.path.join(self.tmpdir, "pristine")
        shutil.copytree(os.path.join(self.data, "archive"), self.pristine)

    def restore(self):
        shutil.rmtree(os.path.join(self.data, "archive"))
        shutil.copytree(self.pristine, os.path.join(self.data, "archive"))

    def blobs(self):
        root = os.path.join(self.data, "archive", "blobs")
        return sorted(os.path.join(d, n) for d, _, names in os.walk(root) for n in names
                      if n.endswith(".zst"))

    def catalog(self):
        return sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite"))

    def assertDetected(self, what):
        cp = self.cli("verify", ok=False)
        self.assertEqual(cp.returncode, 1, "verify missed it: %s%s" % (cp.stdout, cp.stderr))
        self.assertIn(what, cp.stdout)
        self.restore()
        self.assertEqual(self.cli("verify", ok=False).returncode, 0)

    def test_blob_flipped_byte(self):
        path = self.blobs()[0]
        data = bytearray(read_bytes(path))
        data[len(data) // 2] ^= 0x01
        with open(path, "wb") as f:
            f.write(data)
        self.assertDetected("blob modified")

    def test_blob_deleted(self):
        os.unlink(self.blobs()[0])
        self.assertDetected("blob missing")

    def test_blob_added(self):
        first = self.blobs()[0]
        shutil.copy(first, os.path.join(os.path.dirname(first), "0" * 64 + ".zst"))
        self.assertDetected("blob added")

    def ledger(self, db, mailbox):
        return db.execute("SELECT seq FROM ledger WHERE mailbox = ? ORDER BY seq",
                          (mailbox,)).fetchall()

    def test_ledger_entry_deleted_in_the_middle(self):
        with self.catalog() as db:
            seqs = self.ledger(db, "alice@" + DOMAIN)
            db.execute("DELETE FROM ledger WHERE mailbox = ? AND seq = ?",
                       ("alice@" + DOMAIN, seqs[len(seqs) // 2][0]))
        self.assertDetected("entry")

    def test_ledger_last_entry_deleted(self):
        with self.catalog() as db:
            seqs = self.ledger(db, "alice@" + DOMAIN)
            db.execute("DELETE FROM ledger WHERE mailbox = ? AND seq = ?",
                       ("alice@" + DOMAIN, seqs[-1][0]))
        self.assertDetected("alice@" + DOMAIN)

    def test_ledger_entry_added(self):
        with self.catalog() as db:
            cols = [r[1] for r in db.execute("PRAGMA table_info(ledger)")]
            row = list(db.execute("SELECT * FROM ledger WHERE mailbox = ? ORDER BY seq DESC "
                                  "LIMIT 1", ("alice@" + DOMAIN,)).fetchone())
            row[cols.index("seq")] += 1
            row[cols.index("event")] = "archived"
            db.execute("INSERT INTO ledger (%s) VALUES (%s)"
                       % (", ".join(cols), ", ".join("?" * len(cols))), row)
        self.assertDetected("alice@" + DOMAIN)

    def test_ledger_entries_reordered(self):
        with self.catalog() as db:
            seqs = self.ledger(db, "alice@" + DOMAIN)
            a, b = seqs[1][0], seqs[2][0]
            db.execute("UPDATE ledger SET seq = -1 WHERE mailbox = ? AND seq = ?",
                       ("alice@" + DOMAIN, a))
            db.execute("UPDATE ledger SET seq = ? WHERE mailbox = ? AND seq = ?",
                       (a, "alice@" + DOMAIN, b))
            db.execute("UPDATE ledger SET seq = ? WHERE mailbox = ? AND seq = -1",
                       (b, "alice@" + DOMAIN))
        self.assertDetected("entry")

    def test_catalog_row_edited(self):
        with self.catalog() as db:
            db.execute("UPDATE placements SET state = 'live' WHERE mailbox = ? AND id = "
                       "(SELECT MIN(id) FROM placements WHERE mailbox = ?)",
                       ("bob@" + DOMAIN, "bob@" + DOMAIN))
        self.assertDetected("placement modified")


class SearchIndex(ArchiveStoreCase):
    """Issue 14's index: a message filed a moment ago is in the catalog's full-text index with
    its envelope (Bcc included), status counts it, and reindex rebuilds the same, through the
    running daemon and with the daemon stopped."""

    def test_filed_searchable_and_rebuilt(self):
        self.start(archive_config())
        body = make_message(subject="budget draft", to="alice@" + DOMAIN,
                            body_lines=["The zanzibar figures are attached."],
                            received=[MAILBOX_HOP % ("alice@" + DOMAIN)])
        # alice in To:, bob only in the envelope (Bcc).
        self.assertEqual(send(self.daemon.port, "Sender@Remote.test",
                              ["alice@" + DOMAIN, "bob@" + DOMAIN], body), {})
        wait_for(lambda: self.placements() >= 2, timeout=30, interval=0.2)
        # Searchable as soon as it is stored: the same transaction.
        self.assertEqual(self.indexed_subjects("zanzibar"), ["budget draft"])
        self.assertEqual(self.indexed_subjects("recipients:bob"), ["budget draft"])
        self.assertEqual(self.indexed_subjects("sender:sender AND sender:remote"), ["budget draft"])
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            envelopes = sorted(row[0] for row in db.execute(
                "SELECT p.delivered_to || ' ' || e.mail_from FROM envelopes e JOIN placements p "
                "ON p.id = e.placement_id"))
        self.assertEqual(envelopes, ["alice@example.com sender@remote.test",
                                     "bob@example.com sender@remote.test"])
        [copy] = maildir_files(self.data, DOMAIN, "bob")
        self.assertTrue(read_bytes(copy).startswith(
            b"Return-Path: <Sender@remote.test>\nDelivered-To: bob@example.com\n"),
            read_bytes(copy)[:200])
        st = self.status()
        self.assertEqual((st["indexed"], st["blobs"]), (1, 1))
        self.assertFalse(st["index_outdated"])
        self.assertIn("search index: indexed 1 of 1 messages", self.cli("status").stdout)

        # Through the running daemon's maintenance thread, then by the command itself.
        cp = self.cli("reindex")
        self.assertIn("reindex: indexed 1 of 1 messages, 2 envelope senders", cp.stdout)
        self.assertIn("search index rebuild finished", self.daemon.log())
        self.assertEqual(self.indexed_subjects("zanzibar"), ["budget draft"])
        self.daemon.stop()
        cp = self.cli("reindex")
        self.assertIn("reindex: indexed 1 of 1 messages, 2 envelope senders", cp.stdout)
        self.assertEqual(self.indexed_subjects("recipients:bob"), ["budget draft"])
        self.assertEqual(self.status()["indexed"], 1)


class KillDuringMaintenance(ArchiveStoreCase):
    """kill -9 at random points of maintenance runs: every message stays either live or
    archived, never both, never neither, and verify is clean afterwards."""

    KILLS = 20

    def test_kill9_twenty_times(self):
        self.start(archive_config({"archive_after": "30d"}))
        users = ["alice", "bob", "carol", "dave", "erin"]
        # Ages spread over 60 days, so that each run (one "day" later) has new work.
        per_day = 30
        total = 0
        for day in range(60, 0, -3):
            self.set_clock(-day * DAY)
            total += self.file_many([("day %d n %d" % (day, n),
                                      ["%s@%s" % (u, DOMAIN) for u in users])
                                     for n in range(per_day)])
        self.daemon.stop()
        rng = random.Random(13)
        env = self.daemon.environment() or dict(os.environ)
        env["TANDEM_CLOCK_FILE"] = self.clock
        interrupted = 0
        for kill in range(self.KILLS):
            self.set_clock(-(30 - kill * 2) * DAY)  # each run finds more to archive
            proc = subprocess.Popen([self.daemon.binary, "--config", self.daemon.config_path,
                                     "archive", "run"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, cwd=self.daemon.tmpdir)
            time.sleep(rng.uniform(0.005, 0.12))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                interrupted += 1
            proc.communicate(timeout=60)
        self.assertGreaterEqual(interrupted, self.KILLS // 2,
                                "too few runs were killed while they worked")
        self.set_clock(40 * DAY)
        self.cli("run")
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))
        st = self.status()
        self.assertEqual(st["placements"], total)
        for u in users:
            f = self.figures("%s@%s" % (u, DOMAIN))
            live = len(maildir_files(self.data, DOMAIN, u))
            self.assertEqual(live, 0, "everything is older than 30 days by now")
            self.assertEqual(f["live_messages"], 0)
            self.assertEqual(f["archived_messages"], total // len(users))
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            dup = db.execute("SELECT mailbox, placement_key, event, COUNT(*) FROM ledger "
                             "GROUP BY mailbox, placement_key, event HAVING COUNT(*) > 1 "
                             "AND event IN ('filed', 'archived')").fetchall()
        self.assertEqual(dup, [], "an event recorded twice")


if __name__ == "__main__":
    unittest.main()
