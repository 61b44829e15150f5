"""Exact-value accuracy of TIMEX3 DATE values on MEANTIME: newsie vs dateparser, same gold spans.

``python -m newsie.normalize.eval_meantime [--corpora DIR] [--errors]``

For every token-anchored TIMEX3 of type DATE (the document creation time
excluded) the gold span's text is resolved against the document's DCT by
:func:`newsie.normalize.dates.resolve_date` (tense from the spaCy parse of the
sentence) and by dateparser (``RELATIVE_BASE`` = DCT, ``PREFER_DATES_FROM``
from the same tense), whose datetime is written at the precision dateparser
reports.  A value is right when it equals the gold ``value`` string.  The
table breaks the score down by the newsie rule that fired, which is how
"keep whichever is right more often per pattern" was decided; the last column
(tense ignored) measures what reading the governing verb's tense adds.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsie.normalize.dates import resolve_date, tense_of

SUBCORPORA = ("corpus_airbus", "corpus_apple", "corpus_gm")


@dataclass
class Mention:
    doc: str
    text: str
    gold: str
    dct: _dt.date
    sentence: list[str]
    start: int  # token offsets inside the sentence
    end: int


def default_corpora() -> Path:
    env = os.environ.get("NEWSIE_CORPORA")
    return Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared" / "corpora"


def _dct(root: ET.Element, tokens: dict[str, tuple[str, int]]) -> _dt.date | None:
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


def read_mentions(corpora: Path) -> list[Mention]:
    """All gold DATE TIMEX3 mentions with their DCT and sentence tokens."""
    out: list[Mention] = []
    base = corpora / "meantime" / "intra-doc_annotation"
    for sub in SUBCORPORA:
        for path in sorted((base / sub).glob("*.xml")):
            root = ET.parse(path).getroot()
            tokens = {t.get("t_id"): (t.text or "", int(t.get("sentence"))) for t in root.iter("token")}
            order = list(tokens)
            dct = _dct(root, tokens)
            if dct is None:
                continue
            sents: dict[int, list[str]] = defaultdict(list)
            position: dict[str, int] = {}
            for tid in order:
                word, s = tokens[tid]
                position[tid] = len(sents[s])
                sents[s].append(word)
            for tx in root.iter("TIMEX3"):
                if tx.get("functionInDocument") == "CREATION_TIME" or tx.get("type") != "DATE":
                    continue
                ids = [a.get("t_id") for a in tx.findall("token_anchor")]
                if not ids:
                    continue
                s = tokens[ids[0]][1]
                if s <= 1 and dct is not None and tx.get("value") == dct.isoformat():
                    continue  # the dateline itself when unflagged
                out.append(Mention(
                    doc=path.stem, text=" ".join(tokens[i][0] for i in ids), gold=tx.get("value") or "",
                    dct=dct, sentence=sents[s], start=position[ids[0]], end=position[ids[-1]] + 1,
                ))
    return out


def dateparser_value(text: str, anchor: _dt.date, tense: str | None) -> str | None:
    """dateparser's reading of ``text`` as a TIMEX3-like string at the precision it reports."""
    from dateparser.date import DateDataParser

    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": _dt.datetime.combine(anchor, _dt.time(12, 0)), "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    })
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises on some inputs; count as no answer
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return d.date().isoformat()


def evaluate(corpora: Path, nlp=None) -> dict:
    """Score newsie and dateparser on every gold DATE mention; returns totals, per-rule table, rows."""
    from spacy.tokens import Doc

    if nlp is None:
        from newsie.pipeline import load_base

        nlp = load_base(exclude=("ner",))
    mentions = read_mentions(corpora)
    # only the syntax is needed (tense); a full newsie pipeline passed in runs just its base components
    syntax = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")]
    unique: dict[tuple[str, ...], Doc] = {}
    with nlp.select_pipes(enable=syntax):
        sentences = list({tuple(m.sentence): None for m in mentions})
        for words, doc in zip(sentences, nlp.pipe((Doc(nlp.vocab, words=list(w)) for w in sentences),
                                                  batch_size=64), strict=True):
            unique[words] = doc
    rows = []
    for m in mentions:
        doc = unique[tuple(m.sentence)]
        span = doc[m.start:m.end]
        tense = tense_of(span)
        value = resolve_date(m.text, m.dct, tense)
        ours = value.value if value is not None else None
        theirs = dateparser_value(m.text, m.dct, tense)
        untensed = resolve_date(m.text, m.dct, None)
        rows.append({
            "doc": m.doc, "text": m.text, "gold": m.gold, "dct": m.dct.isoformat(), "tense": tense,
            "rule": value.rule if value is not None else "none", "newsie": ours, "dateparser": theirs,
            "no_tense": untensed.value if untensed is not None else None,
        })
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        c = per_rule[r["rule"]]
        c["n"] += 1
        c["newsie"] += r["newsie"] == r["gold"]
        c["dateparser"] += r["dateparser"] == r["gold"]
        c["no_tense"] += r["no_tense"] == r["gold"]
    n = len(rows)
    return {
        "n": n,
        "newsie": sum(r["newsie"] == r["gold"] for r in rows) / n if n else 0.0,
        "dateparser": sum(r["dateparser"] == r["gold"] for r in rows) / n if n else 0.0,
        "no_tense": sum(r["no_tense"] == r["gold"] for r in rows) / n if n else 0.0,
        "per_rule": {k: dict(v) for k, v in sorted(per_rule.items(), key=lambda kv: -kv[1]["n"])},
        "rows": rows,
    }


def format_table(result: dict) -> str:
    lines = [f"MEANTIME TIMEX3 DATE exact-value accuracy (n={result['n']}, gold spans, DCT anchor)", "",
             f"{'rule':28s} {'n':>4s} {'newsie':>8s} {'dateparser':>11s} {'newsie w/o tense':>17s}"]
    for rule, c in result["per_rule"].items():
        lines.append(f"{rule:28s} {c['n']:4d} {c.get('newsie', 0) / c['n']:8.1%} "
                     f"{c.get('dateparser', 0) / c['n']:11.1%} {c.get('no_tense', 0) / c['n']:17.1%}")
    lines.append(f"{'ALL':28s} {result['n']:4d} {result['newsie']:8.1%} {result['dateparser']:11.1%} "
                 f"{result['no_tense']:17.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--errors", action="store_true", help="also list the mentions newsie gets wrong")
    args = parser.parse_args(argv)
    if not (args.corpora / "meantime").is_dir():
        print(f"no MEANTIME under {args.corpora}", file=sys.stderr)
        return 2
    result = evaluate(args.corpora)
    print(format_table(result))
    if args.errors:
        print("\nnewsie errors (text | gold | newsie | dateparser | tense | dct | rule):")
        for r in result["rows"]:
            if r["newsie"] != r["gold"]:
                print(f"  {r['text']!r:45s} {r['gold']:12s} {r['newsie']!s:14s} {r['dateparser']!s:12s} "
                      f"{r['tense']!s:8s} {r['dct']} {r['rule']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
