"""Interoperability with other mail servers (issue 11).

Exim's habit (class HalfClose): Exim ends a conversation by sending the end of DATA and QUIT
in one write and then shutting down its sending side (shutdown(SHUT_WR)) while it goes on
reading. A server that takes the end of input for the end of the session loses the replies:
Exim defers ("Remote host closed connection in response to end of data") and sends the message
again, so it is stored twice. These tests send the same bytes over a raw socket and read until
the server closes.

Over TLS (STARTTLS, and smtps) Exim with GnuTLS sends the end of DATA and QUIT in one record,
a close_notify, then the FIN, and reads on: the HalfCloseTls classes do the same through
ssl.SSLObject and memory BIOs, under TLS 1.3 and 1.2, and also with the FIN alone. WithExim
runs a real Exim 4.96 (unpacked by scripts/dev.sh deps) against Tandem over STARTTLS.

Postfix itself (classes derived from PostfixCase; skipped without Postfix or root): each test
starts a private Postfix 3.7 (class Postfix: main.cf, master.cf, queue and log in a folder of
its own, /etc/postfix never changed) in the configuration it needs, beside a Tandem Mailbox for
example.com. Postfix relays example.com to Tandem and remote.test to the recording sink
(sink.py); Tandem routes remote.test to Postfix. Outcomes are read where they land: Maildir
files in Tandem's data folder, what the sink recorded, Postfix's own log (TLS sessions, the
command counters of its disconnect lines, rejections) and Tandem's Outbox.

  WithPostfix      plain text each way, the bytes intact, one copy; Tandem's idle connection
                   to Postfix ends with QUIT.
  PostfixTls       Postfix -> Tandem with smtp_tls_security_level = encrypt (Tandem's
                   Received: says ESMTPS); Tandem -> Postfix on a `tls: required` route to an
                   smtpd with STARTTLS (Postfix logs the TLS session, and QUIT after it); a
                   `required` route to an smtpd without STARTTLS: nothing sent, EHLO then QUIT,
                   the entry deferred with a reply naming STARTTLS.
  EightBit         an 8-bit UTF-8 body each way, byte for byte, with BODY=8BITMIME (Postfix's
                   smtpd runs verbose to log the MAIL command it read); to an smtpd that
                   discards 8BITMIME from its EHLO reply Tandem sends 7-bit quoted-printable
                   or base64 that decodes to the same text, without BODY=8BITMIME.
  DeliveryReports  NOTIFY, ORCPT, RET and ENVID from a client through Postfix to Tandem: the
                   success report (Action: delivered, Original-Recipient, Original-Envelope-Id
                   decoded, headers only) back through Postfix; and from Tandem through
                   Postfix, which passes them on, with Tandem's failure report for a recipient
                   Postfix refuses at RCPT.
  Smtputf8         a UTF-8 sender and recipient each way with smtputf8_enable = yes; to an
                   smtpd with smtputf8_enable = no, the UTF-8 recipient returned with 5.6.7
                   and never named to Postfix.
"""

import sys

sys.dont_write_bytecode = True

import email  # noqa: E402
import email.policy  # noqa: E402
import errno  # noqa: E402
import glob  # noqa: E402
import grp  # noqa: E402
import os  # noqa: E402
import pwd  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import smtplib  # noqa: E402
import socket  # noqa: E402
import ssl  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    TandemTestCase, _test_failed, free_ports, lf, make_certificate, make_config, make_message,
    maildir_files, outbox, quit_quietly, read_bytes, send, split_stored, wait_for, wait_stable)

DOMAIN = "example.com"
HOSTNAME = "mailbox.example.com"
EXTERNAL = "127.0.0.66"  # an "Internet" client: not in relay_networks
READ_LIMIT = 15.0        # bound of the wait for the server to close after our half-close


class HalfClose(TandemTestCase):
    """A client that half-closes after its last command still gets every reply."""

    def setUp(self):
        super().setUp()
        self.daemon = self.start_daemon(self.config())

    def config(self):
        return make_config(domain=DOMAIN, role="mailbox", hostname=HOSTNAME)

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.daemon.port), timeout=READ_LIMIT,
                                        source_address=(EXTERNAL, 0))
        self.addCleanup(sock.close)
        self.buffer = b""
        return sock

    def open(self):
        sock = self.connect()
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


# One self-signed certificate for the module's TLS listeners, made by openssl on first use.
CERTIFICATE = {}


def certificate():
    """(certificate, key) PEM paths for mailbox.example.com."""
    if not CERTIFICATE:
        folder = tempfile.mkdtemp(prefix="tandem-it-interop-certs-")
        CERTIFICATE.update(dir=folder, pair=make_certificate(folder, HOSTNAME))
    return CERTIFICATE["pair"]


def with_tls(config, folder, mode):
    """`config` with the module's certificate (copied into folder/tls) and its listener in
    `mode` ("smtp": STARTTLS offered; "smtps")."""
    cert, key = certificate()
    tls = os.path.join(folder, "tls")
    os.makedirs(tls)
    shutil.copy(cert, os.path.join(tls, "cert.pem"))
    shutil.copy(key, os.path.join(tls, "key.pem"))
    config["smtp"]["listeners"][0]["mode"] = mode
    config["smtp"]["tls"] = {"certificate": "tls/cert.pem", "key": "tls/key.pem"}
    return config


def tearDownModule():
    if CERTIFICATE:
        shutil.rmtree(CERTIFICATE["dir"], ignore_errors=True)


