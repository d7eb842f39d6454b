"""Daily administration of a running tandemd (issue 12, the daemon's side): changes that
reach a running daemon (user add|passwd|del, tandemd reload, SIGHUP) and a file that is not
valid kept out of it; the log file on
disk (data/log/tandem.log, rotated by size) and the journal's priorities on stderr, the log's
wording for a message handed to a relay, and start failures that say why and stop at once.

Tests that run the daemon as another user (nobody) need root; they are skipped otherwise.
"""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import signal  # noqa: E402
import smtplib  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    Daemon, DaemonError, TandemTestCase, connect, free_ports, make_config, make_message,
    maildir_files, quit_quietly, send, wait_for)

DOMAIN = "example.com"
PASSWORD = "correct horse 7"


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


def refused(port, recipient):
    """The reply to RCPT for `recipient` from the LAN, or None when it was accepted and the
    message stored (250 to DATA)."""
    try:
        send(port, "someone@remote.test", [recipient], make_message(to=recipient))
    except smtplib.SMTPRecipientsRefused as e:
        code, text = e.recipients[recipient]
        return "%d %s" % (code, text.decode())
    return None


def size_offered(port):
    s, _, _ = connect(port)
    try:
        s.ehlo("client.test")
        return s.esmtp_features.get("size")
    finally:
        quit_quietly(s)


class Reload(TandemTestCase):
    """A running daemon takes a changed configuration at once: `user add|passwd|del` and
    `tandemd reload` ask it through its data folder and wait for its answer (as postfix
    reload does, but reporting the outcome), SIGHUP does the same; a file that is not valid
    leaves the running configuration in place, each problem logged with its key."""

    def wait_log(self, daemon, text, count=1, timeout=5):
        self.assertTrue(wait_for(lambda: daemon.log().count(text) >= count, timeout),
                        "%r not logged %d times:\n%s" % (text, count, daemon.log()[-3000:]))

    def test_user_add_and_del_reach_the_running_daemon(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN))
        self.assertIn("550 5.1.1", refused(daemon.port, "erin@example.com"))
        began = time.monotonic()
        cp = daemon.run_cli("user", "add", "erin", input=PASSWORD + "\n")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        self.assertLess(time.monotonic() - began, 5)
        # No waiting: the command returned once the daemon had taken the file.
        self.assertIsNone(refused(daemon.port, "erin@example.com"))
        self.assertEqual(cp.stdout, "user erin added\nthe running tandemd reloaded its "
                         "configuration\n")
        self.assertEqual(len(self.wait_files(daemon.data, DOMAIN, "erin")), 1)
        self.assertIn("configuration reloaded from %s" % daemon.config_path, daemon.log())
        cp = daemon.run_cli("user", "passwd", "erin", input="another one\n")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        self.assertEqual(daemon.log().count("configuration reloaded"), 2)
        cp = daemon.run_cli("user", "del", "erin")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        # bob has no mailbox on disk yet (one on disk is a mailbox by itself, README): removed
        # from the file, he is unknown at once.
        self.assertEqual(maildir_files(daemon.data, DOMAIN, "bob"), [])
        cp = daemon.run_cli("user", "del", "bob")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        self.assertIn("550 5.1.1", refused(daemon.port, "bob@example.com"))
        self.assertTrue(daemon.running())

    def test_user_add_without_a_running_daemon(self):
        daemon = Daemon(make_config(domain=DOMAIN), self.tmpdir)
        cp = daemon.run_cli("user", "add", "erin", input=PASSWORD + "\n")
        self.assertEqual((cp.returncode, cp.stdout, cp.stderr), (0, "user erin added\n", ""))
        cp = daemon.run_cli("reload")
        self.assertEqual(cp.returncode, 1, cp.stdout)
        self.assertIn("no daemon runs on %s" % daemon.data, cp.stderr)

    @unittest.skipUnless(os.geteuid() == 0, "runs the daemon as nobody: needs root")
    def test_root_adds_a_user_for_a_daemon_of_another_user(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), run_as="nobody")
        cp = daemon.run_cli("user", "add", "erin", input=PASSWORD + "\n")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        self.assertIn("reloaded its configuration", cp.stdout)
        self.assertIsNone(refused(daemon.port, "erin@example.com"))
        self.assertEqual(len(self.wait_files(daemon.data, DOMAIN, "erin")), 1)

    def test_sighup_applies_a_changed_file(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN, max_message_bytes=100000))
        self.assertEqual(size_offered(daemon.port), "100000")
        daemon.config["smtp"]["max_message_bytes"] = 123456
        daemon.config["mailboxes"]["users"].append({"name": "frank"})
        daemon.write_config()
        daemon.proc.send_signal(signal.SIGHUP)
        self.wait_log(daemon, "configuration reloaded from %s" % daemon.config_path)
        self.assertIn("SIGHUP received", daemon.log())
        self.assertTrue(daemon.running())
        self.assertEqual(size_offered(daemon.port), "123456")
        self.assertIsNone(refused(daemon.port, "frank@example.com"))
        self.assertEqual(len(self.wait_files(daemon.data, DOMAIN, "frank")), 1)
        self.assertNotIn("stopping", daemon.log())

    def test_sighup_with_an_invalid_file_keeps_the_running_one(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN, max_message_bytes=100000))
        daemon.config["smtp"]["max_recipients"] = 5
        daemon.config["smtp"]["max_message_bytes"] = 123456
        daemon.config["mailboxes"]["users"].append({"name": "gina"})
        daemon.write_config()
        daemon.proc.send_signal(signal.SIGHUP)
        self.wait_log(daemon, "configuration not reloaded, the running one is kept: "
                      "smtp.max_recipients: must be 100-100000")
        self.assertNotIn("configuration reloaded", daemon.log())
        self.assertTrue(daemon.running())
        # Mail goes on under the old configuration, in full.
        self.assertIsNone(refused(daemon.port, "alice@example.com"))
        self.assertEqual(len(self.wait_files(daemon.data, DOMAIN, "alice")), 1)
        self.assertIn("550 5.1.1", refused(daemon.port, "gina@example.com"))
        self.assertEqual(size_offered(daemon.port), "100000")
        # tandemd reload says the same, and exits 2 (the file is not valid).
        cp = daemon.run_cli("reload")
        self.assertEqual(cp.returncode, 2, cp.stdout)
        self.assertIn("smtp.max_recipients: must be 100-100000", cp.stderr)

        # Not JSON at all: the same.
        with open(daemon.config_path, "w") as f:
            f.write('{"server": {"domain": "example.com"},\n')
        daemon.proc.send_signal(signal.SIGHUP)
        self.wait_log(daemon, "configuration not reloaded, the running one is kept: (file): "
                      "not valid JSON at line 2")
        self.assertTrue(daemon.running())
        self.assertIsNone(refused(daemon.port, "alice@example.com"))

        # Put right, it is taken.
        daemon.config["smtp"]["max_recipients"] = 100
        daemon.write_config()
        cp = daemon.run_cli("reload")
        self.assertEqual((cp.returncode, cp.stderr), (0, ""), cp.stdout)
        self.assertEqual(cp.stdout, "the running tandemd reloaded its configuration\n")
        self.assertIsNone(refused(daemon.port, "gina@example.com"))
        self.assertEqual(size_offered(daemon.port), "123456")

    def test_a_change_that_needs_a_restart_is_refused_and_said(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN))
        daemon.config["server"]["data_dir"] = "elsewhere"
        daemon.write_config()
        daemon.proc.send_signal(signal.SIGHUP)
        self.wait_log(daemon, "configuration not reloaded, the running one is kept: "
                      "server.data_dir changed")
        self.assertTrue(daemon.running())
        self.assertIsNone(refused(daemon.port, "alice@example.com"))
        self.assertEqual(len(self.wait_files(daemon.data, DOMAIN, "alice")), 1)


