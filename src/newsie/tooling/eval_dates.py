"""Date normalisation scored as day intervals on two independent gold sets: GUM XML dates and MEANTIME TIMEX3.

``python -m newsie.tooling.eval_dates --set gum-train [--set meantime-airbus ...] [--errors] [--no-cache]``

Sets: ``gum-train`` (83 documents, six genres), ``gum-dev`` (12, held out), ``meantime-airbus``,
``meantime-apple``, ``meantime-gm`` (held out).  Tuning is done on ``gum-train``, ``meantime-airbus`` and
``meantime-apple`` only; ``gum-dev`` and ``meantime-gm`` are run once, at the end, as held-out numbers.

How it scores (why day intervals): GUM writes ISO 8601 values of varying precision (``when="2003-07"``,
``from``/``to``, ``notBefore``/``notAfter``) and MEANTIME writes TIMEX3 (``2009-W05``, ``2008-Q4``); a day
interval is the one form both, and newsie's TIMEX3-style values, reduce to.  ``2003-07`` is 2003-07-01..31,
``2009-W05`` its Monday..Sunday, ``199`` 1990..1999, ``--06`` / ``XXXX-06`` June of any year, an open bound
(``notAfter`` alone; newsie's ``mod`` BEFORE/ON_OR_BEFORE, AFTER/ON_OR_AFTER) leaves that end open.  A value
with no interval (``PAST_REF``, a duration) is compared as its string, so it can be right only against the
same string (MEANTIME's ``PRESENT_REF``).  MEANTIME's gold ``mod`` is not used (as in its own DATE values), so
newsie's bound mods are not applied there either.

Each document runs through the whole newsie pipeline once (pre-tokenised with the gold tokens, sentence
boundaries and the document date); the parsed documents are cached as a DocBin under ``/tmp`` so that
iterating on date rules re-runs only the normaliser.  A gold date is *found* when a newsie DATE/TIME entity
(or a ``doc.spans["newsie_timex"]`` span) overlaps it (the largest overlap wins); accuracy is correct / found,
coverage correct / all gold.  dateparser reads the same newsie spans (anchored to the document date, tense
from the parse) as the baseline.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as _dt
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: (year or None for "any year", month, day)
Bound = tuple[int | None, int, int]
#: (start, end); either may be None (open); or a plain string for values with no interval
Key = tuple[Bound | None, Bound | None] | str

SETS = ("gum-train", "gum-dev", "meantime-airbus", "meantime-apple", "meantime-gm")
HELD_OUT = ("gum-dev", "meantime-gm")
TIME_LABELS = ("DATE", "TIME")
TIMEX_SPANS = "newsie_timex"
#: season code -> (first month, months covered): GUM's annotators' bounds (summer June-September, fall
#: September-December, winter December-March; spring March-June by symmetry), applied to both sides.
SEASON_MONTHS = {"SP": (3, 4), "SU": (6, 4), "FA": (9, 4), "WI": (12, 4)}
_PUNCT_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s?|n't|'re|'ve|'ll|'d|'m)$", re.I)
_BLOCK = re.compile(r"<(?:p|head|item|list|sp|caption|figure|quote|row)[ >]")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


@dataclass
class GoldDate:
    start: int  # token offsets in the document
    end: int
    key: Key
    raw: str  # the gold attributes as written


@dataclass
class GoldDoc:
    doc_id: str
    group: str  # GUM genre or MEANTIME sub-corpus
    dct: _dt.date | None
    words: list[str]
    sent_starts: list[bool]
    dates: list[GoldDate] = field(default_factory=list)


def default_corpora() -> Path:
    env = os.environ.get("NEWSIE_CORPORA")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "corpora"


# ------------------------------------------------------------------ intervals
def _last_day(year: int | None, month: int) -> int:
    return 29 if year is None and month == 2 else calendar.monthrange(year if year is not None else 2001, month)[1]


def iso_bounds(value: str) -> tuple[Bound, Bound] | None:
    """An ISO 8601 / TIMEX3 calendar value as its first and last day; ``None`` when it is not one.

    ``2003`` ``2003-07`` ``2003-07-04`` ``2003-07-04T10:00`` ``--07`` ``--07-04`` ``XXXX-07`` ``XXXX-07-04``
    ``2009-W05`` ``2009-W05-WE`` ``2009-Q1`` ``2009-H2`` ``2009-SU`` ``199`` (decade) ``19`` (century),
    ``BC0438`` (438 BC: the year -438), ``BC04`` (the 5th century BC: -499..-400).
    """
    v = value.strip()
    v = re.sub(r"T.*$", "", v)
    m = re.fullmatch(r"BC(\d{2,4})", v)
    if m:  # TIMEX3 BC values, as GUM writes them (negative years, no year zero): BC0438, BC043 (the 430s), BC04
        n = int(m.group(1))
        first, last = {4: (n, n), 3: (n * 10 + 9, n * 10), 2: (n * 100 + 99, n * 100)}[len(m.group(1))]
        return (-first, 1, 1), (-last, 12, 31)
    m = re.fullmatch(r"XXXX-(SP|SU|FA|WI)", v)
    if m:
        first_month, months = SEASON_MONTHS[m.group(1)]
        last_month = (first_month + months - 2) % 12 + 1
        return (None, first_month, 1), (None, last_month, _last_day(None, last_month))
    m = re.fullmatch(r"(?:--|XXXX-)(\d{2})(?:-(\d{2}))?", v)
    if m:
        mo = int(m.group(1))
        if not 1 <= mo <= 12:
            return None
        if m.group(2):
            return (None, mo, int(m.group(2))), (None, mo, int(m.group(2)))
        return (None, mo, 1), (None, mo, _last_day(None, mo))
    m = re.fullmatch(r"(-?\d{4,6})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if m:
        y = int(m.group(1))
        if m.group(3):
            return (y, int(m.group(2)), int(m.group(3))), (y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            if not 1 <= mo <= 12:
                return None
            return (y, mo, 1), (y, mo, _last_day(y, mo))
        return (y, 1, 1), (y, 12, 31)
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v)
    if m:
        try:
            monday = _dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        first = monday + _dt.timedelta(days=5) if m.group(3) else monday
        last = monday + _dt.timedelta(days=6)
        return (first.year, first.month, first.day), (last.year, last.month, last.day)
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", v)
    if m:
        y, part = int(m.group(1)), m.group(2)
        if part[0] in "QH":
            months = 3 if part[0] == "Q" else 6
            first_month = months * (int(part[1]) - 1) + 1
        else:
            first_month, months = SEASON_MONTHS[part]
        n_end = y * 12 + first_month - 1 + months - 1
        ye, me = n_end // 12, n_end % 12 + 1
        return (y, first_month, 1), (ye, me, _last_day(ye, me))
    m = re.fullmatch(r"(\d{3})", v)
    if m:
        d = int(m.group(1)) * 10
        return (d, 1, 1), (d + 9, 12, 31)
    m = re.fullmatch(r"(\d{2})", v)
    if m:
        c = int(m.group(1)) * 100
        return (c, 1, 1), (c + 99, 12, 31)
    return None


def gum_key(attrs: dict[str, str]) -> Key:
    """The day interval of a GUM ``<date>`` element (``when``, ``from``/``to``, ``notBefore``/``notAfter``)."""
    if "when" in attrs:
        b = iso_bounds(attrs["when"])
        return b if b is not None else attrs["when"]
    lo = attrs.get("from") or attrs.get("notBefore")
    hi = attrs.get("to") or attrs.get("notAfter")
    lo_b = iso_bounds(lo) if lo else None
    hi_b = iso_bounds(hi) if hi else None
    if (lo and lo_b is None) or (hi and hi_b is None):
        return " ".join(f"{k}={v}" for k, v in sorted(attrs.items()))
    if lo_b and hi_b and re.fullmatch(r"-?\d+-01-01", lo or "") and re.fullmatch(r"-?\d+-01-01", hi or "") \
            and hi_b[0][0] is not None and lo_b[0][0] is not None and hi_b[0][0] - lo_b[0][0] >= 9:
        # a decade or century whose last year is written as its January 1 ("the 1960s": from="1960-01-01"
        # to="1969-01-01"; "the 11th century": to="1099-01-01"): the end is that year's last day
        hi_b = (hi_b[0], (hi_b[0][0], 12, 31))
    return (lo_b[0] if lo_b else None, hi_b[1] if hi_b else None)


_OPEN_END = {"BEFORE", "ON_OR_BEFORE"}
_OPEN_START = {"AFTER", "ON_OR_AFTER"}


def timex_key(value: str | None, mod: str | None = None, *, use_mod: bool = True,
              dct: _dt.date | None = None) -> Key | None:
    """The day interval of a TIMEX3-style value (``a/b`` intervals included); a bound ``mod`` opens one end.

    With ``dct`` (GUM, which writes these as intervals) ``PAST_REF`` is ``../DCT``, ``PRESENT_REF`` the
    DCT's day and ``FUTURE_REF`` ``DCT/..``: the TIMEX3 meaning of the three.
    """
    if value is None:
        return None
    if dct is not None and value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        day: Bound = (dct.year, dct.month, dct.day)
        return {"PAST_REF": (None, day), "PRESENT_REF": (day, day), "FUTURE_REF": (day, None)}[value]
    if "/" in value:
        a, b = value.split("/", 1)
        ba, bb = iso_bounds(a), iso_bounds(b)
        if ba is None or bb is None:
            return value
        key: Key = (ba[0], bb[1])
    else:
        bounds = iso_bounds(value)
        if bounds is None:
            return value
        key = bounds
    if use_mod and mod in _OPEN_END:
        return (None, key[1])
    if use_mod and mod in _OPEN_START:
        return (key[0], None)
    if use_mod and mod in ("START", "END") and "/" not in value:
        return _part(value, key, mod)
    return key


def _part(value: str, key: tuple[Bound, Bound], mod: str) -> Key:
    """"early"/"late" as the part of the period GUM's annotators mark: the first or second half of a month
    (days 1-15, 15-end), year (January-June, July-December) or decade (years 0-4, 5-9), the first or last
    quarter of a century (00-24, 75-99)."""
    (y0, m0, d0), (y1, m1, d1) = key
    start = mod == "START"
    if re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}", value):
        return ((y0, m0, 1), (y0, m0, 15)) if start else ((y0, m0, 15), (y1, m1, d1))
    if re.fullmatch(r"\d{4}", value):
        return ((y0, 1, 1), (y0, 6, 30)) if start else ((y0, 7, 1), (y0, 12, 31))
    if re.fullmatch(r"\d{3}", value) and y0 is not None:
        return ((y0, 1, 1), (y0 + 4, 12, 31)) if start else ((y0 + 5, 1, 1), (y1, 12, 31))
    if re.fullmatch(r"\d{2}", value) and y0 is not None:
        return ((y0, 1, 1), (y0 + 24, 12, 31)) if start else ((y0 + 75, 1, 1), (y1, 12, 31))
    return key


def format_key(key: Key | None) -> str:
    if key is None or isinstance(key, str):
        return str(key)

    def b(x: Bound | None) -> str:
        if x is None:
            return ".."
        return f"{'XXXX' if x[0] is None else x[0]}-{x[1]:02d}-{x[2]:02d}"

    return f"{b(key[0])}/{b(key[1])}"


# ------------------------------------------------------------------ readers
def _spaces(words: list[str]) -> list[bool]:
    out = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        out.append(bool(nxt) and nxt != "\n" and w not in _NO_SPACE_AFTER | {"\n"} and not _PUNCT_BEFORE.match(nxt))
    return out


def _attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def read_gum(corpora: Path, partition: str) -> list[GoldDoc]:
    """GUM documents of one partition (``train``/``dev``) from ``gum/xml``, with their ``<date>`` gold."""
    docs = []
    for path in sorted((corpora / "gum" / "xml").glob("*.xml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        head = _attrs(lines[0])
        if head.get("partition") != partition:
            continue
        words: list[str] = []
        starts: list[bool] = []
        open_dates: list[tuple[int, dict[str, str]]] = []
        dates: list[GoldDate] = []
        new_sentence = True
        for line in lines[1:]:
            if line.startswith("<"):
                if _BLOCK.match(line) and words and words[-1] != "\n":
                    words.append("\n")  # a paragraph, heading or list item starts a new line
                    starts.append(False)
                if line.startswith("<s ") or line.startswith("<s>"):
                    new_sentence = True
                elif line.startswith("<date"):
                    open_dates.append((len(words), _attrs(line)))
                elif line.startswith("</date"):
                    start, attrs = open_dates.pop()
                    if len(words) > start:
                        dates.append(GoldDate(start, len(words), gum_key(attrs),
                                              " ".join(f"{k}={v}" for k, v in attrs.items() if k != "rend")))
                continue
            if not line.strip():
                continue
            words.append(line.split("\t")[0])
            starts.append(new_sentence)
            new_sentence = False
        dct = _dt.date.fromisoformat(head["dateCreated"][:10]) if head.get("dateCreated") else None
        docs.append(GoldDoc(head["id"], head.get("type", "?"), dct, words, starts, dates))
    return docs


def _meantime_dct(root: ET.Element, tokens: dict[str, tuple[str, int]]) -> _dt.date | None:
    timexes = list(root.iter("TIMEX3"))
    chosen = next((t for t in timexes if t.get("functionInDocument") == "CREATION_TIME"), None)
    if chosen is None:  # two files lack the flag: use the dateline (sentence 1) TIMEX3
        for t in timexes:
            ids = [a.get("t_id") for a in t.findall("token_anchor")]
            if ids and tokens[ids[0]][1] == 1:
                chosen = t
                break
    if chosen is None:
        return None
    value = chosen.get("value") or ""
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:  # "03-02-2009" is day-month-year (the dateline says "February 03, 2009")
        return _dt.datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError:
        return None


def read_meantime(corpora: Path, sub: str) -> list[GoldDoc]:
    """MEANTIME documents of one sub-corpus with their token-anchored DATE TIMEX3 (creation time excluded)."""
    docs = []
    for path in sorted((corpora / "meantime" / "intra-doc_annotation" / f"corpus_{sub}").glob("*.xml")):
        root = ET.parse(path).getroot()
        tokens = {t.get("t_id"): (t.text or "", int(t.get("sentence"))) for t in root.iter("token")}
        dct = _meantime_dct(root, tokens)
        if dct is None:
            continue
        index: dict[str, int] = {}
        words: list[str] = []
        starts: list[bool] = []
        previous = None
        for tid, (word, sent) in tokens.items():
            if previous is not None and sent != previous and sent <= 2:
                words.append("\n")  # the headline and the dateline are lines of their own
                starts.append(False)
            index[tid] = len(words)
            words.append(word)
            starts.append(sent != previous)
            previous = sent
        doc = GoldDoc(path.stem, sub, dct, words, starts)
        for tx in root.iter("TIMEX3"):
            if tx.get("functionInDocument") == "CREATION_TIME" or tx.get("type") != "DATE":
                continue
            ids = [a.get("t_id") for a in tx.findall("token_anchor")]
            if not ids:
                continue
            if tokens[ids[0]][1] <= 1 and tx.get("value") == dct.isoformat():
                continue  # the dateline itself when unflagged
            value = tx.get("value") or ""
            key = timex_key(value, use_mod=False)
            doc.dates.append(GoldDate(index[ids[0]], index[ids[-1]] + 1, key if key is not None else value, value))
        docs.append(doc)
    return docs


def read_set(corpora: Path, name: str) -> list[GoldDoc]:
    if name not in SETS:
        raise ValueError(f"unknown set {name!r}; one of {', '.join(SETS)}")
    kind, part = name.split("-", 1)
    return read_gum(corpora, part) if kind == "gum" else read_meantime(corpora, part)


# ------------------------------------------------------------------ parsing (cached)
def _cache_path(name: str, docs: list[GoldDoc], nlp: Any) -> Path:
    """A cache file keyed by the set, its words and the pipeline's non-normaliser components and model."""
    h = hashlib.sha1()
    h.update(name.encode())
    for d in docs:
        h.update(d.doc_id.encode())
        h.update(str(len(d.words)).encode())
    h.update(repr([(n, nlp.get_pipe_meta(n).factory) for n in nlp.pipe_names]).encode())
    if "newsie_ner" in nlp.pipe_names:  # the weights' hash: a retrained model never reads a stale cache
        ner = nlp.get_pipe("newsie_ner")
        h.update(str(getattr(ner, "model_id", None) or getattr(ner, "path", "")).encode())
    return Path(os.environ.get("NEWSIE_EVAL_CACHE", "/tmp/newsie-eval-dates")) / f"{name}-{h.hexdigest()[:12]}.spacy"


