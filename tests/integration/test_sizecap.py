"""The size cap (PRODUCT.md §1 as issue 13 part 6 resolves it): a Mailbox answers mail for a
mailbox at or over mailboxes.template.max_size_mb with 452 4.2.2 at RCPT (temporary: the
sender's server retries) and tells the postmaster once at the warning threshold and once at the
cap; an Archive refuses nothing local: it stores over the cap, logs it and tells the postmaster
once. No DNS: every test's only route goes to a port nobody listens on."""

import sys

sys.dont_write_bytecode = True

import email  # noqa: E402
import os  # noqa: E402
import smtplib  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, mailbox_dir, maildir_files, outbox, quit_quietly,
    read_bytes, send, wait_for)

DOMAIN = "example.com"
MIB = 1024 * 1024
MAILBOX_HOP = ("from mailbox.example.com (mailbox.example.com [127.0.0.1]) by "
               "mailbox.example.com with ESMTP id 0123456789ab for <%s>; "
               "Mon, 01 Jan 2024 12:00:01 +0000")


def big_message(kbytes, to, received=None):
    """A message of about `kbytes` KiB for `to`."""
    line = "x" * 510  # with CRLF, two lines a KiB (a line may have 1000 octets at most)
    return make_message(subject="%d KiB" % kbytes, to=to, received=received,
                        body_lines=[line] * (2 * kbytes))


def subjects(paths):
    out = []
    for p in paths:
        out.append(str(email.message_from_bytes(read_bytes(p)).get("Subject", "")))
    return out


def size_notices(paths, mailbox):
    return [s for s in subjects(paths) if ("Mailbox %s " % mailbox) in s]


class MailboxRole(TandemTestCase):

    def setUp(self):
        super().setUp()
        config = make_config(domain=DOMAIN, role="mailbox", extra={
            "mailboxes": {"template": {"max_size_mb": 1, "size_warning_percent": 50}}})
        self.daemon = self.start_daemon(config)
        self.port = self.daemon.port
        self.data = self.daemon.data

    def postmaster_files(self):
        return maildir_files(self.data, DOMAIN, "postmaster")

    def fill(self, user, count, kbytes):
        """Sends `count` messages of `kbytes` KiB to `user`, one after the other, each stored
        before the next is sent."""
        for _ in range(count):
            before = len(maildir_files(self.data, DOMAIN, user))
            self.assertEqual(send(self.port, "sender@remote.test", ["%s@%s" % (user, DOMAIN)],
                                  big_message(kbytes, "%s@%s" % (user, DOMAIN))), {})
            self.assertTrue(
                wait_for(lambda: len(maildir_files(self.data, DOMAIN, user)) > before, 10),
                "message for %s not stored" % user)

    def test_full_mailbox_answers_452_while_others_are_accepted(self):
        # 300 KiB: below half the cap (512 KiB) after one, over it after two.
        self.fill("alice", 1, 300)
        time.sleep(0.5)
        self.assertEqual(size_notices(self.postmaster_files(), "alice@example.com"), [])
        self.fill("alice", 1, 300)
        self.assertTrue(wait_for(lambda: size_notices(self.postmaster_files(),
                                                      "alice@example.com"), 10),
                        "no warning to the postmaster at the threshold")
        notices = size_notices(self.postmaster_files(), "alice@example.com")
        self.assertEqual(len(notices), 1, notices)
        self.assertIn("size cap", notices[0])
        marker = os.path.join(mailbox_dir(self.data, DOMAIN, "alice"), "tandem-size-warned")
        self.assertEqual(read_bytes(marker).strip(), b"warning")

        # Still taken below the cap, and no second warning for it.
        self.fill("alice", 1, 300)
        time.sleep(0.5)
        self.assertEqual(len(size_notices(self.postmaster_files(), "alice@example.com")), 1)

        # Over the cap (1200 KiB of 1024): refused, temporarily, at once (no waiting for the
        # size to be measured again: what is stored counts at once).
        self.fill("alice", 1, 300)
        self.assertTrue(wait_for(lambda: len(size_notices(self.postmaster_files(),
                                                          "alice@example.com")) == 2, 10))
        self.assertTrue(any("is full" in s for s in
                            size_notices(self.postmaster_files(), "alice@example.com")))
        self.assertEqual(read_bytes(marker).strip(), b"full")
        stored = len(maildir_files(self.data, DOMAIN, "alice"))

        s = smtplib.SMTP("127.0.0.1", self.port, timeout=30)
        self.addCleanup(quit_quietly, s)
        s.ehlo("client.remote.test")
        self.assertEqual(s.mail("sender@remote.test")[0], 250)
        code, text = s.rcpt("alice@example.com")
        self.assertEqual((code, text), (452, b"4.2.2 Mailbox full, try again later"))
        self.assertEqual(s.rcpt("bob@example.com")[0], 250)
        # The postmaster is never refused for it: the notices go there.
        self.assertEqual(s.rcpt("postmaster@example.com")[0], 250)
        self.assertEqual(s.data(make_message(to="bob@example.com"))[0], 250)
        self.assertTrue(wait_for(lambda: maildir_files(self.data, DOMAIN, "bob"), 10))
        time.sleep(0.5)
        self.assertEqual(len(maildir_files(self.data, DOMAIN, "alice")), stored)
        self.assertIn("mailbox alice@example.com is full", self.daemon.log())

        # A full mailbox is told of once: more refusals, no third notice.
        refused = send_refused(self.port, "alice@example.com")
        self.assertEqual(refused[0], 452)
        time.sleep(0.5)
        self.assertEqual(len(size_notices(self.postmaster_files(), "alice@example.com")), 2)

    def test_mailbox_with_its_own_larger_cap_is_not_full(self):
        self.fill("alice", 4, 300)
        self.assertEqual(send_refused(self.port, "alice@example.com")[0], 452)
        # alice's own settings (tandem-mailbox.json) over the template: a 5 MiB cap.
        path = os.path.join(mailbox_dir(self.data, DOMAIN, "alice"), "tandem-mailbox.json")
        with open(path, "w") as f:
            f.write('{"archive_mode": "custom", "archive": {"archive_after": "0", '
                    '"expire_after": "0", "max_size_mb": 5}}')
        self.assertEqual(send(self.port, "sender@remote.test", ["alice@example.com"],
                              make_message()), {})


