"""Interoperability with other mail servers' habits (issue 11).

Exim ends a conversation by sending the end of DATA and QUIT in one write and then shutting
down its sending side (shutdown(SHUT_WR)) while it goes on reading. A server that takes the
end of input for the end of the session loses the replies: Exim defers ("Remote host closed
connection in response to end of data") and sends the message again, so it is stored twice.
These tests send the same bytes over a raw socket and read until the server closes.

Over TLS (STARTTLS, and smtps) Exim with GnuTLS sends the end of DATA and QUIT in one record,
a close_notify, then the FIN, and reads on: the HalfCloseTls classes do the same through
ssl.SSLObject and memory BIOs, under TLS 1.3 and 1.2, and also with the FIN alone. WithExim
runs a real Exim 4.96 (unpacked by scripts/dev.sh deps) against Tandem over STARTTLS.
"""

import sys

sys.dont_write_bytecode = True

import errno  # noqa: E402
import glob  # noqa: E402
import grp  # noqa: E402
import os  # noqa: E402
import pwd  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import ssl  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
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
        cert, key = (os.path.join(folder, name) for name in ("cert.pem", "key.pem"))
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=" + HOSTNAME, "-keyout", key, "-out", cert],
                       check=True, capture_output=True, timeout=60)
        CERTIFICATE.update(dir=folder, pair=(cert, key))
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
