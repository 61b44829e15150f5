"""Build the event gold (``data/gold/events.jsonl``) from the annotators' YAML (GUIDELINES section 6.5).

Why an authoring format and a builder: annotators write spans as text
(``text``, plus ``near`` when the text occurs more than once), which is easy to
write and review, while scorers need character offsets.  The builder finds
every span by fixed rules, refuses anything ambiguous, and writes schema 2.0
:class:`~newsie.schema.GoldDocument` lines; a test checks ``events.jsonl`` is
exactly what the YAML builds, so the JSONL is never edited by hand.

Anchoring rules (each failure is an error naming file, event id and field):

* ``text`` alone must occur exactly once in the document;
* with ``near``: ``near`` must occur exactly once in the document and contain
  ``text`` exactly once; the span is that occurrence;
* an occurrence is a match that does not start or end inside a word (``war``
  does not match inside ``warning``); runs of whitespace match any run of
  whitespace (a line break in the text may be written as a space), and
  straight/curly quotes and hyphen/en/em dashes match each other.  The stored
  span text is the document's own (``text == doc[start:end]``).

Other rules: mentions are stored in text order (the first is the trigger,
GUIDELINES 6.1), a span may be listed once per event and a mention belongs to
one event; the time's ``precision`` and ``anchored`` follow from its value
(:func:`time_precision`); no sentence numbers are stored; ``note`` stays in
the YAML (it is the annotator's, not gold).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from newsie.schema import CAMEO_CODES, EVENT_TYPES, GoldDocument

EVENT_KEYS = {"id", "type", "cameo", "modality", "mentions", "actors", "targets", "theme", "location", "destination",
              "source", "time", "quantity", "age", "casualties", "note", "summary"}
SPAN_KEYS = {"text", "near"}
PARTICIPANT_KEYS = SPAN_KEYS | {"code", "country", "norm"}
FIELD_KEYS: dict[str, set[str]] = {
    "mentions": SPAN_KEYS,
    "actors": PARTICIPANT_KEYS,
    "targets": PARTICIPANT_KEYS,
    "location": PARTICIPANT_KEYS,
    "destination": PARTICIPANT_KEYS,
    "source": PARTICIPANT_KEYS,
    "theme": SPAN_KEYS | {"norm"},
    "time": SPAN_KEYS | {"value", "mod"},
    "quantity": SPAN_KEYS | {"min", "max", "approx", "unit"},
    "age": SPAN_KEYS | {"min", "max", "approx"},
    "parts": SPAN_KEYS | {"min", "max", "approx", "unit"},
}
LIST_FIELDS = ("mentions", "actors", "targets")
SINGLE_FIELDS = ("theme", "location", "destination", "source", "time", "quantity", "age")
COUNT_KEYS = {"min", "max", "approx", "parts"}
_EQUIV = {"'": "['‘’`]", "‘": "['‘’`]", "’": "['‘’`]", '"': '["“”]', "“": '["“”]', "”": '["“”]',
          "-": "[-–—]", "–": "[-–—]", "—": "[-–—]"}


class AuthoringError(ValueError):
    """Problems in authoring files; ``issues`` lists every one (file, event id, field, what)."""

    def __init__(self, issues: list[str]):
        self.issues = issues
        shown = "\n  ".join(issues[:60])
        more = f"\n  ... and {len(issues) - 60} more" if len(issues) > 60 else ""
        super().__init__(f"{len(issues)} problem(s) in the gold authoring files:\n  {shown}{more}")


@dataclass(frozen=True)
class DocumentMeta:
    """One entry of ``documents.yaml``: where the text came from and under which licence."""

    id: str
    topic: str | None
    url: str | None
    date: str | None
    licence: str | None


def span_pattern(s: str) -> re.Pattern[str]:
    """The regular expression an authoring ``text``/``near`` string stands for (rules in the module docstring)."""
    parts: list[str] = []
    prev_space = False
    for ch in s:
        if ch.isspace():
            if not prev_space:
                parts.append(r"\s+")
            prev_space = True
            continue
        prev_space = False
        parts.append(_EQUIV.get(ch, re.escape(ch)))
    head = r"(?<![^\W_])" if s[:1].isalnum() else ""
    tail = r"(?![^\W_])" if s[-1:].isalnum() else ""
    return re.compile(head + "".join(parts) + tail)


def find_span(doc: str, spec: dict[str, Any]) -> tuple[int, int]:
    """``(start, end)`` of an authoring span in ``doc``; ``ValueError`` saying what is wrong otherwise."""
    text = spec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"`text` must be a non-empty string, not {text!r}")
    text = text.strip()
    near = spec.get("near")
    pat = span_pattern(text)
    if near is None:
        hits = list(pat.finditer(doc))
        if len(hits) != 1:
            raise ValueError(f"text {text!r} occurs {len(hits)} times in the document"
                             + ("; add `near`" if hits else ""))
        return hits[0].span()
    if not isinstance(near, str) or not near.strip():
        raise ValueError(f"`near` must be a non-empty string, not {near!r}")
    near = near.strip()
    near_hits = list(span_pattern(near).finditer(doc))
    if len(near_hits) != 1:
        raise ValueError(f"near {near!r} occurs {len(near_hits)} times in the document (must be once)")
    lo, hi = near_hits[0].span()
    hits = list(pat.finditer(doc, lo, hi))
    if len(hits) != 1:
        raise ValueError(f"text {text!r} occurs {len(hits)} times in near {near!r} (must be once)")
    return hits[0].span()


def time_precision(value: str) -> tuple[str, bool]:
    """``(precision, anchored)`` of a TIMEX3 value: ``2015-08-20`` day, ``P3D`` duration, ``PAST_REF`` ref ..."""
    if value.endswith("_REF"):
        return "ref", False
    if value.startswith("P"):
        return "duration", False
    anchored = bool(re.match(r"\d{2}", value))  # placed on the calendar: no XXXX year
    if "T" in value:
        return "time", anchored
    for pattern, precision in ((r"[\dX]{4}-[\dX]{2}-[\dX]{2}", "day"), (r"[\dX]{4}-W[\dX]{2}-[1-7]", "day"),
                               (r"[\dX]{4}-W\d{2}", "week"),
                               (r"[\dX]{4}-[\dX]{2}", "month"), (r"[\dX]{4}-(SP|SU|FA|WI|Q[1-4]|H[12])", "season"),
                               (r"\d{3}X", "decade"), (r"\d{2}XX", "century"), (r"[\dX]{4}", "year"),
                               (r"\d{3}", "decade"), (r"\d{2}", "century")):
        if re.fullmatch(pattern, value):
            return precision, anchored
    return "unknown", anchored


class _DocBuilder:
    """Builds one document's events, collecting every problem instead of stopping at the first."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.issues: list[str] = []

    def issue(self, event_id: str, field: str, message: str) -> None:
        self.issues.append(f"{self.path.name}: event {event_id}: {field}: {message}")

    def span(self, event_id: str, field: str, spec: Any, allowed: set[str]) -> dict[str, Any] | None:
        """A span dict (text, start, end + the other allowed keys) or ``None`` after recording the problem."""
        if not isinstance(spec, dict):
            self.issue(event_id, field, f"expected a mapping with `text`, got {spec!r}")
            return None
        extra = set(spec) - allowed
        if extra:
            self.issue(event_id, field, f"unknown key(s) {sorted(extra)} (allowed: {sorted(allowed)})")
            return None
        try:
            start, end = find_span(self.text, spec)
        except ValueError as err:
            self.issue(event_id, field, str(err))
            return None
        out: dict[str, Any] = {"text": self.text[start:end], "start": start, "end": end}
        out.update({k: v for k, v in spec.items() if k not in SPAN_KEYS and v is not None})
        return out

    def count(self, event_id: str, field: str, spec: Any) -> dict[str, Any] | None:
        if spec is None:
            return None
        if not isinstance(spec, dict) or set(spec) - COUNT_KEYS:
            self.issue(event_id, field, f"expected {{min, max, approx, parts}}, got {spec!r}")
            return None
        out = {k: v for k, v in spec.items() if k != "parts" and v is not None}
        parts = []
        for n, part in enumerate(spec.get("parts") or []):
            built = self.span(event_id, f"{field}.parts[{n}]", part, FIELD_KEYS["parts"])
            if built is not None:
                parts.append(built)
        out["parts"] = parts
        return out

    def event(self, raw: Any, n: int) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            self.issue(f"#{n + 1}", "event", f"expected a mapping, got {raw!r}")
            return None
        eid = str(raw.get("id") or f"#{n + 1}")
        extra = set(raw) - EVENT_KEYS
        if extra:
            self.issue(eid, "event", f"unknown key(s) {sorted(extra)}")
        if "id" not in raw:
            self.issue(eid, "id", "missing")
        if raw.get("type") not in EVENT_TYPES:
            self.issue(eid, "type", f"{raw.get('type')!r} is not in the type inventory (src/newsie/schema/event_types.tsv)")
        if raw.get("cameo") is not None and not isinstance(raw["cameo"], str):
            self.issue(eid, "cameo", f"{raw['cameo']!r} must be a quoted string (YAML reads 010 as the number 8)")
        elif raw.get("cameo") is not None and raw["cameo"] not in CAMEO_CODES:
            self.issue(eid, "cameo", f"{raw['cameo']!r} is not a CAMEO code (src/newsie/schema/cameo_codes.tsv)")
        out: dict[str, Any] = {"id": eid, "type": raw.get("type")}
        for key in ("cameo", "modality", "summary"):
            if raw.get(key) is not None:
                out[key] = raw[key]
        for field in LIST_FIELDS:
            items = raw.get(field) or []
            if not isinstance(items, list):
                self.issue(eid, field, f"expected a list, got {items!r}")
                continue
            built = [self.span(eid, f"{field}[{i}]", it, FIELD_KEYS[field]) for i, it in enumerate(items)]
            out[field] = [b for b in built if b is not None]
        if not raw.get("mentions"):
            self.issue(eid, "mentions", "an event needs at least one mention")
        for field in SINGLE_FIELDS:
            if raw.get(field) is not None:
                built = self.span(eid, field, raw[field], FIELD_KEYS[field])
                if built is not None:
                    out[field] = built
        if "time" in out and isinstance(out["time"].get("value"), str):
            out["time"]["precision"], out["time"]["anchored"] = time_precision(out["time"]["value"])
        cas = raw.get("casualties")
        if cas is not None:
            if not isinstance(cas, dict) or set(cas) - {"killed", "injured"}:
                self.issue(eid, "casualties", f"expected {{killed, injured}}, got {cas!r}")
            else:
                out["casualties"] = {k: self.count(eid, f"casualties.{k}", cas.get(k)) for k in ("killed", "injured")}
        mentions = sorted(out["mentions"], key=lambda m: (m["start"], m["end"]))
        seen: set[tuple[int, int]] = set()
        for m in mentions:
            if (m["start"], m["end"]) in seen:
                self.issue(eid, "mentions", f"{m['text']!r} at {m['start']} listed twice")
            seen.add((m["start"], m["end"]))
        out["mentions"] = mentions
        if mentions:
            out["trigger"] = dict(mentions[0])
        return out


