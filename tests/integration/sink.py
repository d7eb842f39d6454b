"""A recording SMTP server that plays "the Internet" in Tandem's integration tests.

Python 3 stdlib only (socketserver threads; no smtpd/asyncore). It listens on 127.0.0.1,
speaks enough ESMTP for an MTA to deliver to it (EHLO with PIPELINING, SIZE, 8BITMIME,
ENHANCEDSTATUSCODES and DSN, and SMTPUTF8 with Sink(smtputf8=True); HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT,
VRFY), and records every completed transaction:

    {"mail_from": "alice@example.com",      # "" for the null sender <>
     "rcpt_to": ["carol@remote.test"],      # the recipients it accepted, in order
     "data": b"...",                        # the message, CRLF line ends, unstuffed
     "helo": "archive.example.com",         # the last HELO/EHLO argument
     "peer": ("127.0.0.1", 40122),
     "mail_params": ["SIZE=123", "BODY=8BITMIME"],
     "rcpt_params": [["NOTIFY=FAILURE"]],   # one list per accepted recipient
     "time": 1700000000.0,
     "connection": 3,                       # which connection carried it (1, 2, ... in
                                            # the order they were accepted)
     "tls": False,                          # whether STARTTLS was in effect
     "auth": None}                          # the user name AUTH succeeded with, or None

Programmable replies:

    Sink(refuse={"dave@remote.test": (550, "5.1.1 no such user")})
    sink.refuse["erin@remote.test"] = (452, "4.2.2 mailbox full")
    Sink(rcpt_reply=lambda rcpt, mail_from, params: None or (code, text))
    sink.set_tempfail(True)                # RCPT answers "451 4.3.0 try later"
    sink.set_tempfail(True, stage="mail")  # MAIL answers it instead
    sink.set_tempfail(False)

Every RCPT the sink answered is in sink.rcpt_log() as {mail_from, rcpt, code, text, peer,
connection}, so a test can tell "refused" from "never tried".

STARTTLS and AUTH (both off unless asked for):

    Sink(tls_cert="cert.pem", tls_key="key.pem")   # EHLO offers STARTTLS (once per session)
    Sink(auth_users={"relayuser": "secret"})       # EHLO offers AUTH PLAIN LOGIN, also
                                                   # before TLS; a wrong password gets
                                                   # 535 5.7.8
    Sink(auth_users=..., auth_mechanisms=["LOGIN"])

Every AUTH attempt is in sink.auth_log() as {connection, mechanism, username, password, tls,
ok}; sink.tls_sessions() lists the connections on which STARTTLS succeeded.

A next hop whose TLS is broken (no certificate needed):

    Sink(starttls_break="garbage")   # EHLO offers STARTTLS; STARTTLS answers 220, then
                                     # bytes that are not TLS, and the connection is closed
    Sink(starttls_break="close")     # ... answers 220 and closes at once

sink.starttls_attempts() lists the connections on which the client sent STARTTLS, and
sink.open_connections() counts the sessions still open.

Usage:

    with Sink() as sink:
        ... deliver to 127.0.0.1:sink.port ...
        sink.transactions()

Command line (for watching a Tandem installation by hand):

    python3 sink.py --port 2526 [--refuse dave@remote.test] [--tempfail]
"""

import argparse
import base64
import binascii
import socket
import socketserver
import ssl
import sys
import threading
import time

sys.dont_write_bytecode = True

TEMPFAIL_REPLY = (451, "4.3.0 try later")
MAX_SIZE = 52428800
MAX_LINE = 1 << 20


class _Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, sink):
        self.sink = sink
        super().__init__(address, _Handler)


