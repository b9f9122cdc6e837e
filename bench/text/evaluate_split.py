#!/usr/bin/env python3
"""Splits the labelled messages in ../shared/data for bench/text/evaluate.sh (docs/text-classifier.md).

    evaluate_split.py DATA WORK MODE...     MODE: test, fold0, fold2, tokens0 ... tokens4

writes WORK/MODE/train-tokens.csv (word lists), WORK/MODE/train-raw.csv and WORK/MODE/heldout.csv
(raw subject and body) for each MODE and describes the split on stderr. Deterministic: the same files give the same split.

Raw labelled messages (the pool):
  A  messages-labelled.csv, the official sample (495), keyed by id;
  B  messages of messages-hot.csv, messages-replies.csv and messages-unlabelled-test.csv that are a
     message of messages-train-tokens.csv in raw form, labelled with that row's category and keyed
     by its row number. A raw message is the row's message when at least 90 % of the row's words of
     two or more characters (at least five of them) occur in the message and the row keeps at
     least half of the message's Han characters; one message per row, none that is already in A.
Parts:
  test         A with an odd id and B with an odd row;
  fold0/fold2  validation (choosing settings): A with id % 4 == k and B with row % 4 == k held
               out, training on the other even part;
  tokensK      five-fold cross-validation on the word lists alone: rows with row % 5 == K held
               out, training on the other word-list rows (the raw and the word-list form of a
               message get the same label 99 % of the time, so this is a large, low-noise proxy
               for raw messages drawn like the word-list rows).
Training is the word-list file and the raw messages of the training part, minus every text that
copies a held-out message: a word-list row when at least half of its words of two or more
characters occur in a held-out message, and a raw message when the word-list row it matches best is
such a copy.
"""
import collections
import csv
import os
import sys

MAX_WORD = 8  # word-list words are at most this long in practice
RARE = 200  # candidate rows come from words found in at most this many rows


def read(data, name):
    with open(f"{data}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, fields, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def substrings(text):
    return {text[a:a + n] for n in range(2, MAX_WORD + 1) for a in range(len(text) - n + 1)}


def han(s):
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


def text_of(r):
    return r["subject"] + r["body"]


class WordLists:
    def __init__(self, rows):
        self.rows = rows
        self.words = [set(w for w in r["tokens"].split() if len(w) >= 2) for r in rows]
        self.index = collections.defaultdict(list)
        for j, ws in enumerate(self.words):
            for w in ws:
                self.index[w].append(j)

    def copies(self, text):
        """Rows at least half of whose words occur in text."""
        found = collections.Counter()
        for s in substrings(text):
            for j in self.index.get(s, ()):
                found[j] += 1
        return {j for j, c in found.items() if 2 * c >= len(self.words[j])}

    def best_row(self, text):
        """(share of the row's words found in text, row index) of the best-matching row."""
        subs = substrings(text)
        found = collections.Counter()
        for s in subs:
            js = self.index.get(s, ())
            if len(js) <= RARE:
                for j in js:
                    found[j] += 1
        best = (0.0, -1)
        for j, _ in sorted(found.items(), key=lambda x: (-x[1], x[0]))[:30]:
            share = sum(1 for w in self.words[j] if w in subs) / len(self.words[j])
            best = max(best, (share, -j))
        return best[0], -best[1]


def raw_pool(data, lists):
    """[(part key, index of the word-list row the message is, or -1; message)], and how many are B."""
    pool = []
    seen_rows, seen_texts = set(), set()
    for r in read(data, "messages-labelled.csv"):
        share, j = lists.best_row(text_of(r))
        if share < 0.9:
            j = -1
        pool.append((("A", int(r["id"])), j, r))
        seen_rows.add(j)
        seen_texts.add(text_of(r))
    extra = 0
    for name in ("messages-hot.csv", "messages-replies.csv", "messages-unlabelled-test.csv"):
        for r in read(data, name):
            text = text_of(r)
            if text in seen_texts:
                continue
            share, j = lists.best_row(text)
            if (share < 0.9 or j in seen_rows or len(lists.words[j]) < 5 or
                    2 * han(lists.rows[j]["tokens"]) < han(text)):
                continue
            seen_rows.add(j)
            seen_texts.add(text)
            extra += 1
            row = lists.rows[j]
            pool.append((("B", int(row["row"])), j,
                         {"id": r["id"], "subject": r["subject"], "body": r["body"],
                          "category": row["category"]}))
    return pool, extra


def split_tokens(lists, fold, out):
    heldout = [{"id": r["row"], "subject": "", "body": r["tokens"], "category": r["category"]}
               for r in lists.rows if int(r["row"]) % 5 == fold]
    drop = set()
    for r in heldout:
        drop |= lists.copies(r["body"].replace(" ", ""))
    kept = [r for j, r in enumerate(lists.rows) if j not in drop]
    write(f"{out}/train-tokens.csv", ["row", "tokens", "category"], kept)
    write(f"{out}/train-raw.csv", ["id", "subject", "body", "category"], [])
    write(f"{out}/heldout.csv", ["id", "subject", "body", "category"], heldout)
    print(f"split (tokens{fold}): held out {len(heldout)} word-list rows; training {len(kept)} "
          f"word-list rows ({len(drop)} copies of held-out rows removed)", file=sys.stderr)


def split_raw(lists, pool, extra, mode, out):
    if mode == "test":
        def held(key):
            return key[1] % 2 == 1

        def fit(key):
            return key[1] % 2 == 0
    else:
        fold = int(mode[4:])

        def held(key):
            return key[1] % 4 == fold

        def fit(key):
            return key[1] % 4 == 2 - fold
    # Copies of the test part never enter training, whatever the mode.
    excluded = [r for key, _, r in pool if key[1] % 2 == 1 or held(key)]
    heldout = [r for key, _, r in pool if held(key)]
    drop = set()
    for r in excluded:
        drop |= lists.copies(text_of(r))
    kept = [r for j, r in enumerate(lists.rows) if j not in drop]
    train_raw = [r for key, j, r in pool if fit(key) and j not in drop]
    fit_count = sum(1 for key, _, _ in pool if fit(key))
    write(f"{out}/train-tokens.csv", ["row", "tokens", "category"], kept)
    write(f"{out}/train-raw.csv", ["id", "subject", "body", "category"], train_raw)
    write(f"{out}/heldout.csv", ["id", "subject", "body", "category"], heldout)
    held_a = sum(1 for key, _, _ in pool if held(key) and key[0] == "A")
    print(f"split ({mode}): pool {len(pool)} raw messages ({len(pool) - extra} sample + {extra} "
          f"matched); held out {len(heldout)} ({held_a} sample + {len(heldout) - held_a} "
          f"matched); training {len(train_raw)} raw messages ({fit_count - len(train_raw)} "
          f"copies removed) + {len(kept)} word-list rows ({len(drop)} copies removed)",
          file=sys.stderr)


def main():
    data, work, modes = sys.argv[1], sys.argv[2], sys.argv[3:]
    csv.field_size_limit(sys.maxsize)
    lists = WordLists(read(data, "messages-train-tokens.csv"))
    pool, extra = None, 0
    for mode in modes:
        out = f"{work}/{mode}"
        os.makedirs(out, exist_ok=True)
        if mode in [f"tokens{k}" for k in range(5)]:
            split_tokens(lists, int(mode[6:]), out)
            continue
        if mode not in ("test", "fold0", "fold2"):
            sys.exit(f"unknown mode {mode}")
        if pool is None:
            pool, extra = raw_pool(data, lists)
        split_raw(lists, pool, extra, mode, out)


if __name__ == "__main__":
    main()
