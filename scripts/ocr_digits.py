#!/usr/bin/env python3
"""Digits OCR read right (issue 16): the numbers of each scan as jixiao reads it
by OCR against the numbers of the document it was made from (its text layer or
Word file), as multisets; a number counts only when read exactly, and counts
its digits. Prints each pair and the whole; exits 1 below --min.

  scripts/ocr_digits.py BINARY [--min 0.995] SCAN SOURCE [SCAN SOURCE ...]
"""
import argparse, collections, json, re, subprocess, sys

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers(binary, path, ocr):
    out = subprocess.run([binary, "inspect"] + (["--ocr"] if ocr else []) + [path],
                         capture_output=True, text=True, check=True).stdout
    texts = []

    def walk(x):
        if isinstance(x, dict):
            if isinstance(x.get("text"), str):
                texts.append(x["text"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(json.loads(out))
    return collections.Counter(n.replace(",", "") for n in NUMBER.findall("\n".join(texts)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--min", type=float, default=0.0)
    ap.add_argument("pairs", nargs="+")
    a = ap.parse_args()
    if len(a.pairs) % 2:
        sys.exit("give scans and their sources in pairs")
    right = total = 0
    for scan, source in zip(a.pairs[::2], a.pairs[1::2]):
        read, truth = numbers(a.binary, scan, True), numbers(a.binary, source, False)
        t = sum(len(n) * c for n, c in truth.items())
        r = sum(len(n) * min(c, read[n]) for n, c in truth.items())
        print(f"{scan}: {r}/{t} digits read right ({r / max(t, 1):.4f}); missed {dict(truth - read)}")
        right, total = right + r, total + t
    share = right / max(total, 1)
    print(f"digits read right: {right}/{total} = {share:.4f}")
    if share < a.min:
        sys.exit(f"below {a.min}")


main()