class _Handler(socketserver.StreamRequestHandler):
    timeout = 120  # per read: a stuck client does not keep a thread forever

    def setup(self):
        super().setup()
        self.sink = self.server.sink
        self.connection_id = self.sink._opened(self.connection)

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass
        self.sink._closed(self.connection)
        if isinstance(self.connection, ssl.SSLSocket):
            # socketserver closes the plain socket it accepted, which STARTTLS detached.
            try:
                self.connection.close()
            except OSError:
                pass

    # -- I/O
    def reply(self, code, text):
        """One reply; `text` may hold several lines separated by "\n" (multi-line reply)."""
        lines = text.split("\n") if text else [""]
        out = []
        for i, line in enumerate(lines):
            sep = " " if i == len(lines) - 1 else "-"
            out.append(("%d%s%s\r\n" % (code, sep, line)).encode("utf-8", "replace"))
        self.wfile.write(b"".join(out))
        self.wfile.flush()

    def readline(self):
        line = self.rfile.readline(MAX_LINE)
        if not line:
            raise EOFError
        return line

    # -- session
    def handle(self):
        try:
            self.session()
        except (EOFError, OSError, socket.timeout):  # ssl.SSLError is an OSError
            pass

    def break_tls(self):
        """Says yes to STARTTLS, then fails the handshake the way sink.starttls_break asks."""
        self.reply(220, "2.0.0 ready to start TLS")
        self.connection.settimeout(5)
        self.rfile.read1(65536)  # the ClientHello: read, so closing does not reset
        if self.sink.starttls_break == "garbage":
            self.wfile.write(b"this is not a TLS record\r\n" * 4)
            self.wfile.flush()
        self.connection.shutdown(socket.SHUT_WR)
        while self.rfile.read1(65536):  # until the client gives up and closes
            pass
        raise EOFError  # handle() returns and finish() closes the connection

    def start_tls(self):
        """Replies 220 and makes the connection a TLS server connection (RFC 3207)."""
        self.reply(220, "2.0.0 ready to start TLS")
        plain = self.connection
        # Anything the client sent after STARTTLS before the handshake is dropped with the
        # old buffers (RFC 3207 §4.2 forbids pipelining past STARTTLS).
        for f in (self.rfile, self.wfile):
            try:
                f.close()
            except OSError:
                pass
        secure = self.sink._tls_context.wrap_socket(plain, server_side=True)
        self.sink._replaced(plain, secure)
        self.connection = self.request = secure
        self.rfile = secure.makefile("rb", self.rbufsize)
        self.wfile = secure.makefile("wb")

    def read_auth_response(self, challenge):
        """Sends `334 <challenge>` and returns the client's decoded answer (None for "*" or
        bad base64, after replying to it)."""
        self.reply(334, challenge)
        line = self.readline().rstrip(b"\r\n")
        self.sink._command(line.decode("utf-8", "replace"))
        if line == b"*":
            self.reply(501, "5.0.0 authentication cancelled")
            return None
        try:
            return base64.b64decode(line, validate=True)
        except (binascii.Error, ValueError):
            self.reply(501, "5.5.2 cannot decode the response")
            return None

    def authenticate(self, arg, tls):
        """AUTH PLAIN / LOGIN; returns the user name on success, else None (replied)."""
        sink = self.sink
        words = arg.split()
        mechanism = words[0].upper() if words else ""
        initial = words[1] if len(words) > 1 else None
        if mechanism not in [m.upper() for m in sink.auth_mechanisms]:
            self.reply(504, "5.5.4 unrecognised authentication type")
            return None

        def decode(text):
            if text == "=":
                return b""
            try:
                return base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                return None

        if mechanism == "PLAIN":
            token = decode(initial) if initial is not None else self.read_auth_response("")
            if token is None:
                if initial is not None:
                    self.reply(501, "5.5.2 cannot decode the response")
                return None
            parts = token.split(b"\0")
            if len(parts) != 3:
                self.reply(501, "5.5.2 malformed PLAIN response")
                return None
            username, password = parts[1], parts[2]
        else:  # LOGIN
            if initial is not None:
                username = decode(initial)
                if username is None:
                    self.reply(501, "5.5.2 cannot decode the response")
                    return None
            else:
                username = self.read_auth_response("VXNlcm5hbWU6")  # "Username:"
                if username is None:
                    return None
            password = self.read_auth_response("UGFzc3dvcmQ6")  # "Password:"
            if password is None:
                return None
        username = username.decode("utf-8", "replace")
        password = password.decode("utf-8", "replace")
        ok = sink._check_password(username, password)
        sink._log_auth(self.connection_id, mechanism, username, password, tls, ok)
        if not ok:
            self.reply(535, "5.7.8 authentication credentials invalid")
            return None
        self.reply(235, "2.7.0 authentication successful")
        return username

    def session(self):
        sink = self.sink
        peer = self.client_address
        self.reply(220, "%s ESMTP sink ready" % sink.hostname)
        helo = None
        mail_from = None
        mail_params = []
        rcpts = []
        rcpt_params = []
        tls = False
        authenticated = None

        def reset():
            nonlocal mail_from, mail_params, rcpts, rcpt_params
            mail_from, mail_params, rcpts, rcpt_params = None, [], [], []

        while True:
            raw = self.readline()
            line = raw.rstrip(b"\r\n").decode("utf-8", "replace")
            sink._command(line)
            verb, _, arg = line.partition(" ")
            verb = verb.upper()
            if verb == "EHLO":
                helo = arg.strip()
                reset()
                extensions = [sink.hostname, "PIPELINING", "SIZE %d" % MAX_SIZE, "8BITMIME",
                              "ENHANCEDSTATUSCODES", "DSN"]
                if not sink.eight_bit_mime:
                    extensions.remove("8BITMIME")
                if sink.smtputf8:
                    extensions.append("SMTPUTF8")
                if (sink._tls_context is not None or sink.starttls_break) and not tls:
                    extensions.append("STARTTLS")
                if sink.auth_users is not None and authenticated is None:
                    extensions.append("AUTH " + " ".join(sink.auth_mechanisms))
                self.reply(250, "\n".join(extensions))
            elif verb == "STARTTLS" and (sink._tls_context is not None or sink.starttls_break):
                sink._starttls_asked(self.connection_id)
                if sink.starttls_break:
                    self.break_tls()
                if tls:
                    self.reply(503, "5.5.1 TLS already active")
                    continue
                if arg.strip():
                    self.reply(501, "5.5.4 STARTTLS takes no argument")
                    continue
                self.start_tls()
                tls = True
                sink._tls_started(self.connection_id)
                # RFC 3207 §4.2: forget everything learnt before TLS.
                helo = None
                authenticated = None
                reset()
            elif verb == "AUTH" and sink.auth_users is not None:
                if authenticated is not None:
                    self.reply(503, "5.5.1 already authenticated")
                    continue
                if mail_from is not None:
                    self.reply(503, "5.5.1 AUTH not allowed during a mail transaction")
                    continue
                authenticated = self.authenticate(arg, tls)
            elif verb == "HELO":
                helo = arg.strip()
                reset()
                self.reply(250, sink.hostname)
            elif verb == "MAIL":
                if mail_from is not None:
                    self.reply(503, "5.5.1 nested MAIL command")
                    continue
                addr, params = _path_and_params(arg, "FROM:")
                if addr is None:
                    self.reply(501, "5.5.4 syntax: MAIL FROM:<address>")
                    continue
                decided = sink._mail_reply(addr, params)
                if decided is not None:
                    self.reply(*decided)
                    continue
                mail_from, mail_params = addr, params
                self.reply(250, "2.1.0 ok")
            elif verb == "RCPT":
                if mail_from is None:
                    self.reply(503, "5.5.1 need MAIL before RCPT")
                    continue
                addr, params = _path_and_params(arg, "TO:")
                if not addr:
                    self.reply(501, "5.5.4 syntax: RCPT TO:<address>")
                    continue
                code, text = sink._rcpt_reply(addr, mail_from, params)
                sink._log_rcpt(mail_from, addr, code, text, peer, self.connection_id)
                if 200 <= code < 300:
                    rcpts.append(addr)
                    rcpt_params.append(params)
                self.reply(code, text)
            elif verb == "DATA":
                if mail_from is None:
                    self.reply(503, "5.5.1 need MAIL before DATA")
                    continue
                if not rcpts:
                    self.reply(554, "5.5.1 no valid recipients")
                    continue
                self.reply(354, "end data with <CR><LF>.<CR><LF>")
                data = self.read_data()
                decided = sink._data_reply(mail_from, rcpts, data)
                if decided is None:
                    number = sink._record({
                        "mail_from": mail_from,
                        "rcpt_to": list(rcpts),
                        "data": data,
                        "helo": helo,
                        "peer": peer,
                        "mail_params": list(mail_params),
                        "rcpt_params": [list(p) for p in rcpt_params],
                        "time": time.time(),
                        "connection": self.connection_id,
                        "tls": tls,
                        "auth": authenticated,
                    })
                    self.reply(250, "2.0.0 ok: queued as sink-%d" % number)
                else:
                    self.reply(*decided)
                reset()
            elif verb == "RSET":
                reset()
                self.reply(250, "2.0.0 ok")
            elif verb == "NOOP":
                self.reply(250, "2.0.0 ok")
            elif verb == "VRFY":
                self.reply(252, "2.5.0 cannot verify, but will try")
            elif verb == "QUIT":
                self.reply(221, "2.0.0 bye")
                return
            elif verb == "":
                self.reply(500, "5.5.2 empty command")
            else:
                self.reply(500, "5.5.2 command not recognised")

    def read_data(self):
        chunks = []
        while True:
            raw = self.readline()
            if raw in (b".\r\n", b".\n"):
                return b"".join(chunks)
            if raw.startswith(b"."):
                raw = raw[1:]
            chunks.append(raw)