def load_documents(path: Path) -> dict[str, DocumentMeta]:
    """``documents.yaml``: id -> :class:`DocumentMeta`."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    out: dict[str, DocumentMeta] = {}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("id"):
            raise AuthoringError([f"{path.name}: entry {n}: needs an `id`"])
        date = row.get("date")
        out[row["id"]] = DocumentMeta(row["id"], row.get("topic"), row.get("url"),
                                      None if date is None else str(date), row.get("licence"))
    return out


def build_document(path: Path, text: str, meta: DocumentMeta) -> tuple[GoldDocument | None, list[str]]:
    """One authoring file as a :class:`GoldDocument` (``None`` and the problems when it cannot be built)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        return None, [f"{path.name}: not valid YAML: {err}"]
    if not isinstance(data, dict) or set(data) - {"id", "events"}:
        return None, [f"{path.name}: expected a mapping with `id` and `events`"]
    if data.get("id") != meta.id:
        return None, [f"{path.name}: id {data.get('id')!r} is not the file's document {meta.id!r}"]
    b = _DocBuilder(path, text)
    built = [b.event(raw, n) for n, raw in enumerate(data.get("events") or [])]
    events = [e for e in built if e is not None]
    ids: set[str] = set()
    owner: dict[tuple[int, int], str] = {}
    for ev in events:
        if ev["id"] in ids:
            b.issue(ev["id"], "id", "used by another event of this document")
        ids.add(ev["id"])
        for m in ev["mentions"]:
            other = owner.setdefault((m["start"], m["end"]), ev["id"])
            if other != ev["id"]:
                b.issue(ev["id"], "mentions", f"{m['text']!r} at {m['start']} is also a mention of event {other}")
    if b.issues:
        return None, b.issues
    record = {"id": meta.id, "text": text, "date": meta.date, "source": meta.url, "licence": meta.licence,
              "topic": meta.topic, "layers": ["events"], "events": events}
    try:
        return GoldDocument.model_validate(record), []
    except ValidationError as err:
        issues = []
        for e in err.errors():
            loc = e["loc"]
            where = f"event {events[loc[1]]['id']}" if len(loc) > 1 and loc[0] == "events" else "document"
            field = ".".join(str(x) for x in loc[2:]) or "-"
            issues.append(f"{path.name}: {where}: {field}: {e['msg']}")
        return None, issues


