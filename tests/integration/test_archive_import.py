"""tandemd archive import (issue 14, docs/archive.md "Importing"): an mbox, a Maildir and a
folder of .eml files made with Python's email package and by hand (8-bit headers, encoded words
in several charsets, nested multiparts, malformed MIME, a 30 MB attachment, a message with no
text part, mboxrd quoting, files that are no mail) imported beside a running daemon; the counts
add up, a second import stores nothing, verify stays clean, the index finds what was imported,
and an import killed with -9 finishes when run again, each message stored once.
"""

import sys

sys.dont_write_bytecode = True

import email.header  # noqa: E402
import email.policy  # noqa: E402
import hashlib  # noqa: E402
import mailbox  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import unittest  # noqa: E402
from email.message import EmailMessage  # noqa: E402

from tandemtest import make_config, make_message, mailbox_dir, send, wait_for  # noqa: E402
from test_archive_store import DOMAIN, MAILBOX_HOP, ArchiveStoreCase, archive_config  # noqa: E402

SUMMARY = re.compile(r"^read (\d+), stored (\d+), already present (\d+), failed (\d+)$")
FROM_LINE = b"From sender@remote.test Mon Feb  2 10:00:00 2015\n"


def mboxrd(messages):
    """An mbox as mboxrd writes it (Python's mailbox module writes mboxo): each message after a
    "From " line, every line matching >*From quoted with one more '>', a blank line after."""
    out = bytearray()
    for m in messages:
        out += FROM_LINE
        for line in m.splitlines(keepends=True):
            if re.match(rb">*From ", line):
                line = b">" + line
            out += line
        if not m.endswith(b"\n"):
            out += b"\n"
        out += b"\n"
    return bytes(out)


def stored_form(message):
    """The bytes the store keeps of a message: CRLF line ends (what a bare LF becomes)."""
    return re.sub(rb"(?<!\r)\n", b"\r\n", message)


def email_bytes(msg):
    return msg.as_bytes(policy=email.policy.SMTP)


