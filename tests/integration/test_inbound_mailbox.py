"""Inbound SMTP on a Mailbox-role server (PRODUCT.md §1, §2, §3, §4)."""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import os  # noqa: E402
import smtplib  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, connect, make_config, make_message, maildir_files, mailbox_dir,
    outbox, quit_quietly, read_bytes, run_tandemd, send)

DOMAIN = "example.com"
HOSTNAME = "mailbox.example.com"
EXTERNAL = "127.0.0.66"  # not in relay_networks
LAN = "127.0.0.1"        # in relay_networks


class MailboxCase(TandemTestCase):
    config_overrides = {}

    def setUp(self):
        super().setUp()
        self.config = make_config(domain=DOMAIN, role="mailbox", hostname=HOSTNAME,
                                  **self.config_overrides)
        self.daemon = self.start_daemon(self.config)
        self.port = self.daemon.port
        self.data = self.daemon.data

    def inbox(self, user, folder=""):
        return maildir_files(self.data, DOMAIN, user, folder)


class InboundDelivery(MailboxCase):

    def test_external_sender_to_local_user_stored_byte_exact(self):
        original = make_message(
            subject="byte exact", sender="sender@remote.test", to="alice@example.com",
            body_lines=["First line.", ".A line that starts with a dot", "..two dots",
                        ".", "  trailing spaces  ", "8-bit: caf\u00e9", "last"])
        refused = send(self.port, "sender@remote.test", ["alice@example.com"], original,
                       source=EXTERNAL)
        self.assertEqual(refused, {})

        files = self.wait_files(self.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "alice's INBOX: %r" % files)
        self.assertEqual(os.path.basename(os.path.dirname(files[0])), "new")

        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1, "Outbox: %r" % entries)
        entry = entries[0]
        for key in ("id", "message", "sender", "recipients", "size", "next_hop", "state",
                    "attempts", "next_attempt", "last_reply", "created"):
            self.assertIn(key, entry, "queue list entry lacks %r: %r" % (key, entry))
        self.assertEqual(entry["recipients"], ["alice@example.com"])
        self.assertEqual(entry["sender"], "sender@remote.test")

        self.assertStoredCopy(files[0], "alice@example.com", original, HOSTNAME,
                              queue_ids=[entry["id"], entry["message"]])
        # Nobody else got it.
        self.assertEqual(self.inbox("bob"), [])

    def test_swaks_external_client(self):
        body = "swaks body line %d" % time.time_ns()
        cp = subprocess.run(
            ["swaks", "--server", "127.0.0.1:%d" % self.port, "--local-interface", EXTERNAL,
             "--from", "sender@remote.test", "--to", "alice@example.com",
             "--header", "Subject: from swaks", "--body", body, "--timeout", "20"],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(cp.returncode, 0, "swaks failed:\n%s\n%s" % (cp.stdout, cp.stderr))
        self.assertRegex(cp.stdout, r"<-\s+250[ -]2\.\d+\.\d+", "no enhanced code on 250")
        files = self.wait_files(self.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "alice's INBOX: %r" % files)
        content = read_bytes(files[0])
        self.assertTrue(content.startswith(b"Return-Path: <sender@remote.test>\n"
                                           b"Delivered-To: alice@example.com\n"),
                        content[:200])
        self.assertIn(body.encode() + b"\n", content)
        self.assertIn(b"Subject: from swaks\n", content)

    def test_internal_mail_from_lan(self):
        original = make_message(subject="internal", sender="alice@example.com",
                                to="bob@example.com")
        self.assertEqual(send(self.port, "alice@example.com", ["bob@example.com"], original,
                              source=LAN), {})
        files = self.wait_files(self.data, DOMAIN, "bob")
        self.assertEqual(len(files), 1, "bob's INBOX: %r" % files)
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1, "Outbox: %r" % entries)
        self.assertEqual(entries[0]["recipients"], ["bob@example.com"])
        self.assertEqual(entries[0]["sender"], "alice@example.com")
        self.assertStoredCopy(files[0], "bob@example.com", original, HOSTNAME)
        # Mailbox role: no Sent-items copy.
        self.assertEqual(self.inbox("alice", "Sent"), [])
        self.assertEqual(self.inbox("alice"), [])

    def test_local_and_remote_recipients_make_one_outbox_entry(self):
        original = make_message(subject="mixed", sender="alice@example.com",
                                to="bob@example.com, carol@remote.test")
        self.assertEqual(send(self.port, "alice@example.com",
                              ["bob@example.com", "carol@remote.test"], original, source=LAN),
                         {})
        files = self.wait_files(self.data, DOMAIN, "bob")
        self.assertEqual(len(files), 1, "bob's INBOX: %r" % files)
        self.assertStoredCopy(files[0], "bob@example.com", original, HOSTNAME)
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1, "Outbox: %r" % entries)
        self.assertEqual(sorted(entries[0]["recipients"]),
                         ["bob@example.com", "carol@remote.test"])
        self.assertEqual(entries[0]["sender"], "alice@example.com")


