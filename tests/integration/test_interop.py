"""Interoperability with other mail servers' habits (issue 11).

Exim ends a conversation by sending the end of DATA and QUIT in one write and then shutting
down its sending side (shutdown(SHUT_WR)) while it goes on reading. A server that takes the
end of input for the end of the session loses the replies: Exim defers ("Remote host closed
connection in response to end of data") and sends the message again, so it is stored twice.
These tests send the same bytes over a raw socket and read until the server closes.

Plain text only: over TLS (Exim sends close_notify, then the TCP FIN) Qt's QSslSocket ends
the whole session on either and cannot encrypt a reply after that; not covered (see README).
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    TandemTestCase, free_ports, lf, make_config, make_message, maildir_files, read_bytes,
    send, wait_for, wait_stable)

DOMAIN = "example.com"
HOSTNAME = "mailbox.example.com"
EXTERNAL = "127.0.0.66"  # an "Internet" client: not in relay_networks
READ_LIMIT = 15.0        # bound of the wait for the server to close after our half-close


class HalfClose(TandemTestCase):
    """A client that half-closes after its last command still gets every reply."""

    def setUp(self):
        super().setUp()
        self.daemon = self.start_daemon(make_config(domain=DOMAIN, role="mailbox",
                                                    hostname=HOSTNAME))

    def open(self):
        sock = socket.create_connection(("127.0.0.1", self.daemon.port), timeout=READ_LIMIT,
                                        source_address=(EXTERNAL, 0))
        self.addCleanup(sock.close)
        self.buffer = b""
        self.expect(sock, b"220 ")
        return sock

    def expect(self, sock, code):
        """Reads until a final reply line starting with `code` has arrived; returns it."""
        deadline = time.monotonic() + READ_LIMIT
        while True:
            lines = self.buffer.split(b"\r\n")
            for i, line in enumerate(lines[:-1]):
                if line[:4] == code:
                    self.buffer = b"\r\n".join(lines[i + 1:])
                    return line
            if time.monotonic() > deadline:
                self.fail("no %r reply; got %r" % (code, self.buffer))
            chunk = sock.recv(65536)
            if not chunk:
                self.fail("connection closed before %r; got %r" % (code, self.buffer))
            self.buffer += chunk

    def read_to_eof(self, sock):
        """Everything the server sends until it closes (bounded by READ_LIMIT)."""
        data = self.buffer
        deadline = time.monotonic() + READ_LIMIT
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
        return data

    def inbox(self):
        return maildir_files(self.daemon.data, DOMAIN, "alice")

    def assertStoredOnce(self, marker):
        wait_stable(lambda: len(self.inbox()), timeout=10.0, quiet=1.0)
        copies = [p for p in self.inbox() if marker in read_bytes(p)]
        self.assertEqual(len(copies), 1, "copies of the message in alice's INBOX: %r"
                         % self.inbox())

    def message(self):
        marker = ("half-close %s %d" % (self._testMethodName, time.time_ns())).encode()
        msg = make_message(subject=marker.decode(), to="alice@example.com")
        return marker, msg[:-2]  # without the last CRLF: the end of DATA brings it

    def open_data(self):
        """A connection that has said EHLO, MAIL, RCPT and DATA, one at a time, and got 354."""
        sock = self.open()
        for command, code in ((b"EHLO exim.remote.test", b"250 "),
                              (b"MAIL FROM:<sender@remote.test>", b"250 "),
                              (b"RCPT TO:<alice@example.com>", b"250 "),
                              (b"DATA", b"354 ")):
            sock.sendall(command + b"\r\n")
            self.expect(sock, code)
        return sock

    def end_data_quit_and_half_close(self, sock):
        """Exim's way: the message, the end of DATA and QUIT in one write, then SHUT_WR; both
        replies must come back and the message be stored once."""
        marker, msg = self.message()
        sock.sendall(msg + b"\r\n.\r\nQUIT\r\n")
        sock.shutdown(socket.SHUT_WR)
        replies = self.read_to_eof(sock)
        self.assertIn(b"250 2.0.0", replies, "no reply to the end of DATA: %r" % replies)
        self.assertIn(b"\r\n221 ", b"\r\n" + replies, "no reply to QUIT: %r" % replies)
        self.assertStoredOnce(marker)

    def test_end_of_data_and_quit_then_half_close(self):
        # Exim's bytes: the message, "\r\n.\r\nQUIT\r\n" in one write, then SHUT_WR.
        sock = self.open_data()
        self.end_data_quit_and_half_close(sock)

    def test_pipelined_transaction_then_half_close(self):
        # RFC 2920: MAIL, RCPT and DATA in one go after EHLO; the message and QUIT in one
        # write after 354, then SHUT_WR.
        sock = self.open()
        sock.sendall(b"EHLO exim.remote.test\r\n")
        self.expect(sock, b"250 ")
        sock.sendall(b"MAIL FROM:<sender@remote.test>\r\nRCPT TO:<alice@example.com>\r\n"
                     b"DATA\r\n")
        self.expect(sock, b"354 ")
        self.end_data_quit_and_half_close(sock)

    def test_commands_and_half_close_in_one_write(self):
        # Everything up to QUIT buffered at once, then SHUT_WR: every command is answered.
        sock = self.open()
        sock.sendall(b"EHLO exim.remote.test\r\nNOOP\r\nRSET\r\nQUIT\r\n")
        sock.shutdown(socket.SHUT_WR)
        replies = self.read_to_eof(sock)
        self.assertEqual(replies.count(b"\r\n250 "), 3, replies)
        self.assertIn(b"\r\n221 ", replies)

    def test_half_close_in_the_middle_of_a_command_line(self):
        # The partial line is dropped; the complete commands before it are answered.
        sock = self.open()
        sock.sendall(b"EHLO exim.remote.test\r\nNOOP\r\nMAIL FROM:<sender@re")
        sock.shutdown(socket.SHUT_WR)
        replies = self.read_to_eof(sock)
        self.assertIn(b"\r\n250 2.0.0", replies, "no reply to NOOP: %r" % replies)
        self.assertEqual(replies.count(b"\r\n250 "), 2, replies)
        self.assertNotIn(b"\r\n5", replies, "the partial line was taken for a command")

    def test_half_close_in_the_middle_of_a_message_stores_nothing(self):
        sock = self.open_data()
        marker, msg = self.message()
        sock.sendall(msg)
        sock.shutdown(socket.SHUT_WR)
        replies = self.read_to_eof(sock)
        self.assertNotIn(b"250 2.0.0", replies)
        time.sleep(0.5)
        self.assertEqual(self.inbox(), [], "an unfinished message was stored")


POSTFIX = shutil.which("postfix", path="/usr/sbin:/usr/bin")
POSTCONF = shutil.which("postconf", path="/usr/sbin:/usr/bin")


@unittest.skipUnless(POSTFIX and POSTCONF and os.geteuid() == 0,
                     "needs Postfix and root (its master runs as root)")
class WithPostfix(TandemTestCase):
    """A private Postfix instance (tests/bench/relay_bench.py's way: its own main.cf,
    master.cf and queue in the test's folder, started with `postfix -c`, never touching
    /etc/postfix) relays example.com to Tandem and remote.test to a recording sink."""

    def setUp(self):
        super().setUp()
        self.postfix_port, tandem_port = free_ports(2)
        self.sink = Sink()
        self.addCleanup(self.sink.stop)
        base = os.path.join(self.tmpdir, "postfix")
        os.chmod(self.tmpdir, 0o711)  # Postfix's daemons, as user postfix, pass through it
        etc, spool, lib = (os.path.join(base, d) for d in ("etc", "spool", "lib"))
        for d in (etc, spool, lib):
            os.makedirs(d)
        shutil.chown(lib, "postfix")
        proto = "/etc/postfix/master.cf.proto"
        shutil.copy(proto if os.path.exists(proto) else "/etc/postfix/master.cf",
                    os.path.join(etc, "master.cf"))
        if os.path.exists("/etc/postfix/dynamicmaps.cf"):
            shutil.copy("/etc/postfix/dynamicmaps.cf", etc)
        self.postfix_log = os.path.join(base, "postfix.log")
        with open(os.path.join(etc, "main.cf"), "w") as f:
            f.write(f"""\