def log_files(daemon):
    """{name: bytes} of the files in data/log/. A running daemon may rotate them between the
    listing and the reading (tandem.log.2 renamed to .3, or deleted): then the folder is read
    again, until one listing could be read whole."""
    folder = os.path.join(daemon.data, "log")
    for _ in range(50):
        out = {}
        try:
            for name in sorted(os.listdir(folder)):
                with open(os.path.join(folder, name), "rb") as f:
                    out[name] = f.read()
        except FileNotFoundError:
            continue
        return out
    raise AssertionError("%s kept changing while it was read" % folder)


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

    def test_reload_applies_new_limits(self):
        config = make_config(domain=DOMAIN, extra={"server": {"log_max_size_kb": 1,
                                                              "log_files": 4}})
        daemon = self.start_daemon(config)
        for i in range(12):
            send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: len(log_files(daemon)) == 4, 10), log_files(daemon))
        daemon.config["server"]["log_files"] = 2
        daemon.config["server"]["log_max_size_kb"] = 2
        daemon.write_config()
        cp = daemon.run_cli("reload")
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        for i in range(12):
            send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: daemon.log().count("stored for <alice") == 24, 10))
        daemon.stop()
        files = log_files(daemon)
        self.assertEqual(list(files), ["tandem.log", "tandem.log.1"])
        self.assertGreater(len(files["tandem.log.1"]), 1024)  # the new size
        self.assertLessEqual(len(files["tandem.log.1"]), 2048)


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
        self.assertIn("AmbientCapabilities=CAP_NET_BIND_SERVICE", log)  # the wizard's ports
        # Not even the first listener, bound before the second failed, claims to listen.
        self.assertNothingStarted(log)


if __name__ == "__main__":
    unittest.main()
