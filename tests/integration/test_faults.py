"""What a fault campaign found (issue 9): deliveries that fail after 250 and are retried by
themselves, damaged Outbox entries, a full disk, broken mailbox folders, and administration
as another user. Each test failed before its fix."""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import os  # noqa: E402
import pwd  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402

from sink import Sink  # noqa: E402
from tandemtest import (  # noqa: E402
    TandemTestCase, connect, free_port, free_ports, make_config, make_message, maildir_files, mailbox_dir, outbox,
    queue_db, queue_row, quit_quietly, read_bytes, send, set_queue_row, wait_for)

DOMAIN = "example.com"
FAST = {"TANDEM_TIME_SCALE": "60"}  # the dispatcher's 60 s retry becomes one second


def local_entries(daemon):
    return [e for e in outbox(daemon) if e["next_hop"] == "local"]


class LocalDeliveryRetry(TandemTestCase):
    """Defect 1: a mailbox delivery that fails after 250 is retried, visible and reachable."""

    def break_alice(self, daemon):
        """alice's mailbox exists, but its tmp/ is a file: every delivery to it fails."""
        send(daemon.port, "someone@remote.test", ["alice@example.com"],
             make_message(subject="first"))
        box = mailbox_dir(daemon.data, DOMAIN, "alice")
        wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 1)
        tmp = os.path.join(box, "tmp")
        shutil.rmtree(tmp)
        with open(tmp, "w") as f:
            f.write("not a folder\n")
        return tmp

    def repair(self, tmp):
        os.remove(tmp)
        os.mkdir(tmp)

    def test_failed_delivery_is_retried_by_itself(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), env=FAST)
        tmp = self.break_alice(daemon)
        send(daemon.port, "someone@remote.test", ["alice@example.com"],
             make_message(subject="second"))
        self.assertTrue(wait_for(lambda: "will retry" in daemon.log(), 10),
                        "no failed delivery logged:\n" + daemon.log()[-2000:])
        entries = wait_for(lambda: local_entries(daemon), 5)
        self.assertEqual(len(entries), 1, outbox(daemon))
        self.assertEqual(entries[0]["recipients"], ["alice@example.com"])
        self.assertIn("tmp: it is not a folder", entries[0]["last_reply"])
        self.assertGreaterEqual(entries[0]["attempts"], 1)
        self.repair(tmp)
        # The retry comes by itself (60 s scaled down to 1 s), without a restart.
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 15), "the failed delivery was never retried:\n"
                        + daemon.log()[-3000:])
        self.assertTrue(wait_for(lambda: not local_entries(daemon), 5), outbox(daemon))

    def test_copy_failing_when_made_durable_is_retried_alone(self):
        # The dispatcher writes a batch's copies first and makes them durable and moves them
        # into new/ together: a copy that fails there (alice's new/ is a file) waits for a
        # retry, and bob's copy of the same message, made, is not made again.
        daemon = self.start_daemon(make_config(domain=DOMAIN), env=FAST)
        send(daemon.port, "someone@remote.test", ["alice@example.com"],
             make_message(subject="first"))
        wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 1)
        new = os.path.join(mailbox_dir(daemon.data, DOMAIN, "alice"), "new")
        kept = os.path.join(daemon.data, "kept-new")
        shutil.move(new, kept)
        with open(new, "w") as f:
            f.write("not a folder\n")
        send(daemon.port, "someone@remote.test", ["alice@example.com", "bob@example.com"],
             make_message(subject="second"))
        self.assertTrue(wait_for(lambda: "will retry" in daemon.log(), 10),
                        "no failed delivery logged:\n" + daemon.log()[-2000:])
        entries = wait_for(lambda: local_entries(daemon), 5)
        self.assertEqual([e["recipients"] for e in entries], [["alice@example.com"]],
                         outbox(daemon))
        self.assertIn("not a folder", entries[0]["last_reply"])
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "bob")), 1)
        # Nothing of the failed copy is left in tmp/.
        self.assertEqual(os.listdir(os.path.join(mailbox_dir(daemon.data, DOMAIN, "alice"),
                                                 "tmp")), [])
        os.remove(new)
        shutil.move(kept, new)
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 15), "the failed copy was never made again:\n"
                        + daemon.log()[-3000:])
        self.assertTrue(wait_for(lambda: not local_entries(daemon), 5), outbox(daemon))
        time.sleep(0.5)
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "bob")), 1)
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "alice")), 2)

    def test_queue_retry_all_reaches_local_deliveries(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN))  # a real minute between tries
        tmp = self.break_alice(daemon)
        send(daemon.port, "someone@remote.test", ["alice@example.com"],
             make_message(subject="second"))
        entries = wait_for(lambda: local_entries(daemon), 10)
        self.assertTrue(entries, "the failed delivery is not in the queue:\n" + daemon.log())
        text = daemon.run_cli("queue", "list")
        self.assertIn("via local", text.stdout)
        self.assertIn("it is not a folder", text.stdout)
        self.repair(tmp)
        began = time.monotonic()
        cp = daemon.run_cli("queue", "retry", "--all")
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.assertIn("%s: retry" % entries[0]["id"], cp.stdout)
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 10), daemon.log()[-3000:])
        self.assertLess(time.monotonic() - began, 30, "delivered by the minute's retry, not by "
                        "queue retry --all")
        self.assertTrue(wait_for(lambda: not local_entries(daemon), 5), outbox(daemon))

    def test_held_local_message_stays_held_across_a_restart(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), env=FAST)
        tmp = self.break_alice(daemon)
        send(daemon.port, "someone@remote.test", ["alice@example.com"],
             make_message(subject="second"))
        entry = wait_for(lambda: local_entries(daemon), 10)[0]
        cp = daemon.run_cli("queue", "hold", entry["id"])
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.repair(tmp)
        daemon.restart()
        time.sleep(3)  # three retry periods: a held message is not tried
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "alice")), 1)
        self.assertEqual([e["state"] for e in local_entries(daemon)], ["held"])
        cp = daemon.run_cli("queue", "release", entry["id"])
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 10), daemon.log()[-3000:])

    def test_delete_and_bounce_of_local_messages_when_stopped(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), env=FAST)
        tmp = self.break_alice(daemon)
        for subject in ("second", "third"):
            send(daemon.port, "bob@example.com", ["alice@example.com"],
                 make_message(subject=subject, sender="bob@example.com"))
        self.assertTrue(wait_for(lambda: len(local_entries(daemon)) == 2, 10), outbox(daemon))
        daemon.stop()
        first, second = sorted(e["id"] for e in local_entries(daemon))
        cp = daemon.run_cli("queue", "delete", first)
        self.assertEqual(cp.returncode, 0, cp.stderr)
        cp = daemon.run_cli("queue", "bounce", second)
        self.assertEqual(cp.returncode, 0, cp.stderr)
        self.assertEqual(local_entries(daemon), [])
        self.repair(tmp)
        daemon.start()
        # bob gets the failure notice of the second message; alice neither message.
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "bob"), 10),
                        daemon.log()[-3000:])
        with open(maildir_files(daemon.data, DOMAIN, "bob")[0], "rb") as f:
            self.assertIn(b"returned to the sender by the administrator", f.read())
        time.sleep(1.5)
        self.assertEqual(len(maildir_files(daemon.data, DOMAIN, "alice")), 1)


