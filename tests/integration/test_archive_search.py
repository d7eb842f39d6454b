"""The archive's search from the command line (issue 14, docs/archive.md "Searching", "Copy back
and export"): a corpus generated with Python's email package plus hand-made edge cases is filed
over SMTP into a running Archive; each query form finds exactly the copies it should; a Bcc
recipient is found by to:; show lists every copy; copy back and export round-trip byte for byte;
a failure is named and makes the exit code non-zero.
"""

import sys

sys.dont_write_bytecode = True

import email.policy  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import mailbox  # noqa: E402
import os  # noqa: E402
import smtplib  # noqa: E402
import unittest  # noqa: E402
import zipfile  # noqa: E402
from email.header import Header  # noqa: E402
from email.message import EmailMessage  # noqa: E402
from email.mime.multipart import MIMEMultipart  # noqa: E402
from email.mime.text import MIMEText  # noqa: E402

from tandemtest import maildir_files, quit_quietly, read_bytes, wait_for  # noqa: E402
from test_archive_store import DAY, DOMAIN, MAILBOX_HOP, ArchiveStoreCase, archive_config  # noqa: E402

REMOTE = "remote.test"


def plain(subject, sender, to, body, date, cc=None, extra=()):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = "<%s@corpus.test>" % hashlib.sha1(subject.encode()).hexdigest()[:16]
    for name, value in extra:
        m[name] = value
    m.set_content(body)
    return m.as_bytes()


def with_attachment(subject, sender, to, body, date, name, payload, html=None):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = "<%s@corpus.test>" % hashlib.sha1(subject.encode()).hexdigest()[:16]
    m.set_content(body)
    if html:
        m.add_alternative(html, subtype="html")
    m.add_attachment(payload, maintype="application", subtype="octet-stream", filename=name)
    return m.as_bytes()


def nested(subject, sender, to, date):
    """multipart/mixed > (multipart/alternative > plain, html), a forwarded message/rfc822."""
    outer = MIMEMultipart("mixed")
    outer["From"] = sender
    outer["To"] = to
    outer["Subject"] = subject
    outer["Date"] = date
    outer["Message-ID"] = "<nested@corpus.test>"
    alt = MIMEMultipart("alternative")
    alt.attach(MIMEText("see the forwarded lighthouse note", "plain", "utf-8"))
    alt.attach(MIMEText("<p>see the <b>forwarded</b> lighthouse note</p>", "html", "utf-8"))
    outer.attach(alt)
    inner = EmailMessage()
    inner["From"] = "keeper@island.test"
    inner["Subject"] = "inner beacon"
    inner.set_content("the fog horn sounds at nightfall")
    part = EmailMessage()
    part.set_content(inner)
    outer.attach(part)
    return outer.as_bytes().replace(b"\n", b"\r\n")


def raw(*lines):
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


