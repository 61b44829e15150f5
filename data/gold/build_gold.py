"""Turn the hand-written annotation specs (``spec_*.py``) into gold JSONL.

The specs are the human annotation: every span is written as a context string in
which ``⟦...⟧`` marks the span; the context (markers removed) must occur exactly
once in the document text.  This script only computes character offsets, sentence
indices (spaCy ``en_core_web_sm`` via ``newsie.pipeline.load_base()``) and
evidence strings, then validates every document with ``newsie.schema.GoldDocument``.
No newsie extractor or model output is used.

Usage: ``python data/gold/build_gold.py`` (rewrites seed.jsonl and news.jsonl).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from newsie.pipeline import load_base
from newsie.schema import GoldDocument

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
L, R = "⟦", "⟧"


def locate(text: str, ctx: str) -> tuple[int, int, str]:
    """Offsets of the ⟦marked⟧ part of ``ctx`` (which must occur once in ``text``)."""
    if ctx.count(L) != 1 or ctx.count(R) != 1:
        raise ValueError(f"context needs exactly one ⟦span⟧: {ctx!r}")
    plain = ctx.replace(L, "").replace(R, "")
    first = text.find(plain)
    if first < 0:
        raise ValueError(f"context not in text: {plain!r}")
    if text.find(plain, first + 1) >= 0:
        raise ValueError(f"context not unique: {plain!r}")
    start = first + ctx.index(L)
    end = first + ctx.index(R) - 1
    return start, end, text[start:end]


class Doc:
    def __init__(self, text: str, nlp: Any) -> None:
        self.text = text
        self.sents = [(s.start_char, s.end_char, s.text.strip()) for s in nlp(text).sents]
        self.ents: list[dict[str, Any]] = []

    def sent_of(self, start: int) -> int:
        for i, (s, e, _) in enumerate(self.sents):
            if s <= start < e:
                return i
        raise ValueError(f"offset {start} outside every sentence")

    def label_of(self, start: int, end: int) -> str | None:
        for ent in self.ents:
            if ent["start"] == start and ent["end"] == end:
                return ent["label"]
        return None


def build_entities(doc: Doc, specs: list[tuple]) -> list[dict[str, Any]]:
    out = []
    for spec in specs:
        ctx, label = spec[0], spec[1]
        norm = spec[2] if len(spec) > 2 else None
        start, end, span = locate(doc.text, ctx)
        ent: dict[str, Any] = {"start": start, "end": end, "label": label, "text": span}
        if norm is not None:
            ent["norm"] = norm
        out.append(ent)
    out.sort(key=lambda e: (e["start"], e["end"]))
    doc.ents = out
    return out


ROLE_KEYS = ("actor", "target", "theme", "location", "destination", "source")


def build_event(doc: Doc, ev: dict[str, Any], n: int, doc_id: str) -> dict[str, Any]:
    t_start, t_end, t_text = locate(doc.text, ev["trigger"])
    sent = doc.sent_of(t_start)
    rec: dict[str, Any] = {
        "id": f"{doc_id}-e{n:02d}",
        "type": ev["type"],
        "trigger": {"text": t_text, "start": t_start, "end": t_end, "lemma": ev.get("lemma")},
    }
    for key in ROLE_KEYS:
        if key not in ev:
            continue
        val = ev[key]
        ctx, norm = (val, None) if isinstance(val, str) else val
        s, e, span = locate(doc.text, ctx)
        arg: dict[str, Any] = {"text": span, "start": s, "end": e, "sentence": doc.sent_of(s)}
        label = doc.label_of(s, e)
        if label:
            arg["label"] = label
        if norm:
            arg["norm"] = norm
        rec[key] = arg
    if "time" in ev:
        ctx, tv = ev["time"]
        s, e, span = locate(doc.text, ctx)
        rec["time"] = {"text": span, "start": s, "end": e, "sentence": doc.sent_of(s), **tv}
    if "quantity" in ev:
        ctx, qv = ev["quantity"]
        s, e, span = locate(doc.text, ctx)
        rec["quantity"] = {"text": span, "start": s, "end": e, "sentence": doc.sent_of(s), **qv}
    if "age" in ev:
        ctx, av = ev["age"]
        s, e, span = locate(doc.text, ctx)
        rec["age"] = {"text": span, "start": s, "end": e, "sentence": doc.sent_of(s), **av}
    rec["modality"] = ev.get("modality", "asserted")
    rec["sentence"] = sent
    rec["evidence"] = doc.sents[sent][2]
    rec["rule"] = "gold"
    rec["summary"] = ev["summary"]
    merged = []
    for mtype, mctx in ev.get("merged_from", []):
        s, e, span = locate(doc.text, mctx)
        merged.append(f"{mtype}:{doc.sent_of(s)}:{s}-{e}:{span}")
    if merged:
        rec["merged_from"] = merged
    return rec


def build_doc(spec: Any, nlp: Any) -> dict[str, Any]:
    text = spec.TEXT
    doc = Doc(text, nlp)
    ents = build_entities(doc, spec.ENTITIES)
    events = [build_event(doc, ev, i + 1, spec.ID) for i, ev in enumerate(spec.EVENTS)]
    out = {
        "id": spec.ID,
        "text": text,
        "date": spec.DATE,
        "source": spec.SOURCE,
        "licence": spec.LICENCE,
        "entities": ents,
        "events": events,
    }
    GoldDocument.model_validate(out)
    return out


def load_spec(path: Path) -> Any:
    mod_spec = importlib.util.spec_from_file_location(path.stem, path)
    assert mod_spec and mod_spec.loader
    mod = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(mod)
    return mod


OUTPUTS = {"seed.jsonl": ["spec_seed.py"], "news.jsonl": ["spec_airbus_jobcuts.py", "spec_cisco_apple.py",
                                                          "spec_gm_senate.py", "spec_barra.py"]}


def main(argv: list[str]) -> None:
    nlp = load_base()
    only = set(argv)
    for out_name, spec_files in OUTPUTS.items():
        if only and out_name not in only:
            continue
        lines = []
        for name in spec_files:
            if not (HERE / name).exists():
                print(f"skip {name} (not written yet)")
                continue
            lines.append(json.dumps(build_doc(load_spec(HERE / name), nlp), ensure_ascii=False))
        (HERE / out_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out_name}: {len(lines)} documents")


if __name__ == "__main__":
    main(sys.argv[1:])
