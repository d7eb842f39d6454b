"""Who may fill an Archive (issue 10, defect 6 and the small ones of defect 7): an Archive
takes mail only from its partner and its relay networks unless opened on purpose; opened, an
outsider's mail creates no mailbox and no Sent copy; the mailboxes one client may cause to be
made are limited per hour; an authenticated user may not send with the null sender; mailbox
names that are options or Maildir's own names are never made. Each test failed before."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, connect, make_config, make_message, maildir_files, quit_quietly, send,
    wait_for)

DOMAIN = "example.com"
EXTERNAL = "127.0.0.66"  # "the Internet": not in relay_networks
PASSWORD = "correct horse battery staple"
# A message that came through the Mailbox: with a Received: header, so that the Archive's
# "without Received: to Outbox" rule files it here instead of sending it on.
RECEIVED = b"Received: from mailbox.example.com by archive; Mon, 1 Jan 2024 00:00:00 +0000\r\n"


def mailboxes(daemon):
    root = os.path.join(daemon.data, "mailboxes", DOMAIN)
    return sorted(os.listdir(root)) if os.path.isdir(root) else []


class ArchiveTrust(TandemTestCase):

    def archive(self, **listener):
        config = make_config(domain=DOMAIN, role="archive")
        config["smtp"]["listeners"][0].update(listener)
        return self.start_daemon(config)

    def mail(self, daemon, sender, source=EXTERNAL):
        s, _, _ = connect(daemon.port, source=source)
        self.addCleanup(quit_quietly, s)
        s.ehlo("client.test")
        return s, s.mail(sender)

    def test_closed_to_outsiders_by_default(self):
        daemon = self.archive()  # the Archive role's default listener
        _, (code, msg) = self.mail(daemon, "someone@remote.test")
        self.assertEqual(code, 550, msg)
        self.assertTrue(msg.startswith(b"5.7.1"), msg)
        # Its partner (a relay network) hands it mail as before.
        send(daemon.port, "alice@example.com", ["bob@example.com"],
             RECEIVED + make_message(sender="alice@example.com", to="bob@example.com"))
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "bob"), 10))
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "alice", "Sent"),
                                 10))

    def test_opened_archive_makes_no_mailbox_and_no_sent_copy_for_outsiders(self):
        daemon = self.archive(trusted_clients_only=False)
        recipients = ["r%02d@example.com" % i for i in range(20)]
        refused = send(daemon.port, "alice@example.com", recipients,
                       RECEIVED + make_message(sender="alice@example.com", to=recipients[0]),
                       source=EXTERNAL)
        self.assertEqual(refused, {})  # an Archive refuses nothing local: kept, in the catch-all
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "postmaster"), 10),
                        daemon.log()[-2000:])
        time.sleep(1)
        self.assertEqual(mailboxes(daemon), ["postmaster"])
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "postmaster")), 20)

    def test_new_mailboxes_per_client_are_limited(self):
        config = make_config(domain=DOMAIN, role="archive", relay_networks=("127.0.0.0/29",),
                             extra={"smtp": {"max_new_mailboxes_per_hour": 5}})
        daemon = self.start_daemon(config)
        first = ["n%d@example.com" % i for i in range(5)]
        self.assertEqual(send(daemon.port, "carol@remote.test", first,
                              RECEIVED + make_message(to=first[0])), {})
        self.assertTrue(wait_for(lambda: len(mailboxes(daemon)) == 5, 10), mailboxes(daemon))
        s, (code, _) = self.mail(daemon, "carol@remote.test", source="127.0.0.1")
        self.assertEqual(code, 250)
        codes = [s.rcpt("m%d@example.com" % i) for i in range(3)]
        self.assertEqual([c for c, _ in codes], [452] * 3, codes)
        self.assertTrue(codes[-1][1].startswith(b"4.7.0"), codes[-1])
        self.assertIn("max_new_mailboxes_per_hour", daemon.log())
        # Recipients whose mailbox exists are not counted; another client has its own count.
        self.assertEqual(s.rcpt("n0@example.com")[0], 250)
        s2, (code, _) = self.mail(daemon, "carol@remote.test", source="127.0.0.2")
        self.assertEqual(s2.rcpt("m0@example.com")[0], 250)

    def test_a_new_mailbox_counts_once_until_it_is_made(self):
        # Messages to a mailbox not made yet (the first still being delivered) count it once:
        # 30 messages to five new mailboxes are no 150 new mailboxes (under load they were).
        config = make_config(domain=DOMAIN, role="archive", relay_networks=("127.0.0.0/29",),
                             extra={"smtp": {"max_new_mailboxes_per_hour": 5}})
        daemon = self.start_daemon(config)
        s, (code, _) = self.mail(daemon, "carol@remote.test", source="127.0.0.1")
        self.assertEqual(code, 250)
        for _ in range(6):
            # No DATA: the mailboxes are never made.
            codes = [s.rcpt("p%d@example.com" % i)[0] for i in range(5)]
            self.assertEqual(codes, [250] * 5)
            self.assertEqual(s.rset()[0], 250)
            self.assertEqual(s.mail("carol@remote.test")[0], 250)
        self.assertEqual(s.rcpt("p5@example.com")[0], 452)

    def test_option_like_and_reserved_names_make_no_mailbox(self):
        daemon = self.archive()
        recipients = ["-rf@example.com", "new@example.com", "subscriptions@example.com",
                      "tandem-mailbox.json@example.com", "dovecot-uidlist@example.com"]
        self.assertEqual(send(daemon.port, "carol@remote.test", recipients,
                              RECEIVED + make_message(to=recipients[0])), {})
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "postmaster"), 10))
        time.sleep(0.5)
        self.assertEqual(mailboxes(daemon), ["postmaster"])


class NullSender(TandemTestCase):

    def test_authenticated_user_may_not_send_with_the_null_sender(self):
        config = make_config(domain=DOMAIN, extra={"smtp": {"allow_plaintext_auth": True}})
        daemon = self.start_daemon(config)
        daemon.stop()
        cp = daemon.run_cli("user", "passwd", "alice", input=PASSWORD + "\n")
        self.assertEqual(cp.returncode, 0, cp.stderr)
        daemon.start()
        s, _, _ = connect(daemon.port, source=EXTERNAL)
        try:
            s.ehlo("client.test")
            s.login("alice", PASSWORD)
            code, msg = s.mail("")
            self.assertEqual(code, 553, msg)
            self.assertTrue(msg.startswith(b"5.7.1"), msg)
            self.assertEqual(s.mail("alice@example.com")[0], 250)
        finally:
            quit_quietly(s)


if __name__ == "__main__":
    unittest.main()
