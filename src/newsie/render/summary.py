"""A summary a person can scan of ``newsie extract``'s JSONL: entities by type, then one line per event.

``python -m newsie.render.summary results.jsonl`` (what ``make demo`` prints)::

    data/seeds/000_98ee1529b32d8bca.txt  2023-02-02  model newsie-ner-c6fafbb8267e
      entities (63)
        GPE       12  North Korea, Russia, Pyongyang, Moscow, ...
      events (7)
        2023-01   MOBILIZE  North Korea -> Russia  | 300 men | planned | source: two sources

Why plain dicts and not the schema models: the summary reads records of any schema
version a user may have on disk; :func:`event_line` is the one place that knows the
record layout (1.x ``actor``/``target`` objects, 2.0 ``actors``/``targets`` lists).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: names listed per entity type before "..."
MAX_NAMES = 8


@dataclass(frozen=True)
class EventLine:
    """What one summary line shows of an event record."""

    date: str
    type: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    quantities: tuple[str, ...]
    modality: str
    source: str | None


def _as_list(value: Any) -> list[Mapping[str, Any]]:
    """An argument, a list of them, or nothing -> a list of argument mappings."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [v for v in items if isinstance(v, Mapping)]


def _name(arg: Mapping[str, Any]) -> str:
    return str(arg.get("norm") or arg.get("name") or arg.get("text") or "?")


def _first(rec: Mapping[str, Any], *keys: str) -> list[Mapping[str, Any]]:
    """The arguments under the first of ``keys`` the record has (plural 2.0 name first, then 1.x)."""
    for key in keys:
        if rec.get(key) is not None:
            return _as_list(rec[key])
    return []


def event_line(rec: Mapping[str, Any]) -> EventLine:
    """Read one event record (schema 1.x or 2.0) into what the summary shows."""
    times = _first(rec, "times", "time")
    date = next((str(t.get("value") or t.get("text")) for t in times if t.get("value") or t.get("text")), "-")
    quantities = tuple(str(q.get("text")) for q in _first(rec, "quantities", "quantity") if q.get("text"))
    ages = tuple(f"aged {a.get('text')}" for a in _first(rec, "ages", "age") if a.get("text"))
    sources = _first(rec, "sources", "source")
    return EventLine(
        date=date,
        type=str(rec.get("type", "?")),
        actors=tuple(_name(a) for a in _first(rec, "actors", "actor")),
        targets=tuple(_name(a) for a in _first(rec, "targets", "target")),
        quantities=quantities + ages,
        modality=str(rec.get("modality") or "asserted"),
        source=", ".join(_name(s) for s in sources) or None,
    )


def format_event(line: EventLine, type_width: int = 12) -> str:
    """``date  TYPE  actor -> target | quantities | modality | source: ...`` (types padded to ``type_width``)."""
    who = " + ".join(line.actors) or "?"
    whom = " + ".join(line.targets) or "?"
    parts = [f"{line.date:<10}  {line.type:<{type_width}}  {who} -> {whom}"]
    if line.quantities:
        parts.append(", ".join(line.quantities))
    parts.append(line.modality)
    if line.source:
        parts.append(f"source: {line.source}")
    return " | ".join(parts)


def entity_lines(entities: Iterable[Mapping[str, Any]]) -> list[str]:
    """One line per entity type, most frequent type first: count and the first distinct names."""
    names: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for ent in entities:
        label = str(ent.get("label", "?"))
        counts[label] += 1
        seen = names.setdefault(label, [])
        text = " ".join(str(ent.get("text", "")).split())
        if text and text not in seen:
            seen.append(text)
    out = []
    for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        shown = names[label][:MAX_NAMES]
        more = ", ..." if len(names[label]) > MAX_NAMES else ""
        out.append(f"{label:<11} {n:>3}  {', '.join(shown)}{more}")
    return out


def summarise(record: Mapping[str, Any]) -> str:
    """The summary block of one document's record (a ``Result`` as JSON)."""
    head = record.get("path") or record.get("id") or "(document)"
    meta = [str(record[k]) for k in ("date",) if record.get(k)] + [f"model {record.get('model')}"]
    lines = [f"{head}  {'  '.join(meta)}"]
    entities = list(record.get("entities") or [])
    lines.append(f"  entities ({len(entities)})")
    lines += [f"    {line}" for line in entity_lines(entities)]
    events = list(record.get("events") or [])
    lines.append(f"  events ({len(events)})")
    views = [event_line(ev) for ev in events]
    width = max([12, *(len(v.type) for v in views)])
    lines += [f"    {format_event(v, width)}" for v in views]
    return "\n".join(lines)


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file (blank lines skipped); ValueError naming file and line otherwise."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{n}: not a JSON record ({err.msg})") from err
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsie.render.summary", description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", type=Path, help="records written by newsie extract")
    args = ap.parse_args(argv)
    try:
        records = read_records(args.jsonl)
    except (OSError, ValueError) as err:
        print(f"newsie summary: {err}", file=sys.stderr)
        return 2
    print("\n\n".join(summarise(r) for r in records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
