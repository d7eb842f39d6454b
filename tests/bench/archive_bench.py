#!/usr/bin/env python3
"""Archive maintenance: how fast a run moves mail into the store, what the store costs on
disk, and how much SMTP intake loses while a run works; with zstd and Postfix as yardsticks.

    tests/bench/archive_bench.py <build dir> [--messages 100000] [--mailboxes 20]
                                 [--load 2000] [--sessions 10] [--rounds 5] [--keep]

The messages are generated once (deterministic, --seed): sizes log-uniform from 2 to 200 KB,
text from a vocabulary, a third multipart with a base64 attachment of random bytes (which no
compressor shrinks), a tenth filed in three mailboxes at once (what single-instance storage
is for); every one 60 days old (its file's time, as mail readers take it), so that the Archive role's rule
(archive_after 30d to the store) takes them all.

1. Archiving. `tandemd archive run` with no daemon (full speed: the daemon's thread rests
   half as long as it works, at nice 19 and the idle I/O class) over a hard-linked copy of
   the Maildirs: each file read, hashed, compressed into the store once per distinct message,
   its placement and ledger entry committed, the live file removed. Then `archive verify`
   (every blob decompressed and hashed again, every chain recomputed). Yardstick: `zstd -3`
   of every Maildir file on its own (the store's level, one frame per message, no single
   instance), same page cache.
2. Intake under maintenance. tandemd relays --load messages of 1 KiB from smtp-source to
   smtp-sink (as relay_bench.py does), unloaded and while a maintenance run (the daemon's,
   throttled) works on the 100,000 messages, the two back to back in each round (in turn
   first), after a warm-up round; each loaded round checks the run was still working when
   the last message reached the sink. Target: within 10% of unloaded (the median of the
   rounds' ratios).
   Postfix relays the same load in the same run, for scale (root only; --no-postfix).

Only loopback; nothing resolves a name. Python 3 standard library plus the relay_bench.py
next to it. Not part of ctest.
"""

import argparse
import json
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relay_bench as rb  # noqa: E402

DOMAIN = "example.com"
HOST = "bench.example.com"
AGE_SECONDS = 60 * 86400


def words(rng, n):
    vocab = WORDS
    return " ".join(rng.choice(vocab) for _ in range(n))


WORDS = ("the archive keeps every message for the organisation and its auditors while mail "
         "flows between the mailbox and the stand by server invoice meeting report budget "
         "quarter review contract project schedule attached please find below regards thanks "
         "customer order delivery shipment payment reminder agenda minutes draft final version "
         "monday tuesday wednesday thursday friday january february march april may june july "
         "august september october november december alice bob carol dave erin frank grace "
         "heidi ivan judy mallory oscar peggy trent victor walter").split()


def make_pool(rng, size):
    """Lines of text to slice bodies from: generating every body word by word is too slow."""
    lines = []
    total = 0
    while total < size:
        line = words(rng, rng.randint(6, 14)).capitalize() + "."
        lines.append(line)
        total += len(line) + 2
    return "\r\n".join(lines).encode()


def message(rng, pool, i, size, sender, rcpt):
    head = (f"From: <{sender}>\r\nTo: <{rcpt}>\r\nSubject: {words(rng, 5)} #{i}\r\n"
            f"Date: Mon, 1 Jun 2026 10:{i % 60:02d}:00 +0000\r\n"
            f"Message-ID: <bench{i}@client.test>\r\nMIME-Version: 1.0\r\n").encode()
    if i % 3 == 0 and size > 8192:  # a third: text and an attachment of random bytes
        text_len = size // 2
        at = rng.randrange(0, len(pool) - text_len)
        raw = os.urandom((size - text_len) * 3 // 4)
        b64 = __import__("base64").encodebytes(raw).replace(b"\n", b"\r\n")
        body = (b"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                b"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + pool[at:at + text_len] +
                b"\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                b"Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                b"Content-Transfer-Encoding: base64\r\n\r\n" + b64 + b"--b--\r\n")
    else:
        at = rng.randrange(0, len(pool) - size)
        body = b"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + pool[at:at + size] + b"\r\n"
    return head + body


def generate(root, count, mailboxes, seed):
    """Maildirs under root/<domain>/<user>; returns (files, bytes of files, distinct messages,
    bytes of distinct messages)."""
    rng = random.Random(seed)
    pool = make_pool(rng, 400 * 1024)
    users = [f"user{n:02d}" for n in range(mailboxes)]
    for u in users:
        for sub in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(root, DOMAIN, u, sub), exist_ok=True)
    stamp = int(time.time()) - AGE_SECONDS
    files = total = distinct = distinct_bytes = 0
    lo, hi = math.log(2 * 1024), math.log(200 * 1024)
    for i in range(count):
        size = int(math.exp(rng.uniform(lo, hi)))
        boxes = rng.sample(users, 3) if i % 10 == 0 else [rng.choice(users)]
        data = message(rng, pool, i, size, f"sender{i % 97}@remote.test", f"{boxes[0]}@{DOMAIN}")
        distinct += 1
        distinct_bytes += len(data)
        for n, u in enumerate(boxes):
            when = stamp - (i % 3600)
            name = f"{when}.M{i}P{n}.{HOST},S={len(data)}:2,S"
            path = os.path.join(root, DOMAIN, u, "cur", name)
            with open(path, "wb") as f:
                f.write(data)
            os.utime(path, (when, when))  # a reader's received date (Dovecot's too)
            files += 1
            total += len(data)
    return files, total, distinct, distinct_bytes


