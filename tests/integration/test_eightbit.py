"""8-bit mail and a next hop without 8BITMIME (issue 11, defect 2; RFC 6152): the message
goes with its 8-bit parts re-encoded, or comes back to its sender with 5.6.3 when its headers
are 8-bit; BODY=8BITMIME is declared only for a message that has 8-bit bytes."""

import sys

sys.dont_write_bytecode = True

import email  # noqa: E402
import email.policy  # noqa: E402
import unittest  # noqa: E402

from test_delivery import ALICE, DeliveryTestCase  # noqa: E402
from tandemtest import maildir_files, outbox, read_bytes, send, wait_for  # noqa: E402

TEXT = "Grüße aus Köln — 10 € für die Kaffeekasse.\r\n.dot at the start\r\n"


def eight_bit_message(subject="Kaffee", body=TEXT, attachment=None):
    """A UTF-8 text/plain message with Content-Transfer-Encoding: 8bit (or multipart with an
    8-bit binary attachment)."""
    head = ("From: Alice <alice@example.com>\r\nTo: <carol@remote.test>\r\nSubject: %s\r\n"
            "Message-ID: <8bit-%d@test.example>\r\nMIME-Version: 1.0\r\n"
            % (subject, id(body))).encode("utf-8")
    if attachment is None:
        return (head + b"Content-Type: text/plain; charset=utf-8\r\n"
                b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body.encode("utf-8"))
    return (head + b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
            b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body.encode("utf-8") +
            b"\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + attachment + b"\r\n--b1--\r\n")


class EightBit(DeliveryTestCase):

    def deliver(self, sink, message):
        daemon = self.start_daemon(self.delivery_config([self.route(sink)]))
        self.assertEqual(send(daemon.port, ALICE, ["carol@remote.test"], message), {})
        return daemon

    def test_converted_for_a_server_without_8bitmime(self):
        sink = self.sink(eight_bit_mime=False)
        attachment = bytes(range(128, 256)) * 4
        daemon = self.deliver(sink, eight_bit_message(attachment=attachment))
        [t] = self.wait_delivered(sink, daemon)
        self.assertNotIn("BODY=8BITMIME", " ".join(t["mail_params"]))
        self.assertFalse(any(b >= 0x80 for b in t["data"]), "8-bit bytes sent to a 7-bit server")
        parsed = email.message_from_bytes(t["data"], policy=email.policy.default)
        text, binary = [p for p in parsed.walk() if not p.is_multipart()]
        self.assertEqual(text["Content-Transfer-Encoding"], "quoted-printable")
        self.assertEqual(text.get_content(), TEXT)
        self.assertNotIn(b"=0D", t["data"])
        self.assertEqual(binary["Content-Transfer-Encoding"], "base64")
        self.assertEqual(binary.get_content(), attachment)
        self.assertEqual(parsed["Subject"], "Kaffee")

    def test_returned_with_5_6_3_when_headers_are_8bit(self):
        sink = self.sink(eight_bit_mime=False)
        daemon = self.deliver(sink, eight_bit_message(subject="Grüße"))
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, "example.com", "alice"), 15),
                        daemon.log()[-2000:])
        notice = read_bytes(maildir_files(daemon.data, "example.com", "alice")[0])
        self.assertIn(b"Status: 5.6.3", notice)
        self.assertIn(b"8BITMIME", notice)
        self.assertEqual(sink.transactions(), [])
        self.assertTrue(wait_for(lambda: not outbox(daemon), 10), outbox(daemon))

    def test_8bitmime_declared_only_when_needed(self):
        sink = self.sink()
        daemon = self.deliver(sink, eight_bit_message())
        [t] = self.wait_delivered(sink, daemon)
        self.assertIn("BODY=8BITMIME", t["mail_params"])
        self.assertIn(TEXT.encode("utf-8"), t["data"])  # unchanged for a server that takes it
        _, seven = self.message(to="carol@remote.test")
        self.assertEqual(send(daemon.port, ALICE, ["carol@remote.test"], seven), {})
        ts = self.wait_delivered(sink, daemon, count=2)
        self.assertNotIn("BODY=8BITMIME", ts[1]["mail_params"])

    def test_seven_bit_message_unchanged_for_a_server_without_8bitmime(self):
        sink = self.sink(eight_bit_mime=False)
        _, seven = self.message(to="carol@remote.test")
        daemon = self.deliver(sink, seven)
        [t] = self.wait_delivered(sink, daemon)
        self.assertTrue(t["data"].endswith(seven), "a 7-bit message was rewritten")


if __name__ == "__main__":
    unittest.main()
