"""Draws the seeded audit sample of predicted entity mentions (see docs/entity-audit.md).

usage: python3 draw_sample.py RECORDS.jsonl SLICE.jsonl SEED [COUNT]
RECORDS.jsonl: `zharticle batch --no-tokens` output for SLICE.jsonl ({"id","text"} lines).
Prints one tab-separated line per mention: index, doc, start, type, source, confidence, text, context.
The record does not say where a mention came from: the source is inferred (a gazetteer name with
confidence 0.95 is `gaz`; Work and the rules' fixed confidences are `pat`; anything else is `model`).
"""
import glob
import json
import os
import random
import sys

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FILES = {"events": "Event", "locations": "Location", "organizations": "Organization", "people": "Person", "products": "Product"}
PATTERN_CONFIDENCES = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.855, 0.81, 0.765, 0.72, 0.675, 0.63}


def gazetteer():
    names = {}
    for path in glob.glob(os.path.join(REPO, "dictionaries", "entities", "*.tsv")):
        kind = FILES[os.path.basename(path)[:-4]]
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#"):
                names[line.rstrip("\n").split("\t")[0]] = kind
    return names


def source(mention, names):
    confidence = mention["confidence"]
    if abs(confidence - 0.95) < 1e-9 and names.get(mention["text"]) == mention["type"]:
        return "gaz"
    if mention["type"] == "Work" or round(confidence, 4) in PATTERN_CONFIDENCES:
        return "pat"
    return "model"


def main():
    records, slice_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    texts = {d["id"]: d["text"] for d in map(json.loads, open(slice_path, encoding="utf-8"))}
    names = gazetteer()
    mentions = []
    for line in open(records, encoding="utf-8"):
        record = json.loads(line)
        for mention in record.get("entities", []):
            mentions.append((record["id"], mention))
    for k, i in enumerate(sorted(random.Random(seed).sample(range(len(mentions)), count))):
        doc, m = mentions[i]
        text, start, end = texts[doc], m["start"], m["end"]
        context = (text[max(0, start - 25):start] + "【" + text[start:end] + "】" + text[end:end + 25]).replace("\n", "⏎")
        print(k, doc, start, m["type"], source(m, names), f"{m['confidence']:.2f}", m["text"], context, sep="\t")


if __name__ == "__main__":
    main()