def parse(name: str, docs: list[GoldDoc], nlp: Any, *, cache: bool = True) -> list[Any]:
    """Run the pipeline up to (not including) the normaliser on each gold document; cache as a DocBin."""
    from spacy.tokens import Doc, DocBin

    before = [n for n in nlp.pipe_names if n not in ("newsie_normalize", "newsie_events")]
    path = _cache_path(name, docs, nlp)
    if cache and path.exists():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(parsed) == len(docs):
            return parsed
    made = []
    for d in docs:
        doc = Doc(nlp.vocab, words=d.words, spaces=_spaces(d.words), sent_starts=d.sent_starts)
        doc._.date = d.dct
        made.append(doc)
    with nlp.select_pipes(enable=before):
        parsed = list(nlp.pipe(made, batch_size=8))
    if cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=parsed).to_disk(path)
    return parsed


# ------------------------------------------------------------------ scoring
def dateparser_key(text: str, anchor: _dt.date | None, tense: str | None) -> Key | None:
    """dateparser's reading of ``text`` as a day interval at the precision it reports (``None``: no reading)."""
    from dateparser.date import DateDataParser  # the [eval] baseline only; runtime never imports it

    settings: dict[str, Any] = {"PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense or "",
                                                                                          "current_period"),
                                "RETURN_TIME_AS_PERIOD": True}
    if anchor is not None:
        settings["RELATIVE_BASE"] = _dt.datetime.combine(anchor, _dt.time(12, 0))
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises on some inputs; count as no answer
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return timex_key(f"{d.year:04d}")
    if period == "month":
        return timex_key(f"{d.year:04d}-{d.month:02d}")
    if period == "week":
        iso = d.isocalendar()
        return timex_key(f"{iso[0]:04d}-W{iso[1]:02d}")
    return timex_key(d.date().isoformat())