class InboundPolicy(MailboxCase):

    def test_unknown_local_user_refused_at_rcpt(self):
        msg = make_message(to="nobody@example.com")
        with self.assertRaises(smtplib.SMTPRecipientsRefused) as cm:
            send(self.port, "sender@remote.test", ["nobody@example.com"], msg, source=EXTERNAL)
        code, text = cm.exception.recipients["nobody@example.com"]
        self.assertEqual(code, 550)
        self.assertIn(b"5.1.1", text)
        time.sleep(0.5)
        self.assertEqual(outbox(self.daemon), [])
        self.assertFalse(os.path.exists(mailbox_dir(self.data, DOMAIN, "nobody")))

    def test_unknown_local_user_refused_but_other_recipient_accepted(self):
        msg = make_message(to="alice@example.com")
        refused = send(self.port, "sender@remote.test",
                       ["nobody@example.com", "alice@example.com"], msg, source=EXTERNAL)
        self.assertEqual(list(refused), ["nobody@example.com"])
        self.assertEqual(refused["nobody@example.com"][0], 550)
        self.assertIn(b"5.1.1", refused["nobody@example.com"][1])
        files = self.wait_files(self.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1)
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0]["recipients"], ["alice@example.com"])

    def test_relay_denied_from_outside(self):
        msg = make_message(to="carol@remote.test")
        with self.assertRaises(smtplib.SMTPRecipientsRefused) as cm:
            send(self.port, "sender@remote.test", ["carol@remote.test"], msg, source=EXTERNAL)
        code, text = cm.exception.recipients["carol@remote.test"]
        self.assertEqual(code, 554)
        self.assertIn(b"5.7.1", text)
        time.sleep(0.5)
        self.assertEqual(outbox(self.daemon), [])

    def test_local_sender_from_outside_refused(self):
        msg = make_message(sender="alice@example.com", to="bob@example.com")
        with self.assertRaises(smtplib.SMTPSenderRefused) as cm:
            send(self.port, "alice@example.com", ["bob@example.com"], msg, source=EXTERNAL)
        self.assertEqual(cm.exception.smtp_code, 550)
        self.assertIn(b"5.7.1", cm.exception.smtp_error)
        # Case-insensitive domain match.
        with self.assertRaises(smtplib.SMTPSenderRefused) as cm:
            send(self.port, "alice@EXAMPLE.COM", ["bob@example.com"], msg, source=EXTERNAL)
        self.assertEqual(cm.exception.smtp_code, 550)
        time.sleep(0.5)
        self.assertEqual(self.inbox("bob"), [])
        self.assertEqual(outbox(self.daemon), [])

    def test_local_sender_from_relay_network_accepted(self):
        msg = make_message(sender="alice@example.com", to="bob@example.com")
        self.assertEqual(send(self.port, "alice@example.com", ["bob@example.com"], msg,
                              source=LAN), {})
        files = self.wait_files(self.data, DOMAIN, "bob")
        self.assertEqual(len(files), 1)

    def test_null_sender_accepted_from_outside(self):
        msg = make_message(sender="mailer-daemon@remote.test", to="alice@example.com")
        self.assertEqual(send(self.port, "", ["alice@example.com"], msg, source=EXTERNAL), {})
        files = self.wait_files(self.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1)