def du(path):
    total = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            try:
                total += os.lstat(os.path.join(dirpath, n)).st_blocks * 512
            except OSError:
                pass
    return total


def write_config(run_dir, tandemd, port=None, sink_port=None, sessions=10):
    cfg = {
        "server": {"role": "mailbox", "domain": DOMAIN, "hostname": HOST, "data_dir": "data"},
        "smtp": {"listeners": [{"address": "127.0.0.1", "port": port or rb.free_port(),
                                "mode": "smtp"}],
                 "relay_networks": ["127.0.0.1/32"],
                 "max_connections": max(200, sessions),
                 "max_connections_per_ip": max(20, sessions)},
        "outgoing": {"dns_server": rb.NO_DNS,
                     "static_routes": [{"domains": ["*"], "host": "127.0.0.1",
                                        "port": sink_port or rb.free_port()}]},
        # The Archive role's rule, on a relay: the load is relayed, the Maildirs archived.
        "mailboxes": {"users": [{"name": "postmaster"}],
                      "template": {"archive_after": "30d", "archive_to": "store",
                                   "expire_after": "0"},
                      # No scheduled run: the bench starts each one.
                      "archive": {"run_every_minutes": 0, "verify_every_hours": 0}},
    }
    path = os.path.join(run_dir, "tandem.json")
    with open(path, "w") as f:
        json.dump(cfg, f, indent=2)
    check = subprocess.run([tandemd, "--check", "--config", path], capture_output=True, text=True)
    if check.returncode != 0:
        raise rb.RunFailed(f"tandemd --check refused {path}:\n{check.stdout}{check.stderr}")
    return path


def link_copy(src, dst):
    """The generated Maildirs, hard-linked: a run unlinks its names, not the generated files."""
    subprocess.run(["cp", "-al", src, dst], check=True)


