"""search_bench's corpus is the same on any day: a seed gives the same messages, byte for
byte, whatever the clock says (the Date: headers used to count back from today, so runs on
different days measured different corpora). Run by ctest (label unit)."""

import sys

sys.dont_write_bytecode = True

import os  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import unittest  # noqa: E402
from unittest import mock  # noqa: E402

import search_bench as sb  # noqa: E402


def tree(root):
    """{relative path: bytes} of every file under root."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, root)] = f.read()
    return found


class CorpusIsTheSameOnAnyDay(unittest.TestCase):

    def test_two_days_one_corpus(self):
        corpus = sb.Corpus(14, 3)
        days = [time.mktime((2026, 12, 1, 12, 0, 0, 0, 0, 0)),
                time.mktime((2027, 3, 9, 12, 0, 0, 0, 0, 0))]
        trees = []
        for day in days:
            with tempfile.TemporaryDirectory() as root, \
                    mock.patch.object(sb.time, "time", return_value=day):
                sb.generate(root, corpus, 12, 14)
                trees.append(tree(root))
        self.assertTrue(trees[0])
        self.assertEqual(sorted(trees[0]), sorted(trees[1]))
        differing = [p for p in trees[0] if trees[0][p] != trees[1][p]]
        self.assertEqual(differing, [])


if __name__ == "__main__":
    unittest.main()