def corpus():
    """{name: bytes}: real mail's hard cases. Each message distinct, each with a word of its
    own ("zq" + its name) to be found by."""
    out = {}

    m = EmailMessage()
    m["From"] = "Carol <carol@remote.test>"
    m["To"] = "alice@example.com"
    m["Subject"] = "plain zqplain"
    m["Date"] = "Mon, 02 Feb 2015 10:00:00 +0000"
    m["Message-ID"] = "<plain@remote.test>"
    m.set_content("A plain message.\nFrom the start of a line.\n>From a quoted line.\n\n"
                  "From here on, after a blank line.\n")
    out["plain"] = email_bytes(m)

    # 8-bit headers: Latin-1 and UTF-8 bytes where only ASCII belongs; LF line ends.
    out["eightbit"] = (b"From: J\xc3\xb6rg M\xc3\xbcller <joerg@remote.test>\n"
                       b"To: alice@example.com\n"
                       b"Subject: Gr\xfc\xdfe aus Z\xfcrich zqeightbit\n"
                       b"Date: Tue, 03 Feb 2015 10:00:00 +0100\n\n"
                       b"K\xe4se und Br\xf6tchen.\n")

    # Encoded words in several charsets, separated by words (adjacent ones join, RFC 2047).
    subject = " and ".join(email.header.Header(text, charset).encode() for text, charset in [
        ("Привет", "utf-8"), ("Grüße", "iso-8859-1"), ("привет", "koi8-r"),
        ("日本語", "iso-2022-jp")]) + " zqencoded"
    out["encoded"] = ("From: =?iso-8859-1?q?Andr=E9?= <andre@remote.test>\r\n"
                      "To: alice@example.com\r\nSubject: %s\r\n\r\nbody\r\n" % subject).encode()

    m = EmailMessage()
    m["From"] = "dave@remote.test"
    m["To"] = "alice@example.com"
    m["Subject"] = "nested zqnested"
    m.set_content("plain alternative kingfisher")
    m.add_alternative("<html><body><p>html alternative kingfisher</p></body></html>",
                      subtype="html")
    m.add_attachment(b"%PDF-1.4\n" + bytes(range(256)), maintype="application",
                     subtype="pdf", filename="report.pdf")
    inner = EmailMessage()
    inner["From"] = "erin@remote.test"
    inner["Subject"] = "forwarded inside"
    inner.set_content("the forwarded text says pelican")
    m.add_attachment(inner)
    out["nested"] = email_bytes(m)

    out["malformed"] = (b"From: frank@remote.test\r\nSubject: broken mime zqmalformed\r\n"
                        b"MIME-Version: 1.0\r\n"
                        b"Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n\r\n"
                        b"--never-closed\r\nContent-Type: text/plain; charset=no-such-charset\r\n"
                        b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64\r\n"
                        b"--never-closed\r\nContent-Type: text/plain\r\n"
                        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ broken =\r\n")

    m = EmailMessage()
    m["From"] = "grace@remote.test"
    m["Subject"] = "only an image zqnotext"
    m.set_content(b"\x89PNG\r\n\x1a\n" + bytes(200), maintype="image", subtype="png")
    out["notext"] = email_bytes(m)

    m = EmailMessage()
    m["From"] = "heidi@remote.test"
    m["To"] = "alice@example.com"
    m["Subject"] = "large attachment zqlarge"
    m.set_content("See the attached heron.")
    m.add_attachment(os.urandom(22 * 1024 * 1024), maintype="application",
                     subtype="octet-stream", filename="big.bin")
    out["large"] = email_bytes(m)
    assert len(out["large"]) > 30 * 1000 * 1000, len(out["large"])
    return out


class ImportCase(ArchiveStoreCase):

    def import_(self, *args, expect_rc=None, mailbox="alice", timeout=600, check=True):
        """tandemd archive import; (read, stored, present, failed) of its last line, and the
        completed process."""
        cp = self.daemon.run_cli("archive", "import", "--mailbox", mailbox, *args,
                                 timeout=timeout)
        if expect_rc is not None:
            self.assertEqual(cp.returncode, expect_rc, cp.stdout + cp.stderr)
        if not check:
            return None, cp
        lines = cp.stdout.splitlines()
        self.assertTrue(lines, cp.stderr)
        m = SUMMARY.match(lines[-1])
        self.assertIsNotNone(m, "last line: %r (stderr %s)" % (lines[-1], cp.stderr))
        counts = tuple(int(g) for g in m.groups())
        read, stored, present, failed = counts
        self.assertEqual(read, stored + present + failed, cp.stdout)
        # Each failure named on stderr; exit 1 exactly when there is one.
        self.assertEqual(len(re.findall(r"^failed: ", cp.stderr, re.M)), failed, cp.stderr)
        self.assertEqual(cp.returncode, 1 if failed else 0, cp.stdout + cp.stderr)
        return counts, cp

    def catalog(self, sql, args=()):
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            return db.execute(sql, args).fetchall()

    def assertVerifyClean(self):
        self.assertTrue(self.cli("verify").stdout.rstrip().endswith("clean"))


class Import(ImportCase):

    def test_corpora_add_up_and_twice_store_nothing(self):
        self.start(archive_config())
        mail = corpus()
        src = os.path.join(self.tmpdir, "sources")
        os.makedirs(src)

        # The mbox: every case, a message twice, and one that is no message.
        mbox_path = os.path.join(src, "old.mbox")
        garbage = b"\x00\x01binary, no header\n"
        with open(mbox_path, "wb") as f:
            f.write(mboxrd([mail["plain"], mail["eightbit"], mail["encoded"], mail["nested"],
                            garbage, mail["malformed"], mail["notext"], mail["plain"],
                            mail["large"]]))
        counts, cp = self.import_("--mbox", mbox_path, "--folder", "Old mail")
        self.assertEqual(counts, (9, 7, 1, 1))
        at = len(mboxrd([mail["plain"], mail["eightbit"], mail["encoded"], mail["nested"]]))
        self.assertIn("failed: message 5 at byte %d: not a message: it does not begin with a "
                      "header field" % at, cp.stderr)

        # The Maildir (Python's mailbox module): INBOX and Sent, flags; a message in both.
        md_path = os.path.join(src, "Maildir")
        md = mailbox.Maildir(md_path, create=True)
        for n in range(3):
            msg = mailbox.MaildirMessage(make_message(subject="maildir %d zqmaildir" % n,
                                                      message_id="<md%d@remote.test>" % n))
            if n == 0:
                msg.set_subdir("cur")
                msg.set_flags("S")
            md.add(msg)
        sent = md.add_folder("Sent")
        sent.add(mailbox.MaildirMessage(make_message(subject="sent zqsent",
                                                     message_id="<sent@remote.test>")))
        sent.add(mailbox.MaildirMessage(make_message(subject="maildir 1 zqmaildir",
                                                     message_id="<md1@remote.test>")))
        counts, _ = self.import_("--maildir", md_path)
        self.assertEqual(counts, (5, 4, 1, 0))

        # The .eml folder, into bob: some of the same messages, and files that are no mail.
        eml = os.path.join(src, "eml")
        os.makedirs(os.path.join(eml, "2015"))
        for name in ("plain", "encoded", "notext"):
            with open(os.path.join(eml, "2015", name + ".eml"), "wb") as f:
                f.write(mail[name])
        with open(os.path.join(eml, "lf-copy.eml"), "wb") as f:  # plain again, LF
            f.write(mail["plain"].replace(b"\r\n", b"\n"))
        open(os.path.join(eml, "empty.eml"), "wb").close()
        with open(os.path.join(eml, "picture.jpg"), "wb") as f:
            f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF" + os.urandom(500))
        os.symlink(os.path.join(eml, "gone.eml"), os.path.join(eml, "dangling.eml"))
        failures = 3
        if os.geteuid() != 0:  # root reads a file whatever its mode: this case needs a user
            with open(os.path.join(eml, "unreadable.eml"), "wb") as f:
                f.write(mail["eightbit"])
            os.chmod(os.path.join(eml, "unreadable.eml"), 0)
            failures += 1
        counts, cp = self.import_("--eml", eml, mailbox="bob")
        self.assertEqual(counts, (4 + failures, 3, 1, failures))
        for name, why in [("empty.eml", "empty file"),
                          ("picture.jpg", "not a message: it does not begin with a header field"),
                          ("dangling.eml", "cannot open: No such file or directory")]:
            self.assertIn("failed: %s: %s\n" % (os.path.join(eml, name), why), cp.stderr)

        # One blob per distinct message, all indexed, all archived (none live), verify clean.
        distinct = 7 + 4  # the mbox's, the Maildir's; the .eml ones were in the mbox
        st = self.status()
        self.assertEqual((st["blobs"], st["indexed"], st["placements"]),
                         (distinct, distinct, 7 + 4 + 3))
        alice = self.figures("alice@" + DOMAIN)
        self.assertEqual((alice["live_messages"], alice["archived_messages"]), (0, 11))
        self.assertEqual(self.figures("bob@" + DOMAIN)["archived_messages"], 3)
        self.assertEqual(self.live_subjects("alice"), [], "nothing written into the Maildir")
        self.assertVerifyClean()
        self.assertEqual(sorted(r[0] for r in self.catalog(
            "SELECT DISTINCT folder FROM placements WHERE mailbox = ?", ("alice@" + DOMAIN,))),
            ["", "Old mail", "Sent"])

        # Found by the words of each kind of message.
        for word in ("zqplain", "zqeightbit", "zqencoded", "zqnested", "zqmalformed",
                     "zqnotext", "zqlarge", "zqmaildir", "zqsent", "kingfisher", "pelican",
                     "heron", "zurich", "привет", "andre"):
            self.assertTrue(self.indexed_subjects(word), "nothing found for %s" % word)
        self.assertEqual(self.indexed_subjects("attachments:report"), ["nested zqnested"])
        # The bytes kept are the CRLF original, once.
        large_sha = hashlib.sha256(stored_form(mail["large"])).hexdigest()
        self.assertEqual(self.catalog("SELECT COUNT(*), MIN(size) FROM placements WHERE sha = ?",
                                      (large_sha,)),
                         [(1, len(stored_form(mail["large"])))])

        # Twice: nothing stored twice, the same failures named.
        self.assertEqual(self.import_("--mbox", mbox_path, "--folder", "Other")[0], (9, 0, 8, 1))
        self.assertEqual(self.import_("--maildir", md_path)[0], (5, 0, 5, 0))
        self.assertEqual(self.import_("--eml", eml, mailbox="bob")[0],
                         (4 + failures, 0, 4, failures))
        st = self.status()
        self.assertEqual((st["blobs"], st["placements"]), (distinct, 14))
        blob_files = sum(len([f for f in files if f.endswith(".zst")]) for root, _dirs, files
                         in os.walk(os.path.join(self.data, "archive", "blobs"))
                         if os.path.basename(root) != "tmp")
        self.assertEqual(blob_files, distinct)
        self.assertVerifyClean()
        self.assertEqual(self.catalog(
            "SELECT COUNT(*) FROM ledger WHERE event = 'imported' AND detail LIKE "
            "'%imported from mbox " + mbox_path + " by tandemd command line, user %'"), [(7,)])

    def test_export_then_import_is_the_same_message(self):
        """A message filed over SMTP, exported and imported again has the same SHA-256: already
        present in its mailbox, stored once however many mailboxes it goes into."""
        self.start(archive_config())
        for n in range(5):
            # From the Mailbox (a Received: line): filed here, not passed on to the Outbox.
            self.assertEqual(send(self.daemon.port, "Sender@remote.test", ["alice@" + DOMAIN],
                                  make_message(subject="filed %d" % n,
                                               received=[MAILBOX_HOP % ("alice@" + DOMAIN)],
                                               body_lines=["From the start.", ">From quoted."])),
                             {})
        self.assertTrue(wait_for(lambda: self.placements() >= 5, timeout=30, interval=0.2))
        exported = os.path.join(self.tmpdir, "alice.mbox")
        self.cli("export", "alice@" + DOMAIN, "--mbox", exported)
        self.assertEqual(self.import_("--mbox", exported)[0], (5, 0, 5, 0))
        self.assertEqual(self.import_("--mbox", exported, mailbox="carol")[0], (5, 5, 0, 0))
        st = self.status()
        self.assertEqual((st["blobs"], st["placements"]), (5, 10))
        # The envelope came back with it: carol's copies are found by their envelope sender.
        self.assertEqual(self.catalog(
            "SELECT COUNT(*) FROM envelopes e JOIN placements p ON p.id = e.placement_id "
            "WHERE p.mailbox = ? AND e.mail_from = 'sender@remote.test'", ("carol@" + DOMAIN,)),
            [(5,)])
        self.assertVerifyClean()

    def test_beside_a_daemon_that_files(self):
        """The daemon goes on filing while an import writes the same catalog."""
        self.start(archive_config())
        path = os.path.join(self.tmpdir, "many.mbox")
        with open(path, "wb") as f:
            f.write(mboxrd([make_message(subject="old %d" % n, message_id="<old%d@r>" % n,
                                         body_lines=["line %d" % i for i in range(40)])
                            for n in range(3000)]))
        errors = []

        def file_mail():
            try:
                for n in range(60):
                    send(self.daemon.port, "sender@remote.test", ["alice@" + DOMAIN],
                         make_message(subject="new %d" % n,
                                      received=[MAILBOX_HOP % ("alice@" + DOMAIN)]))
            except Exception as e:  # noqa: BLE001 - reported by the test
                errors.append(e)

        sender = threading.Thread(target=file_mail)
        sender.start()
        counts, _ = self.import_("--mbox", path)
        sender.join()
        self.assertEqual(errors, [])
        self.assertEqual(counts, (3000, 3000, 0, 0))
        self.assertTrue(wait_for(lambda: self.placements() >= 3060, timeout=60, interval=0.5))
        f = self.figures("alice@" + DOMAIN)
        self.assertEqual((f["live_messages"], f["archived_messages"]), (60, 3000))
        self.assertVerifyClean()

    def test_mailbox_and_usage_rules(self):
        self.start(make_config(domain=DOMAIN, users=["alice", "bob", "postmaster"]))
        path = os.path.join(self.tmpdir, "one.mbox")
        with open(path, "wb") as f:
            f.write(mboxrd([make_message(subject="one")]))
        for args in [("archive", "import", "--mbox", path),
                     ("archive", "import", "--mailbox", "bob", "--mbox", path, "--eml", path),
                     ("archive", "import", "--mailbox", "bob"),
                     ("archive", "import", "--mailbox", "bob@elsewhere.test", "--mbox", path),
                     ("archive", "import", "--mailbox", "no body", "--mbox", path),
                     # A Mailbox makes no mailbox for a name that is no user.
                     ("archive", "import", "--mailbox", "zed", "--mbox", path)]:
            cp = self.daemon.run_cli(*args)
            self.assertEqual(cp.returncode, 2, "%s: %s%s" % (args, cp.stdout, cp.stderr))
        cp = self.daemon.run_cli("archive", "import", "--mailbox", "bob", "--mbox", path + ".x")
        self.assertEqual(cp.returncode, 1)
        self.assertIn("does not exist", cp.stderr)
        self.assertFalse(os.path.exists(mailbox_dir(self.data, DOMAIN, "bob")))
        # A user whose mailbox has had no mail yet: made, as the first mail would make it.
        self.assertEqual(self.import_("--mbox", path, "--folder", "INBOX", mailbox="BOB")[0],
                         (1, 1, 0, 0))
        self.assertTrue(os.path.isdir(os.path.join(mailbox_dir(self.data, DOMAIN, "bob"), "cur")))
        self.assertEqual(self.catalog("SELECT mailbox, folder, state FROM placements"),
                         [("bob@" + DOMAIN, "", "archived")])


class KillDuringImport(ImportCase):
    """kill -9 at random points of a large import beside a running daemon; the same command
    afterwards goes on from the last commit and ends with the whole file's counts."""

    MESSAGES = 12000

    def test_kill9_then_rerun(self):
        self.start(archive_config())
        path = os.path.join(self.tmpdir, "large.mbox")
        distinct = self.MESSAGES - 200
        with open(path, "wb") as f:
            f.write(mboxrd([make_message(subject="message %d" % (n % distinct),
                                         message_id="<k%d@remote.test>" % (n % distinct),
                                         body_lines=["words of message %d" % (n % distinct)]
                                         + ["filler line %d" % i for i in range(30)])
                            for n in range(self.MESSAGES)]))
        env = self.daemon.environment() or dict(os.environ)

        def placements():
            try:
                return self.catalog("SELECT COUNT(*) FROM placements")[0][0]
            except sqlite3.Error:
                return 0

        killed = 0
        before = 0
        for _ in range(3):
            proc = subprocess.Popen([self.daemon.binary, "--config", self.daemon.config_path,
                                     "archive", "import", "--mailbox", "alice", "--mbox", path],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                    cwd=self.daemon.tmpdir)
            # Killed once it has committed a batch or two more than before.
            wait_for(lambda: placements() >= before + 400 or proc.poll() is not None,
                     timeout=120, interval=0.05)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            proc.communicate(timeout=60)
            before = placements()
        self.assertGreaterEqual(killed, 2, "the imports ended before they could be killed")
        self.assertLess(before, distinct)

        # SIGINT: the batch under way is committed, and the command says it stopped.
        proc = subprocess.Popen([self.daemon.binary, "--config", self.daemon.config_path,
                                 "archive", "import", "--mailbox", "alice", "--mbox", path],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                cwd=self.daemon.tmpdir, text=True)
        wait_for(lambda: placements() >= before + 200 or proc.poll() is not None, timeout=120,
                 interval=0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
            self.assertEqual(proc.returncode, 1, out + err)
            self.assertIn("the import stopped before the end of its source", err)
            self.assertIn("resumed at byte", out)
            self.assertTrue(SUMMARY.match(out.splitlines()[-1]), out)
        else:
            proc.communicate()

        counts, cp = self.import_("--mbox", path)
        self.assertEqual(counts[0], self.MESSAGES)
        self.assertEqual(counts[1] + counts[2], self.MESSAGES)
        self.assertEqual(counts[3], 0)
        self.assertEqual(counts[2], 200)
        self.assertIn("resumed at byte", cp.stdout)
        st = self.status()
        self.assertEqual((st["blobs"], st["placements"], st["indexed"]),
                         (distinct, distinct, distinct))
        self.assertEqual(self.catalog(
            "SELECT COUNT(*) FROM (SELECT placement_key FROM ledger WHERE event = 'imported' "
            "GROUP BY placement_key HAVING COUNT(*) > 1)"), [(0,)])
        self.assertVerifyClean()
        # Done: the next import of the file reads it all and finds everything present.
        self.assertEqual(self.import_("--mbox", path)[0], (self.MESSAGES, 0, self.MESSAGES, 0))


if __name__ == "__main__":
    unittest.main()