class TlsChannel:
    """A TLS client on a connected socket, through ssl.SSLObject and memory BIOs, so that the
    test decides what goes on the wire and when: a write's records, a close_notify, the FIN.
    It has the socket methods HalfClose's helpers use (sendall, recv, shutdown)."""

    def __init__(self, sock, context, close_notify=True):
        self.sock = sock
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.tls = context.wrap_bio(self.incoming, self.outgoing, server_side=False)
        self.close_notify = close_notify
        self.ended = None  # how the server ended: "close_notify" (then the FIN) or "FIN" alone
        while True:
            try:
                self.tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._send_pending()
                if not self._receive():
                    raise ConnectionError("the server closed during the TLS handshake")
        self._send_pending()

    def _send_pending(self):
        data = self.outgoing.read()
        if data:
            self.sock.sendall(data)

    def _receive(self):
        """Feeds what the socket has to the TLS object; False at the end of the connection."""
        chunk = self.sock.recv(65536)
        if chunk:
            self.incoming.write(chunk)
        else:
            self.incoming.write_eof()
        return bool(chunk)

    def sendall(self, data):
        self.tls.write(data)  # one write, one record (up to 16 KiB), as Exim's tls_write
        self._send_pending()

    def recv(self, size):
        """Decrypted bytes; b"" once the server's close_notify or its FIN has arrived."""
        while True:
            try:
                data = self.tls.read(size)
                if not data:  # the close_notify, when we sent none
                    self.ended = "close_notify"
                return data
            except ssl.SSLWantReadError:
                self._receive()
            except ssl.SSLZeroReturnError:
                self.ended = "close_notify"
                return b""
            except ssl.SSLEOFError:
                self.ended = "FIN"
                return b""

    def shutdown(self, how):
        """Exim's end (GnuTLS): gnutls_bye(GNUTLS_SHUT_WR) - a close_notify, without waiting
        for the server's - then shutdown(SHUT_WR); reading goes on."""
        try:
            if self.close_notify:
                try:
                    self.tls.unwrap()
                except ssl.SSLWantReadError:
                    pass  # ours is out; the server's is not awaited
                self._send_pending()
            self.sock.shutdown(how)
        except OSError as e:
            # The server answered a QUIT and closed before the close_notify came, and its
            # kernel reset: what it sent before is still read, and checked.
            if e.errno not in (errno.EPIPE, errno.ECONNRESET, errno.ENOTCONN):
                raise


class HalfCloseTls(HalfClose):
    """HalfClose's tests over STARTTLS, the client ending as Exim with GnuTLS does: the end of
    DATA and QUIT in one record, a close_notify, then the FIN; replies are read on."""

    mode = "smtp"         # "smtp": STARTTLS; "smtps": TLS from the first byte
    maximum_version = None
    close_notify = True

    def config(self):
        return with_tls(super().config(), self.tmpdir, self.mode)

    def context(self):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE  # self-signed
        if self.maximum_version is not None:
            ctx.maximum_version = self.maximum_version
        return ctx

    def open(self):
        sock = self.connect()
        if self.mode == "smtp":
            self.expect(sock, b"220 ")
            sock.sendall(b"EHLO exim.remote.test\r\n")
            self.expect(sock, b"250 ")
            sock.sendall(b"STARTTLS\r\n")
            self.expect(sock, b"220 ")
            self.assertEqual(self.buffer, b"", "plain text after the 220 to STARTTLS")
        channel = TlsChannel(sock, self.context(), close_notify=self.close_notify)
        self.assertEqual(channel.tls.version(), "TLSv1.2" if self.maximum_version else "TLSv1.3")
        if self.mode == "smtps":
            self.expect(channel, b"220 ")
        return channel

    def end_data_quit_and_half_close(self, sock):
        super().end_data_quit_and_half_close(sock)
        if not self.close_notify:
            # Tandem ends with its own close_notify when it can; after the client's, Qt's
            # socket sends none (nor need it: the client has stopped sending).
            self.assertEqual(sock.ended, "close_notify")


class HalfCloseTls12(HalfCloseTls):
    """The same under TLS 1.2, whose RFC (5246 §7.2.1) would answer a close_notify at once
    and drop what is still to be written; Exim reads on for the replies all the same."""
    maximum_version = ssl.TLSVersion.TLSv1_2


class HalfCloseSmtps(HalfCloseTls):
    """The same on an smtps listener (RFC 8314: TLS from the first byte)."""
    mode = "smtps"


class HalfCloseTlsWithoutCloseNotify(HalfCloseTls):
    """A client that ends with the FIN alone, without a close_notify first."""
    close_notify = False


POSTFIX = shutil.which("postfix", path="/usr/sbin:/usr/bin")
POSTCONF = shutil.which("postconf", path="/usr/sbin:/usr/bin")
NO_DNS = "127.0.0.154"  # outgoing.dns_server where nothing answers: static routes only
PASS_ON = 20.0          # bound of a wait for Postfix or Tandem to pass a message on


def listening(port):
    """Whether something listens on 127.0.0.1:port, read from /proc/net/tcp so that the check
    leaves no "lost connection after CONNECT" in Postfix's log."""
    want = "0100007F:%04X" % port
    with open("/proc/net/tcp") as f:
        next(f)
        return any(fields[1] == want and fields[3] == "0A"
                   for fields in (line.split() for line in f))


def submit(port, sender, recipients, data, mail_options=(), rcpt_options=()):
    """smtplib's sendmail with ESMTP parameters on MAIL and on every RCPT; returns the refused
    recipients ({} when all were accepted)."""
    s = smtplib.SMTP("127.0.0.1", port, timeout=30)
    try:
        return s.sendmail(sender, recipients, data, list(mail_options), list(rcpt_options))
    finally:
        quit_quietly(s)


