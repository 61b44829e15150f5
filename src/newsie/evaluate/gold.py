"""Readers for hand-labelled gold: newsie JSONL, BRAT standoff and spaCy DocBin.

Every reader returns :class:`newsie.schema.GoldDocument` objects, so the scorers
see one format.  Every reader also checks the annotation against its text
(offsets inside the text, quoted span text equal to the text there, labels of
the scheme in use, no overlapping entity spans) and reports *all* problems of a
file at once, each naming file, line and span: a gold file with a shifted
offset would otherwise silently turn into false positives and negatives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from newsie.extensions import coerce_date
from newsie.schema import ROLES, GoldDocument, GoldEntity

GOLD_SUFFIXES = (".jsonl", ".json", ".ann", ".spacy")
_MAX_LISTED = 25


@dataclass(frozen=True)
class GoldIssue:
    """One problem in a gold file: where (file, line or document number, span) and what."""

    path: str
    line: int | None
    message: str
    span: tuple[int, int] | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        span = f" [{self.span[0]}:{self.span[1]}]" if self.span else ""
        return f"{where}:{span} {self.message}"


class GoldFormatError(ValueError):
    """A gold file that cannot be scored; ``issues`` lists every problem found."""

    def __init__(self, issues: list[GoldIssue]):
        self.issues = issues
        shown = "\n  ".join(str(i) for i in issues[:_MAX_LISTED])
        more = f"\n  ... and {len(issues) - _MAX_LISTED} more" if len(issues) > _MAX_LISTED else ""
        super().__init__(f"{len(issues)} problem(s) in gold data:\n  {shown}{more}")


@dataclass
class GoldLocated:
    """A gold document and where it was read from (for error messages and error listings)."""

    doc: GoldDocument
    path: str
    line: int | None


# ------------------------------------------------------------------ checking
def check_document(
    doc: GoldDocument, labels: frozenset[str] | None, path: str, line: int | None
) -> list[GoldIssue]:
    """All offset, text, label and overlap problems of one gold document."""
    issues: list[GoldIssue] = []
    text = doc.text
    n = len(text)

    def span_issue(kind: str, start: int, end: int, quoted: str | None) -> None:
        if end <= start:
            issues.append(GoldIssue(path, line, f"{kind} is empty or reversed (start {start}, end {end})", (start, end)))
        elif end > n:
            issues.append(GoldIssue(path, line, f"{kind} ends at {end}, past the end of the text ({n} chars)", (start, end)))
        elif quoted is not None and text[start:end] != quoted:
            issues.append(
                GoldIssue(path, line, f"{kind} text {quoted!r} does not match the text there {text[start:end]!r}", (start, end))
            )

    for ent in doc.entities:
        span_issue(f"entity {ent.label}", ent.start, ent.end, ent.text)
        if labels is not None and ent.label not in labels:
            issues.append(
                GoldIssue(path, line, f"unknown entity label {ent.label!r} (expected one of {sorted(labels)})", (ent.start, ent.end))
            )
    ordered = sorted(doc.entities, key=lambda e: (e.start, e.end))
    for prev, cur in zip(ordered, ordered[1:], strict=False):
        if cur.start < prev.end:
            issues.append(
                GoldIssue(
                    path, line,
                    f"entity {cur.label} {text[cur.start:cur.end]!r} overlaps entity {prev.label} "
                    f"{text[prev.start:prev.end]!r} [{prev.start}:{prev.end}] (entities must not overlap)",
                    (cur.start, cur.end),
                )
            )
    for k, ev in enumerate(doc.events):
        name = f"event {k} ({ev.id or ev.type})"
        span_issue(f"{name} trigger", ev.trigger.start, ev.trigger.end, ev.trigger.text)
        for m in ev.mentions[1:]:
            span_issue(f"{name} mention", m.start, m.end, m.text)
        for role in ROLES:
            for arg in ev.participants(role):
                span_issue(f"{name} {role}", arg.start, arg.end, arg.text)
    return issues


# ------------------------------------------------------------------- readers
def read_jsonl(path: Path, labels: frozenset[str] | None = None) -> list[GoldLocated]:
    """newsie JSONL: one :class:`GoldDocument` per line (blank lines allowed)."""
    out: list[GoldLocated] = []
    issues: list[GoldIssue] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as err:
                issues.append(GoldIssue(str(path), lineno, f"not valid JSON: {err.msg} (column {err.colno})"))
                continue
            doc = _validate(data, str(path), lineno, issues)
            if doc is not None:
                issues.extend(check_document(doc, labels, str(path), lineno))
                out.append(GoldLocated(doc, str(path), lineno))
    if issues:
        raise GoldFormatError(issues)
    return out


def read_json(path: Path, labels: frozenset[str] | None = None) -> list[GoldLocated]:
    """A ``.json`` file holding one gold document or a list of them (item ``i`` is reported as line ``i+1``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GoldFormatError([GoldIssue(str(path), err.lineno, f"not valid JSON: {err.msg}")]) from err
    items = data if isinstance(data, list) else [data]
    out: list[GoldLocated] = []
    issues: list[GoldIssue] = []
    for i, item in enumerate(items, 1):
        doc = _validate(item, str(path), i, issues)
        if doc is not None:
            issues.extend(check_document(doc, labels, str(path), i))
            out.append(GoldLocated(doc, str(path), i))
    if issues:
        raise GoldFormatError(issues)
    return out


def _validate(data: object, path: str, line: int, issues: list[GoldIssue]) -> GoldDocument | None:
    try:
        return GoldDocument.model_validate(data)
    except ValidationError as err:
        for e in err.errors():
            loc = ".".join(str(x) for x in e["loc"])
            issues.append(GoldIssue(path, line, f"{loc}: {e['msg']}"))
        return None


def read_brat(ann_path: Path, labels: frozenset[str] | None = None) -> list[GoldLocated]:
    """BRAT standoff: ``NAME.ann`` beside ``NAME.txt``; text-bound ``T`` lines become entities.

    Relations, events, attributes and notes (``R``/``E``/``A``/``M``/``N``/``#``
    lines) are skipped: newsie's event schema is richer than BRAT's, so events
    come from JSONL gold.  Discontinuous spans (``0 5;8 12``) are an error,
    not silently joined.  The text is read with ``newline=""`` so offsets
    count ``\\r\\n`` as BRAT does.
    """
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.exists():
        raise GoldFormatError([GoldIssue(str(ann_path), None, f"BRAT annotation without its text file {txt_path.name}")])
    with txt_path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    entities: list[GoldEntity] = []
    issues: list[GoldIssue] = []
    lines: dict[int, int] = {}
    with ann_path.open(encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if line[0] in "RAEMN#*":
                continue
            if line[0] != "T":
                issues.append(GoldIssue(str(ann_path), lineno, f"unknown BRAT annotation line {line[:40]!r}"))
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                issues.append(GoldIssue(str(ann_path), lineno, "text-bound annotation needs 'ID<TAB>LABEL START END<TAB>TEXT'"))
                continue
            label, _, offsets = parts[1].partition(" ")
            if ";" in offsets:
                issues.append(GoldIssue(str(ann_path), lineno, f"discontinuous span {offsets!r} is not supported"))
                continue
            try:
                start, end = (int(x) for x in offsets.split())
            except ValueError:
                issues.append(GoldIssue(str(ann_path), lineno, f"offsets {offsets!r} are not 'START END'"))
                continue
            quoted = parts[2] if len(parts) > 2 else None
            try:
                ent = GoldEntity(start=start, end=end, label=label, text=quoted)
            except ValidationError as err:
                issues.append(GoldIssue(str(ann_path), lineno, err.errors()[0]["msg"], (start, end)))
                continue
            lines[len(entities)] = lineno
            entities.append(ent)
    doc = GoldDocument(id=ann_path.stem, text=text, entities=[])
    # check entity by entity so each problem names its own .ann line
    for i, ent in enumerate(entities):
        single = doc.model_copy(update={"entities": [ent]})
        issues.extend(check_document(single, labels, str(ann_path), lines[i]))
    if not issues:
        doc = doc.model_copy(update={"entities": entities})
        issues.extend(check_document(doc, None, str(ann_path), None))
    if issues:
        raise GoldFormatError(issues)
    return [GoldLocated(doc, str(ann_path), None)]


def read_docbin(path: Path, labels: frozenset[str] | None = None) -> list[GoldLocated]:
    """spaCy ``.spacy`` (DocBin): ``doc.ents`` become entities; document ``i`` is reported as line ``i+1``.

    The article date and id are taken from ``user_data`` when the DocBin
    stored it (keys ``("newsie", "date")``/``"date"`` and
    ``("newsie", "doc_id")``/``"id"``, as ISO strings), else the id is
    ``FILE#i`` and the date is unknown.
    """
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    try:
        docbin = DocBin().from_disk(path)
    except Exception as err:  # spaCy raises several types for a corrupt file
        raise GoldFormatError([GoldIssue(str(path), None, f"not a spaCy DocBin: {err}")]) from err
    out: list[GoldLocated] = []
    issues: list[GoldIssue] = []
    for i, sdoc in enumerate(docbin.get_docs(Vocab())):
        ud = sdoc.user_data
        raw_date = ud.get(("newsie", "date"), ud.get("date"))
        try:
            date = coerce_date(raw_date)
        except ValueError as err:
            issues.append(GoldIssue(str(path), i + 1, str(err)))
            date = None
        doc_id = ud.get(("newsie", "doc_id"), ud.get("id")) or f"{path.stem}#{i}"
        gdoc = GoldDocument(
            id=str(doc_id),
            text=sdoc.text,
            date=date,
            entities=[
                GoldEntity(start=e.start_char, end=e.end_char, label=e.label_, text=e.text) for e in sdoc.ents
            ],
        )
        issues.extend(check_document(gdoc, labels, str(path), i + 1))
        out.append(GoldLocated(gdoc, str(path), i + 1))
    if issues:
        raise GoldFormatError(issues)
    return out


_READERS = {".jsonl": read_jsonl, ".json": read_json, ".ann": read_brat, ".spacy": read_docbin}


def gold_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The gold files named by ``paths`` (files, or folders searched recursively, sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in GOLD_SUFFIXES)
            if not found:
                raise GoldFormatError([GoldIssue(str(path), None, f"no gold files ({', '.join(GOLD_SUFFIXES)}) in folder")])
            yield from found
        elif path.is_file():
            if path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists():
                yield path.with_suffix(".ann")
            elif path.suffix.lower() in GOLD_SUFFIXES:
                yield path
            else:
                raise GoldFormatError([GoldIssue(str(path), None, f"unsupported gold format (use {', '.join(GOLD_SUFFIXES)})")])
        else:
            raise GoldFormatError([GoldIssue(str(path), None, "no such file or folder")])


def load_gold_located(paths: Iterable[str | Path], labels: frozenset[str] | None = None) -> list[GoldLocated]:
    """Read every gold document under ``paths``; raise :class:`GoldFormatError` listing all problems.

    Document ids must be unique across all files: a document counted twice
    would double its weight in the scores.
    """
    out: list[GoldLocated] = []
    issues: list[GoldIssue] = []
    seen: dict[str, GoldLocated] = {}
    for f in dict.fromkeys(gold_files(paths)):
        try:
            docs = _READERS[f.suffix.lower()](f, labels)
        except GoldFormatError as err:
            issues.extend(err.issues)
            continue
        for item in docs:
            first = seen.get(item.doc.id)
            if first is not None:
                where = first.path if first.line is None else f"{first.path}:{first.line}"
                issues.append(GoldIssue(item.path, item.line, f"duplicate document id {item.doc.id!r} (first at {where})"))
                continue
            seen[item.doc.id] = item
            out.append(item)
    if issues:
        raise GoldFormatError(issues)
    return out


def load_gold(paths: str | Path | Iterable[str | Path], labels: frozenset[str] | None = None) -> list[GoldDocument]:
    """Gold documents from files/folders in any supported format (see :func:`load_gold_located`)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    return [item.doc for item in load_gold_located(paths, labels)]
