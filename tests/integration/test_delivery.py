"""Outbox delivery, the SMTP client side (issue 3, parts 1-3): per-recipient replies in one
transaction, STARTTLS and AUTH towards a route, the secrets file, MX delivery through a DNS
server of our own, and connection reuse.

Every test runs one tandemd (role "custom": users alice and bob, local domain example.com,
relay_networks 127.0.0.1/32, and *no* copy of local mail to the Outbox, so that failure
notices stay in alice's INBOX and the sink sees only what alice sent). alice sends from
127.0.0.1 to remote recipients; the recording sink (sink.py) plays the remote server.

No test ever lets tandemd ask the machine's real resolver: every configuration names
outgoing.dns_server, either 127.0.0.154 where nothing answers (tests with static routes,
which need no DNS) or a dnsmasq started by the MX tests on a loopback address of its own (127.0.153.x) with
--no-resolv.

The retry schedule is left at its default (the next attempt a minute away) and no time scale
is set, so an entry's attempt count only moves when the test says `queue retry`.
"""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import struct  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (start_process,   # noqa: E402
    Daemon, TandemTestCase, free_port, make_certificate, make_config, make_message,
    maildir_files, outbox, quit_quietly, read_bytes, send, tandemd_path, wait_for)

import smtplib  # noqa: E402

DOMAIN = "example.com"
HOSTNAME = "mailbox.example.com"
ALICE = "alice@example.com"

NO_DNS = "127.0.0.154"   # nothing listens here: a stray look-up fails, it never leaves the box


def _free_dns_address():
    """A loopback address whose port 53 is free: QDnsLookup asks port 53 only, so two test
    runs on one machine (two builds) need a resolver each, on addresses of their own."""
    for n in range(os.getpid() % 200, os.getpid() % 200 + 200):
        address = "127.0.153.%d" % (n % 200 + 2)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.bind((address, 53))
            except OSError:
                continue
        return address
    return "127.0.0.153"


DNS_ADDRESS = _free_dns_address()
DNSMASQ = "/usr/sbin/dnsmasq"
MX1, MX2, A_ONLY = "127.0.0.51", "127.0.0.52", "127.0.0.53"

WAIT = 10.0     # the bound of one wait for a delivery attempt
QUIET = 1.5     # the extra wait in which a duplicate or a late notice would show
COMMAND_TIME = 5.0

RELAY_USER = "relayuser"
RELAY_PASSWORD = "s3cret-relay-pw"


# ---------------------------------------------------------------------------------------------
# Helpers


def header_section(data):
    m = re.search(rb"\n\r?\n", data)  # LF (a Maildir file) or CRLF (the sink's copy)
    return data if m is None else data[:m.start() + 1]


def field_values(data, name):
    """Every value of `Name:` lines anywhere in the message (the delivery-status part's
    per-recipient fields are not in the top header section)."""
    return [m.group(1).strip() for m in
            re.finditer((r"(?im)^%s:[ \t]*([^\r\n]*)" % re.escape(name)).encode(), data)]


