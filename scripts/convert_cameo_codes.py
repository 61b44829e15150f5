"""Regenerate ``src/newsie/schema/cameo_codes.tsv`` from ``../shared/eventdata/cameo-codes.tsv``.

Why a converted copy in the package: the schema validates every record's
``cameo`` code and derives its root, quad class and Goldstein score from this
table, so it must ship with newsie (a fresh clone has no ``../shared``).  The
conversion is deterministic: same input, same bytes out; it keeps the columns
the schema uses (code, root, quad_class, goldstein, description), checks each
row (code of 2-4 digits, root = the code's first two digits, quad class 1-4,
Goldstein in -10..10) and writes an attribution header.

Usage: ``python scripts/convert_cameo_codes.py [SOURCE] [OUT]``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "eventdata" / "cameo-codes.tsv"
OUT = ROOT / "src" / "newsie" / "schema" / "cameo_codes.tsv"
HEADER = """\
# CAMEO event codes (Conflict and Mediation Event Observations; Gerner, Schrodt, Yilmaz et al.) with
# root, quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)
# and Goldstein score (-10..10). Converted by scripts/convert_cameo_codes.py from
# ../shared/eventdata/cameo-codes.tsv (written from the published CAMEO code list and Goldstein scale tables
# as distributed with GDELT 1.0; CAMEO is a public coding scheme). See ATTRIBUTION.md beside this file.
"""
COLUMNS = ("code", "root", "quad_class", "goldstein", "description")


def convert(source: Path) -> str:
    """The converted table as text; raises ``ValueError`` naming file and line for a bad row."""
    lines = [HEADER, "\t".join(COLUMNS) + "\n"]
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{source}: header lacks {sorted(missing)}")
        seen: set[str] = set()
        for lineno, row in enumerate(reader, 2):
            code, root = row["code"].strip(), row["root"].strip()
            where = f"{source}:{lineno}"
            if not re.fullmatch(r"\d{2,4}", code) or root != code[:2]:
                raise ValueError(f"{where}: bad code/root {code!r}/{root!r}")
            if code in seen:
                raise ValueError(f"{where}: duplicate code {code}")
            seen.add(code)
            quad, gold = int(row["quad_class"]), float(row["goldstein"])
            if quad not in (1, 2, 3, 4) or not -10 <= gold <= 10:
                raise ValueError(f"{where}: quad_class {quad} / goldstein {gold} out of range")
            desc = " ".join(row["description"].split())
            lines.append(f"{code}\t{root}\t{quad}\t{gold:g}\t{desc}\n")
    return "".join(lines)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else SOURCE
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.write_text(convert(source), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
