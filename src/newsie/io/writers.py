"""Writers: JSONL (one line per document) and flat tables (CSV, Parquet) of events and entities.

Why flat tables are derived from the JSONL records (not from spaCy objects):
the JSONL line is the canonical, schema-validated output, and resume works on
it; tables made from it by a pure function are identical whichever engine or
how many workers produced the lines.  Column order is fixed here and is part
of the output contract.

Tables: ``OUT`` holds one row per event record with its roles flattened; a
second file holds one row per entity (see :func:`table_paths`; in an output
folder ``events.EXT`` and ``entities.EXT``).  Documents without events have no
event row but keep their entity rows.

How schema 2.0 lists are flattened (one row per record, never one per
participant, so a record is counted once):

* ``actors`` / ``targets``: the participants' texts joined by ``"; "``, with
  parallel ``actor_norms``, ``actor_codes``, ``actor_countries`` (an empty item
  where a participant has none) and ``actor_offsets`` (``start-end`` joined by
  ``";"``); the exact list is kept as compact JSON in ``actors_json`` (same
  for ``target_*``/``targets_json``).  Split on ``"; "`` only for display; use
  the JSON column when a name may itself contain ``"; "``.
* ``mentions``: every mention's text joined by ``"; "`` (trigger first) and
  ``mention_offsets`` (``start-end;...``); ``n_mentions`` counts them.
* single participants (``location``, ``destination``, ``source``) and the
  ``theme`` get ``ROLE_text``/``_start``/``_end``/``_label``/``_norm``/``_rule``
  columns; participants add ``ROLE_code`` and ``ROLE_country``.
* ``casualties``: ``killed_min``/``killed_max``/``killed_approx`` and the same
  for ``injured``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsie.schema import LIST_ROLES, PARTICIPANT_ROLES, ROLES, VALUE_ROLES

DOC_COLUMNS = ["doc_id", "doc_path", "doc_date", "doc_title", "doc_url"]
#: roles with a single span filler, flattened as ROLE_field columns
ARG_ROLES = [r for r in ROLES if r not in LIST_ROLES and r not in VALUE_ROLES]
ARG_FIELDS = ["text", "start", "end", "label", "norm", "rule"]
PARTICIPANT_FIELDS = ["code", "country"]
#: list roles: (list column, singular prefix of the parallel columns)
LIST_COLUMNS = [(r, r.removesuffix("s")) for r in LIST_ROLES]
CASUALTY_FIELDS = ["min", "max", "approx"]


def _arg_columns(role: str) -> list[str]:
    fields = ARG_FIELDS + (PARTICIPANT_FIELDS if role in PARTICIPANT_ROLES else [])
    return [f"{role}_{f}" for f in fields]


EVENT_COLUMNS: list[str] = (
    DOC_COLUMNS
    + ["event_index", "event_id", "type", "cameo", "cameo_root", "quad_class", "goldstein", "modality", "sentence",
       "trigger_text", "trigger_start", "trigger_end", "trigger_lemma", "n_mentions", "mentions", "mention_offsets"]
    + [c for role, one in LIST_COLUMNS
       for c in (role, f"{one}_norms", f"{one}_codes", f"{one}_countries", f"{one}_offsets", f"{role}_json")]
    + [c for role in ARG_ROLES for c in _arg_columns(role)]
    + ["time_text", "time_start", "time_end", "time_value", "time_precision", "time_mod", "time_anchored",
       "quantity_text", "quantity_start", "quantity_end", "quantity_min", "quantity_max", "quantity_approx",
       "quantity_unit",
       "age_text", "age_start", "age_end", "age_min", "age_max", "age_approx"]
    + [f"{kind}_{f}" for kind in ("killed", "injured") for f in CASUALTY_FIELDS]
    + ["evidence", "rule", "summary", "newsie", "model"]
)

ENTITY_COLUMNS: list[str] = DOC_COLUMNS + [
    "entity_index", "text", "start", "end", "label", "sentence", "rule",
    "norm_kind", "norm_value", "norm_min", "norm_max", "norm_unit", "norm_precision", "norm_json",
    "newsie", "model",
]

_INT = {"event_index", "sentence", "trigger_start", "trigger_end", "entity_index", "start", "end", "quad_class",
        "n_mentions", *(f"{r}_{f}" for r in [*ARG_ROLES, "time", "quantity", "age"] for f in ("start", "end"))}
_FLOAT = {"quantity_min", "quantity_max", "age_min", "age_max", "norm_min", "norm_max", "goldstein",
          "killed_min", "killed_max", "injured_min", "injured_max"}
_BOOL = {"time_anchored", "quantity_approx", "age_approx", "killed_approx", "injured_approx"}


def _doc_cells(rec: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": rec.get("id"), "doc_path": rec.get("path"), "doc_date": rec.get("date"),
            "doc_title": rec.get("title"), "doc_url": rec.get("url")}


def _joined(items: list[dict[str, Any]], key: str) -> str | None:
    """``"; "``-joined values of ``key`` (an empty item where one is missing); ``None`` for no items."""
    return "; ".join("" if it.get(key) is None else str(it.get(key)) for it in items) if items else None


def _offsets(items: list[dict[str, Any]]) -> str | None:
    return ";".join(f"{it.get('start')}-{it.get('end')}" for it in items) if items else None


def event_rows(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat row per event of a JSONL record (a :class:`newsie.schema.Result` dump)."""
    doc = _doc_cells(rec)
    for i, ev in enumerate(rec.get("events") or []):
        row: dict[str, Any] = dict.fromkeys(EVENT_COLUMNS)
        row.update(doc)
        trig = ev.get("trigger") or {}
        mentions = ev.get("mentions") or []
        row.update(event_index=i, event_id=ev.get("id"), type=ev.get("type"), cameo=ev.get("cameo"),
                   cameo_root=ev.get("cameo_root"), quad_class=ev.get("quad_class"), goldstein=ev.get("goldstein"),
                   modality=ev.get("modality"), sentence=ev.get("sentence"), trigger_text=trig.get("text"),
                   trigger_start=trig.get("start"), trigger_end=trig.get("end"), trigger_lemma=trig.get("lemma"),
                   n_mentions=len(mentions), mentions=_joined(mentions, "text"), mention_offsets=_offsets(mentions))
        for role, one in LIST_COLUMNS:
            parts = ev.get(role) or []
            row[role] = _joined(parts, "text")
            row[f"{one}_norms"] = _joined(parts, "norm")
            row[f"{one}_codes"] = _joined(parts, "code")
            row[f"{one}_countries"] = _joined(parts, "country")
            row[f"{one}_offsets"] = _offsets(parts)
            row[f"{role}_json"] = json.dumps(parts, sort_keys=True, ensure_ascii=False,
                                             separators=(",", ":")) if parts else None
        for role in ARG_ROLES:
            arg = ev.get(role) or {}
            for col in _arg_columns(role):
                row[col] = arg.get(col[len(role) + 1:])
        for role, fields in (("time", ("text", "start", "end", "value", "precision", "mod", "anchored")),
                             ("quantity", ("text", "start", "end", "min", "max", "approx", "unit")),
                             ("age", ("text", "start", "end", "min", "max", "approx"))):
            arg = ev.get(role)
            for f in fields:
                row[f"{role}_{f}"] = None if arg is None else arg.get(f)
        casualties = ev.get("casualties") or {}
        for kind in ("killed", "injured"):
            count = casualties.get(kind)
            for f in CASUALTY_FIELDS:
                row[f"{kind}_{f}"] = None if count is None else count.get(f)
        row.update(evidence=ev.get("evidence"), rule=ev.get("rule"), summary=ev.get("summary"),
                   newsie=rec.get("newsie"), model=rec.get("model"))
        yield row