class ArchiveSearchCase(ArchiveStoreCase):
    """One Archive with the corpus filed, shared by the tests of a class (filing it takes a
    few seconds; each test works on its own copies where it changes something)."""

    def file(self, sender, recipients, data):
        # As relayed by the Mailbox machine: an Archive files what carries its Received:.
        data = ("Received: " + MAILBOX_HOP % recipients[0] + "\r\n").encode() + data
        s = smtplib.SMTP(host="127.0.0.1", port=self.daemon.port, timeout=120)
        try:
            self.assertEqual(s.sendmail(sender, recipients, data), {})
        finally:
            quit_quietly(s)

    def search(self, query, limit=1000):
        cp = self.cli("search", "--json", "--limit", str(limit), "--", query)
        return json.loads(cp.stdout)

    def found(self, query):
        """The copies the query finds, as (mailbox user, folder, subject) sorted."""
        hits = self.search(query)["hits"]
        return sorted((h["mailbox"].split("@")[0], h["folder"], h["subject"]) for h in hits)

    def file_corpus(self):
        a, b, c, d = ("%s@%s" % (u, DOMAIN) for u in ("alice", "bob", "carol", "dave"))
        carol_remote = "Carol Remote <carol@%s>" % REMOTE
        self.file("carol@" + REMOTE, [a], plain(
            "Quarterly report", carol_remote, a,
            "The quarterly report is ready.\nRevenue grew in the lighthouse region.",
            "Tue, 10 Feb 2026 09:00:00 +0000"))
        # Bcc: dave is only in the envelope.
        self.file("carol@" + REMOTE, [a, b, d], plain(
            "Budget draft", carol_remote, a, "A zanzibar budget for the spring.",
            "Thu, 05 Mar 2026 10:00:00 +0000", cc=b))
        self.file("frank@" + REMOTE, [b], with_attachment(
            "Scanned contract", "frank@" + REMOTE, b, "Contract attached.",
            "Mon, 20 Apr 2026 08:30:00 +0000", "contract-signed.pdf", os.urandom(300 * 1024)))
        # From a local sender: alice's Sent items too.
        self.file(a, ["erin@" + REMOTE, c], plain(
            "Lunch plans", "Alice <%s>" % a, "erin@%s, %s" % (REMOTE, c),
            "Shall we meet at the harbour cafe?", "Wed, 14 Jan 2026 12:00:00 +0000"))
        # Encoded words in several charsets, and 8-bit UTF-8 headers (SMTPUTF8-free 8BITMIME).
        self.file("jose@" + REMOTE, [c], raw(
            "From: =?iso-8859-1?q?Jos=E9_Mart=EDnez?= <jose@%s>" % REMOTE,
            "To: %s" % c,
            "Subject: =?iso-8859-1?q?Caf=E9_cr=E8me?= and =?koi8-r?b?7sHT1NLPxc7JxQ==?=",
            "Date: Fri, 06 Feb 2026 07:00:00 +0100",
            "Message-ID: <charsets@corpus.test>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=iso-8859-7",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "=E1=E8=DE=ED=E1 greek text"))
        self.file("gruss@" + REMOTE, [c], raw(
            "From: Grüße <gruss@%s>" % REMOTE,
            "To: %s" % c,
            "Subject: Grüße aus Zürich",
            "Date: Sat, 07 Feb 2026 07:00:00 +0000",
            "Message-ID: <eightbit@corpus.test>",
            "",
            "Viele Grüße vom Zürichsee"))
        # Malformed MIME: a boundary that never comes, base64 with junk in it.
        self.file("broken@" + REMOTE, [a], raw(
            "From: broken@%s" % REMOTE,
            "To: %s" % a,
            "Subject: Broken mime",
            "Date: Sun, 08 Mar 2026 07:00:00 +0000",
            "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="never-seen"',
            "",
            "preamble with the word quokka",
            "--not-the-boundary",
            "Content-Transfer-Encoding: base64",
            "",
            "!!!not base64 at all###"))
        # No text part at all.
        self.file("camera@" + REMOTE, [b], raw(
            "From: camera@%s" % REMOTE,
            "To: %s" % b,
            "Subject: Snapshot",
            "Date: Mon, 09 Mar 2026 07:00:00 +0000",
            "MIME-Version: 1.0",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            'Content-Disposition: attachment; filename="snap.png"',
            "",
            "iVBORw0KGgo="))
        # HTML only.
        self.file("news@" + REMOTE, [a], raw(
            "From: news@%s" % REMOTE,
            "To: %s" % a,
            "Subject: Newsletter",
            "Date: Tue, 10 Mar 2026 07:00:00 +0000",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<html><head><style>.x{color:red}</style></head>"
            "<body><p>Spring <i>tulips</i> &amp; daffodils</p></body></html>"))
        self.file("fwd@" + REMOTE, [d], nested("Forwarded note", "fwd@" + REMOTE, d,
                                                 "Wed, 11 Mar 2026 07:00:00 +0000"))
        # 1 + 3 + 1 + (Sent + carol + erin goes out) + 1 + 1 + 1 + 1 + 1 + 1 copies filed.
        self.assertTrue(wait_for(lambda: self.placements() >= 13, timeout=60, interval=0.2),
                        "the corpus was not filed")


