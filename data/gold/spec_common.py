"""Helpers shared by the hand-written annotation specs (spec_*.py)."""

from __future__ import annotations

import os
from pathlib import Path

from meantime_text import rebuild

REPO = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("NEWSIE_CORPORA", REPO.parent / "shared" / "corpora"))
MEANTIME = CORPORA / "meantime" / "intra-doc_annotation"
MEANTIME_LICENCE = ("CC BY 2.5 (Wikinews text); MEANTIME corpus CC BY 4.0 (c) 2015 FBK, VU Amsterdam, UPV/EHU; "
                    "newsie gold annotation CC BY 4.0")


def meantime(rel: str) -> tuple[str, str, str]:
    """(text, document creation time, Wikinews URL) of a MEANTIME file."""
    text, dct, url = rebuild(MEANTIME / rel)
    assert dct and url
    return text, dct, url


def name(n: str) -> dict:
    return {"kind": "name", "name": n}


def t(value: str, precision: str, mod: str | None = None, anchored: bool = True) -> dict:
    d: dict = {"kind": "time", "value": value, "precision": precision, "anchored": anchored}
    if mod:
        d["mod"] = mod
    return d


def q(lo: float | None, hi: float | None = None, unit: str | None = None, approx: bool = False,
      same: bool = True) -> dict:
    """QuantityValue: ``q(5)`` exact, ``q(300, 500)`` range, ``q(10, None, same=False)`` open max."""
    if hi is None and same:
        hi = lo
    d: dict = {"kind": "quantity", "min": lo, "max": hi, "approx": approx}
    if unit:
        d["unit"] = unit
    return d


def age(lo: float, hi: float | None = None) -> dict:
    return {"kind": "age", "min": lo, "max": lo if hi is None else hi}


def targ(v: dict) -> dict:
    """A TimeValue as TimeArgument fields."""
    return {k: v[k] for k in ("value", "precision", "mod", "anchored") if k in v}


def qarg(v: dict) -> dict:
    """A QuantityValue/AgeValue as QuantityArgument/AgeArgument fields."""
    return {k: v[k] for k in ("min", "max", "approx", "unit") if k in v}