AS_ROOT = unittest.skipUnless(os.geteuid() == 0, "runs the daemon as another user: needs root")


class MailboxFolders(TandemTestCase):
    """Defect 5: the real cause of a mailbox folder that cannot be written, and a Maildir
    that lost tmp/ repaired instead of failing every delivery."""

    def test_missing_tmp_is_recreated(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN))
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "alice"), 10))
        tmp = os.path.join(mailbox_dir(daemon.data, DOMAIN, "alice"), "tmp")
        os.rmdir(tmp)
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 10), daemon.log()[-2000:])
        self.assertTrue(os.path.isdir(tmp))
        self.assertIn("recreated the missing tmp", daemon.log())
        self.assertNotIn("will retry", daemon.log())

    @AS_ROOT
    def test_permission_denied_is_reported_as_such(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), env=FAST, run_as="nobody")
        send(daemon.port, "someone@remote.test", ["bob@example.com"], make_message())
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "bob"), 10),
                        daemon.log()[-2000:])
        box = mailbox_dir(daemon.data, DOMAIN, "bob")
        os.chmod(box, 0)
        send(daemon.port, "someone@remote.test", ["bob@example.com"], make_message())
        self.assertTrue(wait_for(lambda: "Permission denied" in daemon.log(), 10),
                        daemon.log()[-2000:])
        self.assertNotIn("Directory not empty", daemon.log())
        entries = wait_for(lambda: local_entries(daemon), 5)
        self.assertIn("Permission denied", entries[0]["last_reply"])
        self.assertIn(box, entries[0]["last_reply"])
        os.chmod(box, 0o750)
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "bob")) == 2,
                                 15), daemon.log()[-2000:])