compatibility_level = 3.6
myhostname = relay.test
mydestination =
local_recipient_maps =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
transport_maps = inline:{{ {{example.com = smtp:[127.0.0.1]:{tandem_port}}},
    {{remote.test = smtp:[127.0.0.1]:{self.sink.port}}} }}
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
inet_interfaces = loopback-only
inet_protocols = ipv4
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
maillog_file = {self.postfix_log}
maillog_file_prefixes = {base}/
queue_directory = {spool}
data_directory = {lib}
""")
        postconf = [POSTCONF, "-c", etc]
        subprocess.run(postconf + ["-MX", "smtp/inet"], check=True)
        subprocess.run(postconf + ["-F", "*/*/chroot = n"], check=True)
        with open(os.path.join(etc, "master.cf"), "a") as f:
            f.write("127.0.0.1:%d inet n - n - - smtpd\n" % self.postfix_port)
        out = subprocess.run([POSTFIX, "-c", etc, "start"], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.addCleanup(subprocess.run, [POSTFIX, "-c", etc, "stop"], capture_output=True,
                        timeout=60)

        def listening():
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", self.postfix_port)) == 0
        self.assertTrue(wait_for(listening, 15.0), "Postfix does not listen")
        self.daemon = self.start_daemon(make_config(
            domain=DOMAIN, role="mailbox", hostname=HOSTNAME, port=tandem_port,
            passthrough={"copy_local_domains_to_outbox": False},
            static_routes=[{"domains": ["remote.test"], "host": "127.0.0.1",
                            "port": self.postfix_port, "tls": "off"}]))

    def postfix_said(self):
        try:
            with open(self.postfix_log, errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return "(no log)"

    def test_postfix_relays_to_tandem(self):
        marker = ("from postfix %d" % time.time_ns()).encode()
        original = make_message(subject=marker.decode(), to="alice@example.com")
        self.assertEqual(send(self.postfix_port, "sender@remote.test", ["alice@example.com"],
                              original), {})
        inbox = lambda: maildir_files(self.daemon.data, DOMAIN, "alice")  # noqa: E731
        wait_for(lambda: inbox(), 20.0, interval=0.2)
        wait_stable(lambda: len(inbox()), timeout=10.0, quiet=1.5)
        self.assertEqual(len(inbox()), 1, "alice's INBOX: %r\nPostfix's log:\n%s"
                         % (inbox(), self.postfix_said()))
        stored = read_bytes(inbox()[0])
        # Postfix adds its Received: line on top; the message itself arrives unchanged.
        self.assertTrue(stored.endswith(lf(original)), stored[-600:])
        self.assertIn(b"by relay.test (Postfix)", stored)

    def test_tandem_relays_to_postfix(self):
        marker = ("to postfix %d" % time.time_ns()).encode()
        original = make_message(subject=marker.decode(), sender="alice@example.com",
                                to="carol@remote.test")
        self.assertEqual(send(self.daemon.port, "alice@example.com", ["carol@remote.test"],
                              original), {})
        wait_for(lambda: self.sink.transactions(), 20.0, interval=0.2)
        wait_stable(lambda: len(self.sink.transactions()), timeout=10.0, quiet=1.5)
        ts = self.sink.transactions()
        self.assertEqual(len(ts), 1, "arrivals at the sink: %d\nPostfix's log:\n%s"
                         % (len(ts), self.postfix_said()))
        self.assertEqual(ts[0]["rcpt_to"], ["carol@remote.test"])
        self.assertTrue(ts[0]["data"].endswith(original), ts[0]["data"][-600:])
        self.assertIn(b"by relay.test (Postfix)", ts[0]["data"])
        # Tandem never dropped a connection mid-conversation (the CONNECT is our probe).
        self.assertNotRegex(self.postfix_said(), r"lost connection after (?!CONNECT from)")


if __name__ == "__main__":
    unittest.main()
