#!/usr/bin/env python3
"""The archive's search (issue 14's benchmark): how fast Tandem indexes, what its index costs,
how fast it answers, how soon new mail is found and how fast it exports; side by side with
notmuch over the same messages as plain Maildir, in the same run.

    tests/bench/search_bench.py <build dir> [--messages 100000] [--mailboxes 20] [--seed 14]
                                [--queries 100] [--placements 1000000] [--filed 20]
                                [--only PART[,PART...]] [--no-notmuch] [--tmpdir DIR]
                                [--timeout 10800] [--keep]

The messages are generated once (deterministic, --seed) into Maildirs of --mailboxes users,
as Tandem files them (LF line ends, a Return-Path: and Delivered-To: line first): sizes
log-uniform from 2 to 200 KB; text drawn from a vocabulary of 30,000 pronounceable words
with Zipf's law (the commonest words the shortest, as in any language); 5,000 correspondents
at 300 domains (Zipf again: some write a lot); subjects, Date: spread over the three years up
to 2026-06-30 (older than the Archive role's archive_after of 30 days); a third multipart
with a named attachment in base64 (random bytes); about one in ten with a local Cc and one in
twelve with a Bcc-only local recipient (a copy whose mailbox no header names), one in seven
sent by a local user (filed in its Sent folder).

Parts (--only takes a comma-separated list; what a part needs is done anyway, untimed
parts say so):
  index    `tandemd archive run` (no daemon) stores and indexes every file: msg/s; then
           `tandemd archive reindex` (the index from the store alone): msg/s, target
           >= 1,000; the index's bytes (every catalog table and index of the tables whose
           name begins with message or envelopes, FTS5 shadow tables included, by SQLite's
           dbstat) against the store's compressed blobs, target <= 0.15; `archive status`
           must show as many indexed as stored.
  export   `tandemd archive export "" --mbox FILE` (every copy, one mbox): msg/s, target
           >= 2,000.
  filing   tandemd as a daemon on a free loopback port; --filed messages, each with a word
           of its own, sent by smtplib; each polled with `archive search --json --limit 1
           WORD` until found: seconds from the 250 reply to found, target <= 2 s.
  notmuch  `notmuch new` over the same Maildirs (private configuration, database in the
           temporary folder, no hooks): msg/s; its database's size against the Maildirs and
           against Tandem's index.
  search   `tandemd archive search --limit 50` and `notmuch search --limit=50` as processes,
           alternating, on the same --queries queries: a word drawn from a random message, and
           the word + from: its sender + date: the three months around it; p50/p95.
  query    query_bench --placements N (a synthetic catalog of 1,000,000 placements): its
           one-word p95 (target <= 100 ms) and word + sender + date-range p95 (<= 300 ms).

Only loopback; nothing resolves a name (smtplib is given its EHLO name, tandemd a DNS server
that does not exist). Every step is bounded by --timeout. Python 3 standard library plus
archive_bench.py and relay_bench.py next to it. Not part of ctest.
"""

import argparse
import base64
import bisect
import calendar
import datetime
import email.utils
import json
import math
import os
import random
import resource
import shutil
import signal
import smtplib
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archive_bench as ab  # noqa: E402
import relay_bench as rb  # noqa: E402

DOMAIN = ab.DOMAIN
HOST = ab.HOST
# The newest message's Date: (fixed, so that a seed gives the same corpus on any day), or 60
# days ago on a clock earlier than that: the Archive role archives after 30 days.
NEWEST = int(datetime.datetime(2026, 6, 30, tzinfo=datetime.timezone.utc).timestamp())
SPAN = 3 * 365 * 86400  # Date: spread over three years before that
PARTS = ("index", "export", "filing", "notmuch", "search", "query")

# --- the corpus ------------------------------------------------------------------------------

ONSETS = ("b", "br", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n",
          "p", "pl", "pr", "r", "s", "sh", "sk", "sl", "st", "t", "th", "tr", "v", "w", "z", "")
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "ie")
CODAS = ("", "", "", "n", "r", "s", "l", "m", "nd", "st", "rk", "t")


def pronounceable(rng, syllables):
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                   for _ in range(syllables))


def distinct_words(rng, n, lo, hi, taken=()):
    """n distinct pronounceable words of lo..hi syllables, shortest first."""
    seen = set(taken)
    out = []
    while len(out) < n:
        w = pronounceable(rng, rng.randint(lo, hi))
        if len(w) >= 2 and w not in seen:
            seen.add(w)
            out.append(w)
    out.sort(key=len)  # rank 1 the shortest: the words a language uses most are short
    return out


class Zipf:
    """Draws from items with P(rank r) ~ 1/r^s."""

    def __init__(self, items, s):
        self.items = items
        total = 0.0
        self.cum = []
        for r in range(1, len(items) + 1):
            total += 1.0 / r ** s
            self.cum.append(total)

    def one(self, rng):
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def many(self, rng, k):
        return rng.choices(self.items, cum_weights=self.cum, k=k)


