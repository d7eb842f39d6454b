"""The limits on the AUTH path (issue 10, defects 1-4), over implicit TLS (smtps) as the
attacks of the issue used it:

1. the read-ahead while a password is checked or the failure delay runs is bounded: four TLS
   connections each sending a wrong AUTH and then as much as they can without a line end do
   not grow the daemon by more than a few MB each (its VmHWM against a baseline);
2. parallel attempts from one address are reserved before the check: of 20 at once, no more
   than auth_failure_limit are checked;
3. failures are counted per address and per target user: another user's success resets
   neither, and a user guessed at from several addresses is refused for a while (except from
   an address it logged in from);
4. password checks are bounded per address and in total (454 4.7.0 beyond), so a flood of
   wrong attempts from five addresses does not hold up a legitimate login for long.

Attackers play from distinct loopback addresses (127.0.0.20-44), never in relay_networks."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

import test_security  # noqa: E402  (its certificates; its test classes are not re-run here)
from test_security import PASSWORD, Client, SecurityCase, plain  # noqa: E402
from tandemtest import Daemon, tandemd_path  # noqa: E402

BOB_PASSWORD = "bob's own 9"
MiB = 1024 * 1024


def setUpModule():
    test_security.setUpModule()


def tearDownModule():
    test_security.tearDownModule()


def proc_status_kib(pid, field):
    """A "VmRSS:"-style field of /proc/<pid>/status, in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/status" % (field, pid))


def sanitized_build():
    """Whether TANDEMD is an AddressSanitizer build (its allocator keeps freed memory)."""
    with open(tandemd_path(), "rb") as f:
        return b"__asan_init" in f.read()


class AuthLimits(SecurityCase):

    def start(self, limit=5, error_limit=None, env=None):
        """An smtps listener (require_auth) and a plain smtp one; alice and bob have
        passwords."""
        self.install_certificate("A")
        smtp = {"auth_failure_limit": limit}
        if error_limit is not None:
            smtp["error_limit"] = error_limit
        config = self.tls_config(
            listeners=[{"mode": "smtps", "require_auth": True,
                        "reject_nonlocal_senders_claiming_local": False}],
            users=["postmaster"], smtp=smtp)
        d = Daemon(config, self.tmpdir, env=env)
        self.daemons.append(d)
        for name, password in (("alice", PASSWORD), ("bob", BOB_PASSWORD)):
            cp = d.run_cli("user", "add", name, input=password + "\n")
            self.assertEqual(cp.returncode, 0, "user add %s: %s" % (name, cp.stderr))
        d.config = d.read_config()
        d.start()
        self.daemon = d
        return d

    def tls(self, source="127.0.0.1", timeout=30):
        """A new smtps connection from `source`, EHLO done."""
        c = self.client(self.daemon.port, source, implicit_tls=True, timeout=timeout)
        c.ehlo()
        return c

    def auth(self, source, user, password, timeout=30):
        c = self.tls(source, timeout)
        return c.cmd("AUTH PLAIN " + plain(user, password)), c

    def checks_from(self, address):
        """How many wrong passwords from `address` the daemon checked, as it logged them."""
        return len(re.findall(r"authentication failed from %s\b" % re.escape(address),
                              self.daemon.log()))