@AS_ROOT
class AnotherUser(TandemTestCase):
    """Defect 6: queue commands against a daemon that runs as another user."""

    def start_as_nobody(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN), run_as="nobody")
        send(daemon.port, "alice@example.com", ["carol@remote.test"],
             make_message(sender="alice@example.com", to="carol@remote.test"))
        entries = self.wait_outbox(daemon)
        return daemon, entries[0]["id"]

    def owner(self, path):
        return pwd.getpwuid(os.stat(path).st_uid).pw_name

    def assertQueueOwnedBy(self, daemon, user):
        """The queue database and the files SQLite keeps beside it (its log, its shared
        memory): a file root made there would lock the daemon out of its own queue."""
        paths = [queue_db(daemon) + suffix for suffix in ("", "-wal", "-shm")]
        owners = {p: self.owner(p) for p in paths if os.path.exists(p)}
        self.assertIn(queue_db(daemon), owners)
        self.assertEqual(set(owners.values()), {user}, owners)

    def test_root_acts_on_a_running_daemon_of_another_user(self):
        daemon, eid = self.start_as_nobody()
        began = time.monotonic()
        cp = daemon.run_cli("queue", "hold", eid)
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        self.assertLess(time.monotonic() - began, 5, "waited for an answer that could not come")
        self.assertIn("%s: hold" % eid, cp.stdout)
        self.assertEqual([e["state"] for e in outbox(daemon)], ["held"])
        self.assertQueueOwnedBy(daemon, "nobody")

    def test_root_acts_on_a_stopped_daemons_folder_as_its_owner(self):
        daemon, eid = self.start_as_nobody()
        daemon.stop()
        cp = daemon.run_cli("queue", "hold", eid)
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)
        # Still the daemon's to change when it starts again.
        self.assertQueueOwnedBy(daemon, "nobody")
        daemon.start()
        cp = daemon.run_cli("queue", "release", eid)
        self.assertEqual(cp.returncode, 0, cp.stdout + cp.stderr)

    def test_another_user_is_told_at_once(self):
        daemon, eid = self.start_as_nobody()
        os.chmod(daemon.tmpdir, 0o755)  # the configuration is readable, the queue is not
        os.chmod(daemon.config_path, 0o644)
        began = time.monotonic()
        cp = subprocess.run([daemon.binary, "--config", daemon.config_path, "queue", "retry",
                             "--all"], capture_output=True, text=True, timeout=30,
                            user="daemon", group="daemon", extra_groups=[])
        self.assertLess(time.monotonic() - began, 5)
        self.assertEqual(cp.returncode, 1, cp.stdout + cp.stderr)
        self.assertIn("as user daemon", cp.stderr)
        self.assertIn("belongs to nobody", cp.stderr)
        self.assertIn(os.path.join(daemon.data, "spool"), cp.stderr)


