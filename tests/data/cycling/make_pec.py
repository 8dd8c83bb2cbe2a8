#!/usr/bin/python3
"""Builds pec_uio.csv: the records of cycles 1-2 of neware_uio.csv (real data) written in the layout of a PEC CSV
export. Layout facts (metadata block, column line, units, trailing comma, cycles and steps from 0) copied from the
first lines of a real PEC export in cellpy's test data (testdata/data/pec_multiple_tests/Test25205.csv, MIT); the
metadata values are that file's. Capacities and energies in mAh/mWh restart per step (as Neware counts them).
"""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
rows = [r for r in csv.DictReader(open(os.path.join(here, "neware_uio.csv"), encoding="utf-8-sig")) if int(r["Cycle Index"]) <= 2]
meta = """Request Year:,2026
Test:,25205
Test Description:,
TestRegime Name:,OCV generic long HP
TestRegime Suffix:,PJSV
TestRegime CellSize:,1500 mAh
TestRegime Version:,8
Parameter names:,C-Rate (mAh),Mass (kg),Peak power (W)
Parameter values:,64000,1.161,500
Names of initialized variables:
Chemistry:,Li-ion LG NMC
Start Time:,01/08/2026 17:40:39
Start Time Format:,G
End Time:,01/09/2026 13:22:40
End Time Format:,G
Operator Instructions:,"""
columns = ("Test,Cell,Rack,Shelf,Position,Cell ID,Step,Instruction Name,Cycle,Total Time (Hours in hh:mm:ss.xxx),"
           "Load On Time (Hours in hh:mm:ss.xxx),Step Time (Seconds),Cycle Charge Time (Hours in hh:mm:ss.xxx),"
           "Cycle Discharge Time (Hours in hh:mm:ss.xxx),Real Time,Position Start Time,Voltage (V),Current (A),"
           "Charge Capacity (mAh),Discharge Capacity (mAh),Charge Energy (mWh),Discharge Energy (mWh),ReasonCode,"
           "Internal Resistance 1 (mOhm),Temp (°C),")
out = [meta, columns]
names = {"Rest": "Rest", "CC Chg": "Charge", "CC DChg": "Discharge"}


def hms(seconds):
    ms = int(round(seconds * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def secs(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


for r in rows:
    t = secs(r["Cumulative Time"])
    qc, qd = float(r["Chg. Cap.(Ah)"]) * 1000, float(r["DChg. Cap.(Ah)"]) * 1000
    ec, ed = float(r["Chg. Energy(Wh)"]) * 1000, float(r["DChg. Energy(Wh)"]) * 1000
    out.append(",".join(["25205", "1", "ACT4", "014", "1", "345626_9356111_33_6", str(int(r["Step Index"]) - 1),
                         names.get(r["Step Type"], r["Step Type"]), str(int(r["Cycle Index"]) - 1), hms(t), hms(t),
                         f"{secs(r['Time']):g}", "00:00:00.000", "00:00:00.000", r["Date"], "2022-05-18 16:27:52",
                         r["Voltage(V)"], r["Current(A)"], f"{qc:.5f}", f"{qd:.5f}", f"{ec:.5f}", f"{ed:.5f}", "30", "", "25.0", ""]))
open(os.path.join(here, "pec_uio.csv"), "w", encoding="utf-8", newline="\n").write("\n".join(out) + "\n")
print(len(out), "lines")