class ReadAhead(AuthLimits):
    """Defect 1: nothing is read ahead without bound while the session waits."""

    CONNECTIONS = 4
    PER_CONNECTION_MB = 8       # the allowed growth of the daemon per flooding connection
    SEND_LIMIT = 160 * MiB      # per connection
    SECONDS = 15

    def test_auth_flood_over_tls_keeps_memory_bounded(self):
        asan = sanitized_build()
        env = None
        if asan:
            # ASan's quarantine holds freed memory back (256 MB by default): keep it small so
            # that the figure is about what the daemon holds, not what it freed.
            env = {"ASAN_OPTIONS": (os.environ.get("ASAN_OPTIONS", "") +
                                    ":quarantine_size_mb=4:thread_local_quarantine_size_kb=64")
                   .lstrip(":")}
        self.start(env=env)
        pid = self.daemon.proc.pid
        # Warm up TLS and the password checks, so the baseline holds what every daemon has.
        got, c = self.auth("127.0.0.1", "alice", PASSWORD)
        self.assertEqual(got[0], 235, got)
        c.close()
        time.sleep(0.5)
        baseline = proc_status_kib(pid, "VmRSS")

        clients = [self.tls("127.0.0.%d" % (20 + i), timeout=self.SECONDS + 15)
                   for i in range(self.CONNECTIONS)]
        sent = [0] * self.CONNECTIONS
        chunk = b"A" * MiB
        deadline = time.monotonic() + self.SECONDS

        def flood(i):
            c = clients[i]
            try:
                c.send(b"AUTH PLAIN " + plain("alice", "wrong").encode() + b"\r\n")
                while sent[i] < self.SEND_LIMIT and time.monotonic() < deadline:
                    c.sock.sendall(chunk)
                    sent[i] += len(chunk)
            except OSError:
                pass  # cut off by the daemon or by the watchdog below

        threads = [threading.Thread(target=flood, args=(i, ), daemon=True)
                   for i in range(self.CONNECTIONS)]
        for t in threads:
            t.start()
        peak = baseline
        while any(t.is_alive() for t in threads) and time.monotonic() < deadline + 2:
            peak = max(peak, proc_status_kib(pid, "VmRSS"))
            time.sleep(0.05)
        for c in clients:  # a sender blocked on a full window is released by the shutdown
            try:
                c.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for t in threads:
            t.join(10)
        peak = max(peak, proc_status_kib(pid, "VmHWM"))
        grown_mb = (peak - baseline) / 1024
        bound_mb = self.CONNECTIONS * self.PER_CONNECTION_MB * (2 if asan else 1)
        sys.stderr.write("\n[read-ahead: baseline %.1f MB, peak %.1f MB (+%.1f MB), sent %s MB%s]\n"
                         % (baseline / 1024, peak / 1024, grown_mb,
                            [s // MiB for s in sent], ", ASan" if asan else ""))
        self.assertLessEqual(grown_mb, bound_mb,
                             "the daemon grew by %.0f MB under %d AUTH floods (sent %s MB)"
                             % (grown_mb, self.CONNECTIONS, [s // MiB for s in sent]))
        # The daemon still serves.
        got, _ = self.auth("127.0.0.1", "alice", PASSWORD)
        self.assertEqual(got[0], 235, got)


class Attempts(AuthLimits):

    def test_parallel_attempts_are_reserved_before_the_check(self):
        """Defect 2: 20 attempts at once from one address, each tried again while answered
        454; no more than the limit (5) are ever checked, the rest are refused."""
        self.start(limit=5, error_limit=1000)
        source = "127.0.0.20"
        clients = [self.tls(source, timeout=60) for _ in range(20)]
        barrier = threading.Barrier(len(clients))
        outcomes = [None] * len(clients)

        def attempt(i):
            c = clients[i]
            barrier.wait()
            deadline = time.monotonic() + 40
            while True:
                try:
                    got = c.cmd("AUTH PLAIN " + plain("alice", "wrong %d" % i))
                except (OSError, ConnectionError) as e:
                    outcomes[i] = ("error", repr(e))
                    return
                if got[0] == 454 and time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                outcomes[i] = got
                return

        threads = [threading.Thread(target=attempt, args=(i, ), daemon=True)
                   for i in range(len(clients))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        codes = [o[0] if o else None for o in outcomes]
        self.assertLessEqual(codes.count(535), 5, "answers: %r" % (outcomes, ))
        self.assertLessEqual(self.checks_from(source), 5, "answers: %r" % (outcomes, ))
        self.assertEqual(codes.count(535) + codes.count(421), len(clients),
                         "answers: %r" % (outcomes, ))

    def test_another_users_success_does_not_reset_the_count(self):
        """Defect 3: an attacker with bob's password guesses alice's from one address,
        logging in as bob between guesses; the address is still cut off at the limit."""
        self.start(limit=3)
        source = "127.0.0.30"
        wrong = []
        refused_bob = None
        for round_ in range(6):
            got, _ = self.auth(source, "bob", BOB_PASSWORD)
            if got[0] == 421:
                refused_bob = round_
                break
            self.assertEqual(got[0], 235, got)
            got, _ = self.auth(source, "alice", "guess %d" % round_)
            wrong.append(got)
            if got[0] == 421:
                break
        codes = [g[0] for g in wrong]
        self.assertLessEqual(codes.count(535), 3, "guesses answered %r" % (wrong, ))
        self.assertTrue(refused_bob is not None or 421 in codes,
                        "never cut off; guesses answered %r" % (wrong, ))
        self.assertEqual(self.checks_from(source), 3)

    def test_failures_counted_per_target_user(self):
        """Defect 3: one wrong guess for alice from each of three addresses reaches the limit
        (3) for alice: a fourth address is answered 454 for her even with the right password,
        bob is not affected, an address alice logged in from before still works, and her
        success there lifts the lock."""
        self.start(limit=3)
        got, _ = self.auth("127.0.0.1", "alice", PASSWORD)
        self.assertEqual(got[0], 235, got)
        for i in range(3):
            got, _ = self.auth("127.0.0.%d" % (31 + i), "alice", "guess %d" % i)
            self.assertEqual(got[0], 535, got)
        start = time.monotonic()
        got, _ = self.auth("127.0.0.34", "alice", PASSWORD)
        self.assertEqual(got, (454, b"4.7.0 Temporary authentication failure, try again later"))
        self.assertLess(time.monotonic() - start, 2.0, "refused only after a check")
        got, _ = self.auth("127.0.0.34", "bob", BOB_PASSWORD)
        self.assertEqual(got[0], 235, got)
        got, _ = self.auth("127.0.0.1", "alice", PASSWORD)
        self.assertEqual(got[0], 235, got)
        # Her own success clears her record (not the addresses'): the lock is lifted.
        got, _ = self.auth("127.0.0.35", "alice", PASSWORD)
        self.assertEqual(got[0], 235, got)
        got, _ = self.auth("127.0.0.31", "alice", "guess again")
        self.assertEqual(got[0], 535, got)

    def test_flood_of_checks_does_not_hold_up_a_login(self):
        """Defect 4: 100 wrong attempts at once from five addresses (known and unknown users)
        queue no more than the bounded checks; a legitimate login (tried again while it is
        answered 454) gets through within a few checks' time."""
        self.start(limit=5)
        attackers = []
        for a in range(5):
            attackers += [self.tls("127.0.0.%d" % (40 + a), timeout=60) for _ in range(20)]
        for i, c in enumerate(attackers):
            user = "alice" if i % 2 else "nobody%d" % i
            c.send(b"AUTH PLAIN " + plain(user, "wrong %d" % i).encode() + b"\r\n")
        time.sleep(0.3)
        c = self.tls("127.0.0.1", timeout=30)
        start = time.monotonic()
        tries = 0
        while True:
            tries += 1
            try:
                got = c.cmd("AUTH PLAIN " + plain("alice", PASSWORD))
            except socket.timeout:
                self.fail("no answer to a legitimate AUTH within %.0f s"
                          % (time.monotonic() - start))
            if got[0] != 454 or time.monotonic() - start > 30:
                break
            time.sleep(0.25)
        elapsed = time.monotonic() - start
        sys.stderr.write("\n[login during the flood: %.1f s, %d tries]\n" % (elapsed, tries))
        self.assertEqual(got[0], 235, got)
        self.assertLess(elapsed, 12, "the login took %.1f s (%d tries)" % (elapsed, tries))


if __name__ == "__main__":
    unittest.main()
