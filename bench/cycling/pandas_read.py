#!/usr/bin/python3
"""pandas.read_csv on the files the cycling benchmarks read (the comparison of docs/benchmarks.md, "Cycling").

Usage: /usr/bin/python3 bench/cycling/pandas_read.py [FOLDER]   (default $BOROLYTE_CYCLING_BENCH_DIR or
/tmp/borolyte-cycling-bench; run the BenchmarkDotNet suite first, it generates the files). Prints, per file, the best
of 3 wall times of pandas.read_csv with its C engine and the throughput in MB/s (1 MB = 1e6 bytes).
"""
import glob, os, sys, time
import pandas as pd

folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BOROLYTE_CYCLING_BENCH_DIR") or "/tmp/borolyte-cycling-bench"
print(f"pandas {pd.__version__}")


def best_of(n, read):
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        frame = read()
        best = min(best, time.perf_counter() - start)
    return best, frame


for path in sorted(glob.glob(os.path.join(folder, "*"))):
    size = os.path.getsize(path)
    if "regular" in os.path.basename(path):
        # The regular export's three header lines and cycle rows of another width are not one table for read_csv.
        print(f"{os.path.basename(path)}: skipped (not a single-table CSV)")
        continue
    if path.endswith(".csv"):
        read = lambda: pd.read_csv(path)  # Neware CSV: ',' separated, one header line
    elif path.endswith(".mpt"):
        # EC-Lab .mpt: Latin-1, 'Nb header lines : 5' (4 lines before the column names), tab separated.
        read = lambda: pd.read_csv(path, sep="\t", skiprows=4, encoding="latin-1")
    else:
        continue
    seconds, frame = best_of(3, read)
    print(f"{os.path.basename(path)}: {size / 1e6:.1f} MB, {len(frame)} rows, {seconds:.3f} s, {size / 1e6 / seconds:.1f} MB/s")