class Postfix:
    """A private Postfix instance (tests/bench/relay_bench.py's way): its own main.cf,
    master.cf, queue and log in a folder of its own (`base`), started with `postfix -c`;
    /etc/postfix is only read (master.cf.proto), never changed.

    routes:    {domain: port}: Postfix relays the domain to 127.0.0.1:port, no DNS asked.
    listeners: {port: ["name=value", ...]}: one smtpd on 127.0.0.1:port each, the parameters
               given as its `-o` options (master.cf's per-service overrides).
    main_cf:   further main.cf lines (TLS and the like).
    tls:       smtpd offers STARTTLS, with a fresh self-signed certificate for relay.test.
    Postfix logs its TLS sessions (smtp_tls_loglevel and smtpd_tls_loglevel 1) to
    <base>/postfix.log.

    base is a short folder in /tmp, not one inside the test's: Postfix's sockets are in its
    queue folder, and a socket's path holds at most 107 bytes."""

    def __init__(self, routes, listeners, main_cf="", tls=False):
        self.base = base = tempfile.mkdtemp(prefix="tandem-pf-")
        os.chmod(base, 0o711)  # Postfix's daemons, as user postfix, pass through it
        self.ports = list(listeners)
        self.etc = os.path.join(base, "etc")
        self.log_path = os.path.join(base, "postfix.log")
        spool, lib = os.path.join(base, "spool"), os.path.join(base, "lib")
        for d in (self.etc, spool, lib):
            os.makedirs(d)
        shutil.chown(lib, "postfix")
        proto = "/etc/postfix/master.cf.proto"
        shutil.copy(proto if os.path.exists(proto) else "/etc/postfix/master.cf",
                    os.path.join(self.etc, "master.cf"))
        if os.path.exists("/etc/postfix/dynamicmaps.cf"):
            shutil.copy("/etc/postfix/dynamicmaps.cf", self.etc)
        if tls:
            cert, key = make_certificate(os.path.join(base, "tls"), "relay.test")
            main_cf += ("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = %s\n"
                        "smtpd_tls_key_file = %s\n" % (cert, key))
        transport = ", ".join("{%s = smtp:[127.0.0.1]:%d}" % (domain, port)
                              for domain, port in routes.items())
        with open(os.path.join(self.etc, "main.cf"), "w") as f:
            f.write(f"""\
compatibility_level = 3.6
myhostname = relay.test
mydestination =
local_recipient_maps =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
transport_maps = inline:{{ {transport} }}
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
inet_interfaces = loopback-only
inet_protocols = ipv4
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtp_tls_loglevel = 1
smtpd_tls_loglevel = 1
maillog_file = {self.log_path}
maillog_file_prefixes = {base}/
queue_directory = {spool}
data_directory = {lib}
""" + main_cf)
        postconf = [POSTCONF, "-c", self.etc]
        subprocess.run(postconf + ["-MX", "smtp/inet"], check=True)
        subprocess.run(postconf + ["-F", "*/*/chroot = n"], check=True)
        with open(os.path.join(self.etc, "master.cf"), "a") as f:
            for port, options in listeners.items():
                f.write("127.0.0.1:%d inet n - n - - smtpd%s\n"
                        % (port, "".join("\n  -o " + o for o in options)))

    def start(self):
        out = subprocess.run([POSTFIX, "-c", self.etc, "start"], capture_output=True, text=True,
                             timeout=60)
        if out.returncode != 0:
            raise AssertionError("postfix start: " + out.stdout + out.stderr)
        if not wait_for(lambda: all(listening(p) for p in self.ports), 15.0):
            raise AssertionError("Postfix does not listen on %s; its log:\n%s"
                                 % (self.ports, self.log()))

    def stop(self):
        subprocess.run([POSTFIX, "-c", self.etc, "stop"], capture_output=True, timeout=60)

    def remove(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def log(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def said(self, chars=3000):
        """The end of the log, for failure messages."""
        return self.log()[-chars:] or "(nothing logged)"

    def wait_log(self, pattern, timeout=PASS_ON):
        """The first match of the regular expression in the log, waited for (None if none)."""
        return wait_for(lambda: re.search(pattern, self.log()), timeout, interval=0.1)


@unittest.skipUnless(POSTFIX and POSTCONF and os.geteuid() == 0,
                     "needs Postfix and root (its master runs as root)")
class PostfixCase(TandemTestCase):
    """Tandem (a Mailbox for example.com, with users alice, bob, postmaster) beside a private
    Postfix that relays example.com to Tandem and remote.test to the recording sink; Tandem
    routes remote.test to Postfix. Each test starts the pair in the configuration it tests."""

    def start_pair(self, main_cf="", smtpd=(), postfix_tls=False, tandem_tls=False,
                   route_tls="off", sink_smtputf8=False, users=None):
        """main_cf: Postfix's further main.cf lines; smtpd: its listener's -o options;
        postfix_tls: Postfix's smtpd offers STARTTLS; tandem_tls: Tandem does (each with a
        fresh self-signed certificate); route_tls: the tls mode of Tandem's route to Postfix;
        sink_smtputf8: the sink offers SMTPUTF8; users: Tandem's users (None: the preset's)."""
        tandem_port, postfix_port = free_ports(2)
        self.sink = Sink(smtputf8=sink_smtputf8)
        self.addCleanup(self.sink.stop)
        self.postfix = Postfix({DOMAIN: tandem_port, "remote.test": self.sink.port},
                               {postfix_port: list(smtpd)}, main_cf, tls=postfix_tls)
        # Kept with the test's folder (a link to it there) when the test fails.
        os.symlink(self.postfix.base, os.path.join(self.tmpdir, "postfix"))
        self.addCleanup(lambda: None if _test_failed(self) else self.postfix.remove())
        self.addCleanup(self.postfix.stop)  # first of the two: also after a failed start
        self.postfix.start()
        extra = {"outgoing": {"dns_server": NO_DNS}}
        if tandem_tls:
            make_certificate(os.path.join(self.tmpdir, "tls"), HOSTNAME)
            extra["smtp"] = {"tls": {"certificate": "tls/cert.pem", "key": "tls/key.pem"}}
        self.daemon = self.start_daemon(make_config(
            domain=DOMAIN, role="mailbox", hostname=HOSTNAME, port=tandem_port, users=users,
            passthrough={"copy_local_domains_to_outbox": False},
            static_routes=[{"domains": ["remote.test"], "host": "127.0.0.1",
                            "port": postfix_port, "tls": route_tls}], extra=extra))

    def marker(self):
        return "%s %d" % (self._testMethodName, time.time_ns())

    def inbox(self):
        return maildir_files(self.daemon.data, DOMAIN, "alice")

    def stored_once(self):
        """The bytes of the one message that reaches alice's INBOX."""
        wait_for(self.inbox, PASS_ON, interval=0.2)
        wait_stable(lambda: len(self.inbox()), timeout=10.0, quiet=1.5)
        self.assertEqual(len(self.inbox()), 1, "alice's INBOX: %r\nPostfix's log:\n%s"
                         % (self.inbox(), self.postfix.said()))
        return read_bytes(self.inbox()[0])

    def arrived_once(self):
        """The one transaction that reaches the sink."""
        wait_for(self.sink.transactions, PASS_ON, interval=0.2)
        wait_stable(lambda: len(self.sink.transactions()), timeout=10.0, quiet=1.5)
        ts = self.sink.transactions()
        self.assertEqual(len(ts), 1, "arrivals at the sink: %d\nPostfix's log:\n%s"
                         % (len(ts), self.postfix.said()))
        return ts[0]

    def relayed_to_carol(self):
        """alice's message to carol@remote.test, sent to Tandem, relayed through Postfix: the
        one transaction at the sink, checked to be carol's and to end with the message."""
        original = make_message(subject=self.marker(), sender="alice@example.com",
                                to="carol@remote.test")
        self.assertEqual(send(self.daemon.port, "alice@example.com", ["carol@remote.test"],
                              original), {})
        t = self.arrived_once()
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        self.assertTrue(t["data"].endswith(original), t["data"][-600:])
        return t

    def assertPostfixLogged(self, pattern, timeout=PASS_ON):
        m = self.postfix.wait_log(pattern, timeout)
        self.assertIsNotNone(m, "Postfix's log has no match for %r:\n%s"
                             % (pattern, self.postfix.said()))
        return m

    def assertClosedWithQuit(self, counters):
        """Tandem's connection to Postfix, idle after the message (it waits kIdleSeconds, 5 s,
        for more work), ends with QUIT: Postfix 3.7 counts the session's commands on its
        disconnect line ("ehlo=1 mail=1 ... quit=1 commands=5")."""
        self.assertPostfixLogged(r"disconnect from \S+\[127\.0\.0\.1\] %s\n" % re.escape(counters))
        self.assertNoConnectionLost()

    def assertNoConnectionLost(self):
        # Tandem never dropped a connection mid-conversation.
        self.assertNotIn("lost connection", self.postfix.log())


class WithPostfix(PostfixCase):
    """Plain text both ways, Postfix's defaults otherwise."""

    def setUp(self):
        super().setUp()
        self.start_pair()

    def test_postfix_relays_to_tandem(self):
        original = make_message(subject=self.marker(), to="alice@example.com")
        self.assertEqual(send(self.postfix.ports[0], "sender@remote.test",
                              ["alice@example.com"], original), {})
        stored = self.stored_once()
        # Postfix adds its Received: line on top; the message itself arrives unchanged.
        self.assertTrue(stored.endswith(lf(original)), stored[-600:])
        self.assertIn(b"by relay.test (Postfix)", stored)

    def test_tandem_relays_to_postfix(self):
        t = self.relayed_to_carol()
        self.assertIn(b"by relay.test (Postfix)", t["data"])
        self.assertPostfixLogged(r"to=<carol@remote\.test>, relay=127\.0\.0\.1.*status=sent")
        self.assertClosedWithQuit("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")


class PostfixTls(PostfixCase):
    """STARTTLS between Postfix and Tandem, each way, and a route that requires it towards a
    Postfix that does not offer it."""

    def test_postfix_to_tandem_over_starttls(self):
        # Postfix's client will not send in clear text (encrypt: no certificate check).
        self.start_pair(main_cf="smtp_tls_security_level = encrypt\n", tandem_tls=True)
        original = make_message(subject=self.marker(), to="alice@example.com")
        self.assertEqual(send(self.postfix.ports[0], "sender@remote.test",
                              ["alice@example.com"], original), {})
        stored = self.stored_once()
        self.assertTrue(stored.endswith(lf(original)), stored[-600:])
        _, received, _ = split_stored(stored)
        self.assertIn(b"(Tandem) with ESMTPS id", received,
                      "Tandem's Received: does not say TLS (RFC 3848)")
        port = self.daemon.port
        self.assertPostfixLogged(r"(Untrusted|Trusted|Verified) TLS connection established to "
                                 r"127\.0\.0\.1\[127\.0\.0\.1\]:%d: TLSv1\.[23]" % port)
        self.assertPostfixLogged(r"to=<alice@example\.com>, relay=127\.0\.0\.1\[127\.0\.0\.1\]"
                                 r":%d,.* status=sent" % port)
        self.assertNoConnectionLost()

    def test_tandem_to_postfix_over_starttls(self):
        self.start_pair(postfix_tls=True, route_tls="required")
        t = self.relayed_to_carol()
        # Postfix's smtpd saw TLS: its Received: says ESMTPS, its log names the session.
        self.assertRegex(t["data"], rb"by relay\.test \(Postfix\) with ESMTPS id")
        self.assertPostfixLogged(r"postfix/smtpd\[\d+\]: (Anonymous|Untrusted|Trusted) TLS "
                                 r"connection established from \S+\[127\.0\.0\.1\]: TLSv1\.[23]")
        self.assertClosedWithQuit("ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7")

    def test_required_tls_towards_postfix_without_starttls(self):
        self.start_pair(main_cf="smtpd_tls_security_level = none\n", route_tls="required")
        original = make_message(subject=self.marker(), sender="alice@example.com",
                                to="carol@remote.test")
        self.assertEqual(send(self.daemon.port, "alice@example.com", ["carol@remote.test"],
                              original), {})
        # Postfix 3.7 counts the commands of a session on its disconnect line: EHLO, then QUIT,
        # nothing in between (no MAIL, no STARTTLS), and no connection dropped.
        self.assertClosedWithQuit("ehlo=1 quit=1 commands=2")
        self.assertNotIn("lost connection after EHLO", self.postfix.log())
        entries = wait_for(lambda: [e for e in outbox(self.daemon) if e["attempts"] >= 1],
                           10.0, interval=0.2)
        self.assertEqual(len(entries), 1, outbox(self.daemon))
        [entry] = entries
        self.assertEqual(entry["recipients"], ["carol@remote.test"])
        self.assertEqual(entry["state"], "deferred", entry)
        self.assertIn("STARTTLS", entry["last_reply"], entry)
        self.assertEqual(self.sink.transactions(), [])
        self.assertEqual(self.sink.connections(), 0)


EIGHT_BIT_BODY = ["Grüße aus Köln: naïve café, ½ € — Ελληνικά, 日本語.", "",
                  "A line with a trailing space ", "=3D is not an escape here.", "-- ", "test"]
# Verbose smtpd (-v for clients on 127.0.0.1) logs every command it reads: "< peer: MAIL ...".
DEBUG_SMTPD = ("debug_peer_list=127.0.0.1", "debug_peer_level=1")


class EightBit(PostfixCase):
    """8-bit bodies (RFC 6152) between Postfix and Tandem."""

    def eight_bit_message(self, sender, to):
        return make_message(subject=self.marker(), sender=sender, to=to,
                            body_lines=EIGHT_BIT_BODY,
                            extra_headers=["Content-Transfer-Encoding: 8bit"])

    def mail_from_logged(self, sender):
        """The parameters of the MAIL command Postfix's smtpd read with `sender`."""
        m = self.assertPostfixLogged(r"< \S+: MAIL FROM:<%s>([^\n]*)" % re.escape(sender))
        return m.group(1).split()

    def test_eight_bit_both_ways(self):
        self.start_pair(smtpd=DEBUG_SMTPD)
        with self.subTest("Postfix to Tandem"):
            original = self.eight_bit_message("sender@remote.test", "alice@example.com")
            self.assertEqual(submit(self.postfix.ports[0], "sender@remote.test",
                                    ["alice@example.com"], original,
                                    mail_options=["BODY=8BITMIME"]), {})
            stored = self.stored_once()
            self.assertTrue(stored.endswith(lf(original)), stored[-600:])
        with self.subTest("Tandem to Postfix"):
            original = self.eight_bit_message("alice@example.com", "carol@remote.test")
            self.assertEqual(submit(self.daemon.port, "alice@example.com",
                                    ["carol@remote.test"], original,
                                    mail_options=["BODY=8BITMIME"]), {})
            t = self.arrived_once()
            self.assertTrue(t["data"].endswith(original), t["data"][-600:])
            self.assertIn("BODY=8BITMIME", self.mail_from_logged("alice@example.com"))
            self.assertIn("BODY=8BITMIME", t["mail_params"])  # and Postfix passed it on
        self.assertNoConnectionLost()

    def test_converted_for_postfix_without_8bitmime(self):
        self.start_pair(smtpd=DEBUG_SMTPD + ("smtpd_discard_ehlo_keywords=8bitmime",))
        original = self.eight_bit_message("alice@example.com", "carol@remote.test")
        self.assertEqual(submit(self.daemon.port, "alice@example.com", ["carol@remote.test"],
                                original, mail_options=["BODY=8BITMIME"]), {})
        t = self.arrived_once()
        self.assertPostfixLogged(r"discarding EHLO keywords: 8BITMIME")
        self.assertNotIn("BODY=8BITMIME", self.mail_from_logged("alice@example.com"))
        data = t["data"]
        self.assertTrue(all(b < 0x80 for b in data),
                        "8-bit bytes reached the sink: %r" % [line for line in data.split(b"\r\n")
                                                              if any(b >= 0x80 for b in line)])
        got = email.message_from_bytes(data, policy=email.policy.default)
        want = email.message_from_bytes(original, policy=email.policy.default)
        self.assertIn(got["Content-Transfer-Encoding"].lower(), ("quoted-printable", "base64"))
        self.assertEqual(got.get_content(), want.get_content())
        for name in ("Subject", "Message-ID", "From", "To", "Content-Type"):
            self.assertEqual(got[name], want[name], name)
        self.assertNoConnectionLost()


def without_spaces(field):
    """A DSN field "type; value" as "type;value" (RFC 3464 allows either)."""
    return re.sub(r"\s*;\s*", ";", field)


class DeliveryReports(PostfixCase):
    """RFC 3461 DSN parameters passed from a client through Postfix to Tandem, and Tandem's
    delivery report (RFC 3464) back through Postfix."""

    def test_success_report_with_original_recipient(self):
        self.start_pair()
        # ENVID and ORCPT are xtext ("+2B" is "+"): Postfix decodes them and encodes them again
        # for Tandem, whose report must show them decoded (RFC 3461 §6.3).
        envid = "env+2B%d" % time.time_ns()
        subject = self.marker()
        original = make_message(subject=subject, to="sales@example.com")
        # ORCPT names the address the sender used (as if an earlier hop had rewritten it).
        self.assertEqual(submit(self.postfix.ports[0], "sender@remote.test",
                                ["alice@example.com"], original,
                                mail_options=["RET=HDRS", "ENVID=" + envid],
                                rcpt_options=["NOTIFY=SUCCESS,FAILURE",
                                              "ORCPT=rfc822;sales+2Bteam@example.com"]), {})
        self.assertTrue(self.stored_once().endswith(lf(original)))
        # One arrival: Tandem's report; Postfix, passing on to a server that offers DSN, made
        # no "relayed" notice of its own.
        t = self.arrived_once()
        self.assertEqual((t["mail_from"], t["rcpt_to"]), ("", ["sender@remote.test"]))
        report = email.message_from_bytes(t["data"], policy=email.policy.default)
        self.assertEqual(report.get_content_type(), "multipart/report")
        self.assertEqual(report.get_param("report-type"), "delivery-status")
        self.assertIn("MAILER-DAEMON@" + HOSTNAME, report["From"])
        parts = list(report.iter_parts())
        self.assertEqual([p.get_content_type() for p in parts],
                         ["text/plain", "message/delivery-status", "text/rfc822-headers"])
        # message/delivery-status: the per-message fields, then one group per recipient.
        status = parts[1].get_payload()
        per_message, per_recipient = dict(status[0].items()), dict(status[1].items())
        self.assertEqual(per_message["Reporting-MTA"], "dns; " + HOSTNAME)
        self.assertEqual(per_message["Original-Envelope-Id"], envid.replace("+2B", "+"))
        self.assertEqual(without_spaces(per_recipient["Original-Recipient"]),
                         "rfc822;sales+team@example.com")
        self.assertEqual(without_spaces(per_recipient["Final-Recipient"]),
                         "rfc822;alice@example.com")
        self.assertEqual(per_recipient["Action"], "delivered")
        self.assertEqual(per_recipient["Status"], "2.0.0")
        # RET=HDRS: the original's header section comes back, not its body.
        returned = parts[2].get_content()
        self.assertIn(subject, returned)
        self.assertNotIn("Hello.", returned)
        self.assertPostfixLogged(r"to=<alice@example\.com>, relay=127\.0\.0\.1.*status=sent")
        self.assertNoConnectionLost()

    def test_parameters_passed_on_and_failure_report_for_a_refused_recipient(self):
        # Postfix refuses one recipient at RCPT (as a next hop refuses an unknown user).
        self.start_pair(main_cf="smtpd_recipient_restrictions = check_recipient_access "
                                "inline:{ {nobody@remote.test = 550 5.1.1 no such user here} }\n")
        envid = "env+2B%d" % time.time_ns()  # xtext: "+2B" is "+"
        original = make_message(subject=self.marker(), sender="alice@example.com",
                                to="carol@remote.test")
        self.assertEqual(submit(self.daemon.port, "alice@example.com",
                                ["carol@remote.test", "nobody@remote.test"], original,
                                mail_options=["RET=HDRS", "ENVID=" + envid],
                                rcpt_options=["NOTIFY=SUCCESS,FAILURE",
                                              "ORCPT=rfc822;team+2Bsales@remote.test"]), {})
        # Tandem passed the DSN parameters to Postfix, which passed them on to the sink.
        t = self.arrived_once()
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        self.assertTrue(t["data"].endswith(original), t["data"][-600:])
        self.assertIn("RET=HDRS", t["mail_params"])
        self.assertIn("ENVID=" + envid, t["mail_params"])
        self.assertIn("NOTIFY=SUCCESS,FAILURE", t["rcpt_params"][0])
        self.assertIn("ORCPT=rfc822;team+2Bsales@remote.test", t["rcpt_params"][0])
        self.assertPostfixLogged(r"reject: RCPT from \S+: 550 5\.1\.1 <nobody@remote\.test>: "
                                 r"Recipient address rejected: no such user here")
        # Tandem's own failure report for the refused recipient comes back to alice, naming
        # Postfix's reply; nothing reports on carol (Postfix offers DSN, so Postfix reports).
        report = email.message_from_bytes(self.stored_once(), policy=email.policy.default)
        self.assertEqual(report.get_content_type(), "multipart/report")
        self.assertEqual(report["Subject"], "Undelivered Mail Returned to Sender")
        status = list(report.iter_parts())[1].get_payload()
        per_message, per_recipient = dict(status[0].items()), dict(status[1].items())
        self.assertEqual(len(status), 2, "one recipient reported on: %r" % status)
        self.assertEqual(per_message["Original-Envelope-Id"], envid.replace("+2B", "+"))
        self.assertEqual(without_spaces(per_recipient["Original-Recipient"]),
                         "rfc822;team+sales@remote.test")
        self.assertEqual(without_spaces(per_recipient["Final-Recipient"]),
                         "rfc822;nobody@remote.test")
        self.assertEqual(per_recipient["Action"], "failed")
        self.assertEqual(per_recipient["Status"], "5.1.1")
        self.assertIn("no such user here", per_recipient["Diagnostic-Code"])
        self.assertIn("127.0.0.1", per_recipient["Remote-MTA"])
        self.assertClosedWithQuit("ehlo=1 mail=1 rcpt=1/2 data=1 quit=1 commands=5/6")


class Smtputf8(PostfixCase):
    """SMTPUTF8 (RFC 6531) with Postfix's smtputf8_enable: UTF-8 addresses both ways, and a
    Postfix listener that does not offer it."""

    def utf8_message(self, sender, to):
        return ("From: <%s>\r\nTo: <%s>\r\nSubject: Grüße %s\r\n"
                "Date: Mon, 30 Nov 2026 12:00:00 +0000\r\nMessage-ID: <utf8.%d@remote.test>\r\n"
                "MIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                "\r\nGrüße aus Köln.\r\n" % (sender, to, self.marker(), time.time_ns())).encode("utf-8")

    def submit(self, port, sender, recipients, message):
        s = smtplib.SMTP("127.0.0.1", port, timeout=30)
        try:
            return s.sendmail(sender, recipients, message, mail_options=["SMTPUTF8"])
        finally:
            quit_quietly(s)

    def test_postfix_relays_utf8_mail_to_tandem(self):
        self.start_pair(main_cf="smtputf8_enable = yes\n",
                        users=["alice", "bob", "postmaster", "jörg"])
        original = self.utf8_message("jörg@remote.test", "JÖRG@example.com")
        self.assertEqual(self.submit(self.postfix.ports[0], "jörg@remote.test",
                                     ["JÖRG@example.com"], original), {})
        inbox = lambda: maildir_files(self.daemon.data, DOMAIN, "jörg")  # noqa: E731
        wait_for(inbox, PASS_ON, interval=0.2)
        wait_stable(lambda: len(inbox()), timeout=10.0, quiet=1.5)
        self.assertEqual(len(inbox()), 1, self.postfix.said())
        stored = read_bytes(inbox()[0])
        self.assertTrue(stored.endswith(lf(original)), stored[-600:])
        self.assertIn(b"with UTF8SMTP id ", stored)  # Postfix said SMTPUTF8 to Tandem
        self.assertPostfixLogged(r"to=<JÖRG@example\.com>, relay=127\.0\.0\.1.*status=sent")

    def test_tandem_relays_utf8_mail_to_postfix(self):
        self.start_pair(main_cf="smtputf8_enable = yes\n", sink_smtputf8=True)
        original = self.utf8_message("alice@example.com", "用户@remote.test")
        self.assertEqual(self.submit(self.daemon.port, "alice@example.com", ["用户@remote.test"],
                                     original), {})
        t = self.arrived_once()
        self.assertEqual(t["rcpt_to"], ["用户@remote.test"])
        self.assertIn("SMTPUTF8", t["mail_params"])  # Postfix passes it on: Tandem sent it
        self.assertTrue(t["data"].endswith(original), t["data"][-600:])
        self.assertPostfixLogged(r"to=<用户@remote\.test>, relay=127\.0\.0\.1.*status=sent")
        self.assertClosedWithQuit("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")

    def test_postfix_without_smtputf8_gets_no_utf8_address(self):
        # Postfix's smtpd with smtputf8_enable = no does not offer SMTPUTF8: the UTF-8
        # recipient comes back to alice with 5.6.7, the other one is relayed.
        self.start_pair(smtpd=["smtputf8_enable=no"])
        message = make_message(subject=self.marker(), sender="alice@example.com",
                               to="friends@remote.test")
        self.assertEqual(self.submit(self.daemon.port, "alice@example.com",
                                     ["用户@remote.test", "carol@remote.test"], message), {})
        t = self.arrived_once()
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        notice = self.stored_once()
        self.assertIn(b"Status: 5.6.7", notice)
        self.assertIn("Final-Recipient: utf-8; 用户@remote.test".encode(), notice)
        self.assertNotIn("用户", self.postfix.log())  # never named to Postfix
        self.assertClosedWithQuit("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")


# A real Exim. Debian's exim4-daemon-light cannot be installed beside Postfix (both provide
# mail-transport-agent), so scripts/dev.sh deps unpacks it with apt-get download and dpkg -x
# into build-deps/exim4, with libidn12, the one library of its that the machine lacks.
EXIM_ROOT = os.environ.get("TANDEM_EXIM_ROOT") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "build-deps", "exim4")
EXIM = os.path.join(EXIM_ROOT, "usr", "sbin", "exim4")
UNSHARE = shutil.which("unshare")


def unused_id(taken):
    """The first id from 64000 on that `taken(id)` denies."""
    return next(i for i in range(64000, 65000) if not taken(i))


def uid_taken(uid):
    try:
        pwd.getpwuid(uid)
        return True
    except KeyError:
        return False


def gid_taken(gid):
    try:
        grp.getgrgid(gid)
        return True
    except KeyError:
        return False


@unittest.skipUnless(os.path.isfile(EXIM) and UNSHARE and os.geteuid() == 0,
                     "needs Exim unpacked by scripts/dev.sh deps (build-deps/exim4), "
                     "unshare and root")
class WithExim(TandemTestCase):
    """Exim 4 (GnuTLS), run from its unpacked package, delivers a message to Tandem over
    STARTTLS, under TLS 1.3 and 1.2.

    It runs as Debian's would, in a mount namespace of its own (util-linux unshare): Exim looks
    up its user Debian-exim when it starts (a private /etc/passwd names it, with an unused uid),
    and to deliver after -C it runs itself again from its compiled-in path /usr/sbin/exim4,
    set-uid, so that LD_LIBRARY_PATH does not reach it (overlays of /usr/sbin and of the
    library folder give it the unpacked binary and libidn). Its configuration, spool and log
    are in the test's folder. Exim 4.96 sends QUIT in the record of the end of DATA and reads
    250 and 221 before its close_notify; the half-close before the replies is HalfCloseTls's."""

    def setUp(self):
        super().setUp()
        self.daemon = self.start_daemon(with_tls(
            make_config(domain=DOMAIN, role="mailbox", hostname=HOSTNAME), self.tmpdir, "smtp"))
        os.chmod(self.tmpdir, 0o711)  # Exim's delivery runs as Debian-exim, passing through
        self.exim = os.path.join(self.tmpdir, "exim")
        uid, gid = unused_id(uid_taken), unused_id(gid_taken)
        for d in ("spool", "log"):
            os.makedirs(os.path.join(self.exim, d))
            os.chown(os.path.join(self.exim, d), uid, gid)
        for name, line in (("passwd", "Debian-exim:x:%d:%d::/nonexistent:/usr/sbin/nologin\n"
                            % (uid, gid)), ("group", "Debian-exim:x:%d:\n" % gid)):
            shutil.copy(os.path.join("/etc", name), os.path.join(self.exim, name))
            with open(os.path.join(self.exim, name), "a") as f:
                f.write(line)

    def configure(self, transport_options=""):
        path = os.path.join(self.exim, "exim.conf")
        with open(path, "w") as f:
            f.write(f"""\
primary_hostname = exim.remote.test
qualify_domain = remote.test
spool_directory = {self.exim}/spool
log_file_path = {self.exim}/log/%slog
host_lookup =
begin routers
tandem:
  driver = manualroute
  domains = {DOMAIN}
  route_list = * 127.0.0.1
  self = send
  transport = to_tandem
begin transports
to_tandem:
  driver = smtp
  port = {self.daemon.port}
  hosts_require_tls = *
  tls_verify_hosts =
{transport_options}
begin retry
* * F,1h,10m
""")
        return path

    def exim_command(self, *args):
        """exim4 ARGS in its own mount namespace (see the class's comment)."""
        q = shlex.quote
        mounts = ["mount --bind %s /etc/passwd" % q(os.path.join(self.exim, "passwd")),
                  "mount --bind %s /etc/group" % q(os.path.join(self.exim, "group")),
                  "mount -t overlay overlay -o lowerdir=%s:/usr/sbin /usr/sbin"
                  % q(os.path.join(EXIM_ROOT, "usr", "sbin"))]
        for lib in glob.glob(os.path.join(EXIM_ROOT, "usr", "lib", "*-linux-gnu")):
            system = os.path.join("/usr/lib", os.path.basename(lib))
            mounts.append("mount -t overlay overlay -o lowerdir=%s:%s %s"
                          % (q(lib), q(system), q(system)))
        script = " && ".join(mounts) + ' && exec /usr/sbin/exim4 "$@"'
        return [UNSHARE, "--mount", "--propagation", "private", "sh", "-c", script,
                "exim4"] + list(args)

    def deliver(self, transport_options=""):
        """Exim takes a message for alice and delivers it at once (-odi); returns its marker
        and Exim's main log."""
        config = self.configure(transport_options)
        marker = ("from exim %s %d" % (self._testMethodName, time.time_ns())).encode()
        msg = make_message(subject=marker.decode(), to="alice@example.com")
        out = subprocess.run(self.exim_command("-C", config, "-odi", "-oi",
                                               "-f", "sender@remote.test", "alice@example.com"),
                             input=msg, capture_output=True, timeout=60)
        try:
            with open(os.path.join(self.exim, "log", "mainlog"), errors="replace") as f:
                log = f.read()
        except OSError:
            log = "(no mainlog)"
        self.assertEqual(out.returncode, 0, "exim: %r\n%s" % (out.stderr, log))
        return marker, log

    def assertDeliveredOnce(self, marker, log, version):
        self.assertRegex(log, r"=> alice@example\.com .* X=%s:" % re.escape(version))
        self.assertIn('C="250 2.0.0 Ok: queued as ', log)
        self.assertIn(" Completed", log)
        self.assertNotRegex(log, r" (==|\*\*) ", "Exim deferred or failed:\n" + log)
        inbox = lambda: maildir_files(self.daemon.data, DOMAIN, "alice")  # noqa: E731
        wait_stable(lambda: len(inbox()), timeout=10.0, quiet=1.0)
        copies = [p for p in inbox() if marker in read_bytes(p)]
        self.assertEqual(len(copies), 1, "alice's INBOX: %r\nExim's log:\n%s" % (inbox(), log))

    def test_exim_delivers_over_starttls(self):
        marker, log = self.deliver()
        self.assertDeliveredOnce(marker, log, "TLS1.3")

    def test_exim_delivers_over_starttls_tls12(self):
        # A GnuTLS priority string without TLS 1.3.
        marker, log = self.deliver("  tls_require_ciphers = NORMAL:-VERS-TLS1.3")
        self.assertDeliveredOnce(marker, log, "TLS1.2")


if __name__ == "__main__":
    unittest.main()
