"""Re-lays out the real Autolab example data (exampleDataAutolab.txt, impedance.py test data) in the column layout of
an Autolab NOVA ASCII export: Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);Z (Ω);-Phase (°);Time (s).

Writes two files beside this script:
  exampleDataAutolab_NOVA.txt        semicolon separated, decimal point, UTF-8
  exampleDataAutolab_NOVA_comma.txt  semicolon separated, decimal comma (a NOVA export on a German/French Windows), UTF-8
The numbers f, Z', Z'' are the source file's, unchanged text; |Z| and −phase are computed from them (the source has no
such columns), Time (s) is the source's Time(Sec) column. Run with /usr/bin/python3 nova_fixture.py.
"""
import math
import pathlib

here = pathlib.Path(__file__).parent
lines = (here / "exampleDataAutolab.txt").read_text(encoding="utf-8-sig").splitlines()
header = next(i for i, l in enumerate(lines) if "Freq (Hz)" in l)
rows = [l.split(",") for l in lines[header + 1:] if l.strip()]
out = ["Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);Z (Ω);-Phase (°);Time (s)"]
comma = [out[0]]
for k, r in enumerate(rows, 1):
    f, t, re, im = r[0], r[3], r[4], r[5]
    minus_im = im[1:] if im.startswith("-") else "-" + im
    modulus = math.hypot(float(re), float(im))
    minus_phase = -math.degrees(math.atan2(float(im), float(re)))
    fields = [str(k), f, re, minus_im, repr(modulus), repr(minus_phase), t]
    out.append(";".join(fields))
    comma.append(";".join(x.replace(".", ",") for x in fields))
(here / "exampleDataAutolab_NOVA.txt").write_text("\r\n".join(out) + "\r\n", encoding="utf-8")
(here / "exampleDataAutolab_NOVA_comma.txt").write_text("\r\n".join(comma) + "\r\n", encoding="utf-8")