def _system_spans(doc: Any) -> list[Any]:
    spans = [e for e in doc.ents if e.label_ in TIME_LABELS]
    if TIMEX_SPANS in doc.spans:
        spans += list(doc.spans[TIMEX_SPANS])
    return spans


def score(docs: list[GoldDoc], parsed: list[Any], *, use_mod: bool, baseline: bool = True) -> dict[str, Any]:
    """Normalise each parsed document and score every gold date; returns totals, per-group counts and rows."""
    from newsie.normalize.component import Normaliser
    from newsie.normalize.dates import tense_of

    normaliser = Normaliser(None)  # type: ignore[arg-type]  # the component reads nothing from nlp
    rows = []
    for gold, doc in zip(docs, parsed, strict=True):
        doc._.date = gold.dct
        normaliser(doc)
        spans = _system_spans(doc)
        gum_side = gold.dct if use_mod else None
        for g in gold.dates:
            overlapping = [s for s in spans if s.start < g.end and g.start < s.end]
            row: dict[str, Any] = {"doc": gold.doc_id, "group": gold.group, "gold": g.key, "raw": g.raw,
                                   "text": " ".join(gold.words[g.start:g.end]), "found": bool(overlapping),
                                   "newsie": None, "dateparser": None, "span": None, "value": None, "rule": None}
            if overlapping:
                span = max(overlapping, key=lambda s: (min(s.end, g.end) - max(s.start, g.start), -len(s)))
                norm = span._.norm
                value = getattr(norm, "value", None)
                mod = getattr(norm, "mod", None)
                # one newsie interval "1922/2013" over two gold dates "1922", "2013": each gold date is
                # compared with its own end of the interval
                inside = [o for o in gold.dates if o.start < span.end and span.start < o.end]
                if value and "/" in value and len(inside) > 1 and g in (inside[0], inside[-1]):
                    value = value.split("/")[0 if g is inside[0] else 1]
                lead = span.start + (span[0].lower_ in ("the", "a", "an") and span.start < g.start)
                if lead < g.start:
                    mod = None  # the gold date is the inner expression, without newsie's "the end of"
                row.update(span=span.text, value=value, rule=getattr(norm, "rule", None),
                           newsie=timex_key(value, mod, use_mod=use_mod, dct=gum_side))
                if baseline:
                    row["dateparser"] = dateparser_key(span.text, gold.dct, tense_of(span))
            rows.append(row)
    return summarise(rows)


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    groups: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for g in (r["group"], "ALL"):
            c = groups[g]
            c["gold"] += 1
            c["found"] += r["found"]
            c["newsie"] += r["found"] and r["newsie"] == r["gold"]
            c["dateparser"] += r["found"] and r["dateparser"] == r["gold"]
    return {"groups": {k: dict(v) for k, v in groups.items()}, "rows": rows}


