"""A real mail reader reads the Maildir tandemd wrote (issue 11, defect 3; PRODUCT.md §4).

Mailboxes are Maildir++ "so that other tools read them unchanged". s-nail (like mutt) reads a
Maildir file as a local file, with LF line ends: a file stored with CRLF, as the message came
over SMTP, shows "Invalid character set name $'utf-8\\r'", and the blank line before the body
is not seen as one, so the body is taken for broken header lines.
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, mailbox_dir, send)

DOMAIN = "example.com"
HOSTNAME = "mailbox.example.com"
EXTERNAL = "127.0.0.66"

SUBJECT_ENCODED = "=?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?="
SUBJECT = "Gr\u00fc\u00dfe aus K\u00f6ln"
BODY = ["K\u00e4se und Br\u00f6tchen f\u00fcr alle.", "", "Zweiter Absatz: \u20ac 5,00."]


def read_with_snail(maildir, commands):
    """Runs s-nail in batch mode on a Maildir folder; returns (exit status, output)."""
    env = dict(os.environ, MAILRC="/dev/null", LC_ALL="C.UTF-8", HOME=maildir)
    cp = subprocess.run(
        ["s-nail", "-#", "-N", "-R", "-f", "maildir://" + maildir],
        input=("set ttycharset=utf-8\n" + commands + "\nx\n").encode(),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=30)
    return cp.returncode, cp.stdout.decode("utf-8", "replace")


@unittest.skipUnless(shutil.which("s-nail"), "s-nail is not installed (scripts/dev.sh installs it)")
class MaildirReadBySnail(TandemTestCase):

    def setUp(self):
        super().setUp()
        self.daemon = self.start_daemon(make_config(domain=DOMAIN, role="mailbox",
                                                    hostname=HOSTNAME))

    def test_snail_reads_a_utf8_message(self):
        original = make_message(subject=SUBJECT_ENCODED, sender="sender@remote.test",
                                to="alice@example.com", body_lines=BODY,
                                extra_headers=["Content-Transfer-Encoding: 8bit"])
        self.assertEqual(send(self.daemon.port, "sender@remote.test", ["alice@example.com"],
                              original, source=EXTERNAL), {})
        files = self.wait_files(self.daemon.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "alice's INBOX: %r" % files)

        status, out = read_with_snail(mailbox_dir(self.daemon.data, DOMAIN, "alice"),
                                      "headers\np 1")
        self.assertEqual(status, 0, out)
        self.assertNotIn("Invalid character set", out)
        self.assertNotIn("Not a header line", out)
        # The summary line and the shown message carry the decoded subject.
        summary = [line for line in out.splitlines() if "sender@remote.test" in line
                   and SUBJECT in line]
        self.assertTrue(summary, "no summary line with the subject in:\n" + out)
        self.assertIn("Subject: " + SUBJECT + "\n", out)
        # The header section ends at the blank line and the body follows it, decoded.
        shown = out[out.index("Subject: " + SUBJECT):]
        self.assertIn("\n\n" + "\n".join(BODY) + "\n", shown)
        self.assertNotIn("\r", out)


if __name__ == "__main__":
    unittest.main()