def dns_query(server, name, qtype, timeout=1.0):
    """(rcode, answer count) of one UDP query to server:53, or None without an answer."""
    packet = struct.pack(">HHHHHH", 0x7a3d, 0x0100, 1, 0, 0, 0)
    for label in name.split("."):
        packet += bytes([len(label)]) + label.encode()
    packet += b"\0" + struct.pack(">HH", qtype, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        try:
            s.sendto(packet, (server, 53))
            reply, _ = s.recvfrom(4096)
        except OSError:
            return None
    if len(reply) < 12 or reply[:2] != packet[:2]:
        return None
    return reply[3] & 0x0F, struct.unpack(">H", reply[6:8])[0]


class DeliveryTestCase(TandemTestCase):
    """One tandemd whose Outbox delivers to sinks; helpers to look at it."""

    def setUp(self):
        super().setUp()
        self.counter = 0
        self.token = "%x" % time.time_ns()

    # -- configuration
    def delivery_config(self, routes, dns_server=NO_DNS, secrets_file=None):
        extra = {"outgoing": {"dns_server": dns_server}}
        if secrets_file is not None:
            extra["server"] = {"secrets_file": secrets_file}
        return make_config(domain=DOMAIN, role="custom", hostname=HOSTNAME,
                           users=["alice", "bob"], relay_networks=["127.0.0.1/32"],
                           passthrough={"copy_local_domains_to_outbox": False},
                           static_routes=routes, extra=extra)

    @staticmethod
    def route(sink, domains=("remote.test",), **options):
        r = {"domains": list(domains), "host": sink.host, "port": sink.port}
        r.update(options)
        return r

    def write_secrets(self, port, password, mode=0o600, host="127.0.0.1"):
        """<tmpdir>/secrets.json with the password of next hop [host]:port; returns the name
        relative to the configuration file."""
        path = os.path.join(self.tmpdir, "secrets.json")
        with open(path, "w") as f:
            json.dump({"passwords": {"[%s]:%d" % (host, port): password}}, f)
        os.chmod(path, mode)
        return "secrets.json"

    def sink(self, **kw):
        s = Sink(**kw)
        self.addCleanup(s.stop)
        return s

    # -- mail
    def message(self, to="friends@remote.test"):
        """(Message-ID bytes, message bytes) from alice, unique to this test. The To: header
        names none of the envelope recipients, so a notice that names one got it from the
        envelope."""
        self.counter += 1
        mid = "<dlv-%s-%d.%s@test.example>" % (self._testMethodName[:40], self.counter,
                                              self.token)
        msg = make_message(subject="%s %d" % (self._testMethodName, self.counter), sender=ALICE,
                           to=to, message_id=mid)
        return mid.encode(), msg

    def send_from_alice(self, daemon, recipients):
        mid, msg = self.message()
        self.assertEqual(send(daemon.port, ALICE, recipients, msg), {},
                         "tandemd refused recipients of alice's message")
        return mid, msg

    def notices(self, daemon):
        return maildir_files(daemon.data, DOMAIN, "alice")

    def wait_deferred(self, daemon, count=1, timeout=WAIT):
        """Waits until the Outbox holds `count` entries, all deferred after at least one
        attempt; returns the Outbox (asserting it)."""
        def done():
            entries = outbox(daemon)
            return (len(entries) == count
                    and all(e["state"] == "deferred" and e["attempts"] >= 1 for e in entries))
        wait_for(done, timeout, interval=0.2)
        entries = outbox(daemon)
        self.assertTrue(done(), "expected %d deferred Outbox entr%s after an attempt; Outbox: %r"
                        % (count, "y" if count == 1 else "ies", entries))
        return entries

    def wait_delivered(self, sink, daemon, count=1, timeout=WAIT):
        """Waits until the sink holds `count` transactions, or an Outbox entry was deferred
        instead (then fails at once, showing why); returns the transactions once the Outbox
        is empty."""
        def settled():
            if len(sink.transactions()) >= count:
                return True
            return any(e["state"] == "deferred" and e["attempts"] >= 1 for e in outbox(daemon))
        wait_for(settled, timeout, interval=0.1)
        ts = sink.transactions()
        self.assertGreaterEqual(len(ts), count, "nothing (or too little) delivered; Outbox: %r"
                                % outbox(daemon))
        self.wait_outbox_empty(daemon)
        return sink.transactions()

    def wait_outbox_empty(self, daemon, timeout=WAIT):
        wait_for(lambda: outbox(daemon) == [], timeout, interval=0.2)
        self.assertEqual(outbox(daemon), [], "the Outbox should be empty")

    def queue(self, daemon, *args):
        cp = daemon.run_cli("queue", *args)
        self.assertEqual(cp.returncode, 0, "queue %s exited %d:\n%s%s"
                         % (" ".join(args), cp.returncode, cp.stdout, cp.stderr))
        return cp

    # -- assertions
    def assertFailureNotice(self, content, status, recipient, original_mid):
        """A failure notice (RFC 3464) from MAILER-DAEMON about exactly `recipient`."""
        low = content.lower()
        self.assertRegex(header_section(content), rb"(?im)^From:.*\bMAILER-DAEMON@",
                         "not from MAILER-DAEMON: %r" % content[:600])
        self.assertIn(b"multipart/report", low, "not a multipart/report: %r" % content[:600])
        self.assertRegex(low, rb'report-type\s*=\s*"?delivery-status')
        self.assertEqual([v.lower() for v in field_values(content, "Action")], [b"failed"],
                         "Action: fields of the notice")
        statuses = field_values(content, "Status")
        self.assertEqual(len(statuses), 1, "Status: fields of the notice: %r" % statuses)
        self.assertTrue(statuses[0].startswith(status.encode()),
                        "Status: %r, expected %s" % (statuses[0], status))
        finals = [re.sub(rb"\s+", b"", v).lower() for v in field_values(content,
                                                                        "Final-Recipient")]
        self.assertEqual(finals, [("rfc822;%s" % recipient).lower().encode()],
                         "Final-Recipient: fields of the notice")
        self.assertIn(original_mid, content, "the notice does not quote the original headers")


# ---------------------------------------------------------------------------------------------
# 1. Mixed replies in one transaction


class MixedReplies(DeliveryTestCase):

    def test_each_recipient_reply_handled_on_its_own(self):
        sink = self.sink(refuse={"r550@remote.test": (550, "5.1.1 no such user here"),
                                 "r451@remote.test": (451, "4.2.0 mailbox busy, try later")})
        daemon = self.start_daemon(self.delivery_config([self.route(sink)]))
        rcpts = ["r550@remote.test", "r451@remote.test", "ok@remote.test"]
        mid, original = self.send_from_alice(daemon, rcpts)

        [entry] = self.wait_deferred(daemon)
        # One transaction: one MAIL, the three RCPTs on one connection, DATA for ok only.
        [t] = sink.transactions()
        self.assertEqual(t["mail_from"], ALICE)
        self.assertEqual(t["rcpt_to"], ["ok@remote.test"])
        self.assertTrue(t["data"].endswith(original))
        mails = [c for c in sink.commands() if c.upper().startswith("MAIL ")]
        self.assertEqual(len(mails), 1, "MAIL commands at the sink: %r" % mails)
        answered = sink.rcpt_log()
        self.assertEqual(sorted(r["rcpt"] for r in answered), sorted(rcpts))
        self.assertEqual({r["connection"] for r in answered}, {t["connection"]},
                         "the three recipients were not tried in the one transaction")

        # The 451 recipient stays in the Outbox entry, alone.
        self.assertEqual(entry["recipients"], ["r451@remote.test"], entry)
        self.assertEqual(entry["attempts"], 1, entry)
        self.assertEqual(entry["state"], "deferred", entry)
        with self.subTest("last_reply describes the recipient still pending"):
            self.assertIn("451", entry["last_reply"], entry)
            self.assertEqual([h["reply"][:3] for h in entry["history"]], ["451"], entry)
        self.assertEqual(entry["sender"], ALICE)

        # Exactly one failure notice, about r550 only.
        files = self.wait_files(daemon.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "alice's INBOX: %r" % files)
        notice = read_bytes(files[0])
        self.assertFailureNotice(notice, "5.1.1", "r550@remote.test", mid)
        # RFC 3464 §2.3.5: the notice names the server whose reply it reports (issue 11).
        self.assertEqual(field_values(notice, "Remote-MTA"), [("dns; %s" % sink.host).encode()],
                         "Remote-MTA: fields of the notice")

        # The sink accepts r451 now; a retry delivers to it alone, and nothing else happens.
        del sink.refuse["r451@remote.test"]
        self.queue(daemon, "retry", "--all")
        wait_for(lambda: len(sink.transactions()) >= 2, WAIT, interval=0.1)
        self.wait_outbox_empty(daemon)
        time.sleep(QUIET)
        ts = sink.transactions()
        self.assertEqual(len(ts), 2, "sink transactions: %r" % [(x["mail_from"], x["rcpt_to"])
                                                               for x in ts])
        self.assertEqual((ts[1]["mail_from"], ts[1]["rcpt_to"]), (ALICE, ["r451@remote.test"]))
        self.assertEqual(ts[1]["data"], ts[0]["data"], "the retry sent other bytes")
        self.assertEqual(self.notices(daemon), files, "a second notice reached alice")
        self.assertEqual(outbox(daemon), [])


# ---------------------------------------------------------------------------------------------
# 2. STARTTLS, AUTH and the secrets file


class TlsAndAuth(DeliveryTestCase):

    def tls_sink(self, **kw):
        cert, key = make_certificate(self.tmpdir)
        return self.sink(tls_cert=cert, tls_key=key, **kw)

    def auth_daemon(self, sink, tls, password=RELAY_PASSWORD, username=RELAY_USER):
        secrets = self.write_secrets(sink.port, password)
        route = self.route(sink, tls=tls)
        if username:
            route["username"] = username
        return self.start_daemon(self.delivery_config([route], secrets_file=secrets))

    def assertNoPasswordInClear(self, sink):
        self.assertEqual(sink.auth_log(), [], "a password was sent without TLS")
        self.assertFalse([c for c in sink.commands() if c.upper().startswith("AUTH")],
                         "AUTH was sent without TLS: %r" % sink.commands())
        self.assertNotIn(RELAY_PASSWORD, " ".join(sink.commands()))

    def assertNothingDelivered(self, sink, daemon):
        time.sleep(0.3)
        self.assertEqual(sink.transactions(), [], "the sink got mail")
        mails = [c for c in sink.commands() if c.upper().startswith("MAIL ")]
        self.assertEqual(mails, [], "MAIL was sent")
        self.assertEqual(self.notices(daemon), [], "a temporary failure made a notice")

    def test_required_tls_then_auth_plain(self):
        sink = self.tls_sink(auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.auth_daemon(sink, "required")
        mid, original = self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        [t] = sink.transactions()
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        self.assertTrue(t["data"].endswith(original))
        self.assertTrue(t["tls"], "the transaction did not run under TLS")
        self.assertEqual(t["auth"], RELAY_USER)
        self.assertEqual(sink.auth_log(), [{
            "connection": t["connection"], "mechanism": "PLAIN", "username": RELAY_USER,
            "password": RELAY_PASSWORD, "tls": True, "ok": True}])
        self.assertEqual(sink.tls_sessions(), [t["connection"]])
        verbs = [c.split(" ", 1)[0].upper() for c in sink.commands()]
        self.assertEqual(verbs[:4], ["EHLO", "STARTTLS", "EHLO", "AUTH"],
                         "EHLO, STARTTLS, EHLO again (RFC 3207), then AUTH: %r" % verbs)
        self.assertEqual(self.notices(daemon), [])

    def test_auth_login_when_plain_is_not_offered(self):
        sink = self.tls_sink(auth_users={RELAY_USER: RELAY_PASSWORD}, auth_mechanisms=["LOGIN"])
        daemon = self.auth_daemon(sink, "opportunistic")
        self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        [t] = sink.transactions()
        self.assertTrue(t["tls"])
        self.assertEqual(t["auth"], RELAY_USER)
        self.assertEqual([(a["mechanism"], a["username"], a["password"], a["tls"], a["ok"])
                          for a in sink.auth_log()],
                         [("LOGIN", RELAY_USER, RELAY_PASSWORD, True, True)])

    def test_wrong_password_is_a_temporary_failure(self):
        sink = self.tls_sink(auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.auth_daemon(sink, "required", password="not-the-password")
        self.send_from_alice(daemon, ["carol@remote.test"])
        [entry] = self.wait_deferred(daemon)
        self.assertEqual(entry["recipients"], ["carol@remote.test"])
        self.assertRegex(entry["last_reply"], r"(?i)auth", entry)
        self.assertEqual([(a["username"], a["password"], a["tls"], a["ok"])
                          for a in sink.auth_log()],
                         [(RELAY_USER, "not-the-password", True, False)])
        self.assertNothingDelivered(sink, daemon)

    def test_opportunistic_without_starttls_delivers_in_clear(self):
        sink = self.sink(auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="opportunistic")]))
        mid, original = self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        [t] = sink.transactions()
        self.assertTrue(t["data"].endswith(original))
        self.assertFalse(t["tls"])
        self.assertIsNone(t["auth"], "AUTH without a username on the route")
        self.assertEqual(sink.auth_log(), [])

    @staticmethod
    def mapped_libraries(daemon, names):
        """The libraries lib<one of names>.so* mapped in tandemd's memory (file names)."""
        pattern = re.compile(r"/lib(%s)\.so" % "|".join(re.escape(n) for n in names))
        with open("/proc/%d/maps" % daemon.proc.pid) as f:
            return sorted({os.path.basename(line.split()[-1]) for line in f
                           if pattern.search(line)})

    def tls_libraries(self, daemon):
        return self.mapped_libraries(daemon, ["ssl", "crypto"])

    def test_tls_library_loaded_only_when_tls_starts(self):
        # No smtp.tls and a next hop without STARTTLS: a session and a delivery in clear text
        # never load OpenSSL (about 4 MiB of tandemd's memory). A next hop offering STARTTLS
        # then gets TLS on the same daemon.
        plain = self.sink()
        secure = self.tls_sink()
        daemon = self.start_daemon(self.delivery_config([
            self.route(plain, tls="opportunistic"),
            self.route(secure, domains=["secure.test"], tls="opportunistic")]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        [t] = self.wait_delivered(plain, daemon)
        self.assertFalse(t["tls"])
        self.assertEqual(self.tls_libraries(daemon), [],
                         "a daemon that never started TLS loaded a TLS library")
        self.send_from_alice(daemon, ["dave@secure.test"])
        [t] = self.wait_delivered(secure, daemon)
        self.assertTrue(t["tls"], "the transaction did not run under TLS")
        self.assertEqual(secure.tls_sessions(), [t["connection"]])
        self.assertIn("libssl.so.3", self.tls_libraries(daemon))

    def mime_libraries(self, daemon):
        return self.mapped_libraries(daemon, ["gmime-3.0", "gio-2.0", "tandem-mime"])

    def test_mime_library_loaded_only_when_a_message_needs_it(self):
        # A relay of plain mail never maps GMime and the libraries it brings (gio, gobject,
        # gpgme...: about 1.9 MiB of tandemd's memory). A subject with an encoded word loads
        # Tandem's MIME module, which decodes it.
        sink = self.sink()
        daemon = self.start_daemon(self.delivery_config([
            self.route(sink),
            {"domains": ["later.test"], "host": "127.0.0.1", "port": free_port()}]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        self.assertEqual(self.mime_libraries(daemon), [],
                         "a relay of plain mail loaded GMime")
        message = make_message(subject="=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=", sender=ALICE,
                               to="dave@later.test")
        self.assertEqual(send(daemon.port, ALICE, ["dave@later.test"], message), {})
        [entry] = self.wait_deferred(daemon)
        self.assertEqual(entry["subject"], "Grüße aus Köln")
        loaded = self.mime_libraries(daemon)
        self.assertIn("libtandem-mime.so", loaded)
        self.assertTrue(any(n.startswith("libgmime-3.0.so") for n in loaded), loaded)

    def test_opportunistic_with_username_never_sends_password_in_clear(self):
        # The sink offers AUTH PLAIN LOGIN without TLS: the password must stay at home.
        sink = self.sink(auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.auth_daemon(sink, "opportunistic")
        self.send_from_alice(daemon, ["carol@remote.test"])
        [entry] = self.wait_deferred(daemon)
        self.assertEqual(entry["recipients"], ["carol@remote.test"])
        self.assertIn("TLS", entry["last_reply"], entry)
        self.assertNoPasswordInClear(sink)
        self.assertNothingDelivered(sink, daemon)

    def test_required_tls_without_starttls_defers(self):
        sink = self.sink()
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="required")]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        [entry] = self.wait_deferred(daemon)
        self.assertEqual(entry["recipients"], ["carol@remote.test"])
        self.assertEqual(entry["attempts"], 1, entry)
        self.assertIn("STARTTLS", entry["last_reply"], entry)
        self.assertNothingDelivered(sink, daemon)

    def test_giving_up_on_a_usable_connection_says_quit(self):
        # Issue 11, defect 5: a connection that works but will not be used (TLS required and
        # not offered) ends with QUIT, not a dropped connection the server logs as lost.
        sink = self.sink()
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="required")]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_deferred(daemon)
        wait_for(lambda: sink.commands()[-1:] == ["QUIT"], 5.0, interval=0.1)
        verbs = [c.split(" ", 1)[0].upper() for c in sink.commands()]
        self.assertEqual(verbs, ["EHLO", "QUIT"], "the client's commands")

    def test_refused_password_says_quit(self):
        sink = self.tls_sink(auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.auth_daemon(sink, "required", password="not-the-password")
        self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_deferred(daemon)
        wait_for(lambda: sink.commands()[-1:] == ["QUIT"], 5.0, interval=0.1)
        verbs = [c.split(" ", 1)[0].upper() for c in sink.commands()]
        self.assertEqual(verbs, ["EHLO", "STARTTLS", "EHLO", "AUTH", "QUIT"],
                         "the client's commands")

    # -- a next hop that offers STARTTLS and then breaks the handshake (issue 9, defect 7)

    def assertFallbackLogged(self, daemon, sink, count=1):
        pattern = (r"\[127\.0\.0\.1\]:%d \(127\.0\.0\.1:%d\): TLS handshake failed \(.+\); "
                   r"retrying in clear text \(tls opportunistic\)" % (sink.port, sink.port))
        found = re.findall(pattern, daemon.log())
        self.assertEqual(len(found), count, "fallback lines in tandemd's log (expected %d):\n%s"
                         % (count, daemon.log()[-3000:]))

    def check_opportunistic_fallback(self, how):
        sink = self.sink(starttls_break=how)
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="opportunistic")]))
        mid, original = self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        [t] = sink.transactions()
        self.assertEqual(t["rcpt_to"], ["carol@remote.test"])
        self.assertTrue(t["data"].endswith(original))
        self.assertFalse(t["tls"])
        self.assertEqual(sink.starttls_attempts(), [1], "STARTTLS on the connections")
        self.assertEqual(t["connection"], 2,
                         "not delivered on a second, clear-text connection after the handshake")
        self.assertFallbackLogged(daemon, sink)
        self.assertEqual(self.notices(daemon), [])

    def test_opportunistic_retries_in_clear_text_after_garbage_handshake(self):
        self.check_opportunistic_fallback("garbage")

    def test_opportunistic_retries_in_clear_text_when_closed_during_handshake(self):
        self.check_opportunistic_fallback("close")

    def test_required_tls_never_falls_back_after_a_broken_handshake(self):
        sink = self.sink(starttls_break="garbage")
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="required")]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        [entry] = self.wait_deferred(daemon)
        self.assertEqual(entry["recipients"], ["carol@remote.test"])
        self.assertEqual(entry["attempts"], 1, entry)
        self.assertRegex(entry["last_reply"], r"^4\d\d 4\.7\.\d+ .*\bTLS\b", entry)
        self.assertNothingDelivered(sink, daemon)
        self.assertEqual(sink.starttls_attempts(), [1])
        self.assertEqual(sink.connections(), 1, "reconnected after the handshake failed")
        self.assertNotIn("retrying in clear text", daemon.log())

    def test_fallback_is_remembered_for_the_next_connection(self):
        sink = self.sink(starttls_break="garbage")
        daemon = self.start_daemon(self.delivery_config([self.route(sink, tls="opportunistic")]))
        self.send_from_alice(daemon, ["carol@remote.test"])
        self.wait_delivered(sink, daemon)
        # The clear-text connection idles a few seconds and quits; the next message needs a
        # connection of its own.
        wait_for(lambda: sink.open_connections() == 0, WAIT, interval=0.1)
        self.assertEqual(sink.open_connections(), 0, "the first connection is still open")
        self.send_from_alice(daemon, ["dave@remote.test"])
        ts = self.wait_delivered(sink, daemon, count=2)
        self.assertEqual([t["rcpt_to"] for t in ts], [["carol@remote.test"],
                                                      ["dave@remote.test"]])
        self.assertEqual([t["connection"] for t in ts], [2, 3])
        self.assertFalse(ts[1]["tls"])
        self.assertEqual(sink.starttls_attempts(), [1], "STARTTLS tried again on connection 3")
        self.assertFallbackLogged(daemon, sink, count=1)

    def test_fallback_never_sends_the_password_in_clear(self):
        sink = self.sink(starttls_break="garbage", auth_users={RELAY_USER: RELAY_PASSWORD})
        daemon = self.auth_daemon(sink, "opportunistic")
        self.send_from_alice(daemon, ["carol@remote.test"])
        [entry] = self.wait_deferred(daemon)
        self.assertIn("TLS", entry["last_reply"], entry)
        self.assertNoPasswordInClear(sink)
        self.assertNothingDelivered(sink, daemon)

    def test_secrets_file_readable_by_others_is_refused(self):
        port = free_port()
        secrets = self.write_secrets(port, RELAY_PASSWORD, mode=0o644)
        config = self.delivery_config(
            [{"domains": ["remote.test"], "host": "127.0.0.1", "port": port,
              "username": RELAY_USER, "tls": "required"}], secrets_file=secrets)
        d = Daemon(config, self.tmpdir)  # writes tandem.json; not started by the harness
        try:
            cp = subprocess.run([tandemd_path(), "--config", d.config_path],
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                timeout=10, cwd=self.tmpdir)
        except subprocess.TimeoutExpired:
            self.fail("tandemd started although %s is mode 0644" % secrets)
        self.assertEqual(cp.returncode, 2, "exit status; stderr:\n%s" % cp.stderr)
        self.assertIn("server.secrets_file", cp.stderr)
        self.assertNotIn(RELAY_PASSWORD, cp.stdout + cp.stderr)


