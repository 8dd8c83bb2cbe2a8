#!/usr/bin/python3
"""Snapshot of the cycling commands' output on every cycler file of the test data, and a byte-for-byte comparison of two
snapshots (the check that a speed or memory change left every output as it was; docs/benchmarks.md, "Cycling").

Usage:
  /usr/bin/python3 bench/cycling/compare_outputs.py snapshot OUT_DIR [--cli DIR] [--extra FILE ...]
  /usr/bin/python3 bench/cycling/compare_outputs.py compare BEFORE_DIR AFTER_DIR

snapshot runs `dotnet DIR/Borolyte.Cli.dll` (default DIR: .build/cli of this tree, as built by ./borolyte) on every file
of tests/data/cycling and of ../shared/data/cycling (the first `shared/data/cycling` found beside a folder above this
tree), bad/ inputs included, with `cycling summarize` (--json under several options, and the human table),
`rate-table --json`, `dqdv --json` (and the CSV it writes) and `convert --to bdf` (the BDF CSV and its metadata). For
each command it keeps stdout, stderr and the exit code. --extra adds files (e.g. the 1 GB ones under /tmp) with
`summarize --json` only. compare lists every output that differs and exits 1 if any does.
"""
import hashlib, os, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = Path("/tmp/borolyte-compare-outputs")   # same paths in every snapshot: they appear in the outputs

COMMANDS = [
    ("summarize-json", ["cycling", "summarize", "{f}", "--json"]),
    ("summarize-preceding", ["cycling", "summarize", "{f}", "--json", "--pairing", "preceding"]),
    ("summarize-integrate-mass-area", ["cycling", "summarize", "{f}", "--json", "--integrate", "--active-mass-mg", "1.5", "--area-cm2", "1.2"]),
    ("summarize-anode-chargefirst", ["cycling", "summarize", "{f}", "--json", "--mode", "anode", "--cycles", "charge-first"]),
    ("summarize-dischargefirst-ref2", ["cycling", "summarize", "{f}", "--json", "--cycles", "discharge-first", "--reference-cycle", "2"]),
    ("summarize-working", ["cycling", "summarize", "{f}", "--json", "--electrode", "working"]),
    ("summarize-table", ["cycling", "summarize", "{f}"]),
    ("rate-table", ["cycling", "rate-table", "{f}", "--nominal-capacity-mah", "5", "--json"]),
    ("dqdv-1", ["cycling", "dqdv", "{f}", "--cycle", "1", "--out", str(WORK / "dqdv.csv"), "--json"]),
    ("dvdq-2", ["cycling", "dqdv", "{f}", "--cycle", "2", "--dvdq", "--out", str(WORK / "dqdv.csv"), "--json"]),
    ("convert", ["cycling", "convert", "{f}", "--to", "bdf", "--out", str(WORK / "run.bdf.csv")]),
]


def shared_cycling():
    for parent in ROOT.parents:
        candidate = parent / "shared" / "data" / "cycling"
        if candidate.is_dir():
            return candidate
    return None


def inputs():
    folders = [ROOT / "tests" / "data" / "cycling"] + ([shared_cycling()] if shared_cycling() else [])
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix not in (".py", ".md"):
                yield folder.name + "-" + folder.parent.parent.name, path


def snapshot(out, cli, extra):
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    dll = Path(cli) / "Borolyte.Cli.dll"
    # bad/ files keep their folder in the name
    jobs = [(f"{group}/{'bad-' if path.parent.name == 'bad' else ''}{path.name}", path, COMMANDS) for group, path in inputs()]
    jobs += [(f"extra/{Path(e).name}", Path(e), COMMANDS[:1]) for e in extra]
    for name, path, commands in jobs:
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        for cid, args in commands:
            shutil.rmtree(WORK, ignore_errors=True)
            WORK.mkdir(parents=True)
            run = subprocess.run(["dotnet", str(dll)] + [a.replace("{f}", str(path)) for a in args], capture_output=True)
            (target / f"{cid}.stdout").write_bytes(run.stdout)
            (target / f"{cid}.stderr").write_bytes(run.stderr)
            (target / f"{cid}.rc").write_text(str(run.returncode))
            for p in sorted(WORK.iterdir()):
                shutil.copyfile(p, target / f"{cid}.file.{p.name}")
        print(f"{name}: {len(commands)} commands", flush=True)


def digest(path):
    return hashlib.md5(path.read_bytes()).hexdigest()


def compare(a, b):
    a, b = Path(a), Path(b)
    left = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    right = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = sorted(str(p) for p in left & right if digest(a / p) != digest(b / p))
    only = sorted(f"only in {a}: {p}" for p in left - right) + sorted(f"only in {b}: {p}" for p in right - left)
    for line in differ:
        print("differs:", line)
    for line in only:
        print(line)
    print(f"{len(left & right)} outputs compared: {len(left & right) - len(differ)} identical, {len(differ)} differ, {len(only)} missing on one side")
    return 1 if differ or only else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "snapshot":
        args = sys.argv[3:]
        cli = str(ROOT / ".build" / "cli")
        extra = []
        while args:
            if args[0] == "--cli":
                cli, args = args[1], args[2:]
            elif args[0] == "--extra":
                args = args[1:]
                while args and not args[0].startswith("--"):
                    extra.append(args[0]); args = args[1:]
            else:
                sys.exit(f"unknown argument {args[0]}")
        snapshot(sys.argv[2], cli, extra)
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
