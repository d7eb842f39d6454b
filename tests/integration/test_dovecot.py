"""Users read their mail: a private Dovecot (its own configuration, sockets, state and log in
a folder of its own, started with `dovecot -c`, /etc/dovecot never read) serves the Maildirs
tandemd writes over IMAP, with the passwords of mailboxes.users checked by
installer/dovecot-checkpassword (`tandemd user verify`). README's "Reading mail" set-up,
tested: login by name or address (UTF-8 too), a wrong password refused, INBOX and the Sent
folder with the bytes tandemd stored, and tandemd delivering on into a Maildir Dovecot has
indexed."""

import sys

sys.dont_write_bytecode = True

import base64  # noqa: E402
import hashlib  # noqa: E402
import imaplib  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, free_port, make_config, make_message, maildir_files, send, tandemd_path,
    wait_for)

DOVECOT = shutil.which("dovecot", path="/usr/sbin:/usr/bin")
DOVEADM = shutil.which("doveadm", path="/usr/bin:/usr/sbin")
HERE = os.path.dirname(os.path.abspath(__file__))
CHECKPASSWORD = os.path.join(HERE, "..", "..", "installer", "dovecot-checkpassword")
DOMAIN = "example.com"
USER = "nobody"  # tandemd's user here; Dovecot's mail processes and its auth run as it too
PASSWORD = "correct horse"


def password_hash(password, iterations=100000):
    """mailboxes.users[].password: pbkdf2-sha256$<iterations>$<salt>$<key> (base64)."""
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return "pbkdf2-sha256$%d$%s$%s" % (iterations, base64.b64encode(salt).decode(),
                                       base64.b64encode(key).decode())


@unittest.skipUnless(DOVECOT and DOVEADM and os.geteuid() == 0,
                     "needs Dovecot (dovecot-imapd) and root (its master runs as root)")