def archive_status(tandemd, conf):
    out = subprocess.run([tandemd, "--config", conf, "archive", "status", "--json"],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise rb.RunFailed(f"archive status failed: {out.stdout}{out.stderr}")
    return json.loads(out.stdout)


def timed(cmd, **kw):
    t0 = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.monotonic() - t0, out


def part_archiving(args, tandemd, base, gen_root, gen):
    files, total, distinct, distinct_bytes = gen
    run_dir = os.path.join(base, "archiving")
    os.makedirs(os.path.join(run_dir, "data"))
    conf = write_config(run_dir, tandemd)
    link_copy(gen_root, os.path.join(run_dir, "data", "mailboxes"))
    os.sync()
    seconds, out = timed([tandemd, "--config", conf, "archive", "run"], timeout=args.timeout)
    if out.returncode != 0:
        raise rb.RunFailed(f"archive run exited {out.returncode}: {out.stdout}{out.stderr}")
    status = archive_status(tandemd, conf)
    live = sum(m["live_messages"] for m in status["mailboxes"])
    archived = sum(m["archived_messages"] for m in status["mailboxes"])
    if live or archived != files or status["blobs"] != distinct:
        raise rb.RunFailed(f"after the run: {live} live, {archived} archived of {files} files, "
                           f"{status['blobs']} blobs for {distinct} distinct messages\n"
                           f"{out.stdout}")
    store = os.path.join(run_dir, "data", "archive")
    blob_bytes = du(os.path.join(store, "blobs"))
    catalog_bytes = sum(os.path.getsize(os.path.join(store, n)) for n in os.listdir(store)
                        if n.startswith("catalog.sqlite"))
    vseconds, vout = timed([tandemd, "--config", conf, "archive", "verify"], timeout=args.timeout)
    if vout.returncode != 0:
        raise rb.RunFailed(f"archive verify exited {vout.returncode}: {vout.stdout[-2000:]}")
    # The yardstick: zstd -3 (the store's level) of each file on its own, one thread; -c writes
    # the frames one after the other, counted as they come.
    t0 = time.monotonic()
    z = subprocess.Popen(["zstd", "-3", "-T1", "-q", "-r", "-c", gen_root],
                         stdout=subprocess.PIPE)
    zbytes = 0
    while chunk := z.stdout.read(1 << 20):
        zbytes += len(chunk)
    if z.wait() != 0:
        raise rb.RunFailed(f"zstd exited {z.returncode}")
    zseconds = time.monotonic() - t0
    if not args.keep:
        shutil.rmtree(run_dir, ignore_errors=True)
    return {"files": files, "total": total, "distinct": distinct,
            "distinct_bytes": distinct_bytes, "seconds": seconds, "blob_bytes": blob_bytes,
            "catalog_bytes": catalog_bytes, "verify_seconds": vseconds, "zstd_seconds": zseconds,
            "zstd_bytes": zbytes, "run_output": out.stdout.strip()}


class Daemon(rb.Tandem):
    """relay_bench's Tandem on a data folder of our own (the generated Maildirs in it)."""

    def __init__(self, build, base, args, data_root):
        super().__init__(build, base, args)
        self.data_root = data_root

    def config(self, run_dir, port, sink_port):
        os.makedirs(os.path.join(run_dir, "data"), exist_ok=True)
        if not os.path.exists(os.path.join(run_dir, "data", "mailboxes")):
            link_copy(self.data_root, os.path.join(run_dir, "data", "mailboxes"))
        return write_config(run_dir, self.tandemd, port, sink_port, self.args.sessions)


def intake_round(args, daemon, run_dir, loaded):
    """One load through the daemon; with loaded, while its maintenance run works."""
    os.sync()
    time.sleep(args.settle)
    sink_port, port = rb.free_ports(2)
    sink = rb.Sink(sink_port, run_dir)
    runner = None
    try:
        daemon.start(run_dir, port, sink_port)
        conf = daemon.conf
        before = archive_status(daemon.tandemd, conf) if loaded else None
        if loaded:
            runner = subprocess.Popen([daemon.tandemd, "--config", conf, "archive", "run"],
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, start_new_session=True)
            # The run scans the Maildirs first; the load starts once it records or archives.
            time.sleep(args.run_head_start)
        cpu0 = daemon.cpu()
        cmd = [rb.tool("smtp-source"), "-s", str(args.sessions), "-m", str(args.load), "-l",
               "1024", "-d", "-M", "client.test", "-f", "s@client.test", "-t", "r@remote.test",
               f"127.0.0.1:{port}"]
        t0 = time.monotonic()
        src = subprocess.run(cmd, capture_output=True, timeout=args.timeout)
        t_accepted = time.monotonic() - t0
        if src.returncode != 0 or src.stdout.strip():
            raise rb.RunFailed(f"smtp-source: {src.stdout.decode(errors='replace')[-2000:]}")
        if not sink.wait_for(args.load, t0 + args.timeout):
            raise rb.RunFailed(f"{sink.count} of {args.load} at the sink; "
                               f"{daemon.queue_summary()}")
        t_delivered = time.monotonic() - t0
        cpu = daemon.cpu() - cpu0
        still = runner is not None and runner.poll() is None
        if loaded and not still:
            raise rb.RunFailed("the maintenance run ended before the load did: more --messages "
                               f"or a larger --run-head-start? It said: "
                               f"{runner.stdout.read().decode(errors='replace')[-1000:]}")
        result = {"accepted": args.load / t_accepted, "delivered": args.load / t_delivered,
                  "cpu_ms": 1000 * cpu / args.load}
    finally:
        daemon.stop()  # SIGTERM: an unfinished run stops between batches, to resume later
        if runner is not None:
            try:
                runner.wait(30)
            except subprocess.TimeoutExpired:
                runner.kill()
                runner.wait()
        sink.stop()
    if loaded:
        after = archive_status(daemon.tandemd, conf)
        # What the run did: recorded placements (found in the Maildirs) and archived ones.
        done = lambda s: s["placements"] + sum(m["archived_messages"] for m in s["mailboxes"])
        result["archived_during"] = done(after) - done(before)
    return result


def part_intake(args, tandemd_daemon, postfix, base):
    run_dir = os.path.join(base, "intake")
    os.makedirs(run_dir)
    os.chmod(run_dir, 0o755)
    results = {"unloaded": [], "loaded": [], "postfix": []}
    # Unmeasured first rounds: the first starts pay for what the machine had left to do.
    for n in range(args.warmup):
        intake_round(args, tandemd_daemon, run_dir, False)
        if postfix:
            rb.one_run(postfix, f"postfix-warmup-{n}", base, args, args.load, 1024)
    for i in range(args.rounds):
        # ABBA: neither kind always goes first (the machine drifts during a run).
        for kind in ("unloaded", "loaded") if i % 2 == 0 else ("loaded", "unloaded"):
            r = intake_round(args, tandemd_daemon, run_dir, kind == "loaded")
            results[kind].append(r)
            extra = (f", the run recorded or archived {r['archived_during']} meanwhile"
                     if kind == "loaded" else "")
            print(f"  Tandem  {kind:8} round {i + 1}: accepted {r['accepted']:5.0f}/s, "
                  f"delivered {r['delivered']:5.0f}/s, CPU {r['cpu_ms']:.2f} ms/msg{extra}",
                  flush=True)
        if postfix:
            r = rb.one_run(postfix, f"postfix-{i}", base, args, args.load, 1024)
            results["postfix"].append(r)
            print(f"  Postfix unloaded round {i + 1}: accepted {r['accepted']:5.0f}/s, "
                  f"delivered {r['delivered']:5.0f}/s, CPU {r['cpu_ms']:.2f} ms/msg", flush=True)
    return results


def mib(n):
    return f"{n / 1048576:,.0f} MiB"


def print_tables(args, a, intake):
    if a:
        print_archiving(a)
    if intake:
        print_intake(args, intake)


def print_archiving(a):
    print()
    print(f"Archiving {a['files']:,} Maildir files ({a['distinct']:,} distinct messages, "
          f"{mib(a['total'])}), no daemon, one thread:")
    rows = [
        ("archive run (record + archive)", f"{a['files'] / a['seconds']:,.0f} msg/s",
         f"{a['total'] / a['seconds'] / 1048576:,.0f} MiB/s", f"{a['seconds']:.1f} s"),
        ("archive verify (every blob, every chain)", f"{a['files'] / a['verify_seconds']:,.0f} "
         "msg/s", f"{a['total'] / a['verify_seconds'] / 1048576:,.0f} MiB/s",
         f"{a['verify_seconds']:.1f} s"),
        ("yardstick: zstd -3 of each Maildir file", f"{a['files'] / a['zstd_seconds']:,.0f}"
         " msg/s", f"{a['total'] / a['zstd_seconds'] / 1048576:,.0f} MiB/s",
         f"{a['zstd_seconds']:.1f} s"),
    ]
    for r in rows:
        print(f"  {r[0]:<46}{r[1]:>14}{r[2]:>12}{r[3]:>10}")
    store = a["blob_bytes"] + a["catalog_bytes"]
    print(f"  {'Maildir files':<46}{mib(a['total']):>14}{'1.00':>12}")
    print(f"  {'store: blobs (zstd, once per message)':<46}{mib(a['blob_bytes']):>14}"
          f"{a['blob_bytes'] / a['total']:>12.2f}")
    print(f"  {'store: catalog (placements, ledger)':<46}{mib(a['catalog_bytes']):>14}"
          f"{a['catalog_bytes'] / a['total']:>12.2f}")
    print(f"  {'store in all':<46}{mib(store):>14}{store / a['total']:>12.2f}")
    print(f"  {'yardstick: zstd -3 of each file (no single inst.)':<46}{mib(a['zstd_bytes']):>14}"
          f"{a['zstd_bytes'] / a['total']:>12.2f}")


def print_intake(args, intake):
    print()
    med = lambda kind, key: statistics.median(r[key] for r in intake[kind])
    print(f"Intake under maintenance: {args.load} messages of 1 KiB relayed, {args.sessions} "
          f"sessions; medians of {args.rounds} rounds, alternating")
    head = f"  {'':<40}{'accepted/s':>12}{'delivered/s':>13}{'CPU ms/msg':>12}"
    print(head)
    for label, kind in (("Tandem, no maintenance run", "unloaded"),
                        ("Tandem, while a run archives", "loaded"),
                        ("Postfix (for scale)", "postfix")):
        if intake[kind]:
            print(f"  {label:<40}{med(kind, 'accepted'):>12.0f}{med(kind, 'delivered'):>13.0f}"
                  f"{med(kind, 'cpu_ms'):>12.2f}")
    # Each round's pair ran back to back: the median of their ratios drifts least.
    for key in ("accepted", "delivered"):
        share = statistics.median(l[key] / u[key]
                                  for u, l in zip(intake["unloaded"], intake["loaded"]))
        print(f"  {key} while a run works: {share:.2f} of unloaded (median of the rounds' "
              f"ratios; {'within' if share >= 0.9 else 'NOT within'} the 10% target)")
    during = statistics.median(r["archived_during"] for r in intake["loaded"])
    print(f"  the run recorded or archived {during:,.0f} placements during each loaded round "
          "(median)")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("build", help="build folder holding app/tandemd/tandemd (a Release build)")
    p.add_argument("--messages", type=int, default=100000, help="distinct messages (100000)")
    p.add_argument("--mailboxes", type=int, default=20, help="mailboxes they are filed in (20)")
    p.add_argument("--seed", type=int, default=13, help="of the generated messages (13)")
    p.add_argument("--load", type=int, default=2000, help="messages per intake round (2000)")
    p.add_argument("--sessions", type=int, default=10, help="smtp-source sessions (10)")
    p.add_argument("--rounds", type=int, default=5, help="intake rounds of each kind (5)")
    p.add_argument("--warmup", type=int, default=1,
                   help="unmeasured intake rounds first, of Tandem and Postfix (1)")
    p.add_argument("--run-head-start", type=float, default=5,
                   help="seconds a loaded round's run works before the load starts (5)")
    p.add_argument("--timeout", type=float, default=3600,
                   help="seconds one step may take before the bench fails (3600)")
    p.add_argument("--settle", type=float, default=1,
                   help="seconds to wait after a sync(2) before each intake round (1)")
    p.add_argument("--only", choices=["archiving", "intake"], help="one part alone")
    p.add_argument("--no-postfix", action="store_true", help="no Postfix rounds")
    p.add_argument("--sample-interval", type=float, default=0.1, help=argparse.SUPPRESS)
    p.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = p.parse_args()
    if not (0 < args.messages <= 2_000_000 and 0 < args.mailboxes <= 1000 and args.rounds > 0):
        p.error("--messages 1..2000000, --mailboxes 1..1000, --rounds >= 1")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))

    tandemd = os.path.join(args.build, "app", "tandemd", "tandemd")
    if not os.access(tandemd, os.X_OK):
        sys.exit(f"archive_bench: {tandemd} not found: ninja -C {args.build} tandemd")
    base = tempfile.mkdtemp(prefix="tandem-archive-bench.")
    os.chmod(base, 0o755)
    daemon = None
    postfix = None
    failed = False
    try:
        version = subprocess.run([tandemd, "--version"], capture_output=True,
                                 text=True).stdout.strip()
        print(f"Archive benchmark: {version}; {args.messages:,} messages over {args.mailboxes} "
              f"mailboxes; {os.cpu_count()} CPUs; {os.uname().release}", flush=True)
        gen_root = os.path.join(base, "generated")
        t0 = time.monotonic()
        gen = generate(gen_root, args.messages, args.mailboxes, args.seed)
        print(f"  generated {gen[0]:,} files ({mib(gen[1])}) in {time.monotonic() - t0:.0f} s",
              flush=True)
        a = None
        if args.only != "intake":
            a = part_archiving(args, tandemd, base, gen_root, gen)
            print(f"  archive run: {a['seconds']:.1f} s; {a['run_output'].splitlines()[0]}",
                  flush=True)
        intake = None
        if args.only != "archiving":
            daemon = Daemon(args.build, base, args, gen_root)
            if not args.no_postfix and os.geteuid() == 0:
                postfix = rb.Postfix(args.build, base, args)
            elif not args.no_postfix:
                print("  (Postfix rounds skipped: they need root)")
            intake = part_intake(args, daemon, postfix, base)
        print_tables(args, a, intake)
    except rb.RunFailed as e:
        print(f"\narchive_bench: failed: {e}", file=sys.stderr)
        failed = True
        return 1
    finally:
        for r in (daemon, postfix):
            if r:
                r.stop()
        if args.keep or failed:
            print(f"(files kept in {base})")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
