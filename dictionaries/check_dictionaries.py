#!/usr/bin/env python3
"""Check the data files under dictionaries/ against the conventions in dictionaries/README.md.

Usage: python3 dictionaries/check_dictionaries.py [--corpus PATH.jsonl]

Exits 1 and lists every problem when a file breaks a rule; prints one summary line per file.
With --corpus (JSON lines with a "text" field) it also reports how many rows occur in the corpus.
Standard library only.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))

# Files whose rows may be one Chinese character.
SINGLE_CHARACTERS_ALLOWED = {"claims/change-verbs.tsv"}

# file -> (number of columns, column names)
FILES = {
    "entities/organizations.tsv": ["name", "canonical"],
    "entities/people.tsv": ["name", "canonical"],
    "entities/products.tsv": ["name", "canonical"],
    "entities/locations.tsv": ["name", "canonical"],
    "entities/events.tsv": ["name", "canonical"],
    "terms/metrics.tsv": ["term"],
    "terms/business-terms.tsv": ["word", "pos"],
    "terms/not-names.tsv": ["word"],
    "terms/generic-latin-terms.tsv": ["word"],
    "terms/company-name-words.tsv": ["word", "role"],
    "claims/change-verbs.tsv": ["verb", "direction", "strength"],
}
REQUIRED_HEADER_PREFIXES = ("# columns:", "# source:", "# licence:", "# date:")
POS_TAGS = {"n", "nr", "ns", "nt", "nz", "v", "vn", "vd", "a", "ad", "an", "b", "d", "l", "i", "j", "m", "q", "t", "eng"}
DIRECTIONS = {"increase", "decrease", "stable"}
STRENGTHS = {"mild", "strong"}
SINGLE_CJK = re.compile(r"^[\u3400-\u9fff]$")
LATIN = re.compile(r"^[A-Za-z0-9 .\-+&'/:\u00c0-\u017f]+$")


def check_file(rel, columns, errors):
    path = os.path.join(ROOT, rel)
    if not os.path.exists(path):
        errors.append(f"{rel}: missing")
        return []
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append(f"{rel}: starts with a UTF-8 BOM")
    if b"\r" in raw:
        errors.append(f"{rel}: contains CR characters (use LF line endings)")
    if not raw.endswith(b"\n"):
        errors.append(f"{rel}: does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{rel}: not valid UTF-8 ({e})")
        return []
    lines = text.split("\n")[:-1]
    header, rows = [], []
    for i, line in enumerate(lines, 1):
        if line.startswith("#"):
            if rows:
                errors.append(f"{rel}:{i}: header line after data rows")
            header.append(line)
            continue
        if not line.strip():
            errors.append(f"{rel}:{i}: empty line")
            continue
        fields = line.split("\t")
        if len(fields) != len(columns):
            errors.append(f"{rel}:{i}: {len(fields)} columns, expected {len(columns)} ({', '.join(columns)})")
            continue
        for f in fields:
            if f != f.strip() or not f:
                errors.append(f"{rel}:{i}: empty field or leading/trailing whitespace in {line!r}")
        rows.append((i, fields))
    for prefix in REQUIRED_HEADER_PREFIXES:
        if not any(h.startswith(prefix) for h in header):
            errors.append(f"{rel}: header has no line starting with {prefix!r}")
    keys = [f[0] for _, f in rows]
    for (i, f), prev in zip(rows[1:], keys):
        if not prev < f[0]:
            kind = "duplicate" if prev == f[0] else "out of order"
            errors.append(f"{rel}:{i}: {kind}: {f[0]!r} after {prev!r}")
    # Single characters are ambiguous as names and words (美, 中), but 升, 涨, 降 are whole change verbs.
    for i, f in rows if rel not in SINGLE_CHARACTERS_ALLOWED else []:
        if SINGLE_CJK.match(f[0]):
            errors.append(f"{rel}:{i}: single Chinese character {f[0]!r}")
    if columns == ["name", "canonical"]:
        names = set(keys)
        for i, f in rows:
            if f[1] not in names:
                errors.append(f"{rel}:{i}: canonical {f[1]!r} of {f[0]!r} has no row of its own")
        canon_of = {f[0]: f[1] for _, f in rows}
        for i, f in rows:
            if canon_of.get(f[1], f[1]) != f[1]:
                errors.append(f"{rel}:{i}: canonical {f[1]!r} is itself an alias of {canon_of[f[1]]!r}")
    if rel.endswith("business-terms.tsv"):
        for i, f in rows:
            if f[1] not in POS_TAGS:
                errors.append(f"{rel}:{i}: unknown POS tag {f[1]!r}")
    if rel.endswith("change-verbs.tsv"):
        for i, f in rows:
            if f[1] not in DIRECTIONS:
                errors.append(f"{rel}:{i}: direction {f[1]!r} not in {sorted(DIRECTIONS)}")
            if f[2] not in STRENGTHS:
                errors.append(f"{rel}:{i}: strength {f[2]!r} not in {sorted(STRENGTHS)}")
    return rows


def corpus_hits(names, corpus_path):
    """Count rows whose name occurs in the corpus (Latin names only at ASCII word boundaries)."""
    with open(corpus_path, encoding="utf-8") as fh:
        big = "\n".join(json.loads(l)["text"] for l in fh if l.strip())
    hits = 0
    for n in names:
        if LATIN.match(n):
            found = re.search(r"(?<![A-Za-z0-9])" + re.escape(n) + r"(?![A-Za-z0-9])", big)
        else:
            found = n in big
        hits += bool(found)
    return hits


def main(argv):
    corpus = None
    if "--corpus" in argv:
        corpus = argv[argv.index("--corpus") + 1]
    errors = []
    entity_names = {}
    summary = []
    for rel, columns in FILES.items():
        rows = check_file(rel, columns, errors)
        line = f"{rel}: {len(rows)} rows"
        if columns == ["name", "canonical"]:
            line += f", {len({f[1] for _, f in rows})} canonical names"
            for _, f in rows:
                entity_names.setdefault(f[0], []).append(rel)
        if corpus and rows:
            line += f", {corpus_hits([f[0] for _, f in rows], corpus)} occur in the corpus"
        summary.append(line)
    not_names = {f[0] for _, f in check_file("terms/not-names.tsv", ["word"], [])}
    for name in sorted(not_names & set(entity_names)):
        errors.append(f"{name!r} is in terms/not-names.tsv and in {', '.join(entity_names[name])}")
    for name, files in sorted(entity_names.items()):
        if len(files) > 1:
            errors.append(f"{name!r} is listed in more than one entity file: {', '.join(files)}")
    print("\n".join(summary))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        print("\n".join(errors))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
