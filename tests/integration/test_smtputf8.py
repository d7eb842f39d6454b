"""SMTPUTF8 (RFC 6531; issue 11, defect 6): UTF-8 local parts and internationalized domains
are taken when MAIL says SMTPUTF8 and refused with 553 5.6.7 when it does not; IDN domains
are compared in their A-label form; a UTF-8 local part's mailbox folder is its NFC lower-case
name, and a name that could hide or change a path gets no folder of its own; mail goes on
with SMTPUTF8 to a next hop that offers it and comes back with 5.6.7 (RFC 6533 reports)
from one that does not."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import smtplib  # noqa: E402
import socket  # noqa: E402
import unicodedata  # noqa: E402
import unittest  # noqa: E402

from test_delivery import ALICE, DOMAIN, HOSTNAME, NO_DNS, DeliveryTestCase  # noqa: E402
from tandemtest import (  # noqa: E402
    lf, make_config, maildir_files, outbox, read_bytes, wait_for, wait_stable)

JOERG = "jörg"
IDN = "bücher.example"
IDN_ACE = "xn--bcher-kva.example"
CHINESE = "用户@remote.test"


def utf8_message(sender, to, subject="SMTPUTF8 test", body="Hallo Jörg.\r\n", received=""):
    """A message with raw UTF-8 in its header (RFC 6532) and body, CRLF line ends."""
    return (received +
            "From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <utf8-%d@test.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n%s"
            % (sender, to, subject, os.getpid(), body)).encode("utf-8")


class Smtputf8(DeliveryTestCase):

    def start(self, routes=(), users=("alice", "bob", JOERG), local_domains=(), role="custom",
              undelivered=None):
        config = self.delivery_config(list(routes))
        config["mailboxes"]["users"] = [{"name": u} for u in users]
        config["server"]["local_domains"] = list(local_domains)
        if role != "custom":
            config = make_config(domain=DOMAIN, role=role, hostname=HOSTNAME,
                                 undelivered_action=undelivered,
                                 extra={"outgoing": {"dns_server": NO_DNS}})
        return self.start_daemon(config)

    def smtp(self, daemon):
        s = smtplib.SMTP("127.0.0.1", daemon.port, timeout=30)
        self.addCleanup(s.close)
        return s

    def raw(self, daemon):
        """A raw socket after EHLO, and a function that sends one line and returns the reply."""
        sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=30)
        self.addCleanup(sock.close)
        f = sock.makefile("rb")

        def reply():
            lines = []
            while True:
                line = f.readline()
                self.assertTrue(line, "connection closed")
                lines.append(line)
                if line[3:4] != b"-":
                    return b"".join(lines)

        def say(line):
            sock.sendall(line + b"\r\n")
            return reply()
        reply()
        self.assertTrue(say(b"EHLO client.test").startswith(b"250"))
        return say

    # -- receiving

    def test_offered_and_utf8_mail_filed_in_the_utf8_mailbox(self):
        daemon = self.start()
        s = self.smtp(daemon)
        s.ehlo("client.test")
        self.assertTrue(s.has_extn("smtputf8"), s.esmtp_features)
        msg = utf8_message("Jörg <jörg@example.com>", "JÖRG@example.com", subject="Grüße")
        # smtplib sends the commands in UTF-8 and MAIL with SMTPUTF8 (it checks the offer).
        self.assertEqual(s.sendmail("jörg@example.com", ["JÖRG@example.com"], msg,
                                    mail_options=["SMTPUTF8"]), {})
        files = self.wait_files(daemon.data, DOMAIN, JOERG)
        stored = read_bytes(files[0])
        self.assertTrue(stored.endswith(lf(msg)), stored[-400:])
        self.assertTrue(stored.startswith("Return-Path: <jörg@example.com>\n"
                                          "Delivered-To: JÖRG@example.com\n".encode()),
                        stored[:200])
        self.assertIn(b" with UTF8SMTP id ", stored)
        self.assertIn("for <JÖRG@example.com>".encode(), stored)
        # The mailbox folder is the NFC lower-case name, nothing else was made.
        boxes = os.listdir(os.path.join(daemon.data, "mailboxes", DOMAIN))
        self.assertEqual([b for b in boxes if not b.startswith(".")], [JOERG])

    def test_one_mailbox_whatever_the_normalization_or_case(self):
        daemon = self.start()
        decomposed = unicodedata.normalize("NFD", "Jörg") + "@example.com"
        self.assertNotEqual(decomposed, "Jörg@example.com")
        for rcpt in (decomposed, "JÖRG@example.com", "jörg@example.com"):
            s = self.smtp(daemon)
            self.assertEqual(s.sendmail(ALICE, [rcpt], utf8_message(ALICE, rcpt),
                                        mail_options=["SMTPUTF8"]), {}, rcpt)
            s.quit()
        self.wait_files(daemon.data, DOMAIN, JOERG, count=3)
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, JOERG)), 3)

    def test_idn_domain_compared_as_a_label(self):
        # Configured in its Unicode form; mail for both forms reaches the same mailbox.
        daemon = self.start(users=("alice", "info@" + IDN), local_domains=(IDN,))
        for rcpt in ("info@" + IDN, "info@" + IDN_ACE.upper(), "info@BÜCHER.example"):
            s = self.smtp(daemon)
            options = [] if rcpt.isascii() else ["SMTPUTF8"]
            self.assertEqual(s.sendmail(ALICE, [rcpt], utf8_message(ALICE, rcpt),
                                        mail_options=options), {}, rcpt)
            s.quit()
        self.wait_files(daemon.data, IDN_ACE, "info", count=3)
        self.assertEqual(os.listdir(os.path.join(daemon.data, "mailboxes")), [IDN_ACE])
        # An unknown user of the IDN domain is refused like any other.
        s = self.smtp(daemon)
        s.ehlo("client.test")
        s.mail(ALICE, ["SMTPUTF8"])
        s.command_encoding = "utf-8"
        code, text = s.rcpt("nobody@" + IDN)
        self.assertEqual(code, 550, text)

    def test_utf8_address_without_smtputf8_refused_with_5_6_7(self):
        daemon = self.start()
        say = self.raw(daemon)
        self.assertTrue(say("MAIL FROM:<jörg@example.com>".encode()).startswith(b"553 5.6.7"))
        self.assertTrue(say(b"MAIL FROM:<alice@example.com>").startswith(b"250"))
        self.assertTrue(say("RCPT TO:<jörg@example.com>".encode()).startswith(b"553 5.6.7"))
        self.assertTrue(say(b"RSET").startswith(b"250"))
        # With SMTPUTF8 the same address is taken; malformed UTF-8 never is.
        self.assertTrue(say("MAIL FROM:<jörg@example.com> SMTPUTF8".encode()).startswith(b"250"))
        self.assertTrue(say(b"RCPT TO:<j\xf6rg@example.com>").startswith(b"500 5.5.2"))
        self.assertTrue(say(b"RCPT TO:<\xc0\xafetc@example.com>").startswith(b"500 5.5.2"))
        self.assertTrue(say("RCPT TO:<jörg@example.com>".encode()).startswith(b"250"))
        self.assertTrue(say(b"RSET").startswith(b"250"))
        self.assertTrue(say(b"MAIL FROM:<alice@example.com> SMTPUTF8=yes").startswith(b"501"))
        # UTF-8 belongs in addresses only.
        self.assertTrue(say("NOOP grüße".encode()).startswith(b"500 5.5.2"))
        self.assertTrue(say("EHLO bücher.example".encode()).startswith(b"500 5.5.2"))

    def test_unsafe_local_parts_get_no_folder_of_their_own(self):
        # An Archive makes a mailbox for every recipient; a name that would hide characters
        # or look like a path goes to the catch-all instead, and nothing is refused.
        daemon = self.start(role="archive")
        unsafe = ["a\u202eb@example.com", "zero\u200bwidth@example.com",
                  "\"two words\"@example.com", "a\u2215b@example.com"]
        s = self.smtp(daemon)
        relayed = "Received: from lan.example.com by mailbox.example.com; " \
                  "Mon, 30 Nov 2026 12:00:00 +0000\r\n"
        self.assertEqual(s.sendmail(ALICE, unsafe + ["mañana@example.com"],
                                    utf8_message(ALICE, "list@example.com", received=relayed),
                                    mail_options=["SMTPUTF8"]), {})
        self.wait_files(daemon.data, DOMAIN, "mañana")
        self.wait_files(daemon.data, DOMAIN, "postmaster")
        boxes = sorted(os.listdir(os.path.join(daemon.data, "mailboxes", DOMAIN)))
        self.assertEqual([b for b in boxes if not b.startswith(".")],
                         ["alice", "mañana", "postmaster"])
        catch_all = read_bytes(maildir_files(daemon.data, DOMAIN, "postmaster")[0])
        self.assertIn("a\u202eb@example.com".encode(), catch_all)

    # -- sending

    def test_passed_on_with_smtputf8_to_a_server_that_offers_it(self):
        sink = self.sink(smtputf8=True)
        daemon = self.start(routes=[self.route(sink)])
        msg = utf8_message("jörg@example.com", CHINESE, subject="你好")
        s = self.smtp(daemon)
        self.assertEqual(s.sendmail("jörg@example.com", [CHINESE], msg,
                                    mail_options=["SMTPUTF8"]), {})
        [t] = self.wait_delivered(sink, daemon)
        self.assertEqual(t["mail_from"], "jörg@example.com")
        self.assertEqual(t["rcpt_to"], [CHINESE])
        self.assertIn("SMTPUTF8", t["mail_params"])
        self.assertIn("BODY=8BITMIME", t["mail_params"])
        self.assertTrue(t["data"].endswith(msg), t["data"][-300:])

    def test_ascii_mail_sent_without_smtputf8(self):
        # SMTPUTF8 given but nothing in the envelope or header needs it: a server without it
        # gets the message plainly.
        sink = self.sink()
        daemon = self.start(routes=[self.route(sink)])
        _, msg = self.message(to="carol@remote.test")
        s = self.smtp(daemon)
        self.assertEqual(s.sendmail(ALICE, ["carol@remote.test"], msg,
                                    mail_options=["SMTPUTF8"]), {})
        [t] = self.wait_delivered(sink, daemon)
        self.assertNotIn("SMTPUTF8", t["mail_params"])
        self.assertTrue(t["data"].endswith(msg))

    def test_utf8_recipient_returned_with_5_6_7_others_delivered(self):
        sink = self.sink()  # no SMTPUTF8
        daemon = self.start(routes=[self.route(sink)])
        _, msg = self.message(to="friends@remote.test")
        s = self.smtp(daemon)
        self.assertEqual(s.sendmail(ALICE, [CHINESE, "carol@remote.test"], msg,
                                    mail_options=["SMTPUTF8"]), {})
        [t] = self.wait_delivered(sink, daemon)
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        self.assertNotIn("SMTPUTF8", t["mail_params"])
        notice = self.wait_notice(daemon)
        self.assertIn(b"Status: 5.6.7", notice)
        self.assertIn(b"SMTPUTF8", notice)
        # RFC 6533: a UTF-8 address is of type utf-8, in a global delivery-status part.
        self.assertIn("Final-Recipient: utf-8; %s" % CHINESE, notice.decode("utf-8"))
        self.assertIn(b"Content-Type: message/global-delivery-status", notice)
        self.assertNotIn(b"carol@remote.test>:", notice)  # carol's copy went

    def test_utf8_header_returned_with_5_6_7(self):
        sink = self.sink()  # no SMTPUTF8
        daemon = self.start(routes=[self.route(sink)])
        msg = utf8_message(ALICE, "carol@remote.test", subject="Grüße")
        s = self.smtp(daemon)
        self.assertEqual(s.sendmail(ALICE, ["carol@remote.test"], msg,
                                    mail_options=["SMTPUTF8"]), {})
        notice = self.wait_notice(daemon)
        self.assertIn(b"Status: 5.6.7", notice)
        self.assertIn(b"Final-Recipient: rfc822; carol@remote.test", notice)
        self.assertEqual(sink.transactions(), [])
        self.assertTrue(wait_for(lambda: not outbox(daemon), 10), outbox(daemon))

    def test_notice_to_a_utf8_sender(self):
        # The sender has a UTF-8 address: its failure notice goes with SMTPUTF8 and lands in
        # the UTF-8 mailbox.
        sink = self.sink(smtputf8=True, refuse={"carol@remote.test": (550, "5.1.1 no such user")})
        daemon = self.start(routes=[self.route(sink)])
        msg = utf8_message("jörg@example.com", "carol@remote.test")
        s = self.smtp(daemon)
        self.assertEqual(s.sendmail("jörg@example.com", ["carol@remote.test"], msg,
                                    mail_options=["SMTPUTF8"]), {})
        files = self.wait_files(daemon.data, DOMAIN, JOERG, timeout=20)
        notice = read_bytes(files[0])
        self.assertIn("To: <jörg@example.com>".encode(), notice)
        self.assertIn(b"Status: 5.1.1", notice)
        self.assertIn(b"Content-Type: message/global-delivery-status", notice)

    def wait_notice(self, daemon):
        self.assertTrue(wait_for(lambda: self.notices(daemon), 15), daemon.log()[-2000:])
        wait_stable(lambda: len(self.notices(daemon)), timeout=10, quiet=1.0)
        notices = self.notices(daemon)
        self.assertEqual(len(notices), 1, notices)
        return read_bytes(notices[0])


if __name__ == "__main__":
    unittest.main()