def entity_rows(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat row per entity; the normalised value both flattened and as compact JSON."""
    doc = _doc_cells(rec)
    for i, ent in enumerate(rec.get("entities") or []):
        norm = ent.get("norm")
        row: dict[str, Any] = dict.fromkeys(ENTITY_COLUMNS)
        row.update(doc)
        row.update(entity_index=i, text=ent.get("text"), start=ent.get("start"), end=ent.get("end"),
                   label=ent.get("label"), sentence=ent.get("sentence"), rule=ent.get("rule"),
                   newsie=rec.get("newsie"), model=rec.get("model"))
        if norm:
            row.update(norm_kind=norm.get("kind"), norm_value=norm.get("value", norm.get("name")),
                       norm_min=norm.get("min"), norm_max=norm.get("max"), norm_unit=norm.get("unit"),
                       norm_precision=norm.get("precision"),
                       norm_json=json.dumps(norm, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
        yield row


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a newsie JSONL file."""
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def table_paths(out: Path) -> tuple[Path, Path]:
    """``(events file, entities file)`` for a table output path: ``x.csv`` -> ``x.csv``, ``x.entities.csv``."""
    return out, out.with_name(f"{out.stem}.entities{out.suffix}")


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    return "" if v is None else v


def write_csv(records: Iterable[dict[str, Any]], ev_path: Path, ent_path: Path) -> tuple[Path, Path]:
    """Write the events and entities CSVs atomically (temp file + rename)."""
    ev_tmp, ent_tmp = ev_path.with_name(ev_path.name + ".tmp"), ent_path.with_name(ent_path.name + ".tmp")
    with ev_tmp.open("w", encoding="utf-8", newline="") as evf, ent_tmp.open("w", encoding="utf-8", newline="") as enf:
        ev_w = csv.DictWriter(evf, EVENT_COLUMNS, lineterminator="\n")
        en_w = csv.DictWriter(enf, ENTITY_COLUMNS, lineterminator="\n")
        ev_w.writeheader()
        en_w.writeheader()
        for rec in records:
            for row in event_rows(rec):
                ev_w.writerow({k: _cell(v) for k, v in row.items()})
            for row in entity_rows(rec):
                en_w.writerow({k: _cell(v) for k, v in row.items()})
    os.replace(ev_tmp, ev_path)
    os.replace(ent_tmp, ent_path)
    return ev_path, ent_path


def arrow_schema(columns: list[str]):  # -> pyarrow.Schema
    """The fixed Arrow schema of a table (typed even when the table is empty)."""
    import pyarrow as pa

    def typ(c: str):
        if c in _INT:
            return pa.int64()
        if c in _FLOAT:
            return pa.float64()
        if c in _BOOL:
            return pa.bool_()
        return pa.string()

    return pa.schema([(c, typ(c)) for c in columns])


class ParquetTables:
    """Streaming Parquet writer for the events and entities tables (row groups of ``chunk`` rows)."""

    def __init__(self, ev_path: Path, ent_path: Path, chunk: int = 50_000) -> None:
        import pyarrow.parquet as pq

        self.paths = (ev_path, ent_path)
        self._tmp = [p.with_name(p.name + ".tmp") for p in self.paths]
        self._schemas = [arrow_schema(EVENT_COLUMNS), arrow_schema(ENTITY_COLUMNS)]
        self._writers = [pq.ParquetWriter(t, s) for t, s in zip(self._tmp, self._schemas, strict=True)]
        self._buf: list[list[dict[str, Any]]] = [[], []]
        self._chunk = chunk

    def add(self, rec: dict[str, Any]) -> None:
        self._buf[0].extend(event_rows(rec))
        self._buf[1].extend(entity_rows(rec))
        for i in (0, 1):
            if len(self._buf[i]) >= self._chunk:
                self._flush(i)

    def _flush(self, i: int) -> None:
        import pyarrow as pa

        if self._buf[i]:
            self._writers[i].write_table(pa.Table.from_pylist(self._buf[i], schema=self._schemas[i]))
            self._buf[i] = []

    def close(self) -> tuple[Path, Path]:
        import pyarrow as pa

        for i in (0, 1):
            self._flush(i)
            if self._writers[i] is not None:
                # An empty table still gets its schema written, so readers see the columns.
                self._writers[i].write_table(pa.Table.from_pylist([], schema=self._schemas[i]))
                self._writers[i].close()
        for tmp, final in zip(self._tmp, self.paths, strict=True):
            os.replace(tmp, final)
        return self.paths


def write_parquet(records: Iterable[dict[str, Any]], ev_path: Path, ent_path: Path) -> tuple[Path, Path]:
    """Write the events and entities Parquet files atomically."""
    tables = ParquetTables(ev_path, ent_path)
    for rec in records:
        tables.add(rec)
    return tables.close()


def write_table(records: Iterable[dict[str, Any]], ev_path: Path, ent_path: Path, fmt: str) -> tuple[Path, Path]:
    """Dispatch to :func:`write_csv` or :func:`write_parquet`."""
    if fmt == "csv":
        return write_csv(records, ev_path, ent_path)
    if fmt == "parquet":
        return write_parquet(records, ev_path, ent_path)
    raise ValueError(f"not a table format: {fmt!r}")


__all__ = ["EVENT_COLUMNS", "ENTITY_COLUMNS", "event_rows", "entity_rows", "read_jsonl", "table_paths",
           "write_csv", "write_parquet", "write_table", "arrow_schema", "ParquetTables"]