# ---------------------------------------------------------------------------------------------
# 3. Next hop from DNS: MX preference, A fallback, null MX


class MxDelivery(DeliveryTestCase):
    """dnsmasq on DNS_ADDRESS:53 (127.0.153.x) is the only resolver tandemd asks:

        remote.test   MX 10 mx1.remote.test (127.0.0.51, nothing listens)
                      MX 20 mx2.remote.test (127.0.0.52, a sink on port 25)
        nullmx.test   MX 0 .                (RFC 7505)
        aonly.test    A 127.0.0.53          (no MX; a sink on port 25)
        anything else under .test: NXDOMAIN; outside .test: REFUSED (no upstream)
    """

    def setUp(self):
        super().setUp()
        self.dnsmasq_log = os.path.join(self.tmpdir, "dnsmasq.log")
        self.start_dnsmasq()
        self.daemon = self.start_daemon(self.delivery_config([], dns_server=DNS_ADDRESS))

    def start_dnsmasq(self):
        if not os.access(DNSMASQ, os.X_OK):
            self.fail("%s is missing: the MX tests need dnsmasq (apt-get install dnsmasq-base)"
                      % DNSMASQ)
        cmd = [DNSMASQ, "--no-daemon", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
               "--no-poll", "--pid-file=" + os.path.join(self.tmpdir, "dnsmasq.pid"),
               "--listen-address=" + DNS_ADDRESS, "--bind-interfaces", "--port=53",
               "--log-queries", "--log-facility=-",
               # Authoritative-like answers under .test (NODATA / NXDOMAIN, never REFUSED).
               "--local=/test/",
               "--mx-host=remote.test,mx1.remote.test,10",
               "--mx-host=remote.test,mx2.remote.test,20",
               "--host-record=mx1.remote.test," + MX1,
               "--host-record=mx2.remote.test," + MX2,
               "--mx-host=nullmx.test,.,0",
               "--host-record=aonly.test," + A_ONLY]
        proc = start_process(self, cmd, self.dnsmasq_log)

        def answering():
            if proc.poll() is not None:
                return True
            return dns_query(DNS_ADDRESS, "remote.test", 15, timeout=0.3) == (0, 2)
        wait_for(answering, 10.0, interval=0.1)
        if proc.poll() is not None:
            self.fail("dnsmasq exited with %s: cannot serve DNS on %s:53 (is the port taken, "
                      "or are we not root?); its log:\n%s"
                      % (proc.returncode, DNS_ADDRESS, self.read_dnsmasq_log()))
        self.assertEqual(dns_query(DNS_ADDRESS, "remote.test", 15), (0, 2),
                         "dnsmasq on %s:53 does not answer the MX query for remote.test; log:\n%s"
                         % (DNS_ADDRESS, self.read_dnsmasq_log()))

    def read_dnsmasq_log(self):
        try:
            with open(self.dnsmasq_log, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def port25_sink(self, address):
        try:
            s = Sink(host=address, port=25)
        except OSError as e:
            self.fail("cannot listen on %s:25 for the MX test (%s): port 25 on loopback needs "
                      "root and a free port" % (address, e))
        self.addCleanup(s.stop)
        return s

    def assertNothingListens(self, address, port=25):
        try:
            with socket.create_connection((address, port), timeout=1):
                self.fail("something listens on %s:%d; the test needs the connection refused"
                          % (address, port))
        except OSError:
            pass

    def assertAskedDns(self, name, qtype):
        self.assertRegex(self.read_dnsmasq_log(),
                         r"query\[%s\] %s from 127\.0\.0\.1" % (qtype, re.escape(name)),
                         "tandemd did not ask the configured DNS server for %s %s" % (qtype, name))

    def test_mx_preference_with_fallback_to_the_next_mx(self):
        self.assertNothingListens(MX1)
        sink = self.port25_sink(MX2)
        mid, original = self.send_from_alice(self.daemon, ["carol@remote.test"])
        self.wait_delivered(sink, self.daemon)
        [t] = sink.transactions()
        self.assertEqual((t["mail_from"], t["rcpt_to"]), (ALICE, ["carol@remote.test"]))
        self.assertTrue(t["data"].endswith(original))
        self.assertEqual(self.notices(self.daemon), [])
        self.assertAskedDns("remote.test", "MX")
        log = self.daemon.log()
        self.assertIn(MX1, log, "no sign in tandemd.log of trying mx1 (%s) first" % MX1)

    def test_null_mx_fails_with_5_1_10(self):
        mid, original = self.send_from_alice(self.daemon, ["someone@nullmx.test"])
        files = self.wait_files(self.daemon.data, DOMAIN, "alice")
        self.assertEqual(len(files), 1, "alice's INBOX: %r; Outbox: %r"
                         % (files, outbox(self.daemon)))
        self.assertFailureNotice(read_bytes(files[0]), "5.1.10", "someone@nullmx.test", mid)
        self.wait_outbox_empty(self.daemon)
        self.assertAskedDns("nullmx.test", "MX")

    def test_no_mx_falls_back_to_the_address_record(self):
        sink = self.port25_sink(A_ONLY)
        mid, original = self.send_from_alice(self.daemon, ["dave@aonly.test"])
        self.wait_delivered(sink, self.daemon)
        [t] = sink.transactions()
        self.assertEqual((t["mail_from"], t["rcpt_to"]), (ALICE, ["dave@aonly.test"]))
        self.assertTrue(t["data"].endswith(original))
        self.assertEqual(self.notices(self.daemon), [])
        self.assertAskedDns("aonly.test", "MX")
        self.assertAskedDns("aonly.test", "A")

    def test_dns_trouble_is_a_temporary_failure(self):
        # example.org is outside the zone dnsmasq knows and it has no upstream: REFUSED.
        self.send_from_alice(self.daemon, ["erin@example.org"])
        [entry] = self.wait_deferred(self.daemon)
        self.assertEqual(entry["recipients"], ["erin@example.org"])
        self.assertTrue(entry["last_reply"].startswith("4"), entry)
        time.sleep(0.3)
        self.assertEqual(self.notices(self.daemon), [], "a temporary DNS failure made a notice")
        self.assertAskedDns("example.org", "MX")


# ---------------------------------------------------------------------------------------------
# 4. Connections reused per next hop


class ConnectionReuse(DeliveryTestCase):
    MAX_PER_HOP = 20
    COUNT = MAX_PER_HOP + 5

    def test_queued_messages_share_connections(self):
        port = free_port()  # the sink is down for now
        daemon = self.start_daemon(self.delivery_config(
            [{"domains": ["remote.test"], "host": "127.0.0.1", "port": port}]))
        s = smtplib.SMTP(host="127.0.0.1", port=daemon.port, timeout=30)
        sent = []
        try:
            for i in range(self.COUNT):
                mid, msg = self.message()
                self.assertEqual(s.sendmail(ALICE, ["r%d@remote.test" % i], msg), {})
                sent.append(msg)
        finally:
            quit_quietly(s)
        self.wait_deferred(daemon, self.COUNT)

        sink = self.sink(port=port)
        self.queue(daemon, "retry", "--all")
        wait_for(lambda: len(sink.transactions()) >= self.COUNT, WAIT, interval=0.1)
        self.wait_outbox_empty(daemon)
        time.sleep(0.5)
        ts = sink.transactions()
        self.assertEqual(sorted(t["rcpt_to"][0] for t in ts),
                         sorted("r%d@remote.test" % i for i in range(self.COUNT)))
        for t in ts:
            i = int(t["rcpt_to"][0][1:].split("@")[0])
            self.assertTrue(t["data"].endswith(sent[i]), "r%d got another message" % i)
        used = sorted({t["connection"] for t in ts})
        self.assertLessEqual(sink.connections(), self.MAX_PER_HOP,
                             "connections opened to one next hop; transactions per connection: "
                             "%r" % [t["connection"] for t in ts])
        self.assertLess(len(used), self.COUNT, "no connection carried a second message")

    def test_a_new_hop_gets_five_connections_then_more_as_it_accepts(self):
        # Slow start (Postfix's initial_destination_concurrency): while the first five
        # transactions hang in DATA, no sixth connection is opened; once the hop accepts
        # messages, more connections may go to it, up to 20.
        sink = self.sink()
        release = threading.Event()
        sink.data_reply = lambda mail_from, rcpts, data: (release.wait(30), None)[1]
        daemon = self.start_daemon(self.delivery_config([self.route(sink)]))
        count = 12
        s = smtplib.SMTP(host="127.0.0.1", port=daemon.port, timeout=30)
        try:
            for i in range(count):
                _, msg = self.message()
                self.assertEqual(s.sendmail(ALICE, ["r%d@remote.test" % i], msg), {})
        finally:
            quit_quietly(s)
        try:
            self.assertTrue(wait_for(lambda: sink.open_connections() >= 5, WAIT, interval=0.1),
                            "connections open: %d" % sink.open_connections())
            time.sleep(1.0)
            self.assertEqual(sink.open_connections(), 5)
            self.assertEqual(sink.peak_open_connections(), 5)
        finally:
            release.set()
        wait_for(lambda: len(sink.transactions()) >= count, WAIT, interval=0.1)
        self.wait_outbox_empty(daemon)
        self.assertEqual(sorted(t["rcpt_to"][0] for t in sink.transactions()),
                         sorted("r%d@remote.test" % i for i in range(count)))
        self.assertLessEqual(sink.peak_open_connections(), self.MAX_PER_HOP)

    def test_idle_connection_carries_the_next_message(self):
        sink = self.sink()
        daemon = self.start_daemon(self.delivery_config([self.route(sink)]))
        self.send_from_alice(daemon, ["first@remote.test"])
        wait_for(sink.transactions, WAIT, interval=0.1)
        self.send_from_alice(daemon, ["second@remote.test"])
        wait_for(lambda: len(sink.transactions()) >= 2, WAIT, interval=0.1)
        self.wait_outbox_empty(daemon)
        ts = sink.transactions()
        self.assertEqual([t["rcpt_to"] for t in ts], [["first@remote.test"],
                                                      ["second@remote.test"]])
        self.assertEqual(ts[0]["connection"], ts[1]["connection"],
                         "the second message (sent within the idle time) opened a new connection")
        self.assertEqual(sink.connections(), 1)


if __name__ == "__main__":
    unittest.main()