MIB = 1024 * 1024


@AS_ROOT
class DiskFull(TandemTestCase):
    """Defect 4: a data folder below its free-space reserve answers 452 4.3.1 at MAIL, a
    write that fails during DATA is answered 452 4.3.1 too, and mail is taken again as soon
    as space is back. The data folder is a 16 MiB tmpfs of the test's own."""

    def setUp(self):
        super().setUp()
        self.mount = os.path.join(self.tmpdir, "data")
        os.makedirs(self.mount)
        cp = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", self.mount],
                            capture_output=True, text=True)
        if cp.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: " + cp.stderr.strip())
        self.ballast = os.path.join(self.mount, "ballast")

    def _cleanup(self):
        for d in self.daemons:
            d.stop()
        subprocess.run(["umount", "-l", self.mount], capture_output=True)
        super()._cleanup()

    def start(self):
        return self.start_daemon(make_config(domain=DOMAIN, max_message_bytes=MIB, extra={
            "server": {"min_free_space_mb": 4}}))

    def free(self):
        st = os.statvfs(self.mount)
        return st.f_bavail * st.f_frsize

    def fill(self, leave):
        """Grows the ballast file until `leave` bytes are free."""
        with open(self.ballast, "ab") as f:
            while self.free() > leave:
                try:
                    f.write(b"x" * min(256 * 1024, self.free() - leave))
                    f.flush()
                except OSError:
                    break

    def test_refused_at_mail_below_the_reserve_and_taken_again_when_space_is_back(self):
        daemon = self.start()
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.fill(2 * MIB)  # under the 4 MiB reserve
        s, _, _ = connect(daemon.port)
        try:
            s.ehlo("client.test")
            code, msg = s.mail("someone@remote.test")
            self.assertEqual(code, 452, msg)
            self.assertTrue(msg.startswith(b"4.3.1"), msg)
        finally:
            quit_quietly(s)
        self.assertIn("below its free-space reserve", daemon.log())
        os.remove(self.ballast)
        # Taken again at once: the free space is looked at for every MAIL.
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: len(maildir_files(daemon.data, DOMAIN, "alice")) == 2,
                                 10), daemon.log()[-2000:])
        self.assertIn("accepting mail again", daemon.log())

    def test_warned_before_the_reserve_is_reached(self):
        daemon = self.start()
        self.fill(6 * MIB)  # under twice the reserve, above the reserve
        send(daemon.port, "someone@remote.test", ["alice@example.com"], make_message())
        self.assertTrue(wait_for(lambda: "running out of space" in daemon.log(), 10),
                        daemon.log()[-2000:])
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "alice"), 10))

    def test_write_failing_during_data_is_answered_452(self):
        daemon = self.start()
        s, _, _ = connect(daemon.port)
        try:
            s.ehlo("client.test")
            self.assertEqual(s.mail("someone@remote.test")[0], 250)
            self.assertEqual(s.rcpt("alice@example.com")[0], 250)
            self.assertEqual(s.docmd("DATA")[0], 354)
            line = b"y" * 998 + b"\r\n"
            s.send(b"Subject: big\r\n\r\n" + line * 100)
            self.fill(0)  # the disk fills up while the message arrives
            s.send(line * 800 + b".\r\n")
            code, msg = s.getreply()
            self.assertEqual(code, 452, msg)
            self.assertTrue(msg.startswith(b"4.3.1"), msg)
        finally:
            quit_quietly(s)
        os.remove(self.ballast)
        self.assertEqual(maildir_files(daemon.data, DOMAIN, "alice"), [])


