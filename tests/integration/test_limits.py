"""Limits and robustness of the SMTP server (RFC 5321 §4.5.3, PRODUCT.md §5): pipelining,
connection limits, timeouts, recipient count, line lengths, bare CR/LF, the hop limit and a
clean stop on SIGTERM."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from tandemtest import (  # noqa: E402
    TandemTestCase, make_config, make_message, maildir_files, outbox, read_bytes, wait_for)

DOMAIN = "example.com"


class RawClient:
    """A byte-level SMTP client: sends exactly what it is given, reads whole replies."""

    def __init__(self, port, source="127.0.0.1", timeout=10):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                             source_address=(source, 0))
        self.buf = b""

    def send(self, data):
        self.sock.sendall(data)

    def reply_lines(self):
        """One reply as (code, [text of each line])."""
        lines = []
        while True:
            while b"\r\n" not in self.buf:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("closed; got %r" % (lines, ))
                self.buf += chunk
            line, self.buf = self.buf.split(b"\r\n", 1)
            lines.append(line)
            if len(line) < 4 or line[3:4] != b"-":
                return int(line[:3]), [l[4:] for l in lines]

    def reply(self):
        """One reply (all its lines) as (code, text of the last line)."""
        code, lines = self.reply_lines()
        return code, lines[-1]

    def closed(self, timeout=5):
        """True when the server closed the connection within `timeout`."""
        self.sock.settimeout(timeout)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
        except (socket.timeout, ConnectionResetError):
            return False

    def close(self):
        self.sock.close()


class Limits(TandemTestCase):

    def start(self, **extra):
        config = make_config(domain=DOMAIN, role="mailbox", extra={"smtp": extra})
        self.daemon = self.start_daemon(config)
        return self.daemon.port

    def client(self, port, source="127.0.0.1"):
        c = RawClient(port, source)
        self.addCleanup(c.close)
        code, _ = c.reply()
        self.assertEqual(code, 220)
        return c

    def test_pipelined_transaction_in_one_packet(self):
        port = self.start()
        c = self.client(port)
        c.send(b"EHLO lan.test\r\nMAIL FROM:<s@remote.test>\r\nRCPT TO:<alice@example.com>\r\n"
               b"RCPT TO:<nobody@example.com>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n")
        self.assertEqual(c.reply()[0], 250)  # EHLO
        self.assertEqual(c.reply(), (250, b"2.1.0 Sender ok"))
        self.assertEqual(c.reply()[0], 250)
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (550, b"5.1.1"))
        self.assertEqual(c.reply()[0], 250)
        self.assertEqual(c.reply()[0], 354)
        c.send(b"Subject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n")
        code, text = c.reply()
        self.assertEqual(code, 250, text)
        self.assertEqual(c.reply()[0], 221)
        data = self.daemon.data
        wait_for(lambda: maildir_files(data, DOMAIN, "bob"))
        self.assertEqual(len(maildir_files(data, DOMAIN, "alice")), 1)
        self.assertEqual(len(maildir_files(data, DOMAIN, "bob")), 1)
        self.assertEqual(maildir_files(data, DOMAIN, "nobody"), [])

    def test_connections_per_ip_limit(self):
        port = self.start(max_connections_per_ip=2)
        first = self.client(port)
        second = self.client(port)
        third = RawClient(port)
        self.addCleanup(third.close)
        code, text = third.reply()
        self.assertEqual((code, text[:5]), (421, b"4.7.0"))
        self.assertTrue(third.closed())
        # Another address still gets in, and a freed slot can be used again.
        other = self.client(port, source="127.0.0.66")
        first.send(b"QUIT\r\n")
        self.assertEqual(first.reply()[0], 221)
        self.assertTrue(wait_for(lambda: self._banner(port) == 220, timeout=5))
        del second, other

    def _banner(self, port):
        c = RawClient(port)
        try:
            return c.reply()[0]
        finally:
            c.close()

    def test_total_connection_limit(self):
        port = self.start(max_connections=2, max_connections_per_ip=2)
        self.client(port)
        self.client(port, source="127.0.0.66")
        third = RawClient(port, source="127.0.0.67")
        self.addCleanup(third.close)
        self.assertEqual(third.reply()[0], 421)

    def test_idle_client_is_cut_off(self):
        port = self.start(command_timeout_seconds=1)
        c = self.client(port)
        c.send(b"EHLO slow.test\r\n")
        self.assertEqual(c.reply()[0], 250)
        c.send(b"MAIL FROM:<s@remote.test>\r\n")
        self.assertEqual(c.reply()[0], 250)
        time.sleep(1.5)
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (421, b"4.4.2"))
        self.assertTrue(c.closed())

    def test_too_many_recipients(self):
        port = self.start(max_recipients=100)
        c = self.client(port)
        c.send(b"EHLO lan.test\r\nMAIL FROM:<s@remote.test>\r\n")
        c.reply()
        c.reply()
        for i in range(100):
            c.send(b"RCPT TO:<r%d@remote.test>\r\n" % i)
            self.assertEqual(c.reply()[0], 250)
        c.send(b"RCPT TO:<r100@remote.test>\r\n")
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (452, b"4.5.3"))

    def test_command_line_too_long(self):
        port = self.start()
        c = self.client(port)
        c.send(b"NOOP " + b"x" * 600 + b"\r\n")
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (500, b"5.5.2"))
        c.send(b"NOOP\r\n")  # the session goes on
        self.assertEqual(c.reply(), (250, b"2.0.0 Ok"))

    def test_non_ascii_command(self):
        port = self.start()
        c = self.client(port)
        c.send(b"EHLO caf\xc3\xa9.test\r\n")
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (500, b"5.5.2"))
        c.send(b"NO\x00OP\r\n")
        self.assertEqual(c.reply()[0], 500)

    def _data(self, c, payload):
        c.send(b"EHLO lan.test\r\nMAIL FROM:<s@remote.test>\r\nRCPT TO:<alice@example.com>\r\n"
               b"DATA\r\n")
        for expected in (250, 250, 250, 354):
            self.assertEqual(c.reply()[0], expected)
        c.send(payload)
        return c.reply()

    def test_bare_line_endings_never_end_data(self):
        port = self.start()
        for smuggle in (b"\n.\n", b"\r.\r", b"\n.\r\n", b"\r\n.\n", b"\r.\r\n"):
            c = self.client(port)
            # The smuggled "end" is followed by a smuggled transaction; neither may count.
            code, text = self._data(
                c, b"Subject: smuggle\r\n\r\nhello" + smuggle +
                b"MAIL FROM:<evil@remote.test>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n"
                b"Subject: smuggled\r\n\r\nx\r\n.\r\n")
            self.assertEqual((code, text[:5]), (554, b"5.6.0"), smuggle)
            c.send(b"QUIT\r\n")
            self.assertEqual(c.reply()[0], 221)
        time.sleep(0.5)
        self.assertEqual(maildir_files(self.daemon.data, DOMAIN, "alice"), [])
        self.assertEqual(maildir_files(self.daemon.data, DOMAIN, "bob"), [])
        self.assertEqual(outbox(self.daemon), [])

    def test_data_line_over_1000_octets(self):
        port = self.start()
        c = self.client(port)
        code, text = self._data(c, b"Subject: long\r\n\r\n" + b"a" * 1001 + b"\r\n.\r\n")
        self.assertEqual((code, text[:5]), (554, b"5.6.0"))
        # 998 octets plus CRLF is the limit, and is fine.
        code, text = self._data(c, b"Subject: long\r\n\r\n" + b"a" * 998 + b"\r\n.\r\n")
        self.assertEqual(code, 250, text)
        files = wait_for(lambda: maildir_files(self.daemon.data, DOMAIN, "alice"))
        self.assertEqual(len(files), 1)
        self.assertIn(b"\n" + b"a" * 998 + b"\n", read_bytes(files[0]))  # stored with LF

    def test_hop_limit_refused_at_end_of_data_with_5_4_6(self):
        config = make_config(domain=DOMAIN, role="mailbox", extra={"server": {"max_hops": 5}})
        self.daemon = self.start_daemon(config)
        c = self.client(self.daemon.port)
        received = b"".join(b"Received: from hop%d.test by x.test; Mon, 1 Jan 2024 00:00:00 +0000"
                            b"\r\n" % i for i in range(5))
        # alice@example.com is local and writes from the LAN: the notice reaches her INBOX.
        c.send(b"EHLO lan.test\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.com>\r\n"
               b"DATA\r\n")
        for expected in (250, 250, 250, 354):
            self.assertEqual(c.reply()[0], expected)
        c.send(received + b"Subject: loop\r\n\r\nround and round\r\n.\r\n")
        # Refused while the client still holds it (issue 10): accepting and then bouncing it
        # sent a notice, the whole message attached, to a sender who may well be forged.
        code, text = c.reply()
        self.assertEqual((code, text[:5]), (554, b"5.4.6"))
        time.sleep(1)
        data = self.daemon.data
        for user in ("alice", "bob", "postmaster"):
            self.assertEqual(maildir_files(data, DOMAIN, user), [])
        self.assertEqual(outbox(self.daemon), [])
        # One hop fewer is accepted.
        c.send(b"MAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n")
        for expected in (250, 250, 354):
            self.assertEqual(c.reply()[0], expected)
        c.send(received[received.index(b"\r\n") + 2:] + b"Subject: fine\r\n\r\nbody\r\n.\r\n")
        self.assertEqual(c.reply()[0], 250)
        self.assertTrue(wait_for(lambda: maildir_files(data, DOMAIN, "bob")))

    def test_sigterm_lets_open_transaction_finish(self):
        port = self.start()
        c = self.client(port)
        c.send(b"EHLO lan.test\r\nMAIL FROM:<s@remote.test>\r\nRCPT TO:<alice@example.com>\r\n")
        for _ in range(3):
            self.assertEqual(c.reply()[0], 250)
        idle = self.client(port)
        self.daemon.proc.send_signal(signal.SIGTERM)
        code, text = idle.reply()  # the idle session is told at once
        self.assertEqual((code, text[:5]), (421, b"4.3.2"))
        c.send(b"DATA\r\n")
        self.assertEqual(c.reply()[0], 354)
        c.send(b"Subject: last one\r\n\r\nbody\r\n.\r\n")
        code, text = c.reply()
        self.assertEqual(code, 250, text)
        self.assertTrue(c.closed())
        self.assertEqual(self.daemon.proc.wait(timeout=10), 0)
        files = maildir_files(self.daemon.data, DOMAIN, "alice")
        entries = outbox(self.daemon)
        # Stored now, or on the next start: either way exactly once.
        if not files:
            self.daemon.start()
            files = wait_for(lambda: maildir_files(self.daemon.data, DOMAIN, "alice"))
            entries = outbox(self.daemon)
        self.assertEqual(len(files), 1)
        self.assertEqual(len(entries), 1)


if __name__ == "__main__":
    unittest.main()
