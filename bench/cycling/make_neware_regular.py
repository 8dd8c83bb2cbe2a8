#!/usr/bin/python3
"""A large Neware regular export for the memory/time check of docs/benchmarks.md ("Cycling").

Usage: /usr/bin/python3 bench/cycling/make_neware_regular.py MEGABYTES OUT.csv
The rows of tests/data/cycling/neware_regular_uio.csv (real records of neware_uio.csv in the documented layout) repeated
until the file holds MEGABYTES·1e6 bytes, the cycle rows' Cycle Index shifted per copy — the same construction as
bench/Borolyte.Bench/CyclingBenchFiles.NewareRegular.
"""
import sys
from pathlib import Path

target = int(float(sys.argv[1]) * 1e6)
out = Path(sys.argv[2])
out.parent.mkdir(parents=True, exist_ok=True)
lines = (Path(__file__).resolve().parents[2] / "tests/data/cycling/neware_regular_uio.csv").read_text().split("\n")
header, body = lines[:3], [l for l in lines[3:] if l]
max_cycle = max(int(l.split(",", 1)[0]) for l in body if not l.startswith(","))
with open(out.with_suffix(".tmp"), "w", newline="\n") as f:
    f.write("\n".join(header) + "\n")
    written, copy = 0, 0
    while written < target:
        block = []
        for l in body:
            if not l.startswith(","):
                head, rest = l.split(",", 1)
                l = f"{int(head) + copy * max_cycle},{rest}"
            block.append(l)
        text = "\n".join(block) + "\n"
        f.write(text)
        written += len(text)
        copy += 1
out.with_suffix(".tmp").rename(out)
print(f"wrote {out}: {written} bytes of rows, {copy} copies")
