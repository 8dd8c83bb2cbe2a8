#!/usr/bin/python3
"""Writes a large Neware record-level CSV by repeating the data rows of tests/data/cycling/neware_uio.csv (the same rule
as bench/Borolyte.Bench/CyclingBenchFiles.cs): per copy, DataPoint continues, Cycle Index is shifted by the file's
cycle count and Cumulative Time by the file's duration + 60 s; every other field is verbatim.

Usage: /usr/bin/python3 bench/cycling/make_neware.py SIZE_MB OUT.csv     (e.g. 1000 /tmp/borolyte-cycling-bench/neware_1GB.csv)
"""
import os, sys

size_mb, out = float(sys.argv[1]), sys.argv[2]
source = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "cycling", "neware_uio.csv")
with open(source, encoding="utf-8-sig") as f:
    header, *lines = [l.rstrip("\r\n") for l in f]
rows = [l.split(",") for l in lines if l]


def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def duration(total):
    whole = int(round(total))
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


max_cycle = max(int(r[1]) for r in rows)
span = seconds(rows[-1][5]) + 60
times = [seconds(r[5]) for r in rows]
target, written, copy = size_mb * 1e6, 0, 0
with open(out + ".tmp", "w", encoding="utf-8", newline="\n") as f:
    f.write(header + "\n")
    while written < target:
        chunk = []
        for k, r in enumerate(rows):
            r = list(r)
            r[0] = str(int(r[0]) + copy * len(rows))
            r[1] = str(int(r[1]) + copy * max_cycle)
            r[5] = duration(times[k] + copy * span)
            chunk.append(",".join(r))
        text = "\n".join(chunk) + "\n"
        f.write(text)
        written += len(text)
        copy += 1
os.replace(out + ".tmp", out)
print(f"{out}: {os.path.getsize(out)} bytes, {copy} copies of {len(rows)} rows")
