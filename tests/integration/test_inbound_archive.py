"""Inbound SMTP on an Archive-role server (PRODUCT.md §1: passthrough options)."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, lf, maildir_files, mailbox_dir, outbox, read_bytes,
    send)

DOMAIN = "example.com"
HOSTNAME = "archive.example.com"
MAILBOX_HOP = ("from mailbox.example.com (mailbox.example.com [127.0.0.1]) by "
               "mailbox.example.com with ESMTP id 0123456789ab for <%s>; "
               "Mon, 01 Jan 2024 12:00:01 +0000")


class ArchiveInbound(TandemTestCase):

    def setUp(self):
        super().setUp()
        self.config = make_config(domain=DOMAIN, role="archive", hostname=HOSTNAME, users=[])
        self.daemon = self.start_daemon(self.config)
        self.port = self.daemon.port
        self.data = self.daemon.data

    def assertMaildir(self, path):
        for sub in ("cur", "new", "tmp"):
            self.assertTrue(os.path.isdir(os.path.join(path, sub)),
                            "%s is not a Maildir (no %s/)" % (path, sub))

    def test_unknown_local_user_gets_a_mailbox(self):
        original = make_message(subject="for zed", to="zed@example.com",
                                received=[MAILBOX_HOP % "zed@example.com"])
        self.assertEqual(send(self.port, "sender@remote.test", ["zed@example.com"], original,
                              source="127.0.0.1"), {})
        files = self.wait_files(self.data, DOMAIN, "zed")
        self.assertEqual(len(files), 1, "zed's INBOX: %r" % files)
        self.assertEqual(os.path.basename(os.path.dirname(files[0])), "new")
        self.assertStoredCopy(files[0], "zed@example.com", original, HOSTNAME)

        box = mailbox_dir(self.data, DOMAIN, "zed")
        self.assertMaildir(box)
        for folder in ("Sent", "Archive"):
            self.assertTrue(os.path.isdir(os.path.join(box, "." + folder)),
                            "mailbox created without its .%s/ folder" % folder)
        # A relayed message for a local user is filed here, not sent on.
        time.sleep(0.5)
        self.assertEqual(outbox(self.daemon), [])
        # The remote sender has no Sent items here.
        self.assertFalse(os.path.exists(mailbox_dir(self.data, "remote.test", "sender")))

    def test_local_sender_copy_in_sent_items(self):
        original = make_message(subject="alice to bob", sender="alice@example.com",
                                to="bob@example.com",
                                received=[MAILBOX_HOP % "bob@example.com"])
        self.assertEqual(send(self.port, "alice@example.com", ["bob@example.com"], original,
                              source="127.0.0.1"), {})
        bob = self.wait_files(self.data, DOMAIN, "bob")
        self.assertEqual(len(bob), 1, "bob's INBOX: %r" % bob)
        self.assertStoredCopy(bob[0], "bob@example.com", original, HOSTNAME)

        sent = self.wait_files(self.data, DOMAIN, "alice", folder="Sent")
        self.assertEqual(len(sent), 1, "alice's Sent: %r" % sent)
        self.assertEqual(os.path.basename(os.path.dirname(sent[0])) in ("new", "cur"), True)
        self.assertMaildirName(sent[0])
        content = read_bytes(sent[0])
        self.assertTrue(content.endswith(lf(original)), "Sent copy does not end with the message")
        # Only the Sent copy for alice: nothing in her INBOX.
        self.assertEqual(maildir_files(self.data, DOMAIN, "alice"), [])
        self.assertEqual(outbox(self.daemon), [])

    def test_message_to_many_local_recipients_files_each_copy_once(self):
        # 150 recipients and the sender's Sent copy: more copies than the dispatcher keeps
        # open at once (128), so it completes them part-way through the message as well.
        self.daemon.stop()
        config = make_config(domain=DOMAIN, role="archive", hostname=HOSTNAME, users=[])
        config["smtp"]["max_recipients"] = 200
        config["smtp"]["max_new_mailboxes_per_hour"] = 200
        daemon = self.start_daemon(config)
        users = ["u%03d" % i for i in range(150)]
        rcpts = ["%s@example.com" % u for u in users]
        original = make_message(subject="to everyone", sender="alice@example.com",
                                to="all@example.com",
                                received=[MAILBOX_HOP % "all@example.com"])
        self.assertEqual(send(daemon.port, "alice@example.com", rcpts, original,
                              source="127.0.0.1"), {})
        self.wait_files(daemon.data, DOMAIN, users[-1], timeout=30)
        time.sleep(0.5)
        for user, rcpt in zip(users, rcpts):
            files = maildir_files(daemon.data, DOMAIN, user)
            self.assertEqual(len(files), 1, "%s's INBOX: %r" % (user, files))
            self.assertStoredCopy(files[0], rcpt, original, HOSTNAME)
            self.assertEqual(os.listdir(os.path.join(mailbox_dir(daemon.data, DOMAIN, user),
                                                     "tmp")), [])
        sent = maildir_files(daemon.data, DOMAIN, "alice", folder="Sent")
        self.assertEqual(len(sent), 1, "alice's Sent: %r" % sent)
        self.assertTrue(read_bytes(sent[0]).endswith(lf(original)))
        self.assertEqual(outbox(daemon), [])

    def test_local_sender_to_remote_recipient_sent_items_and_outbox(self):
        original = make_message(subject="alice out", sender="alice@example.com",
                                to="carol@remote.test",
                                received=[MAILBOX_HOP % "carol@remote.test"])
        self.assertEqual(send(self.port, "alice@example.com", ["carol@remote.test"], original,
                              source="127.0.0.1"), {})
        sent = self.wait_files(self.data, DOMAIN, "alice", folder="Sent")
        self.assertEqual(len(sent), 1, "alice's Sent: %r" % sent)
        self.assertTrue(read_bytes(sent[0]).endswith(lf(original)))
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1, "Outbox: %r" % entries)
        self.assertEqual(entries[0]["recipients"], ["carol@remote.test"])
        self.assertEqual(entries[0]["sender"], "alice@example.com")

    def test_message_without_received_goes_to_outbox(self):
        original = make_message(subject="direct", sender="sender@remote.test",
                                to="carol@example.com")
        self.assertNotIn(b"Received:", original)
        self.assertEqual(send(self.port, "sender@remote.test", ["carol@example.com"], original,
                              source="127.0.0.1"), {})
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1, "Outbox: %r" % entries)
        self.assertEqual(entries[0]["recipients"], ["carol@example.com"])
        self.assertEqual(entries[0]["sender"], "sender@remote.test")
        time.sleep(1.0)
        self.assertEqual(maildir_files(self.data, DOMAIN, "carol"), [],
                         "a message without Received: was stored instead of routed")


if __name__ == "__main__":
    unittest.main()