class QueryForms(ArchiveSearchCase):

    def test_each_query_form(self):
        self.start(archive_config())
        self.file_corpus()
        budget = [("alice", "INBOX", "Budget draft"), ("bob", "INBOX", "Budget draft"),
                  ("dave", "INBOX", "Budget draft")]
        cases = {
            "zanzibar": budget,
            '"quarterly report"': [("alice", "INBOX", "Quarterly report")],
            '"report quarterly"': [],
            "lightho*": [("alice", "INBOX", "Quarterly report"),
                         ("dave", "INBOX", "Forwarded note")],
            "from:carol": budget + [("alice", "INBOX", "Quarterly report")],
            "from:carol@remote.test subject:budget": budget,
            # dave is in no header: only his copy's envelope names him.
            "to:dave": budget + [("dave", "INBOX", "Forwarded note")],
            # Sent to dave (a Bcc) but kept elsewhere: alice's and bob's copies.
            "to:dave@example.com -mailbox:dave": budget[:2],
            # alice's Sent copy is delivered to her (its Delivered-To:), but she sent it: to:
            # finds it for the recipients only, with their own copies.
            "to:alice": budget + [("alice", "INBOX", "Quarterly report"),
                                  ("alice", "INBOX", "Broken mime"),
                                  ("alice", "INBOX", "Newsletter")],
            "to:carol -mailbox:carol": [("alice", "Sent", "Lunch plans")],
            # A phrase in a body: its words next to each other, in that order.
            '"zanzibar budget"': budget,
            '"budget zanzibar"': [],
            '"harbour cafe"': [("alice", "Sent", "Lunch plans"), ("carol", "INBOX", "Lunch plans")],
            "mailbox:bob": [("bob", "INBOX", "Budget draft"), ("bob", "INBOX", "Scanned contract"),
                            ("bob", "INBOX", "Snapshot")],
            "folder:Sent": [("alice", "Sent", "Lunch plans")],
            "date:2026-03": budget + [("alice", "INBOX", "Broken mime"),
                                      ("alice", "INBOX", "Newsletter"),
                                      ("bob", "INBOX", "Snapshot"),
                                      ("dave", "INBOX", "Forwarded note")],
            "date:2026-01..2026-02 -is:archived": [
                ("alice", "INBOX", "Quarterly report"), ("alice", "Sent", "Lunch plans"),
                ("carol", "INBOX", "Café crème and Настроение"), ("carol", "INBOX", "Grüße aus Zürich"),
                ("carol", "INBOX", "Lunch plans")],
            # A forwarded message (message/rfc822) is an attachment, as mail readers show it.
            "has:attachment": [("bob", "INBOX", "Scanned contract"), ("bob", "INBOX", "Snapshot"),
                               ("dave", "INBOX", "Forwarded note")],
            "attachment:contract-signed.pdf": [("bob", "INBOX", "Scanned contract")],
            "larger:200K": [("bob", "INBOX", "Scanned contract")],
            "harbour OR zanzibar": budget + [("alice", "Sent", "Lunch plans"),
                                             ("carol", "INBOX", "Lunch plans")],
            "(from:frank OR from:camera) NOT has:attachment": [],
            # Charsets, encoded words, 8-bit headers, accents folded.
            "cafe creme": [("carol", "INBOX", "Café crème and Настроение")],
            "настроение": [("carol", "INBOX", "Café crème and Настроение")],
            "from:martinez": [("carol", "INBOX", "Café crème and Настроение")],
            "αθήνα": [("carol", "INBOX", "Café crème and Настроение")],
            "subject:zurich": [("carol", "INBOX", "Grüße aus Zürich")],
            "zürichsee": [("carol", "INBOX", "Grüße aus Zürich")],
            # Broken MIME read as far as it goes; HTML reduced to its text.
            "quokka": [("alice", "INBOX", "Broken mime")],
            "tulips daffodils": [("alice", "INBOX", "Newsletter")],
            "color": [],
            # A forwarded message's own text and subject.
            "fog horn": [("dave", "INBOX", "Forwarded note")],
            "attachment:snap.png": [("bob", "INBOX", "Snapshot")],
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                self.assertEqual(self.found(query), sorted(expected))
        result = self.search("")
        self.assertEqual(result["total"], 13)

        # A query that cannot be read: exit 2, what is wrong and where.
        cp = self.cli("search", "--", 'subject:"quarterly report', ok=False)
        self.assertEqual(cp.returncode, 2, cp.stderr)
        self.assertIn("unclosed quote at 9", cp.stderr)
        cp = self.cli("search", "form:carol", ok=False)
        self.assertEqual(cp.returncode, 2, cp.stderr)
        self.assertIn("unknown field form: at 1", cp.stderr)

        # The text listing: newest first, limited, with the count.
        cp = self.cli("search", "--limit", "2", "from:carol")
        lines = cp.stdout.strip().splitlines()
        self.assertEqual(len(lines), 4, cp.stdout)  # header, two hits, the count
        self.assertIn("Budget draft", lines[1])
        self.assertEqual(lines[-1], "2 of 4 shown (--limit N shows more)")

    def test_show_lists_every_copy(self):
        self.start(archive_config())
        self.file_corpus()
        [hit] = self.search("zanzibar mailbox:alice")["hits"]
        cp = self.cli("show", str(hit["id"]))
        self.assertIn("Subject: Budget draft", cp.stdout)
        self.assertIn("From: Carol Remote <carol@remote.test>", cp.stdout)
        self.assertIn("copies (3):", cp.stdout)
        for user in ("alice", "bob", "dave"):
            self.assertIn("%s@example.com INBOX  for <%s@example.com>  live" % (user, user),
                          cp.stdout)
        self.assertIn("A zanzibar budget for the spring.", cp.stdout)
        detail = json.loads(self.cli("show", "--json", str(hit["id"])).stdout)
        self.assertEqual(sorted(c["delivered_to"] for c in detail["copies"]),
                         ["alice@example.com", "bob@example.com", "dave@example.com"])
        self.assertEqual(detail["mail_from"], "carol@remote.test")
        cp = self.cli("show", "999999", ok=False)
        self.assertEqual(cp.returncode, 1)
        self.assertIn("no placement 999999", cp.stderr)


class CopyBackAndExport(ArchiveSearchCase):

    def original_bytes(self, hit):
        """The stored original, by the blob's name: decompressed with the zstd tool."""
        import subprocess
        sha = hit["sha256"]
        path = os.path.join(self.data, "archive", "blobs", sha[:2], sha + ".zst")
        data = subprocess.run(["zstd", "-dc", path], capture_output=True, check=True).stdout
        self.assertEqual(hashlib.sha256(data).hexdigest(), sha)
        return data

    def test_copy_back_an_archived_message(self):
        self.start(archive_config())
        self.file_corpus()
        [live_copy] = [f for f in maildir_files(self.data, DOMAIN, "alice")
                       if b"Quarterly report" in read_bytes(f)]
        live_bytes = read_bytes(live_copy)
        # Forty days on, alice's mail moves into the store: her live file is gone.
        self.set_clock(40 * DAY)
        self.cli("run")
        [hit] = self.search("subject:quarterly")["hits"]
        self.assertEqual(hit["state"], "archived")
        self.assertFalse(os.path.exists(live_copy))

        cp = self.cli("copy", str(hit["id"]), "--to", "carol", "--folder", "Restored")
        self.assertIn("copied to carol@example.com Restored", cp.stdout)
        restored = maildir_files(self.data, DOMAIN, "carol", folder="Restored")
        self.assertEqual(len(restored), 1, restored)
        # The new copy is the original live copy byte for byte (prefix and message).
        self.assertEqual(read_bytes(restored[0]), live_bytes)
        # Searchable at once; the archived original stays as it was.
        self.assertEqual(self.found("subject:quarterly"),
                         [("alice", "INBOX", "Quarterly report"),
                          ("carol", "Restored", "Quarterly report")])
        states = sorted(h["state"] for h in self.search("subject:quarterly")["hits"])
        self.assertEqual(states, ["archived", "live"])
        # Into the INBOX of a mailbox that does not exist yet: created, as delivery would.
        self.cli("copy", str(hit["id"]), "--to", "zoe@example.com")
        self.assertEqual(len(maildir_files(self.data, DOMAIN, "zoe")), 1)
        # The ledger records it, and verify replays it.
        cp = self.cli("verify")
        self.assertIn("clean", cp.stdout)
        import sqlite3
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            details = [r[0] for r in db.execute(
                "SELECT detail FROM ledger WHERE event = 'copied back' ORDER BY mailbox")]
        self.assertEqual(len(details), 2)
        self.assertIn("from alice@example.com INBOX (placement %d)" % hit["id"], details[0])
        # A later run does not record the restored file again.
        self.cli("run")
        self.assertEqual(len(self.search("subject:quarterly")["hits"]), 3)
        # Wrong input: named, non-zero.
        cp = self.cli("copy", "12345678", "--to", "carol", ok=False)
        self.assertEqual(cp.returncode, 1)
        self.assertIn("no placement 12345678", cp.stderr)
        cp = self.cli("copy", "x", "--to", "carol", ok=False)
        self.assertEqual(cp.returncode, 2)

    def test_export_round_trips(self):
        self.start(archive_config())
        self.file_corpus()
        hits = self.search("mailbox:alice OR mailbox:bob")["hits"]
        self.assertEqual(len(hits), 8)  # alice's INBOX 4 and Sent 1, bob's 3
        originals = {h["sha256"]: self.original_bytes(h) for h in hits}

        folder = os.path.join(self.tmpdir, "eml")
        cp = self.cli("export", "--eml", folder, "--", "mailbox:alice OR mailbox:bob")
        self.assertIn("8 exported, 0 failed", cp.stdout)
        files = sorted(os.listdir(folder))
        self.assertEqual(len(files), 8)
        self.assertTrue(all(f.endswith(".eml") for f in files))
        for name in files:  # each the stored original, byte for byte
            data = read_bytes(os.path.join(folder, name))
            self.assertEqual(data, originals.get(hashlib.sha256(data).hexdigest()), name)

        box = os.path.join(self.tmpdir, "alice.mbox")
        # The mailbox alone, as issue 13's export MAILBOX --mbox FILE.
        cp = self.cli("export", "alice@example.com", "--mbox", box)
        self.assertIn("5 exported, 0 failed", cp.stdout)
        reader = mailbox.mbox(box, create=False)
        messages = list(reader)
        reader.close()
        self.assertEqual(sorted(m["Subject"] for m in messages),
                         ["Broken mime", "Budget draft", "Lunch plans", "Newsletter",
                          "Quarterly report"])
        # Each copy with its own envelope lines.
        self.assertTrue(all(m["Return-Path"] for m in messages))
        self.assertTrue(all(m["Delivered-To"] == "alice@example.com" for m in messages))

        archive = os.path.join(self.tmpdir, "bob.zip")
        cp = self.cli("export", "--zip", archive, "--", "mailbox:bob")
        self.assertIn("3 exported, 0 failed", cp.stdout)
        with zipfile.ZipFile(archive) as z:
            self.assertIsNone(z.testzip())
            names = z.namelist()
            self.assertEqual(len(names), 3)
            for name in names:
                data = z.read(name)
                self.assertEqual(data, originals[hashlib.sha256(data).hexdigest()])

        # The ledger records every copy exported.
        import sqlite3
        with sqlite3.connect(os.path.join(self.data, "archive", "catalog.sqlite")) as db:
            exported = db.execute("SELECT COUNT(*) FROM ledger WHERE event = 'exported'")
            self.assertEqual(exported.fetchone()[0], 8 + 5 + 3)
        self.assertIn("clean", self.cli("verify").stdout)

        # A message the store lost: that copy is named, the others exported, exit 1.
        lost = next(h for h in hits if h["subject"] == "Newsletter")
        sha = lost["sha256"]
        os.unlink(os.path.join(self.data, "archive", "blobs", sha[:2], sha + ".zst"))
        folder2 = os.path.join(self.tmpdir, "eml2")
        cp = self.cli("export", "--eml", folder2, "--", "mailbox:alice", ok=False)
        self.assertEqual(cp.returncode, 1)
        self.assertIn("4 exported, 1 failed", cp.stdout)
        self.assertIn("not exported: placement %d (alice@example.com)" % lost["id"], cp.stderr)
        self.assertEqual(len(os.listdir(folder2)), 4)
        cp = self.cli("export", "--mbox", box, "--eml", folder2, "--", "mailbox:alice", ok=False)
        self.assertEqual(cp.returncode, 2)
        self.assertIn("one of --mbox FILE, --eml DIR or --zip FILE", cp.stderr)


class LargeAttachment(ArchiveSearchCase):

    def test_thirty_megabyte_attachment(self):
        self.start(archive_config(max_message_bytes=64 * 1024 * 1024))
        payload = os.urandom(30 * 1024 * 1024)
        data = with_attachment("Disk image", "ops@" + REMOTE, "alice@" + DOMAIN,
                               "The image of the old disk.", "Thu, 12 Mar 2026 07:00:00 +0000",
                               "disk.img", payload)
        self.file("ops@" + REMOTE, ["alice@" + DOMAIN], data)
        self.assertTrue(wait_for(lambda: self.placements() >= 1, timeout=120, interval=0.5))
        self.assertEqual(self.found("larger:30M"), [("alice", "INBOX", "Disk image")])
        self.assertEqual(self.found("attachment:disk.img old"), [("alice", "INBOX", "Disk image")])
        [hit] = self.search("larger:30M")["hits"]
        folder = os.path.join(self.tmpdir, "eml")
        self.cli("export", "--eml", folder, "--", "larger:30M")
        [name] = os.listdir(folder)
        exported = read_bytes(os.path.join(folder, name))
        self.assertEqual(hashlib.sha256(exported).hexdigest(), hit["sha256"])
        self.assertIn(b"Subject: Disk image", exported)


if __name__ == "__main__":
    unittest.main()