def build_all(gold_dir: Path) -> list[GoldDocument]:
    """Every ``authoring/<id>.yaml`` of ``gold_dir`` built, in ``documents.yaml`` order; raises :class:`AuthoringError`."""
    metas = load_documents(gold_dir / "documents.yaml")
    authoring = gold_dir / "authoring"
    files = sorted(authoring.glob("*.yaml")) if authoring.is_dir() else []
    issues: list[str] = []
    built: dict[str, GoldDocument] = {}
    for path in files:
        meta = metas.get(path.stem)
        if meta is None:
            issues.append(f"{path.name}: no entry {path.stem!r} in documents.yaml")
            continue
        text_path = gold_dir / "texts" / f"{path.stem}.txt"
        if not text_path.is_file():
            issues.append(f"{path.name}: no text {text_path.relative_to(gold_dir)}")
            continue
        doc, problems = build_document(path, text_path.read_text(encoding="utf-8"), meta)
        issues.extend(problems)
        if doc is not None:
            built[doc.id] = doc
    if issues:
        raise AuthoringError(issues)
    return [built[i] for i in metas if i in built]


def to_jsonl(docs: list[GoldDocument]) -> str:
    """``events.jsonl`` content: one document per line, ``None`` fields left out, keys in schema order."""
    return "".join(json.dumps(d.model_dump(mode="json", exclude_none=True), ensure_ascii=False) + "\n" for d in docs)


__all__ = ["AuthoringError", "DocumentMeta", "build_all", "build_document", "find_span", "load_documents",
           "span_pattern", "time_precision", "to_jsonl"]
