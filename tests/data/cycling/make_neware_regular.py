#!/usr/bin/python3
"""Builds neware_regular_uio.csv: the records of cycles 1-2 of neware_uio.csv (real data) written in the layout of
Neware BTS's "regular export" with cycle, step and record rows. Layout facts from the real export in cellpy's test
data (testdata/data/nw_regular_export_ife_example.csv, its first lines are neware_regular_ife_head.csv): three
header lines ("Cycle Index,Chg. Cap.(Ah),..." / ",Step Index,Step Number,Step Type,..." / ",,DataPoint,Time,Total
Time,Current(A),Voltage(V),Capacity(Ah),Energy(Wh),Date,..."), a cycle row whose first step row follows on the same
line, step rows starting with one empty field, record rows with two; record Capacity/Energy restart at every step.
The cycle rows' capacities are the sums of the steps' final capacities (what BTS reports), so the reader can be
checked against them.
"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "neware_uio.csv"), encoding="utf-8-sig")))
rows = [r for r in rows if int(r["Cycle Index"]) <= 2]


def hms(seconds):
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def secs(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


steps = []  # (cycle, step index, type, records)
for r in rows:
    key = (int(r["Cycle Index"]), int(r["Step Index"]))
    if not steps or steps[-1][0:2] != key:
        steps.append((key[0], key[1], r["Step Type"], []))
    steps[-1][3].append(r)

out = ["Cycle Index,Chg. Cap.(Ah),DChg. Cap.(Ah),Chg.-DChg. Eff(%),Chg. Energy(Wh),DChg. Energy(Wh),Chg. Time,DChg. Time",
       ",Step Index,Step Number,Step Type,Step Time,Capacity(Ah),Energy(Wh),Oneset Volt.(V),End Voltage(V)",
       ",,DataPoint,Time,Total Time,Current(A),Voltage(V),Capacity(Ah),Energy(Wh),Date"]
for cycle in sorted({s[0] for s in steps}):
    mine = [s for s in steps if s[0] == cycle]
    def total(kind, col):
        return sum(max(float(r[col]) for r in s[3]) for s in mine if kind in s[2] and "DChg" not in s[2]) if kind == "Chg" \
            else sum(max(float(r[col]) for r in s[3]) for s in mine if "DChg" in s[2])
    def duration(kind):
        return sum(secs(s[3][-1]["Time"]) for s in mine if (("DChg" in s[2]) if kind == "DChg" else ("Chg" in s[2] and "DChg" not in s[2])))
    qc, qd = total("Chg", "Chg. Cap.(Ah)"), total("DChg", "DChg. Cap.(Ah)")
    ec, ed = total("Chg", "Chg. Energy(Wh)"), total("DChg", "DChg. Energy(Wh)")
    cycle_fields = [str(cycle), f"{qc:.8f}", f"{qd:.8f}", f"{(qd / qc * 100 if qc else 0):.2f}", f"{ec:.8f}", f"{ed:.8f}",
                    hms(duration("Chg")), hms(duration("DChg"))]
    for n, (c, index, kind, recs) in enumerate(mine):
        cap_col = "DChg. Cap.(Ah)" if "DChg" in kind else "Chg. Cap.(Ah)"
        en_col = "DChg. Energy(Wh)" if "DChg" in kind else "Chg. Energy(Wh)"
        step_fields = [str(index), str(index), kind, hms(secs(recs[-1]["Time"])), recs[-1][cap_col], recs[-1][en_col],
                       recs[0]["Voltage(V)"], recs[-1]["Voltage(V)"]]
        if n == 0 and cycle == 1:
            out.append(",".join(cycle_fields + step_fields))   # as in the real export: first step on the cycle's line
        else:
            if n == 0:
                out.append(",".join(cycle_fields))
            out.append("," + ",".join(step_fields))
        for r in recs:
            out.append(",," + ",".join([r["DataPoint"], r["Time"], r["Cumulative Time"], r["Current(A)"], r["Voltage(V)"],
                                        r[cap_col], r[en_col], r["Date"]]))
open(os.path.join(here, "neware_regular_uio.csv"), "w", newline="\n").write("\n".join(out) + "\n")
print(len(out), "lines")