class ReadWithDovecot(TandemTestCase):

    def setUp(self):
        super().setUp()
        users = [{"name": "alice", "password": password_hash(PASSWORD)},
                 {"name": "bob", "password": password_hash("bob's")},
                 {"name": "jörg", "password": password_hash(PASSWORD)}]
        self.daemon = self.start_daemon(make_config(
            domain=DOMAIN, role="mailbox", users=users,
            passthrough={"copy_to_sender_sent_items": True,
                         "copy_local_domains_to_outbox": False}), run_as=USER)
        self.imap_port = free_port()
        # A short folder of its own: Dovecot's sockets live in base_dir (107-byte paths).
        self.base = tempfile.mkdtemp(prefix="tandem-dc-")
        os.chmod(self.base, 0o755)
        self.addCleanup(shutil.rmtree, self.base, True)
        for d in ("run", "state"):
            os.makedirs(os.path.join(self.base, d))
        self.conf = os.path.join(self.base, "dovecot.conf")
        self.log_path = os.path.join(self.base, "dovecot.log")
        checkpassword = "%s --tandemd %s %s" % (os.path.realpath(CHECKPASSWORD),
                                                os.path.realpath(tandemd_path()),
                                                self.daemon.config_path)
        with open(self.conf, "w") as f:
            f.write(f"""\
base_dir = {self.base}/run
state_dir = {self.base}/state
log_path = {self.log_path}
info_log_path = {self.log_path}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tandem's user names may be UTF-8 (SMTPUTF8): Dovecot's default allows only ASCII ones.
auth_username_chars =
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:~
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service auth {{
  user = {USER}
  # No address-space cap for the helper's tandemd: a sanitizer build reserves terabytes.
  vsz_limit = 0
}}
passdb {{
  driver = checkpassword
  args = {checkpassword}
}}
userdb {{
  driver = static
  args = uid={USER} gid=nogroup home={self.daemon.data}/mailboxes/%d/%n
}}
""")
        # dovecot goes into the background: its output to a file, not to pipes it would hold.
        with open(os.path.join(self.base, "start.out"), "w+") as out:
            rc = subprocess.run([DOVECOT, "-c", self.conf], stdout=out, stderr=out,
                                timeout=30).returncode
            out.seek(0)
            self.assertEqual(rc, 0, out.read())
        self.addCleanup(subprocess.run, [DOVEADM, "-c", self.conf, "stop"], capture_output=True,
                        timeout=30)

        def listening():
            try:
                imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=2).logout()
                return True
            except OSError:
                return False
        self.assertTrue(wait_for(listening, 15.0), self.dovecot_said())

    def dovecot_said(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return "(nothing logged)"

    def imap(self, user, password=PASSWORD):
        m = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=30)
        self.addCleanup(m.shutdown)
        # AUTHENTICATE PLAIN carries a UTF-8 user name; LOGIN's strings are ASCII in imaplib.
        token = b"\0" + user.encode() + b"\0" + password.encode()
        try:
            typ, _ = m.authenticate("PLAIN", lambda _: token)
        except imaplib.IMAP4.error as e:
            raise imaplib.IMAP4.error("%s\nDovecot's log:\n%s" % (e, self.dovecot_said()))
        self.assertEqual(typ, "OK")
        return m

    def fetch_all(self, m, folder="INBOX"):
        typ, data = m.select(folder, readonly=True)
        self.assertEqual(typ, "OK", data)
        count = int(data[0])
        messages = []
        for n in range(1, count + 1):
            typ, parts = m.fetch(str(n), "(BODY.PEEK[])")
            self.assertEqual(typ, "OK")
            messages.append(parts[0][1])
        return messages

    def wait_stored(self, user, count=1, folder=""):
        self.assertTrue(wait_for(lambda: len(maildir_files(self.daemon.data, DOMAIN, user,
                                                           folder)) >= count, 10),
                        self.daemon.log()[-2000:])

    def test_inbox_and_sent_read_over_imap(self):
        incoming = make_message(subject="for alice", to="alice@example.com")
        self.assertEqual(send(self.daemon.port, "someone@remote.test", ["alice@example.com"],
                              incoming), {})
        outgoing = make_message(subject="from alice", sender="alice@example.com",
                                to="bob@example.com")
        self.assertEqual(send(self.daemon.port, "alice@example.com", ["bob@example.com"],
                              outgoing), {})
        self.wait_stored("alice")
        self.wait_stored("alice", folder="Sent")

        m = self.imap("alice")
        [inbox] = self.fetch_all(m)
        # Dovecot gives the Maildir file back with CRLF: tandemd's three headers, then the
        # message as it was sent.
        self.assertTrue(inbox.startswith(b"Return-Path: <someone@remote.test>\r\n"
                                         b"Delivered-To: alice@example.com\r\nReceived: "),
                        inbox[:200])
        self.assertTrue(inbox.endswith(incoming), inbox[-300:])
        typ, folders = m.list()
        self.assertEqual(typ, "OK")
        self.assertTrue(any(f.endswith(b" Sent") or f.endswith(b' "Sent"') for f in folders),
                        folders)
        [sent] = self.fetch_all(m, "Sent")
        self.assertTrue(sent.endswith(outgoing), sent[-300:])
        self.assertIn("Login: user=<alice@example.com>", self.dovecot_said())

    def test_login_by_address_utf8_and_wrong_password(self):
        for user in ("alice", "bob"):
            self.assertEqual(send(self.daemon.port, "someone@remote.test",
                                  ["%s@example.com" % user], make_message(to=user)), {})
        self.wait_stored("alice")
        self.assertEqual(len(self.fetch_all(self.imap("ALICE@Example.com"))), 1)
        with self.assertRaises(imaplib.IMAP4.error):
            self.imap("alice", "wrong")
        with self.assertRaises(imaplib.IMAP4.error):
            self.imap("carol")  # no such user
        with self.assertRaises(imaplib.IMAP4.error):
            self.imap("alice", "bob's")  # bob's password is not alice's
        message = make_message(subject="Grüße", to="jörg@example.com")
        s = __import__("smtplib").SMTP("127.0.0.1", self.daemon.port, timeout=30)
        self.assertEqual(s.sendmail("someone@remote.test", ["JÖRG@example.com"], message,
                                    mail_options=["SMTPUTF8"]), {})
        s.quit()
        self.wait_stored("jörg")
        [stored] = self.fetch_all(self.imap("Jörg"))
        self.assertTrue(stored.endswith(message))

    def test_delivery_goes_on_into_a_maildir_dovecot_has_indexed(self):
        first = make_message(subject="first", to="alice@example.com")
        self.assertEqual(send(self.daemon.port, "someone@remote.test", ["alice@example.com"],
                              first), {})
        self.wait_stored("alice")
        m = self.imap("alice")
        typ, _ = m.select("INBOX")  # read-write: Dovecot moves it to cur/ and indexes it
        self.assertEqual(typ, "OK")
        box = os.path.join(self.daemon.data, "mailboxes", DOMAIN, "alice")
        self.assertTrue(wait_for(lambda: os.listdir(os.path.join(box, "cur")), 10))
        self.assertTrue(any(n.startswith("dovecot") for n in os.listdir(box)), os.listdir(box))
        second = make_message(subject="second", to="alice@example.com")
        self.assertEqual(send(self.daemon.port, "someone@remote.test", ["alice@example.com"],
                              second), {})
        self.wait_stored("alice", count=2)
        messages = self.fetch_all(self.imap("alice"))
        self.assertEqual(len(messages), 2)
        self.assertTrue(messages[1].endswith(second))
        self.assertNotIn("Error", self.daemon.log())


if __name__ == "__main__":
    unittest.main()