def _path_and_params(arg, keyword):
    """("addr", [params]) of `FROM:<addr> P=V ...`; addr is "" for <>; (None, []) if bad."""
    arg = arg.strip()
    if arg[:len(keyword)].upper() != keyword:
        return None, []
    rest = arg[len(keyword):].strip()
    if rest.startswith("<"):
        end = rest.find(">")
        if end < 0:
            return None, []
        addr, params = rest[1:end], rest[end + 1:].split()
    else:
        parts = rest.split()
        if not parts:
            return None, []
        addr, params = parts[0], parts[1:]
    if ":" in addr and addr.startswith("@"):  # source route <@a,@b:user@host>
        addr = addr.split(":", 1)[1]
    return addr, params


class Sink:
    """The recording SMTP server; see the module's docstring."""

    def __init__(self, port=0, host="127.0.0.1", refuse=None, rcpt_reply=None,
                 hostname="sink.remote.test", tempfail=False, tempfail_stage="rcpt",
                 start=True, tls_cert=None, tls_key=None, auth_users=None,
                 auth_mechanisms=("PLAIN", "LOGIN"), starttls_break=None,
                 eight_bit_mime=True, smtputf8=False):
        if starttls_break not in (None, "garbage", "close"):
            raise ValueError("starttls_break must be None, 'garbage' or 'close'")
        self.hostname = hostname
        self.starttls_break = starttls_break
        self.eight_bit_mime = eight_bit_mime  # False: an old server without 8BITMIME
        self.smtputf8 = smtputf8  # True: offers SMTPUTF8 (RFC 6531); UTF-8 addresses then
        self._tls_context = None
        if tls_cert:
            self._tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._tls_context.load_cert_chain(tls_cert, tls_key)
        self.auth_users = dict(auth_users) if auth_users is not None else None
        self.auth_mechanisms = list(auth_mechanisms)
        self.refuse = {k.lower(): v for k, v in (refuse or {}).items()}
        self.rcpt_reply = rcpt_reply
        self.data_reply = None  # callable(mail_from, rcpts, data) -> None or (code, text)
        self._lock = threading.Lock()
        self._transactions = []
        self._rcpt_log = []
        self._commands = []
        self._connections = 0
        self._open = set()
        self._peak_open = 0
        self._auth_log = []
        self._tls_sessions = []
        self._starttls_attempts = []
        self._tempfail = None
        if tempfail:
            self.set_tempfail(True, tempfail_stage)
        self._server = _Server((host, port), self)
        self.host, self.port = self._server.server_address[:2]
        self._thread = None
        if start:
            self.start()

    # -- life cycle
    def start(self):
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever,
                                            kwargs={"poll_interval": 0.1},
                                            name="sink-%d" % self.port, daemon=True)
            self._thread.start()
        return self

    def stop(self):
        """Stops listening and closes the open sessions."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(5)
            self._thread = None
        self._server.server_close()
        with self._lock:
            socks = list(self._open)
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    # -- programming
    def set_tempfail(self, on=True, stage="rcpt"):
        """While on, MAIL (stage "mail") or RCPT (stage "rcpt") answers 451 4.3.0 try later."""
        if stage not in ("mail", "rcpt"):
            raise ValueError("stage must be 'mail' or 'rcpt'")
        with self._lock:
            self._tempfail = stage if on else None

    # -- results
    def transactions(self):
        """A copy of the completed transactions, oldest first."""
        with self._lock:
            return [dict(t, rcpt_to=list(t["rcpt_to"])) for t in self._transactions]

    def envelopes(self):
        """[(mail_from, sorted rcpt_to)] of the completed transactions (handy in asserts)."""
        return [(t["mail_from"], sorted(r.lower() for r in t["rcpt_to"]))
                for t in self.transactions()]

    def rcpt_log(self):
        """Every RCPT answered: {mail_from, rcpt, code, text, peer}."""
        with self._lock:
            return [dict(r) for r in self._rcpt_log]

    def commands(self):
        with self._lock:
            return list(self._commands)

    def connections(self):
        with self._lock:
            return self._connections

    def auth_log(self):
        """Every AUTH attempt: {connection, mechanism, username, password, tls, ok}."""
        with self._lock:
            return [dict(a) for a in self._auth_log]

    def tls_sessions(self):
        """The ids of the connections on which STARTTLS succeeded, in order."""
        with self._lock:
            return list(self._tls_sessions)

    def starttls_attempts(self):
        """The ids of the connections on which the client sent STARTTLS, in order."""
        with self._lock:
            return list(self._starttls_attempts)

    def open_connections(self):
        """How many sessions are open now."""
        with self._lock:
            return len(self._open)

    def peak_open_connections(self):
        """The most sessions that were open at once."""
        with self._lock:
            return self._peak_open

    def clear(self):
        with self._lock:
            self._transactions.clear()
            self._rcpt_log.clear()
            self._commands.clear()
            self._auth_log.clear()
            self._tls_sessions.clear()
            self._starttls_attempts.clear()

    # -- called by the sessions
    def _opened(self, sock):
        """Counts the connection; returns its id (1, 2, ...)."""
        with self._lock:
            self._connections += 1
            self._open.add(sock)
            self._peak_open = max(self._peak_open, len(self._open))
            return self._connections

    def _replaced(self, old, new):
        with self._lock:
            self._open.discard(old)
            self._open.add(new)

    def _starttls_asked(self, connection_id):
        with self._lock:
            self._starttls_attempts.append(connection_id)

    def _tls_started(self, connection_id):
        with self._lock:
            self._tls_sessions.append(connection_id)

    def _check_password(self, username, password):
        return self.auth_users is not None and self.auth_users.get(username) == password

    def _log_auth(self, connection_id, mechanism, username, password, tls, ok):
        with self._lock:
            self._auth_log.append({"connection": connection_id, "mechanism": mechanism,
                                   "username": username, "password": password, "tls": tls,
                                   "ok": ok})

    def _closed(self, sock):
        with self._lock:
            self._open.discard(sock)

    def _command(self, line):
        with self._lock:
            if len(self._commands) < 100000:
                self._commands.append(line)

    def _mail_reply(self, addr, params):
        with self._lock:
            if self._tempfail == "mail":
                return TEMPFAIL_REPLY
        return None

    def _rcpt_reply(self, addr, mail_from, params):
        with self._lock:
            if self._tempfail == "rcpt":
                return TEMPFAIL_REPLY
            refused = self.refuse.get(addr.lower())
        if refused is not None:
            return refused
        if self.rcpt_reply is not None:
            decided = self.rcpt_reply(addr, mail_from, params)
            if decided is not None:
                return decided
        return 250, "2.1.5 ok"

    def _data_reply(self, mail_from, rcpts, data):
        if self.data_reply is not None:
            return self.data_reply(mail_from, rcpts, data)
        return None

    def _log_rcpt(self, mail_from, rcpt, code, text, peer, connection_id=None):
        with self._lock:
            self._rcpt_log.append({"mail_from": mail_from, "rcpt": rcpt, "code": code,
                                   "text": text, "peer": peer, "connection": connection_id})

    def _record(self, transaction):
        with self._lock:
            self._transactions.append(transaction)
            return len(self._transactions)


def main(argv=None):
    p = argparse.ArgumentParser(description="Recording SMTP sink (plays the Internet).")
    p.add_argument("--port", type=int, default=2526)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--refuse", action="append", default=[], metavar="ADDRESS",
                   help="answer RCPT TO:<ADDRESS> with 550 5.1.1 (repeatable)")
    p.add_argument("--tempfail", action="store_true", help="answer every RCPT with 451")
    p.add_argument("--tls-cert", metavar="PEM", help="offer STARTTLS with this certificate")
    p.add_argument("--tls-key", metavar="PEM", help="the certificate's key")
    p.add_argument("--auth", action="append", default=[], metavar="USER:PASSWORD",
                   help="offer AUTH PLAIN LOGIN and accept this user (repeatable)")
    args = p.parse_args(argv)
    refuse = {a: (550, "5.1.1 no such user") for a in args.refuse}
    users = dict(a.split(":", 1) for a in args.auth) if args.auth else None
    sink = Sink(port=args.port, host=args.host, refuse=refuse, tempfail=args.tempfail,
                tls_cert=args.tls_cert, tls_key=args.tls_key or args.tls_cert,
                auth_users=users)
    print("sink listening on %s:%d" % (sink.host, sink.port), flush=True)
    seen = 0
    try:
        while True:
            time.sleep(0.2)
            ts = sink.transactions()
            for t in ts[seen:]:
                subject = b""
                for line in t["data"].split(b"\r\n"):
                    if not line:
                        break
                    if line.lower().startswith(b"subject:"):
                        subject = line[8:].strip()
                print("%s from <%s> to %s (%d bytes) %s" % (
                    time.strftime("%H:%M:%S"), t["mail_from"],
                    ", ".join("<%s>" % r for r in t["rcpt_to"]), len(t["data"]),
                    subject.decode("utf-8", "replace")), flush=True)
            seen = len(ts)
    except KeyboardInterrupt:
        pass
    finally:
        sink.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