def format_table(name: str, result: dict[str, Any]) -> str:
    lines = [f"{name}: exact day-interval accuracy on the gold dates newsie finds (acc = correct/found) and "
             f"coverage (cov = correct/all gold); dateparser on the same spans",
             f"{'group':14s} {'gold':>5s} {'found':>6s} {'newsie acc':>11s} {'cov':>6s} {'dateparser acc':>15s} "
             f"{'cov':>6s}"]
    groups = result["groups"]
    for g in sorted(groups, key=lambda k: (k == "ALL", k)):
        c = groups[g]
        f = c["found"] or 1
        lines.append(f"{g:14s} {c['gold']:5d} {c['found']:6d} {c['newsie'] / f:11.1%} "
                     f"{c['newsie'] / c['gold']:6.1%} {c['dateparser'] / f:15.1%} {c['dateparser'] / c['gold']:6.1%}")
    return "\n".join(lines)


def evaluate(corpora: Path, names: Iterable[str], nlp: Any = None, *, cache: bool = True,
             baseline: bool = True) -> dict[str, dict[str, Any]]:
    """Score each named set; ``nlp`` defaults to ``newsie.load()``."""
    if nlp is None:
        import newsie

        nlp = newsie.load()
    out = {}
    for name in names:
        docs = read_set(corpora, name)
        parsed = parse(name, docs, nlp, cache=cache)
        out[name] = score(docs, parsed, use_mod=name.startswith("gum"), baseline=baseline)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=SETS, required=True)
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--errors", action="store_true", help="also list the gold dates newsie gets wrong")
    parser.add_argument("--no-cache", action="store_true", help="re-parse instead of reading the /tmp DocBin")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (faster iteration)")
    parser.add_argument("--dump", type=Path, help="write every scored row as JSON lines here")
    args = parser.parse_args(argv)
    if not (args.corpora / "gum" / "xml").is_dir() or not (args.corpora / "meantime").is_dir():
        print(f"no gum/xml or meantime under {args.corpora}", file=sys.stderr)
        return 2
    results = evaluate(args.corpora, args.sets, cache=not args.no_cache, baseline=not args.no_baseline)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for name, result in results.items():
                for r in result["rows"]:
                    fh.write(json.dumps({"set": name, **r, "gold": format_key(r["gold"]),
                                         "newsie": format_key(r["newsie"]),
                                         "dateparser": format_key(r["dateparser"])}) + "\n")
    for name, result in results.items():
        print(format_table(name + (" (held out)" if name in HELD_OUT else ""), result))
        if args.errors:
            print("  errors (doc | gold text | gold | newsie span | newsie value | rule | dateparser):")
            for r in result["rows"]:
                if r["newsie"] != r["gold"]:
                    print(f"  {r['doc'][:22]:22s} {r['text'][:40]!r:42s} {format_key(r['gold']):24s} "
                          f"{str(r['span'])[:30]!r:32s} {r['value']!s:16s} {r['rule']!s:22s} "
                          f"{format_key(r['dateparser'])}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