class DamagedOutbox(TandemTestCase):
    """Defects 2 and 3: an Outbox entry that cannot be sent goes to corrupt/, never to the
    next hop, and the postmaster hears of it."""

    # Over 32 KiB: too large for the queue's database to keep its bytes (spool::kInlineBytes),
    # so its file is all there is.
    LARGE = ["x" * 76] * 500

    def queue_one(self, env=None, body_lines=None, message=None):
        """A Mailbox with one Outbox entry for carol@remote.test, waiting for a next hop that
        is not listening yet. Returns (daemon, the hop's port, the entry's id)."""
        port = free_port()
        daemon = self.start_daemon(make_config(domain=DOMAIN, static_routes=[
            {"domains": ["*"], "host": "127.0.0.1", "port": port}]), env=env)
        send(daemon.port, "alice@example.com", ["carol@remote.test"],
             message or make_message(sender="alice@example.com", to="carol@remote.test",
                                     body_lines=body_lines))
        entries = self.wait_outbox(daemon)
        self.assertEqual(len(entries), 1, entries)
        return daemon, port, entries[0]["id"]

    def spool(self, daemon, *parts):
        return os.path.join(daemon.data, "spool", *parts)

    def assertQuarantined(self, daemon, eid, reason, sink):
        why = self.spool(daemon, "corrupt", eid + ".why")
        self.assertTrue(wait_for(lambda: os.path.exists(why), 10),
                        "%s not moved to corrupt/:\n%s" % (eid, daemon.log()[-3000:]))
        with open(why) as f:
            self.assertIn(reason, f.read())
        self.assertIsNone(queue_row(daemon, "outbox", eid))
        self.assertNotIn(eid, [e["id"] for e in outbox(daemon)])
        self.assertIn("entry moved to corrupt/", daemon.log())
        # The postmaster is told, with the entry's id and where its files are.
        self.assertTrue(wait_for(lambda: maildir_files(daemon.data, DOMAIN, "postmaster"), 10),
                        daemon.log()[-3000:])
        notice = read_bytes(maildir_files(daemon.data, DOMAIN, "postmaster")[0])
        self.assertIn(eid.encode(), notice)
        self.assertIn(b"corrupt", notice)
        # And the next hop never saw a transaction for it, however long we wait (the
        # postmaster's notice goes there too: a Mailbox copies local mail to its partner).
        time.sleep(2)
        self.assertFalse([c for c in sink.commands() if "alice@" in c or "carol@" in c],
                         sink.commands()[:20])

    def test_missing_message_file_at_start(self):
        daemon, port, eid = self.queue_one(body_lines=self.LARGE)
        daemon.stop()
        os.remove(self.spool(daemon, "outbox", eid + ".msg"))
        with Sink(port=port) as sink:
            daemon.start()
            self.assertQuarantined(daemon, eid, "missing", sink)

    def test_small_message_file_lost_at_start_is_written_again(self):
        """A small message's file is not flushed (its bytes are durable in the queue's
        database): after a crash of the machine that lost it, or the tail of it, it is written
        again from the database and delivered whole."""
        first = make_message(sender="alice@example.com", to="carol@remote.test", subject="one")
        second = make_message(sender="alice@example.com", to="carol@remote.test", subject="two")
        daemon, port, eid = self.queue_one(env=FAST, message=first)  # retried every second
        send(daemon.port, "alice@example.com", ["carol@remote.test"], second)
        self.assertTrue(wait_for(lambda: len(outbox(daemon)) == 2, 10), outbox(daemon))
        daemon.kill9()
        files = sorted(self.spool(daemon, "outbox", e["id"] + ".msg") for e in outbox(daemon))
        os.remove(files[0])
        os.truncate(files[1], 40)
        with Sink(port=port) as sink:
            daemon.start()
            self.assertTrue(wait_for(lambda: len(sink.transactions()) == 2, 15),
                            daemon.log()[-3000:])
            got = sorted(t["data"] for t in sink.transactions())
            self.assertTrue(any(d.endswith(first) for d in got), got)
            self.assertTrue(any(d.endswith(second) for d in got), got)
        self.assertIn("2 message file(s) written again", daemon.log())
        self.assertEqual(os.listdir(self.spool(daemon, "corrupt")), [])

    def test_message_file_vanishing_while_waiting(self):
        daemon, port, eid = self.queue_one(env=FAST)  # retried every second
        os.remove(self.spool(daemon, "outbox", eid + ".msg"))
        with Sink(port=port) as sink:
            self.assertQuarantined(daemon, eid, "cannot read", sink)

    def test_unreadable_record(self):
        daemon, port, eid = self.queue_one()
        daemon.stop()
        set_queue_row(daemon, "outbox", eid, b"\x00garbage, not a record\n")
        with Sink(port=port) as sink:
            daemon.start()
            self.assertQuarantined(daemon, eid, "unreadable", sink)
            # The message's bytes are kept beside the record.
            self.assertTrue(os.path.exists(self.spool(daemon, "corrupt", eid + ".msg")))
            self.assertEqual(read_bytes(self.spool(daemon, "corrupt", eid + ".entry")),
                             b"\x00garbage, not a record\n")