class SmtpDialogue(MailboxCase):

    def test_banner_and_ehlo_extensions(self):
        s, code, banner = connect(self.port, EXTERNAL)
        try:
            self.assertEqual(code, 220)
            self.assertIn(HOSTNAME.encode(), banner)
            code, text = s.ehlo("client.remote.test")
            self.assertEqual(code, 250, text)
            for ext in ("size", "pipelining", "8bitmime", "enhancedstatuscodes"):
                self.assertTrue(s.has_extn(ext), "EHLO does not list %s: %r" % (ext, text))
        finally:
            quit_quietly(s)

    def test_noop_vrfy_unknown_command(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            code, text = s.noop()
            self.assertEqual(code, 250)
            self.assertTrue(text.startswith(b"2.0.0"), text)
            code, text = s.verify("alice")
            self.assertEqual(code, 252, text)
            code, text = s.docmd("FROBNICATE", "now")
            self.assertEqual(code, 500, text)
            self.assertRegex(text, rb"^5\.5\.\d")
            # The session is still usable.
            code, text = s.noop()
            self.assertEqual(code, 250)
        finally:
            quit_quietly(s)

    def test_mail_before_ehlo(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            code, text = s.docmd("MAIL", "FROM:<sender@remote.test>")
            self.assertEqual(code, 503, text)
            self.assertTrue(text.startswith(b"5.5.1"), text)
        finally:
            quit_quietly(s)

    def test_rcpt_before_mail(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            code, text = s.docmd("RCPT", "TO:<alice@example.com>")
            self.assertEqual(code, 503, text)
            self.assertTrue(text.startswith(b"5.5.1"), text)
        finally:
            quit_quietly(s)

    def test_data_without_recipients(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            code, text = s.docmd("MAIL", "FROM:<sender@remote.test>")
            self.assertEqual(code, 250, text)
            self.assertTrue(text.startswith(b"2.1.0"), text)
            code, text = s.docmd("DATA")
            self.assertIn(code, (503, 554), text)
            self.assertRegex(text, rb"^5\.\d\.\d")
        finally:
            quit_quietly(s)
        time.sleep(0.3)
        self.assertEqual(outbox(self.daemon), [])

    def test_rset_then_new_transaction(self):
        s, _, _ = connect(self.port, LAN)
        try:
            s.ehlo("client.example.com")
            self.assertEqual(s.docmd("MAIL", "FROM:<sender@remote.test>")[0], 250)
            code, text = s.docmd("RCPT", "TO:<bob@example.com>")
            self.assertEqual(code, 250, text)
            self.assertTrue(text.startswith(b"2.1.5"), text)
            code, text = s.rset()
            self.assertEqual(code, 250)
            self.assertTrue(text.startswith(b"2.0.0"), text)
            code, text = s.docmd("DATA")
            self.assertEqual(code, 503, text)
            self.assertEqual(s.docmd("MAIL", "FROM:<sender@remote.test>")[0], 250)
            self.assertEqual(s.docmd("RCPT", "TO:<alice@example.com>")[0], 250)
            msg = make_message(to="alice@example.com")
            code, text = s.data(msg)
            self.assertEqual(code, 250, text)
            self.assertTrue(text.startswith(b"2.0.0"), text)
        finally:
            quit_quietly(s)
        self.assertEqual(len(self.wait_files(self.data, DOMAIN, "alice")), 1)
        self.assertEqual(self.inbox("bob"), [])


class MessageSizeLimit(MailboxCase):
    config_overrides = {"max_message_bytes": 10000}

    def test_ehlo_advertises_limit(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            self.assertEqual(s.esmtp_features.get("size", "").strip(), "10000")
        finally:
            quit_quietly(s)

    def test_oversized_message_refused_after_data(self):
        msg = make_message(body_lines=["x" * 70] * 200)  # ~14.6 kB
        self.assertGreater(len(msg), 10000)
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            self.assertEqual(s.docmd("MAIL", "FROM:<sender@remote.test>")[0], 250)
            self.assertEqual(s.docmd("RCPT", "TO:<alice@example.com>")[0], 250)
            code, text = s.data(msg)
            self.assertEqual(code, 552, text)
            self.assertIn(b"5.3.4", text)
            # The session goes on: a message within the limit is accepted.
            small = make_message(to="alice@example.com")
            self.assertEqual(s.docmd("MAIL", "FROM:<sender@remote.test>")[0], 250)
            self.assertEqual(s.docmd("RCPT", "TO:<alice@example.com>")[0], 250)
            code, text = s.data(small)
            self.assertEqual(code, 250, text)
        finally:
            quit_quietly(s)
        files = self.wait_files(self.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "only the small message may be stored")
        self.assertStoredCopy(files[0], "alice@example.com", small, HOSTNAME)
        entries = self.wait_outbox(self.daemon)
        self.assertEqual(len(entries), 1)

    def test_declared_size_refused_at_mail(self):
        s, _, _ = connect(self.port, EXTERNAL)
        try:
            s.ehlo("client.remote.test")
            code, text = s.docmd("MAIL", "FROM:<sender@remote.test> SIZE=20000")
            self.assertEqual(code, 552, text)
            self.assertIn(b"5.3.4", text)
            code, text = s.docmd("MAIL", "FROM:<sender@remote.test> SIZE=5000")
            self.assertEqual(code, 250, text)
        finally:
            quit_quietly(s)


class PostmasterAlias(MailboxCase):
    """mailboxes.postmaster names a user: postmaster@ of every local domain lands in that
    user's Maildir (RFC 5321 §4.5.1: always accepted, from anyone), and no postmaster mailbox
    is made."""

    config_overrides = {
        "users": ["alice", "bob"],
        "extra": {"server": {"local_domains": ["example.org"]},
                  "mailboxes": {"postmaster": "alice"}},
    }

    def test_postmaster_of_each_local_domain_lands_in_alice(self):
        for to in ("postmaster@example.com", "PostMaster@example.org"):
            message = make_message(subject="to %s" % to, to=to)
            self.assertEqual(send(self.port, "sender@remote.test", [to], message,
                                  source=EXTERNAL), {})
        # RFC 5321 §4.1.1.3: RCPT TO:<Postmaster> without a domain is the primary domain's.
        s, code, _ = connect(self.port, source=EXTERNAL)
        try:
            self.assertEqual(s.ehlo("client.remote.test")[0], 250)
            self.assertEqual(s.mail("sender@remote.test")[0], 250)
            self.assertEqual(s.rcpt("<Postmaster>")[0], 250)
            self.assertEqual(s.data(make_message(subject="bare", to="Postmaster"))[0], 250)
        finally:
            quit_quietly(s)

        files = self.wait_files(self.data, DOMAIN, "alice", count=3)
        self.assertEqual(len(files), 3, "alice's INBOX: %r" % files)
        delivered_to = sorted(read_bytes(f).split(b"\n", 2)[1] for f in files)
        self.assertEqual(delivered_to, [b"Delivered-To: PostMaster@example.org",
                                        b"Delivered-To: Postmaster@example.com",
                                        b"Delivered-To: postmaster@example.com"])
        for domain in (DOMAIN, "example.org"):
            self.assertFalse(os.path.exists(mailbox_dir(self.data, domain, "postmaster")),
                             "a postmaster mailbox was made in %s" % domain)
        self.assertEqual(self.inbox("bob"), [])

    def test_postmaster_must_stay_a_user(self):
        # Removing the user the postmaster's mail goes to is refused, naming the key.
        cp = self.daemon.run_cli("user", "del", "alice")
        self.assertEqual(cp.returncode, 2, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        self.assertIn('mailboxes.postmaster: "alice" is not a user (mailboxes.users)', cp.stderr)
        self.assertEqual(self.daemon.read_config()["mailboxes"]["postmaster"], "alice")
        names = [u["name"] for u in self.daemon.read_config()["mailboxes"]["users"]]
        self.assertIn("alice", names)


@unittest.skipUnless(os.geteuid() == 0, "runs tandemd as nobody: needs root")
class ConfigCommandLine(TandemTestCase):
    """--print-default-config, --check, user add/list/del (no daemon running)."""

    def write(self, name, obj_or_text):
        path = os.path.join(self.tmpdir, name)
        with open(path, "w") as f:
            f.write(obj_or_text if isinstance(obj_or_text, str) else json.dumps(obj_or_text))
        return path

    def test_default_config_checks_clean(self):
        cp = run_tandemd("--print-default-config", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 0, cp.stderr)
        config = json.loads(cp.stdout)  # valid JSON
        self.assertIn("domain", config.get("server", {}))
        path = self.write("t.json", cp.stdout)
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 0, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))

    def test_generated_test_config_checks_clean(self):
        path = self.write("t.json", make_config())
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 0, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        path = self.write("a.json", make_config(role="archive"))
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 0, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))

    def test_bad_port_named(self):
        path = self.write("bad.json", {"server": {"domain": "example.com"},
                                       "smtp": {"listeners": [{"port": 70000}]}})
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 2, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        self.assertIn("smtp.listeners[0].port", cp.stdout + cp.stderr)

    def test_unknown_key_named(self):
        path = self.write("bad.json", {"server": {"domain": "example.com", "bogus": 1}})
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 2, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        self.assertIn("server.bogus", cp.stdout + cp.stderr)

    def test_every_problem_reported(self):
        path = self.write("bad.json", {"server": {"domain": "example.com", "bogus": 1},
                                       "smtp": {"listeners": [{"port": 70000}]}})
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 2)
        out = cp.stdout + cp.stderr
        self.assertIn("server.bogus", out)
        self.assertIn("smtp.listeners[0].port", out)

    def test_postmaster_not_a_user_named(self):
        path = self.write("bad.json", make_config(users=["alice"],
                                                  extra={"mailboxes": {"postmaster": "bob"}}))
        cp = run_tandemd("--config", path, "--check", cwd=self.tmpdir)
        self.assertEqual(cp.returncode, 2, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        self.assertIn('mailboxes.postmaster: "bob" is not a user (mailboxes.users)',
                      cp.stdout + cp.stderr)

    def test_daemon_refuses_to_start_on_bad_config(self):
        path = self.write("bad.json", {"server": {"domain": "example.com", "bogus": 1}})
        cp = run_tandemd("--config", path, timeout=20, cwd=self.tmpdir)
        self.assertNotEqual(cp.returncode, 0)
        self.assertIn("server.bogus", cp.stdout + cp.stderr)

    def test_user_add_list_del(self):
        path = self.write("tandem.json", make_config())

        def cli(*args, input=None):
            return run_tandemd("--config", path, *args, input=input, cwd=self.tmpdir)

        cp = cli("user", "add", "dave", input="Correct-Horse-42\n")
        self.assertEqual(cp.returncode, 0, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))

        cp = cli("user", "list")
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.assertRegex(cp.stdout, r"(?m)\bdave\b")
        self.assertRegex(cp.stdout, r"(?m)\balice\b")

        with open(path) as f:
            config = json.load(f)
        users = {u["name"]: u for u in config["mailboxes"]["users"]}
        dave = users.get("dave") or users.get("dave@example.com")
        self.assertIsNotNone(dave, "no user dave in the config: %r" % list(users))
        password = dave.get("password", "")
        self.assertTrue(password.startswith("pbkdf2-sha256$"), password)
        fields = password.split("$")
        self.assertEqual(len(fields), 4, password)
        self.assertGreaterEqual(int(fields[1]), 100000, password)
        self.assertNotIn("Correct-Horse-42", json.dumps(config))
        # The other users are kept as they were.
        self.assertIn("alice", users)
        self.assertIn("bob", users)
        # The file still passes --check.
        cp = cli("--check")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)

        # Adding the same user again is an error and changes nothing.
        with open(path) as f:
            before = f.read()
        cp = cli("user", "add", "dave", input="other-password\n")
        self.assertNotEqual(cp.returncode, 0, "adding an existing user must fail")
        with open(path) as f:
            self.assertEqual(f.read(), before, "a failed user add changed the file")

        cp = cli("user", "del", "dave")
        self.assertEqual(cp.returncode, 0, "stdout:\n%s\nstderr:\n%s" % (cp.stdout, cp.stderr))
        cp = cli("user", "list")
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.assertNotRegex(cp.stdout, r"(?m)\bdave\b")
        with open(path) as f:
            config = json.load(f)
        names = [u["name"] for u in config["mailboxes"]["users"]]
        self.assertNotIn("dave", names)
        self.assertNotIn("dave@example.com", names)
        self.assertIn("alice", names)


if __name__ == "__main__":
    unittest.main()