def make_pool(rng, zipf, size):
    """Lines of text (sentences of Zipf-drawn words, wrapped at 72, paragraphs) to slice bodies
    from: drawing each body word by word would take an hour for 5 GB."""
    lines = []
    total = 0
    line = []
    width = 0
    while total < size:
        words = zipf.many(rng, 20000)
        i = 0
        while i < len(words):
            n = rng.randint(4, 18)
            sentence = words[i:i + n]
            i += n
            if not sentence:
                break
            sentence[0] = sentence[0].capitalize()
            if len(sentence) > 5 and rng.random() < 0.3:
                sentence[len(sentence) // 2] += ","
            sentence[-1] += rng.choice((".", ".", ".", "?", "!"))
            for w in sentence:
                if width + len(w) + 1 > 72 and line:
                    text = " ".join(line)
                    lines.append(text)
                    total += len(text) + 1
                    line, width = [], 0
                line.append(w)
                width += len(w) + 1
            if rng.random() < 0.15 and line:  # a paragraph ends
                text = " ".join(line)
                lines.extend((text, ""))
                total += len(text) + 2
                line, width = [], 0
    return ("\n".join(lines) + "\n").encode()


def word_at(data, at):
    """The lower-case word of letters at or after offset at of data (bytes), or None."""
    n = len(data)
    while at < n and not (97 <= (data[at] | 32) <= 122):
        at += 1
    end = at
    while end < n and 97 <= (data[end] | 32) <= 122:
        end += 1
    while at > 0 and 97 <= (data[at - 1] | 32) <= 122:
        at -= 1
    return data[at:end].decode().lower() if end > at else None


class Corpus:
    """The vocabulary, the people and the text pool of one seed."""

    def __init__(self, seed, mailboxes):
        rng = random.Random(seed)
        self.rng = rng
        # Not the words notmuch's parser takes as operators in any case (Tandem's: capitals).
        vocab = distinct_words(rng, 30000, 1, 4, taken=("and", "or", "not", "xor", "near",
                                                       "adj"))
        self.vocab = set(vocab)
        self.words = Zipf(vocab, 1.0)
        self.pool = make_pool(rng, self.words, 24 << 20)
        self.noise = rng.randbytes(24 << 20)  # attachments: random bytes no compressor shrinks
        names = distinct_words(rng, 6000, 1, 3, taken=self.vocab | {"and", "or", "not"})
        rng.shuffle(names)
        firsts, lasts = names[:1500], names[1500:]
        domains = [f"{d}.test" for d in distinct_words(rng, 300, 2, 3, taken=self.vocab)]
        people = set()
        while len(people) < 5000:
            people.add((rng.choice(firsts), rng.choice(lasts), rng.choice(domains)))
        people = sorted(people)
        rng.shuffle(people)
        self.senders = Zipf([(f"{f.capitalize()} {l.capitalize()}", f"{f}.{l}@{d}")
                             for f, l, d in people], 0.9)
        users = []
        for f in names[:mailboxes * 3]:
            if f not in users and len(users) < mailboxes:
                users.append(f)
        self.users = [(f"{u.capitalize()} {rng.choice(lasts).capitalize()}", u)
                      for u in users]  # (display name, mailbox name)

    def text(self, rng, size):
        """size bytes or so of the pool, from a line's start."""
        at = self.pool.find(b"\n", rng.randrange(0, len(self.pool) - size - 1)) + 1
        end = self.pool.find(b"\n", at + size)
        return self.pool[at:end + 1 if end > 0 else at + size]

    def subject(self, rng):
        s = " ".join(self.words.many(rng, rng.randint(3, 8))).capitalize()
        r = rng.random()
        return ("Re: " + s) if r < 0.2 else ("Fwd: " + s) if r < 0.25 else s


ATTACHMENTS = (("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats-"
               "officedocument.wordprocessingml.document"), ("xlsx", "application/vnd."
               "openxmlformats-officedocument.spreadsheetml.sheet"), ("zip", "application/zip"),
               ("png", "image/png"), ("jpg", "image/jpeg"))


def addr(name, address):
    return f'"{name}" <{address}>'


def message(c, rng, i, size, when, sender, to, cc):
    """The message's bytes (LF line ends, as a Maildir file has them), a word of its text, its
    Message-ID and the bytes of its text."""
    zone = rng.choice((0, 0, 60, 120, -300, -480, 330))
    date = datetime.datetime.fromtimestamp(when, datetime.timezone(
        datetime.timedelta(minutes=zone)))
    head = [f"From: {addr(*sender)}", f"To: {', '.join(addr(*t) for t in to)}"]
    if cc:
        head.append(f"Cc: {', '.join(addr(*t) for t in cc)}")
    mid = f"{i}.{rng.getrandbits(40):010x}@{sender[1].split('@')[1]}"
    head += [f"Subject: {c.subject(rng)}", f"Date: {email.utils.format_datetime(date)}",
             f"Message-ID: <{mid}>", "MIME-Version: 1.0"]
    greeting = f"Dear {to[0][0].split()[0]},\n\n".encode()
    closing = f"\nRegards,\n{sender[0]}\n".encode()
    if i % 3 == 0 and size > 8192:  # a third: text and a named attachment of random bytes
        text = greeting + c.text(rng, size // 2) + closing
        ext, ctype = rng.choice(ATTACHMENTS)
        name = "-".join(c.words.many(rng, 2)) + "." + ext
        raw_len = (size - len(text)) * 3 // 4
        at = rng.randrange(0, len(c.noise) - raw_len)
        b64 = base64.encodebytes(c.noise[at:at + raw_len])
        boundary = f"=_b{rng.getrandbits(48):012x}"
        head.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        body = (f"\nThis is a multi-part message in MIME format.\n\n--{boundary}\n"
                "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n\n"
                ).encode() + text + (
                f"\n--{boundary}\nContent-Type: {ctype}; name=\"{name}\"\n"
                f"Content-Disposition: attachment; filename=\"{name}\"\n"
                "Content-Transfer-Encoding: base64\n\n").encode() + b64 + \
            f"\n--{boundary}--\n".encode()
    else:
        text = greeting + c.text(rng, max(size - 600, 200)) + closing
        head += ["Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit"]
        body = b"\n" + text
    word = None
    for _ in range(8):  # a word of its body, not of the greeting or the signature
        word = word_at(text, rng.randrange(len(greeting), len(text) - len(closing)))
        if word and word in c.vocab:
            break
    return "\n".join(head).encode() + b"\n" + body, word, mid, len(text)


def generate(root, c, count, seed):
    """Maildirs under root/<domain>/<user>; returns (files, bytes of files, messages, samples,
    hidden, text bytes): a sample per message, (a word of its text, its sender's address, its
    Date: in seconds); for each message with a Bcc-only recipient (a word of its text, its
    sender's address, its Message-ID, the recipient's address); the share of the messages'
    bytes that is text (the text parts' bytes over the messages', each message once) and the
    text parts' bytes."""
    rng = random.Random(seed * 7919 + 1)
    users = c.users
    for _, u in users:
        for folder in ("", ".Sent"):
            for sub in ("new", "cur", "tmp"):
                os.makedirs(os.path.join(root, DOMAIN, u, folder, sub), exist_ok=True)
    newest = min(NEWEST, int(time.time()) - 60 * 86400)
    lo, hi = math.log(2 * 1024), math.log(200 * 1024)
    files = total = text_bytes = message_bytes = 0
    samples = []
    hidden_copies = []
    for i in range(count):
        size = int(math.exp(rng.uniform(lo, hi)))
        when = newest - rng.randrange(SPAN)
        local = lambda: rng.choice(users)
        me = lambda u: (u[0], f"{u[1]}@{DOMAIN}")
        copies = []  # (mailbox, folder, Delivered-To)
        hidden = None
        if rng.random() < 1 / 7:  # sent by a local user: its Sent copy, and any local one
            user = local()
            sender = me(user)
            to = [c.senders.one(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
            cc = []
            if rng.random() < 0.1:
                other = local()
                if other != user:
                    cc.append(me(other))
            copies.append((user[1], ".Sent", f"{user[1]}@{DOMAIN}"))
            copies += [(a.split("@")[0], "", a) for _, a in cc]
        else:
            sender = c.senders.one(rng)
            user = local()
            to = [me(user)] + [c.senders.one(rng) for _ in range(rng.choice((0, 0, 0, 1, 2)))]
            cc = []
            if rng.random() < 0.1:
                other = local()
                if other != user:
                    cc.append(me(other))
            named = {user[1]} | {a.split("@")[0] for _, a in cc}
            copies += [(u, "", f"{u}@{DOMAIN}") for u in sorted(named)]
            if rng.random() < 1 / 12:  # a Bcc-only recipient: no header names it
                hidden = local()[1]
                if hidden in named:
                    hidden = None
                else:
                    copies.append((hidden, "", f"{hidden}@{DOMAIN}"))
        data, word, mid, text_len = message(c, rng, i, size, when, sender, to, cc)
        text_bytes += text_len
        message_bytes += len(data)
        samples.append((word, sender[1], when))
        if hidden and word:
            hidden_copies.append((word, sender[1], mid, f"{hidden}@{DOMAIN}"))
        for n, (box, folder, delivered_to) in enumerate(copies):
            prefix = f"Return-Path: <{sender[1]}>\nDelivered-To: {delivered_to}\n"
            if folder == ".Sent":
                prefix += "X-Envelope-To: " + ",\n\t".join(a for _, a in to + cc) + "\n"
            blob = prefix.encode() + data
            # Tandem's own name (time.Q<envelope id>A<copy>.host): a run strips the prefix
            # of such a file only, so that every copy of a message is the same stored one.
            name = f"{when}.Q{seed:x}s{i:07x}A{n}.{HOST},S={len(blob)}:2,S"
            path = os.path.join(root, DOMAIN, box, folder, "cur", name)
            with open(path, "wb") as f:
                f.write(blob)
            os.utime(path, (when, when))  # a reader's received date (Dovecot's too)
            files += 1
            total += len(blob)
    return files, total, count, samples, hidden_copies, text_bytes / message_bytes, text_bytes


# --- Tandem ----------------------------------------------------------------------------------


def write_config(run_dir, tandemd, users, port=None):
    """archive_bench's configuration (the Archive role's rule: archive_after 30d to the
    store), with the generated users as the mailboxes' users so that mail to them is filed,
    and no passthrough copy to an Outbox (there is no other machine)."""
    path = ab.write_config(run_dir, tandemd, port=port)
    with open(path) as f:
        cfg = json.load(f)
    cfg["mailboxes"]["users"] = [{"name": "postmaster"}] + [{"name": u} for _, u in users]
    cfg["incoming"] = {"passthrough": {"copy_local_domains_to_outbox": False}}
    with open(path, "w") as f:
        json.dump(cfg, f, indent=2)
    check = subprocess.run([tandemd, "--check", "--config", path], capture_output=True, text=True)
    if check.returncode != 0:
        raise rb.RunFailed(f"tandemd --check refused {path}:\n{check.stdout}{check.stderr}")
    return path


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_ok(what, cmd, timeout, **kw):
    """Runs cmd to its end; its wall seconds, and its output with .cpu, the CPU seconds it
    used (the machine is shared: a rate per CPU second drifts less than one per second)."""
    cpu = children_cpu()
    seconds, out = ab.timed(cmd, timeout=timeout, **kw)
    out.cpu = children_cpu() - cpu
    if out.returncode != 0:
        raise rb.RunFailed(f"{what} exited {out.returncode}: {out.stdout[-2000:]}"
                           f"{out.stderr[-2000:]}")
    return seconds, out


def index_bytes(catalog):
    """Bytes of the catalog's pages that belong to the search index, by SQLite's dbstat: every
    table whose name begins with message or envelopes (messages, the FTS5 table message_text's
    shadow tables, envelopes, and any such table to come) with its indexes, and apart the
    placements' indexes the search added. Pages are counted whole, as they take the disk."""
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    try:
        owner = dict(db.execute("SELECT name, tbl_name FROM sqlite_schema"))
        pages = db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        db.close()
    index = extra = other = 0
    for name, size in pages:
        table = owner.get(name, name)
        if table.startswith(("message", "envelopes")):
            index += size
        elif table == "placements" and name in ("placements_delivered_to", "placements_filed"):
            extra += size
        else:
            other += size
    return index, extra, other


def index_fields(data):
    """What the index takes of a generated file — (sender, recipients, subject, body,
    attachment names) — read the way generate() writes it (no MIME parser: the yardstick
    times SQLite alone)."""
    end = data.find(b"\n\n")
    fields = {}
    key = ""
    for line in data[:end].decode().split("\n"):
        if line[:1] in (" ", "\t"):
            fields[key] += " " + line.strip()
            continue
        key, _, value = line.partition(":")
        key = key.lower()
        fields[key] = (fields.get(key, "") + " " + value.strip()).strip()
    body = data[end + 2:]
    names = ""
    ctype = fields.get("content-type", "")
    if ctype.startswith("multipart/"):
        boundary = b"\n--" + ctype.split('boundary="')[1].rstrip('"').encode()
        parts = body.split(boundary)
        body = parts[1][parts[1].find(b"\n\n") + 2:]
        names = parts[2].split(b'filename="')[1].split(b'"')[0].decode()
    g = fields.get
    return (f"{g('from', '')} {g('return-path', '')}",
            f"{g('to', '')} {g('cc', '')} {g('delivered-to', '')} {g('x-envelope-to', '')}",
            g("subject", ""), body.decode(), names)


def fts5_yardstick(args, base, gen_root):
    """SQLite FTS5 alone, as the index was in its schema 1: one table with every column's word
    positions, bodies' too (same SQLite library and tokenizer; WAL, synchronous=FULL as the
    catalog has them) fed the generated messages' fields, each message once, ids ascending,
    64 to a transaction; only the SQL is timed. Schema 2 keeps no positions for bodies."""
    path = os.path.join(base, "fts5-yardstick.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE VIRTUAL TABLE message_text USING fts5(sender, recipients, subject, body, "
               "attachments, content='', tokenize='unicode61 remove_diacritics 2')")
    insert = ("INSERT INTO message_text(rowid, sender, recipients, subject, body, attachments) "
              "VALUES(?, ?, ?, ?, ?, ?)")
    seen = set()
    batch = []
    sql_seconds = 0.0

    def flush():
        nonlocal sql_seconds
        t0 = time.monotonic()
        db.execute("BEGIN")
        for row in batch:
            db.execute(insert, row)
        db.execute("COMMIT")
        sql_seconds += time.monotonic() - t0
        batch.clear()

    deadline = time.monotonic() + args.timeout
    for dirpath, _, names in sorted(os.walk(gen_root)):
        for name in sorted(names):
            with open(os.path.join(dirpath, name), "rb") as f:
                data = f.read()
            mid_at = data.find(b"\nMessage-ID: <")
            mid = data[mid_at:data.find(b">", mid_at)]
            if mid in seen:
                continue
            seen.add(mid)
            batch.append((len(seen),) + index_fields(data))
            if len(batch) == 64:
                flush()
            if time.monotonic() > deadline:
                raise rb.RunFailed("the FTS5 yardstick took longer than --timeout")
    if batch:
        flush()
    db.close()
    size = index_bytes(path)[0]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    return {"seconds": sql_seconds, "messages": len(seen), "bytes": size}


def part_store(args, tandemd, base, gen_root, gen, c, parts):
    """The archive run (always: the other Tandem parts need its store), then the reindex and
    the index's size when asked."""
    files, total, messages = gen[:3]
    run_dir = os.path.join(base, "tandem")
    os.makedirs(os.path.join(run_dir, "data"))
    conf = write_config(run_dir, tandemd, c.users)
    ab.link_copy(gen_root, os.path.join(run_dir, "data", "mailboxes"))
    os.sync()
    seconds, out = run_ok("archive run", [tandemd, "--config", conf, "archive", "run"],
                          args.timeout)
    r = {"conf": conf, "run_dir": run_dir, "run_seconds": seconds, "run_cpu": out.cpu,
         "run_output": out.stdout.strip()}
    status = ab.archive_status(tandemd, conf)
    archived = sum(m["archived_messages"] for m in status["mailboxes"])
    live = sum(m["live_messages"] for m in status["mailboxes"])
    if live or archived != files or status["blobs"] != messages:
        raise rb.RunFailed(f"after the run: {live} live, {archived} archived of {files} files, "
                           f"{status['blobs']} blobs for {messages} messages\n{out.stdout}")
    r["status_run"] = status
    store = os.path.join(run_dir, "data", "archive")
    r["catalog"] = os.path.join(store, "catalog.sqlite")
    r["blob_bytes"] = ab.du(os.path.join(store, "blobs"))
    r["catalog_bytes"] = sum(os.path.getsize(os.path.join(store, n)) for n in os.listdir(store)
                             if n.startswith("catalog.sqlite"))
    r["index_run"] = index_bytes(r["catalog"])
    if "index" in parts:
        os.sync()
        seconds, out = run_ok("archive reindex", [tandemd, "--config", conf, "archive",
                                                  "reindex"], args.timeout)
        r["reindex_seconds"] = seconds
        r["reindex_cpu"] = out.cpu
        r["reindex_output"] = out.stdout.strip()
        r["status_reindex"] = ab.archive_status(tandemd, conf)
        r["index_reindex"] = index_bytes(r["catalog"])
        r["catalog_bytes_reindex"] = sum(
            os.path.getsize(os.path.join(store, n)) for n in os.listdir(store)
            if n.startswith("catalog.sqlite"))
        r["fts5"] = fts5_yardstick(args, base, gen_root)
    return r


def part_export(args, tandemd, base, store):
    mbox = os.path.join(base, "export.mbox")
    os.sync()
    seconds, out = run_ok("archive export", [tandemd, "--config", store["conf"], "archive",
                                             "export", "", "--mbox", mbox], args.timeout)
    first = out.stdout.strip().splitlines()[-1]
    exported = int(first.split()[0])
    placements = store["status_run"]["placements"]
    size = os.path.getsize(mbox)
    with open(mbox, "rb") as f:  # every copy is there: count the From_ lines
        froms = sum(1 for line in f if line.startswith(b"From "))
    os.unlink(mbox)
    if exported != placements or froms != placements:
        raise rb.RunFailed(f"export: {first!r}, {froms} From_ lines, {placements} placements")
    return {"seconds": seconds, "cpu": out.cpu, "exported": exported, "bytes": size,
            "output": first}


class Daemon(rb.Tandem):
    """relay_bench's Tandem on the store the archive run made."""

    def __init__(self, build, base, args, users):
        super().__init__(build, base, args)
        self.users = users

    def config(self, run_dir, port, sink_port):
        return write_config(run_dir, self.tandemd, self.users, port)


def search_json(tandemd, conf, query, timeout):
    out = subprocess.run([tandemd, "--config", conf, "archive", "search", "--json", "--limit",
                          "1", "--", query], capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise rb.RunFailed(f"archive search {query!r} exited {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def part_filing(args, build, base, store, c):
    """Seconds from the 250 after DATA until `archive search` finds the message's own word."""
    rng = random.Random(args.seed + 5)
    daemon = Daemon(build, base, args, c.users)
    port, sink_port = rb.free_ports(2)
    results = []
    polls = []
    try:
        daemon.start(store["run_dir"], port, sink_port)
        for k in range(args.filed):
            word = f"filed{args.seed}x{k}q{rng.getrandbits(32):08x}"  # in no other message
            user = rng.choice(c.users)
            sender = c.senders.one(rng)
            text = c.text(rng, 4000).replace(b"\n\n", f"\n\n{word}\n".encode(), 1).decode()
            msg = (f"From: {addr(*sender)}\r\nTo: {addr(user[0], user[1] + '@' + DOMAIN)}\r\n"
                   f"Subject: {c.subject(rng)}\r\nDate: {email.utils.formatdate()}\r\n"
                   f"Message-ID: <filed{k}.{word}@{sender[1].split('@')[1]}>\r\n\r\n" +
                   text.replace("\n", "\r\n"))
            # local_hostname: smtplib would otherwise ask the resolver for this machine's name.
            with smtplib.SMTP("127.0.0.1", port, local_hostname="client.test",
                              timeout=60) as s:
                s.sendmail(sender[1], [f"{user[1]}@{DOMAIN}"], msg)
                replied = time.monotonic()  # sendmail returns on the 250 after DATA
            n = 0
            while True:
                n += 1
                found = search_json(daemon.tandemd, daemon.conf, word, args.timeout)
                if found["total"] > 0:
                    results.append(time.monotonic() - replied)
                    polls.append(n)
                    break
                if time.monotonic() - replied > min(args.timeout, 120):
                    raise rb.RunFailed(f"{word} not found {time.monotonic() - replied:.0f} s "
                                       f"after its 250; {daemon.queue_summary()}")
        # The poll itself: a search process on a word that finds something, as the above did.
        poll = []
        for _ in range(5):
            t0 = time.monotonic()
            search_json(daemon.tandemd, daemon.conf, word, args.timeout)
            poll.append(time.monotonic() - t0)
    finally:
        daemon.stop()
    return {"seconds": results, "polls": polls, "poll_seconds": statistics.median(poll)}


# --- notmuch ---------------------------------------------------------------------------------


def notmuch_env(base, gen_root):
    """A private notmuch: its own configuration, database and (empty) hook folder; HOME and XDG
    folders in the temporary folder, so nothing of the machine's user is read or written."""
    home = os.path.join(base, "notmuch-home")
    db = os.path.join(base, "notmuch-db")
    hooks = os.path.join(home, "no-hooks")
    for d in (home, db, hooks):
        os.makedirs(d, exist_ok=True)
    conf = os.path.join(home, "notmuch-config")
    with open(conf, "w") as f:
        f.write(f"[database]\npath={db}\nmail_root={gen_root}\nhook_dir={hooks}\n\n"
                "[new]\ntags=unread;inbox;\nignore=\n\n[search]\nexclude_tags=\n\n"
                "[maildir]\nsynchronize_flags=false\n")
    env = dict(os.environ, NOTMUCH_CONFIG=conf, HOME=home, XDG_CONFIG_HOME=home,
               XDG_DATA_HOME=home, NOTMUCH_PROFILE="searchbench", TMPDIR=base)
    env.pop("MAILDIR", None)
    return env, db


def part_notmuch(args, base, gen_root, gen):
    notmuch = shutil.which("notmuch")
    if not notmuch:
        raise rb.RunFailed("notmuch not found (Debian: apt-get install notmuch; "
                           "tests/bench/run.sh search installs it as root)")
    env, db = notmuch_env(base, gen_root)
    version = subprocess.run([notmuch, "--version"], capture_output=True, text=True,
                             env=env).stdout.strip()
    os.sync()
    seconds, out = run_ok("notmuch new", [notmuch, "new", "--quiet"], args.timeout, env=env)
    count = int(run_ok("notmuch count", [notmuch, "count", "*"], args.timeout,
                       env=env)[1].stdout.strip())
    files = int(run_ok("notmuch count --output=files", [notmuch, "count", "--output=files",
                                                        "*"], args.timeout,
                       env=env)[1].stdout.strip())
    if count != gen[2] or files != gen[0]:
        raise rb.RunFailed(f"notmuch new found {count} messages in {files} files: "
                           f"{gen[2]} messages in {gen[0]} files were generated\n{out.stdout}")
    return {"notmuch": notmuch, "env": env, "version": version, "seconds": seconds,
            "cpu": out.cpu,
            "bytes": ab.du(db), "messages": count}


# --- searching -------------------------------------------------------------------------------


def month_range(when):
    """The first day of the month before when's and the last day of the month after it."""
    d = datetime.datetime.fromtimestamp(when).date()
    y, m = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
    y2, m2 = (d.year, d.month + 1) if d.month < 12 else (d.year + 1, 1)
    last = calendar.monthrange(y2, m2)[1]
    return f"{y:04d}-{m:02d}-01..{y2:04d}-{m2:02d}-{last:02d}"


def queries(samples, count, seed):
    rng = random.Random(seed + 11)
    picked = [samples[rng.randrange(len(samples))] for _ in range(count * 3)]
    picked = [s for s in picked if s[0]][:count]
    one = [w for w, _, _ in picked]
    combined = [f"{w} from:{a} date:{month_range(t)}" for w, a, t in picked]
    return one, combined


def tandem_search(tandemd, conf, query, timeout):
    t0 = time.monotonic()
    out = subprocess.run([tandemd, "--config", conf, "archive", "search", "--limit", "50", "--",
                          query], capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - t0
    if out.returncode != 0:
        raise rb.RunFailed(f"archive search {query!r} exited {out.returncode}: {out.stderr}")
    last = out.stdout.strip().splitlines()[-1].split()  # "N found" or "50 of N shown ..."
    total = int(last[2] if last[1] == "of" else last[0])
    return seconds, total


def notmuch_search(nm, query, timeout):
    t0 = time.monotonic()
    out = subprocess.run([nm["notmuch"], "search", "--limit=50", query], capture_output=True,
                         text=True, timeout=timeout, env=nm["env"])
    seconds = time.monotonic() - t0
    if out.returncode != 0:
        raise rb.RunFailed(f"notmuch search {query!r} exited {out.returncode}: {out.stderr}")
    return seconds, len(out.stdout.splitlines())


def part_search(args, tandemd, store, nm, samples, hidden):
    """Both engines on the same queries, one after the other per query (the machine drifts),
    after a few unmeasured ones (the first pay for the page cache)."""
    one, combined = queries(samples, args.queries, args.seed)
    results = {}
    for kind, qs in (("one word", one), ("word + from: + date:", combined)):
        for q in qs[:5]:
            tandem_search(tandemd, store["conf"], q, args.timeout)
            if nm:
                notmuch_search(nm, q, args.timeout)
        t, n, missed = [], [], {"tandem": 0, "notmuch": 0}
        for i, q in enumerate(qs):
            order = ("tandem", "notmuch") if i % 2 == 0 else ("notmuch", "tandem")
            for who in order:
                if who == "tandem":
                    seconds, hits = tandem_search(tandemd, store["conf"], q, args.timeout)
                    t.append(seconds)
                elif nm:
                    seconds, hits = notmuch_search(nm, q, args.timeout)
                    n.append(seconds)
                else:
                    continue
                missed[who] += hits == 0  # its own message has the word: at least one hit
        results[kind] = {"tandem": t, "notmuch": n, "missed": missed, "example": qs[0]}
    # A copy whose recipient no header names (Bcc): is that very message found by to: the
    # recipient? (Tandem: among the hits, by Message-ID; notmuch: id: and to:.)
    rng = random.Random(args.seed + 13)
    picked = rng.sample(hidden, min(len(hidden), 10))
    found = {"tandem": 0, "notmuch": 0, "asked": len(picked)}
    for word, sender, mid, rcpt in picked:
        out = subprocess.run([tandemd, "--config", store["conf"], "archive", "search", "--json",
                              "--limit", "1000", "--", f"to:{rcpt} from:{sender} {word}"],
                             capture_output=True, text=True, timeout=args.timeout)
        hits = json.loads(out.stdout)["hits"] if out.returncode == 0 else []
        found["tandem"] += any(h["message_id"] == mid and h["mailbox"] == rcpt for h in hits)
        if nm:
            out = subprocess.run([nm["notmuch"], "count", f"id:{mid} and to:{rcpt}"],
                                 capture_output=True, text=True, timeout=args.timeout,
                                 env=nm["env"])
            found["notmuch"] += out.returncode == 0 and int(out.stdout) > 0
    return {"kinds": results, "bcc": found}


def percentile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


# --- query_bench -----------------------------------------------------------------------------


def part_query(args, build, base):
    bench = os.path.join(build, "tests", "bench", "query_bench")
    if not os.access(bench, os.X_OK):
        raise rb.RunFailed(f"{bench} not found: ninja -C {build} query_bench")
    # Its catalog takes minutes to fill: with --keep it is kept beside the temporary folders
    # and reused by the next run with --keep of the same query_bench (named by its build time:
    # another build may fill another index schema); otherwise it goes with the temporary folder.
    built = int(os.stat(bench).st_mtime)
    db = (os.path.join(args.tmpdir, f"search-bench-query-{args.placements}-{built}.sqlite")
          if args.keep else os.path.join(base, "query-catalog.sqlite"))
    reused = os.path.exists(db)
    seconds, out = run_ok("query_bench", [bench, "--placements", str(args.placements),
                                          "--db", db],
                          args.timeout, env=dict(os.environ, TMPDIR=base))
    lines = out.stdout.splitlines()
    p95 = {}
    section = None
    for line in lines:
        if line.endswith(":") and not line.startswith(" "):
            section = line[:-1]
        elif "parse+compile+first page" in line and section:
            fields = line.split()
            p95[section] = (float(fields[fields.index("median") + 1]),
                            float(fields[fields.index("p95") + 1]))
    return {"lines": lines, "p95": p95, "seconds": seconds, "db": db, "reused": reused}


# --- the table -------------------------------------------------------------------------------


def mib(n):
    return f"{n / 1048576:,.0f} MiB"


def verdict(ok):
    return "met" if ok else "NOT met"


def print_table(args, gen, store, export, filing, nm, search, query):
    files, total, messages = gen[:3]
    rows = []  # (label, tandem, notmuch, target, verdict)
    if store:
        s = store
        rows.append((f"store + index {files:,} files ({messages:,} msgs): archive run",
                     f"{files / s['run_seconds']:,.0f} msg/s", "", "", ""))
        if "reindex_seconds" in s:
            rate = messages / s["reindex_seconds"]
            rows.append(("index from the store alone: archive reindex",
                         f"{rate:,.0f} msg/s", "", ">= 1,000 msg/s", verdict(rate >= 1000)))
            y = s["fts5"]
            rows.append(("  yardstick: FTS5 alone, schema 1 (body positions; SQL)",
                         f"{y['messages'] / y['seconds']:,.0f} msg/s", "", "", ""))
    if nm:
        rows.append(("index the Maildirs: notmuch new", "",
                     f"{nm['messages'] / nm['seconds']:,.0f} msg/s", "", ""))
    if store:
        idx = s["index_reindex"] if "index_reindex" in s else s["index_run"]
        rows.append(("index size (Tandem: message* and envelopes* pages)", mib(idx[0]),
                     mib(nm["bytes"]) if nm else "", "", ""))
        share = idx[0] / s["blob_bytes"]
        rows.append((f"  / compressed store (blobs, {mib(s['blob_bytes'])})", f"{share:.3f}",
                     f"{nm['bytes'] / s['blob_bytes']:.3f}" if nm else "", "<= 0.15",
                     verdict(share <= 0.15)))
        with_extra = (idx[0] + idx[1]) / s["blob_bytes"]
        rows.append(("  the same with placements' two search indexes", f"{with_extra:.3f}", "",
                     "", ""))
        if "fts5" in s:
            rows.append(("  yardstick: FTS5 alone, schema 1 (body positions)",
                         f"{s['fts5']['bytes'] / s['blob_bytes']:.3f}", "", "", ""))
        rows.append((f"  / Maildir files ({mib(total)})", f"{idx[0] / total:.3f}",
                     f"{nm['bytes'] / total:.3f}" if nm else "", "", ""))
        rows.append((f"  / the messages' text parts ({mib(gen[6])})", f"{idx[0] / gen[6]:.3f}",
                     f"{nm['bytes'] / gen[6]:.3f}" if nm else "", "", ""))
        if nm:
            rows.append(("  notmuch's database / Tandem's index", "",
                         f"{nm['bytes'] / idx[0]:.1f}", "", ""))
        st = s.get("status_reindex", s["status_run"])
        rows.append(("archive status: indexed of stored", f"{st['indexed']:,} of {st['blobs']:,}",
                     "", "equal", verdict(st["indexed"] == st["blobs"])))
    if search:
        b = search["bcc"]
        rows.append(("Bcc-only copies found by to: (of those asked)",
                     f"{b['tandem']} of {b['asked']}",
                     f"{b['notmuch']} of {b['asked']}" if nm else "", "all",
                     verdict(b["tandem"] == b["asked"])))
        for kind, r in search["kinds"].items():
            for q, label in ((0.5, "p50"), (0.95, "p95")):
                rows.append((f"search {kind}, --limit 50, {label} (process)",
                             f"{1000 * percentile(r['tandem'], q):,.0f} ms",
                             f"{1000 * percentile(r['notmuch'], q):,.0f} ms" if r["notmuch"]
                             else "", "", ""))
    if filing:
        sec = filing["seconds"]
        rows.append((f"searchable after filing ({len(sec)} msgs), median",
                     f"{statistics.median(sec):.2f} s", "", "", ""))
        rows.append(("searchable after filing, worst", f"{max(sec):.2f} s", "", "<= 2 s",
                     verdict(max(sec) <= 2)))
    if export:
        rate = export["exported"] / export["seconds"]
        rows.append((f"export every copy to one mbox ({mib(export['bytes'])})",
                     f"{rate:,.0f} msg/s", "", ">= 2,000 msg/s", verdict(rate >= 2000)))
    if query:
        for section, label, target in (
                ("one word (from random messages)", "one word", 100),
                ("word + from: + date: (3 months)", "word + from: + date:", 300)):
            if section in query["p95"]:
                p50, p95 = query["p95"][section]
                rows.append((f"{args.placements:,} placements (query_bench): {label} p95",
                             f"{p95:,.1f} ms", "", f"<= {target} ms", verdict(p95 <= target)))
    print()
    print(f"{'':<58}{'Tandem':>16}{'notmuch':>14}{'target':>17}  ")
    print("  " + "-" * 112)
    for label, t, n, target, v in rows:
        print(f"  {label:<56}{t:>16}{n:>14}{target:>17}  {v}")


def print_details(args, gen, store, export, filing, nm, search, query):
    files, total, messages = gen[:3]
    print()
    if store:
        print(f"archive run: {store['run_seconds']:.1f} s, {files / store['run_seconds']:,.0f} "
              f"files/s, {total / store['run_seconds'] / 1048576:,.0f} MiB/s; CPU "
              f"{store['run_cpu']:.1f} s ({files / store['run_cpu']:,.0f} files per CPU "
              f"second); {store['run_output'].splitlines()[0]}")
        if "reindex_seconds" in store:
            print(f"archive reindex: {store['reindex_seconds']:.1f} s; CPU "
                  f"{store['reindex_cpu']:.1f} s ({messages / store['reindex_cpu']:,.0f} msg "
                  f"per CPU second); {store['reindex_output'].splitlines()[-1]}")
        for key, when in (("index_run", "after the run"), ("index_reindex", "after reindex")):
            if key in store:
                i, extra, other = store[key]
                print(f"catalog pages {when}: index {mib(i)}, placements' search indexes "
                      f"{mib(extra)}, the rest (placements, ledger...) {mib(other)}")
        print(f"catalog.sqlite files: {mib(store['catalog_bytes'])} after the run"
              + (f", {mib(store['catalog_bytes_reindex'])} after reindex"
                 if "catalog_bytes_reindex" in store else ""))
        if "fts5" in store:
            y = store["fts5"]
            print(f"FTS5 yardstick: {y['messages']:,} messages in {y['seconds']:.1f} s of SQL, "
                  f"{mib(y['bytes'])}")
    if nm:
        print(f"notmuch new: {nm['seconds']:.1f} s; CPU {nm['cpu']:.1f} s "
              f"({nm['messages'] / nm['cpu']:,.0f} msg per CPU second; {nm['version']}); "
              f"database {mib(nm['bytes'])}")
    if search:
        for kind, r in search["kinds"].items():
            m = r["missed"]
            print(f"search {kind}: {len(r['tandem'])} queries, e.g. {r['example']!r}; "
                  f"queries without a hit: Tandem {m['tandem']}, notmuch {m['notmuch']}")
    if filing:
        print(f"filing: {', '.join(f'{s:.2f}' for s in filing['seconds'])} s; polls until "
              f"found: median {statistics.median(filing['polls'])}, max {max(filing['polls'])}; "
              f"one poll (a search process) takes {filing['poll_seconds']:.2f} s")
    if export:
        print(f"export: {export['seconds']:.1f} s; CPU {export['cpu']:.1f} s "
              f"({export['exported'] / export['cpu']:,.0f} copies per CPU second); "
              f"{export['output']}")
    if query:
        print(f"query_bench ({query['seconds']:.0f} s; catalog "
              f"{'reused' if query['reused'] else 'filled'}):")
        for line in query["lines"]:
            print(f"  | {line}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("build", help="build folder holding app/tandemd/tandemd (a Release build)")
    p.add_argument("--messages", type=int, default=100000, help="distinct messages (100000)")
    p.add_argument("--mailboxes", type=int, default=20, help="mailboxes they are filed in (20)")
    p.add_argument("--seed", type=int, default=14, help="of the generated messages (14)")
    p.add_argument("--queries", type=int, default=100, help="search queries of each kind (100)")
    p.add_argument("--placements", type=int, default=1000000,
                   help="query_bench's synthetic catalog (1000000)")
    p.add_argument("--filed", type=int, default=20,
                   help="messages sent to the daemon to be found (20)")
    p.add_argument("--no-notmuch", action="store_true",
                   help="Tandem alone (notmuch new of 100,000 messages takes an hour)")
    p.add_argument("--only", help=f"comma-separated parts: {', '.join(PARTS)} (all)")
    p.add_argument("--tmpdir", default=os.environ.get("TMPDIR", tempfile.gettempdir()),
                   help="where the temporary folder goes ($TMPDIR or /tmp; count 15 GB for "
                        "100,000 messages)")
    p.add_argument("--timeout", type=float, default=10800,
                   help="seconds one step may take before the bench fails (10800: notmuch new "
                        "of 100,000 messages takes an hour here)")
    p.add_argument("--keep", action="store_true",
                   help="keep the temporary folder, and query_bench's catalog for the next run")
    args = p.parse_args()
    parts = set(PARTS if not args.only else args.only.split(","))
    if parts - set(PARTS):
        p.error(f"--only: parts are {', '.join(PARTS)}")
    if not (0 < args.messages <= 2_000_000 and 0 < args.mailboxes <= 1000 and args.queries > 0
            and args.filed > 0):
        p.error("--messages 1..2000000, --mailboxes 1..1000, --queries and --filed >= 1")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))

    tandemd = os.path.join(args.build, "app", "tandemd", "tandemd")
    if not os.access(tandemd, os.X_OK):
        sys.exit(f"search_bench: {tandemd} not found: ninja -C {args.build} tandemd")
    os.makedirs(args.tmpdir, exist_ok=True)
    base = tempfile.mkdtemp(prefix="tandem-search-bench.", dir=args.tmpdir)
    os.chmod(base, 0o755)
    os.environ["TMPDIR"] = base  # SQLite's and Xapian's temporary files too
    failed = False
    store = export = filing = nm = search = query = None
    try:
        version = subprocess.run([tandemd, "--version"], capture_output=True,
                                 text=True).stdout.strip()
        print(f"Search benchmark: {version}; {args.messages:,} messages over {args.mailboxes} "
              f"mailboxes; {os.cpu_count()} CPUs; {os.uname().release}; parts: "
              f"{', '.join(x for x in PARTS if x in parts)}", flush=True)
        gen_root = os.path.join(base, "maildirs")
        gen = None
        if parts & {"index", "export", "filing", "notmuch", "search"}:
            t0 = time.monotonic()
            c = Corpus(args.seed, args.mailboxes)
            gen = generate(gen_root, c, args.messages, args.seed)
            print(f"  generated {gen[2]:,} messages in {gen[0]:,} files ({mib(gen[1])}, of "
                  f"which text parts {gen[5]:.0%}) in {time.monotonic() - t0:.0f} s",
                  flush=True)
        if parts & {"index", "export", "filing", "search"}:
            store = part_store(args, tandemd, base, gen_root, gen, c, parts)
            print(f"  archive run: {store['run_seconds']:.1f} s"
                  + (f"; reindex: {store['reindex_seconds']:.1f} s"
                     if "reindex_seconds" in store else ""), flush=True)
        if "export" in parts:
            export = part_export(args, tandemd, base, store)
            print(f"  export: {export['seconds']:.1f} s", flush=True)
        if parts & {"notmuch", "search"} and not args.no_notmuch:
            nm = part_notmuch(args, base, gen_root, gen)
            print(f"  notmuch new: {nm['seconds']:.1f} s", flush=True)
        if "search" in parts:
            search = part_search(args, tandemd, store, nm, gen[3], gen[4])
            print("  searches done", flush=True)
        if "filing" in parts:
            filing = part_filing(args, args.build, base, store, c)
            print(f"  filing: worst {max(filing['seconds']):.2f} s", flush=True)
        if "query" in parts:
            query = part_query(args, args.build, base)
            print(f"  query_bench: {query['seconds']:.0f} s", flush=True)
        if gen is None:
            gen = (0, 0, 0, [], [], 0, 0)
        print_details(args, gen, store, export, filing, nm, search, query)
        print_table(args, gen, store, export, filing, nm, search, query)
    except (rb.RunFailed, subprocess.TimeoutExpired) as e:
        print(f"\nsearch_bench: failed: {e}", file=sys.stderr)
        failed = True
        return 1
    finally:
        if args.keep or failed:
            print(f"(files kept in {base})")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
