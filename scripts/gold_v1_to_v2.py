"""One-off conversion of the schema 1.0 gold (``data/gold/seed.jsonl``, ``news.jsonl``) to schema 2.0.

Kept in the repository so the conversion of the five older documents is
reviewable and repeatable from the 1.0 files in git history (commit b6b2379 and
earlier); run on 2.0 files it refuses (no ``merged_from``/``actor`` keys to read).

What it does (GUIDELINES section 1 documents the result):

* ``merged_from`` ids ``TYPE:sentence:start-end:text`` become ``mentions``
  after the trigger (offsets checked against the text; the type in the id is
  dropped: the mention belongs to the record);
* ``actor``/``target`` become one-element ``actors``/``targets`` lists of
  participants (``code``/``country`` left unset: the 1.0 labelling did not
  code actors);
* types renamed to the 2.0 inventory (``TYPE_MAP``); ``cameo`` set to the
  type's default code from ``event_types.tsv`` (the 1.0 gold carried none);
* stored sentence numbers, ``evidence`` and ``rule: gold`` dropped (sentences
  are computed at scoring time); ``summary`` kept; entity layer kept
  (``layers: [entities, events]``) and a ``topic`` added from ``TOPICS``.

Usage: ``python scripts/gold_v1_to_v2.py data/gold/seed.jsonl data/gold/news.jsonl`` (rewrites in place).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from newsie.schema import EVENT_TYPES, GoldDocument

TYPE_MAP = {"LAYOFF": "JOB_CUTS", "DIVEST": "SELL", "LAUNCH": "LAUNCH_PRODUCT", "DECLINE": "MARKET_MOVE"}
TOPICS = {
    "seed-000_98ee1529b32d8bca": "conflict",
    "meantime-61389": "business",
    "meantime-58383": "business",
    "meantime-118147": "politics",
    "meantime-1007169": "business",
}
_MERGED = re.compile(r"^(?P<type>[A-Z_]+):(?P<sent>\d+):(?P<start>\d+)-(?P<end>\d+):(?P<text>.*)$", re.S)


def _span(arg: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in arg.items() if k != "sentence"}


def convert_event(ev: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """One 1.0 gold record as a 2.0 record (dict); ``where`` names the record in errors."""
    if "merged_from" not in ev and "actor" not in ev and "target" not in ev and "mentions" in ev:
        raise ValueError(f"{where}: already schema 2.0")
    type_ = TYPE_MAP.get(ev["type"], ev["type"])
    if type_ not in EVENT_TYPES:
        raise ValueError(f"{where}: type {ev['type']!r} has no 2.0 equivalent")
    trigger = _span(ev["trigger"])
    mentions = [dict(trigger)]
    for mid in ev.get("merged_from", []):
        m = _MERGED.match(mid)
        if m is None:
            raise ValueError(f"{where}: merged_from {mid!r} is not TYPE:sentence:start-end:text")
        start, end = int(m["start"]), int(m["end"])
        if text[start:end] != m["text"]:
            raise ValueError(f"{where}: merged_from {mid!r} does not match the text {text[start:end]!r}")
        mentions.append({"text": m["text"], "start": start, "end": end})
    out: dict[str, Any] = {"id": ev.get("id"), "type": type_}
    if EVENT_TYPES[type_].cameo:
        out["cameo"] = EVENT_TYPES[type_].cameo
    out["trigger"] = trigger
    out["mentions"] = sorted(mentions[1:], key=lambda s: (s["start"], s["end"]))
    out["mentions"].insert(0, mentions[0])
    for old, new in (("actor", "actors"), ("target", "targets")):
        if ev.get(old) is not None:
            out[new] = [_span(ev[old])]
    for role in ("theme", "location", "destination", "source", "time", "quantity", "age"):
        if ev.get(role) is not None:
            out[role] = _span(ev[role])
    out["modality"] = ev.get("modality", "asserted")
    if ev.get("summary"):
        out["summary"] = ev["summary"]
    return out


def convert_document(doc: dict[str, Any], where: str) -> dict[str, Any]:
    events = [convert_event(ev, doc["text"], f"{where} event {ev.get('id')}") for ev in doc["events"]]
    out = {"id": doc["id"], "text": doc["text"], "date": doc.get("date"), "source": doc.get("source"),
           "licence": doc.get("licence"), "topic": TOPICS.get(doc["id"]), "layers": ["entities", "events"],
           "entities": doc.get("entities", []), "events": events}
    GoldDocument.model_validate(out)  # fail here, naming the file, rather than in the tests
    return out


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        docs = [convert_document(json.loads(ln), f"{path}:{i}") for i, ln in enumerate(lines, 1)]
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        print(f"{path}: {len(docs)} documents, {sum(len(d['events']) for d in docs)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
