"""Daily administration of a running tandemd (issue 12, the daemon's side): the log file on
disk (data/log/tandem.log, rotated by size) and the journal's priorities on stderr, the log's
wording for a message handed to a relay, and start failures that say why and stop at once.

Tests that run the daemon as another user (nobody) need root; they are skipped otherwise.
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    Daemon, DaemonError, TandemTestCase, free_ports, make_config, make_message, send, wait_for)

DOMAIN = "example.com"


AS_ROOT = unittest.skipUnless(os.geteuid() == 0, "runs the daemon as nobody: needs root")


def unprivileged_port_start():
    try:
        with open("/proc/sys/net/ipv4/ip_unprivileged_port_start") as f:
            return int(f.read())
    except (OSError, ValueError):
        return 1024


def closed_privileged_port():
    """A port below the privileged limit that nothing listens on (nobody cannot bind it, so it
    is never taken by the test; the check only keeps the message about privilege, not use)."""
    for port in range(unprivileged_port_start() - 1, 0, -1):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                continue
        except OSError:
            return port
    return None


def log_files(daemon):
    """{name: bytes} of the files in data/log/."""
    folder = os.path.join(daemon.data, "log")
    out = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            out[name] = f.read()
    return out


def log_file(daemon):
    return log_files(daemon).get("tandem.log", b"").decode("utf-8", "replace")


class LogFile(TandemTestCase):
    """The daemon's events are kept in data/log/tandem.log, rotated at server.log_max_size_kb
    with server.log_files files kept, whether or not anyone reads its stderr."""

    def test_sessions_are_in_the_file(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN))
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        expected = ("connection from 127.0.0.1", "accepted from=<someone@remote.test> "
                    "to=<alice@example.com>", "stored for <alice@example.com> in alice")
        self.assertTrue(wait_for(lambda: all(e in log_file(daemon) for e in expected), 10),
                        log_file(daemon))
        # The same lines as on stderr, in the same form.
        for line in log_file(daemon).splitlines():
            self.assertIn(line, daemon.log())
        daemon.stop()
        self.assertTrue(log_file(daemon).endswith("info engine: stopped\n"), log_file(daemon))
        self.assertEqual(list(log_files(daemon)), ["tandem.log"])

    def test_rotated_at_the_size_with_the_files_kept(self):
        config = make_config(domain=DOMAIN, extra={"server": {"log_max_size_kb": 1,
                                                              "log_files": 3}})
        daemon = self.start_daemon(config)
        for i in range(12):
            send(daemon.port, "someone@remote.test", ["alice@example.com"],
                 make_message(subject="rotation %d" % i))
        self.assertTrue(wait_for(lambda: daemon.log().count("stored for <alice") == 12, 10),
                        daemon.log()[-3000:])
        daemon.stop()
        files = log_files(daemon)
        self.assertEqual(list(files), ["tandem.log", "tandem.log.1", "tandem.log.2"])
        for name, content in files.items():
            self.assertLessEqual(len(content), 1024, name)
            self.assertTrue(content.endswith(b"\n"), name)
        # Newest in tandem.log, then .1, then .2; together the end of what stderr shows.
        kept = (files["tandem.log.2"] + files["tandem.log.1"] + files["tandem.log"]).decode()
        self.assertTrue(daemon.log().endswith(kept), kept)
        self.assertGreater(len(daemon.log()), len(kept))  # older lines went with older files
        self.assertTrue(files["tandem.log"].endswith(b"info engine: stopped\n"))


class Journal(TandemTestCase):
    """Under systemd (JOURNAL_STREAM names stderr) each line carries its syslog priority, as
    sd-daemon(3) asks, and no time stamp: the journal stamps it."""

    def start_with_journal_stream(self, value_for):
        daemon = Daemon(make_config(domain=DOMAIN), self.tmpdir)
        open(daemon.log_path, "ab").close()
        st = os.stat(daemon.log_path)
        daemon.env = {"JOURNAL_STREAM": value_for(st)}
        self.daemons.append(daemon)
        return daemon.start()

    def test_priorities_when_stderr_is_the_journal(self):
        daemon = self.start_with_journal_stream(lambda st: "%d:%d" % (st.st_dev, st.st_ino))
        with self.assertRaises(Exception):
            send(daemon.port, "someone@remote.test", ["nobody@example.com"], make_message())
        self.assertTrue(wait_for(lambda: "refused" in daemon.log(), 5), daemon.log())
        lines = daemon.log().splitlines()
        self.assertIn("<6>info smtp: listening on 127.0.0.1 port %d (smtp)" % daemon.port, lines)
        self.assertTrue(all(line.startswith(("<3>", "<4>", "<6>", "<7>")) for line in lines),
                        lines)
        # The file keeps its time stamps.
        self.assertRegex(log_file(daemon), r"(?m)^\d{4}-\d\d-\d\dT\S+ info smtp: listening on")

    def test_no_priorities_for_another_stream(self):
        daemon = self.start_with_journal_stream(lambda st: "%d:%d" % (st.st_dev, st.st_ino + 1))
        self.assertRegex(daemon.log(), r"(?m)^\d{4}-\d\d-\d\dT\S+ info smtp: listening on")
        self.assertNotIn("<6>", daemon.log())


class LogWording(TandemTestCase):
    """A message handed to a static route was relayed, not delivered: only its recipient's own
    server (or a local mailbox) delivers it."""

    def test_relayed_to_a_static_route(self):
        with Sink() as sink:
            config = make_config(domain=DOMAIN, static_routes=[
                {"domains": ["*"], "host": "127.0.0.1", "port": sink.port}])
            daemon = self.start_daemon(config)
            send(daemon.port, "alice@example.com", ["carol@remote.test", "bob@example.com"],
                 make_message(sender="alice@example.com", to="carol@remote.test"))
            hop = "[127.0.0.1]:%d" % sink.port
            self.assertTrue(wait_for(lambda: "relayed to %s for <carol@remote.test>: 250" % hop
                                     in daemon.log(), 10), daemon.log()[-3000:])
            # The Outbox copy for bob went to the same hop; his mailbox here got its own.
            self.assertTrue(wait_for(lambda: "relayed to %s for <bob@example.com>: 250" % hop
                                     in daemon.log(), 10), daemon.log()[-3000:])
            self.assertIn("stored for <bob@example.com> in bob", daemon.log())
            self.assertNotIn("delivered to <carol@remote.test>", daemon.log())
            self.assertNotIn("delivered to <bob@example.com>", daemon.log())


@AS_ROOT
class StartFailures(TandemTestCase):
    """A start that cannot work says why (the system's reason and the user it runs as), and
    `--check` finds the same; nothing claims to listen or deliver after the failure."""

    def nobody_daemon(self, config):
        daemon = Daemon(config, self.tmpdir, run_as="nobody")
        self.daemons.append(daemon)
        return daemon

    def run_as_nobody(self, daemon, *args):
        return subprocess.run([daemon.binary, "--config", daemon.config_path] + list(args),
                              capture_output=True, text=True, timeout=30, cwd=daemon.tmpdir,
                              user="nobody", group="nogroup", extra_groups=[])

    def assertNothingStarted(self, log):
        for line in ("listening on", "delivery started", "started as"):
            self.assertNotIn(line, log)

    def test_data_folder_that_cannot_be_created(self):
        config = make_config(domain=DOMAIN)
        config["server"]["data_dir"] = "locked/data"
        daemon = self.nobody_daemon(config)
        locked = os.path.join(self.tmpdir, "locked")
        os.makedirs(locked, mode=0o755)
        os.chmod(self.tmpdir, 0o755)
        os.chmod(daemon.config_path, 0o644)
        expected = ("server.data_dir: cannot create %s/data: cannot write to %s as user "
                    "nobody: Permission denied" % (locked, locked))
        cp = self.run_as_nobody(daemon, "--check")
        self.assertEqual(cp.returncode, 2, cp.stdout + cp.stderr)
        self.assertEqual(cp.stderr.strip(), expected)
        self.assertNotIn("valid", cp.stdout)
        with self.assertRaises(DaemonError):
            self.start_without_chown(daemon)
        self.assertIn(expected, daemon.log())
        self.assertNothingStarted(daemon.log())
        self.assertFalse(os.path.exists(os.path.join(locked, "data")))

    def start_without_chown(self, daemon):
        """Daemon.start as nobody, but leaving the owners of the files as the test set them."""
        user, daemon.run_as = daemon.run_as, None
        env = dict(os.environ)
        try:
            with open(daemon.log_path, "ab") as err:
                proc = subprocess.Popen([daemon.binary, "--config", daemon.config_path],
                                        stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                                        cwd=daemon.tmpdir, env=env, user=user, group="nogroup",
                                        extra_groups=[])
            try:
                rc = proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise AssertionError("tandemd kept running on a folder it cannot write")
            raise DaemonError("tandemd exited with status %d" % rc)
        finally:
            daemon.run_as = user

    def test_existing_data_folder_that_is_not_writable(self):
        config = make_config(domain=DOMAIN)
        daemon = self.nobody_daemon(config)
        daemon.start()
        daemon.stop()
        spool = os.path.join(daemon.data, "spool")
        os.chown(spool, 0, 0)
        os.chmod(spool, 0o755)
        cp = self.run_as_nobody(daemon, "--check")
        self.assertEqual(cp.returncode, 2, cp.stdout + cp.stderr)
        self.assertEqual(cp.stderr.strip(), "server.data_dir: cannot write to %s as user nobody: "
                         "Permission denied" % spool)
        open(daemon.log_path, "w").close()
        with self.assertRaises(DaemonError):
            self.start_without_chown(daemon)
        self.assertIn("server.data_dir: cannot write to %s as user nobody" % spool, daemon.log())
        self.assertNothingStarted(daemon.log())
        # Writable again: valid.
        os.chown(spool, 65534, 65534)
        cp = self.run_as_nobody(daemon, "--check")
        self.assertEqual((cp.returncode, cp.stderr), (0, ""), cp.stdout)
        self.assertIn("valid", cp.stdout)

    def test_port_below_1024_as_nobody(self):
        port = closed_privileged_port()
        if port is None:
            self.skipTest("no privileged port is free")
        first, = free_ports(1)
        config = make_config(domain=DOMAIN, port=first)
        config["smtp"]["listeners"].append({"address": "127.0.0.1", "port": port})
        daemon = self.nobody_daemon(config)
        with self.assertRaises(DaemonError):
            daemon.start()
        log = daemon.log()
        self.assertIn("smtp.listeners[1]: cannot listen on 127.0.0.1 port %d: " % port, log)
        self.assertIn("a port below 1024 needs root or the CAP_NET_BIND_SERVICE capability", log)
        self.assertIn("runs as user nobody", log)
        # Not even the first listener, bound before the second failed, claims to listen.
        self.assertNothingStarted(log)


if __name__ == "__main__":
    unittest.main()