def send_refused(port, rcpt):
    """(code, text) of RCPT TO:<rcpt> in a new transaction."""
    s = smtplib.SMTP("127.0.0.1", port, timeout=30)
    try:
        s.ehlo("client.remote.test")
        s.mail("sender@remote.test")
        return s.rcpt(rcpt)
    finally:
        quit_quietly(s)


class ArchiveRole(TandemTestCase):

    def test_over_the_cap_still_stored_and_told_once(self):
        config = make_config(domain=DOMAIN, role="archive", users=[], extra={
            "mailboxes": {"template": {"max_size_mb": 1}}})
        daemon = self.start_daemon(config)
        data = daemon.data
        # 600 KiB each: below 90% after one, over the cap after two, and further over.
        for n in range(1, 4):
            original = big_message(600, "alice@example.com",
                                   received=[MAILBOX_HOP % "alice@example.com"])
            self.assertEqual(send(daemon.port, "sender@remote.test", ["alice@example.com"],
                                  original), {})
            self.assertTrue(wait_for(lambda: len(maildir_files(data, DOMAIN, "alice")) >= n, 10),
                            "message %d not stored" % n)
        time.sleep(0.5)
        self.assertEqual(len(maildir_files(data, DOMAIN, "alice")), 3)
        total = sum(os.path.getsize(p) for p in maildir_files(data, DOMAIN, "alice"))
        self.assertGreater(total, MIB)
        log = daemon.log()
        self.assertIn("stored in alice@example.com over its size cap", log)

        # The Archive's notices to the postmaster go to its partner (they have no Received:
        # header): they wait in the Outbox, whose only route leads nowhere.
        def notices():
            found = []
            for e in outbox(daemon):
                path = os.path.join(data, "spool", "outbox", e["id"] + ".msg")
                subject = subjects([path])[0] if os.path.exists(path) else ""
                if "Mailbox alice@example.com " in subject:
                    found.append((subject, e["recipients"]))
            return found
        self.assertTrue(wait_for(notices, 10), "no notice to the postmaster: %r" % outbox(daemon))
        time.sleep(0.5)
        found = notices()
        self.assertEqual(len(found), 1, found)
        self.assertIn("over its size cap", found[0][0])
        self.assertEqual(found[0][1], ["postmaster@example.com"])
        marker = os.path.join(mailbox_dir(data, DOMAIN, "alice"), "tandem-size-warned")
        self.assertEqual(read_bytes(marker).strip(), b"full")


if __name__ == "__main__":
    unittest.main()