class ExactlyOnceHandover(TandemTestCase):
    """Defect 8: a copy the Mailbox hands to the Archive again (it died after the Archive's
    250, before it recorded the hand-over) is accepted and not filed a second time."""

    def test_repeated_handover_is_filed_once(self):
        mailbox_port, archive_port = free_ports(2)
        sink = Sink()
        sink.start()
        self.addCleanup(sink.stop)
        archive = self.start_daemon(make_config(
            domain=DOMAIN, role="archive", port=archive_port, static_routes=[
                {"domains": [DOMAIN], "host": "127.0.0.1", "port": mailbox_port},
                {"domains": ["*"], "host": "127.0.0.1", "port": sink.port}]),
            subdir="archive", env=FAST)
        archive.stop()
        mailbox = self.start_daemon(make_config(
            domain=DOMAIN, port=mailbox_port, static_routes=[
                {"domains": ["*"], "host": "127.0.0.1", "port": archive_port}]),
            subdir="mailbox", env=FAST)
        send(mailbox_port, "alice@example.com", ["bob@example.com", "carol@remote.test"],
             make_message(sender="alice@example.com", to="bob@example.com"))
        [entry] = self.wait_outbox(mailbox)
        # What the Mailbox holds before the hand-over, to put back afterwards: as if it died
        # after the Archive's 250, before it removed the entry.
        mailbox.stop()
        outbox_dir = os.path.join(mailbox.data, "spool", "outbox")
        saved_record = queue_row(mailbox, "outbox", entry["id"])
        self.assertIsNotNone(saved_record)
        saved_message = read_bytes(os.path.join(outbox_dir, entry["id"] + ".msg"))
        archive.start()
        mailbox.start()

        def placed():
            return (len(maildir_files(archive.data, DOMAIN, "bob")),
                    len(maildir_files(archive.data, DOMAIN, "alice", "Sent")),
                    len(sink.transactions()))
        self.assertTrue(wait_for(lambda: placed() == (1, 1, 1), 15), (placed(), archive.log()))
        self.assertTrue(wait_for(lambda: not outbox(mailbox), 10), outbox(mailbox))
        mailbox.stop()
        set_queue_row(mailbox, "outbox", entry["id"], saved_record)
        with open(os.path.join(outbox_dir, entry["id"] + ".msg"), "wb") as f:
            f.write(saved_message)
        mailbox.start()
        self.assertTrue(wait_for(lambda: not outbox(mailbox), 15), mailbox.log()[-2000:])
        self.assertIn("already accepted", archive.log())
        time.sleep(1)
        self.assertEqual(placed(), (1, 1, 1))

    def test_only_partners_may_name_a_handover(self):
        daemon = self.start_daemon(make_config(domain=DOMAIN, role="archive"))
        s, code, _ = connect(daemon.port, source="127.0.0.66")
        try:
            s.ehlo("outsider.test")
            self.assertNotIn("xhandover", s.esmtp_features)
            code, msg = s.mail("someone@remote.test", ["XHANDOVER=x.test/1-0"])
            self.assertEqual(code, 555, msg)
        finally:
            quit_quietly(s)


if __name__ == "__main__":
    unittest.main()
