"""Build the NER training corpus: gold readers + teacher silver -> train/dev JSONL + stats.

Contract (the trainer codes against it): :func:`build` writes ``train.jsonl``
and ``dev.jsonl`` with one example per line::

    {"id", "corpus", "doc", "text", "spans": [[start, end, label, "gold"|"silver"], ...],
     "gold_labels": [...], "split": "train"|"dev"}

and ``stats.json``.  Dev holds whole documents and gold spans only; train
examples of gold corpora get teacher spans for the labels the corpus does not
annotate; the Wikinews sentences are purely silver.  Everything is
deterministic: hash-based splits, sorted keys, stable order, no randomness.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from newsie.tooling.corpora import conll, gum, meantime, re3d, redocred, wikinews
from newsie.tooling.corpora.common import SourceDoc, chunk, spans_in, stable_hash
from newsie.tooling.corpora.labels import DATA_DIR

log = logging.getLogger(__name__)

#: corpus name -> (folder under corpora_dir, reader)
READERS: dict[str, tuple[str, Callable[[Path], Iterator[SourceDoc]]]] = {
    "gum": ("gum", gum.read),
    "meantime": ("meantime", meantime.read),
    "re3d": ("re3d", re3d.read),
    "wikigold": ("wikigold", conll.read_wikigold),
    "uner-ewt": ("uner-ewt", conll.read_uner_ewt),
    "crossner": ("crossner", conll.read_crossner),
    "sec-filings": ("sec-filings", conll.read_sec_filings),
    "btc": ("btc", conll.read_btc),
    "redocred": ("redocred", redocred.read),
}
SILVER_ONLY: dict[str, tuple[str, Callable[[Path], Iterator[SourceDoc]]]] = {
    "wikinews-silver": ("wikinews-sentences", wikinews.read),
}


def _splits() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / "splits.yaml").read_text(encoding="utf-8"))


def dev_shares() -> dict[str, Any]:
    return _splits()["dev_share"]


def excluded_docs() -> set[tuple[str, str]]:
    """(corpus, doc id) pairs kept out of train and dev (the documents of ``data/gold``)."""
    return {(corpus, str(doc)) for corpus, docs in (_splits().get("exclude") or {}).items() for doc in docs or []}


def doc_split(doc: SourceDoc, share: Any) -> str:
    """``dev`` or ``train`` for a whole document (hash-based, so stable across runs and machines)."""
    if share == "splits.md":
        return "dev" if doc.meta.get("split") == "dev" else "train"
    share = float(share or 0.0)
    return "dev" if stable_hash(doc.corpus, doc.doc) % 10_000 < share * 10_000 else "train"


def _norm_sentence(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def examples_of(doc: SourceDoc, split: str) -> list[dict[str, Any]]:
    """Cut a document into examples (gold spans only; silver is added later)."""
    out: list[dict[str, Any]] = []
    if split == "dev" and not doc.gold_labels:
        return out  # nothing in it could be scored (e.g. MEANTIME's unannotated sentences)
    part = f"{doc.meta['part']}:" if doc.meta.get("part") else ""
    for i, (s, e) in enumerate(chunk(doc)):
        out.append(
            {
                "id": f"{doc.corpus}:{doc.doc}:{part}{i}",
                "corpus": doc.corpus,
                "doc": doc.doc,
                "text": doc.text[s:e],
                "spans": [[a, b, lab, "gold"] for a, b, lab in spans_in(doc.spans, s, e)],
                "gold_labels": sorted(doc.gold_labels),
                "split": split,
            }
        )
    return out


def _wanted(name: str, folder: str, corpora_dir: Path, names: list[str] | None) -> bool:
    """Whether corpus ``name`` was asked for and is present (a missing one is logged, not fatal)."""
    if names is not None and name not in names:
        return False
    if not (corpora_dir / folder).is_dir():
        log.warning("corpus %s not found under %s; skipped", name, corpora_dir)
        return False
    return True


def collect(corpora_dir: Path, names: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """Read every available corpus into (train, dev) example lists, gold spans only."""
    shares = dev_shares()
    excluded = excluded_docs()
    train: list[dict] = []
    dev: list[dict] = []
    gold_sentences: set[str] = set()
    for name, (folder, reader) in READERS.items():
        if not _wanted(name, folder, corpora_dir, names):
            continue
        for doc in reader(corpora_dir):
            gold_sentences.update(_norm_sentence(doc.text[s:e]) for s, e in doc.sentences)
            if (doc.corpus, doc.doc) in excluded:
                continue
            split = doc_split(doc, shares.get(name, 0.0))
            exs = examples_of(doc, split)
            (dev if split == "dev" else train).extend(exs)
    for name, (folder, reader) in SILVER_ONLY.items():
        if not _wanted(name, folder, corpora_dir, names):
            continue
        for doc in reader(corpora_dir):
            for ex in examples_of(doc, "train"):
                if _norm_sentence(ex["text"]) in gold_sentences:
                    continue  # the sentence is in a gold corpus (GUM/MEANTIME): keep gold only
                train.append(ex)
    return train, dev


def add_silver(train: list[dict], teacher: Any, *, batch_size: int = 64, cache: Path | None = None) -> int:
    """Run the teacher over every training text and merge its spans (gold wins).

    With ``cache`` (a JSON-lines file), raw predictions for texts seen before
    are reused; returns how many texts the teacher actually labelled.
    """
    from newsie.tooling.corpora.silver import TeacherCache, fixed, merge, raw_teacher_spans, teacher_name

    texts = [ex["text"] for ex in train]
    store = TeacherCache(cache, teacher_name(teacher)) if cache is not None else None
    raw: dict[int, list] = {}
    if store is not None:
        for i, text in enumerate(texts):
            hit = store.get(text)
            if hit is not None:
                raw[i] = hit
    todo = [i for i in range(len(texts)) if i not in raw]
    # sort by length so batches pad little; results are put back in order
    todo.sort(key=lambda i: (len(texts[i]), i))
    predicted = raw_teacher_spans(teacher, [texts[i] for i in todo], batch_size=batch_size)
    raw.update(zip(todo, predicted, strict=True))
    if store is not None:
        store.add([(texts[i], raw[i]) for i in todo])
    for i, ex in enumerate(train):
        gold = [(s, e, lab) for s, e, lab, _ in ex["spans"]]
        ex["spans"] = merge(gold, ex["gold_labels"], fixed(ex["text"], raw[i]))
    return len(todo)


def prune(corpus_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Apply the current ``exclude`` list to an already built corpus (no teacher rerun).

    Gives the same train/dev files as a fresh :func:`build` would (the teacher
    labels each example on its own), in seconds instead of the teacher's tens of
    minutes.  Returns the new stats (also written to ``out_dir/stats.json``).
    """
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    excluded = excluded_docs()
    old = json.loads((corpus_dir / "stats.json").read_text(encoding="utf-8"))
    split_rows = {}
    for split in ("train", "dev"):
        rows = [json.loads(line) for line in (corpus_dir / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
        split_rows[split] = [r for r in rows if (r["corpus"], str(r["doc"])) not in excluded]
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out_dir / "train.jsonl", split_rows["train"])
    _write_jsonl(out_dir / "dev.jsonl", split_rows["dev"])
    result = stats(split_rows["train"], split_rows["dev"])
    result["teacher"], result["silver"] = old.get("teacher"), old.get("silver")
    result["pruned_from"] = str(corpus_dir)
    (out_dir / "stats.json").write_text(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                        encoding="utf-8")  # fmt: skip
    return result


def stats(train: list[dict], dev: list[dict]) -> dict[str, Any]:
    """Counts per corpus / split: examples, docs, words, spans per source and label."""
    table: dict[str, Any] = defaultdict(dict)
    totals: dict[str, Any] = {}
    for split, exs in (("train", train), ("dev", dev)):
        per: dict[str, Any] = defaultdict(lambda: {"examples": 0, "docs": set(), "words": 0,
                                                     "spans": {"gold": Counter(), "silver": Counter()}})  # fmt: skip
        for ex in exs:
            p = per[ex["corpus"]]
            p["examples"] += 1
            p["docs"].add(ex["doc"])
            p["words"] += len(ex["text"].split())
            for _s, _e, lab, src in ex["spans"]:
                p["spans"][src][lab] += 1
        for corpus, p in per.items():
            table[corpus][split] = {
                "examples": p["examples"],
                "docs": len(p["docs"]),
                "words": p["words"],
                "spans": {src: dict(sorted(c.items())) for src, c in p["spans"].items()},
                "gold_labels": sorted({lab for ex in exs if ex["corpus"] == corpus for lab in ex["gold_labels"]}),
            }
        tot_spans: dict[str, Counter] = {"gold": Counter(), "silver": Counter()}
        for p in per.values():
            for src in tot_spans:
                tot_spans[src].update(p["spans"][src])
        totals[split] = {
            "examples": len(exs),
            "words": sum(p["words"] for p in per.values()),
            "spans": {src: dict(sorted(c.items())) for src, c in tot_spans.items()},
        }
    return {"corpora": dict(sorted(table.items())), "totals": totals}


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def build(
    corpora_dir: Path,
    out_dir: Path,
    *,
    silver: bool = True,
    teacher: Any = None,
    corpora: list[str] | None = None,
    batch_size: int = 64,
    teacher_cache: Path | None = None,
) -> dict[str, Any]:
    """Build the corpus into ``out_dir`` and return the stats (also in ``stats.json``).

    ``teacher`` is a spaCy ``Language`` (anything with ``pipe`` yielding docs
    with ``ents``); ``None`` loads en_core_web_md when ``silver`` is on.
    ``corpora`` restricts the build to some corpus names (default: all found).
    ``teacher_cache`` is a JSON-lines file of raw teacher predictions reused
    across builds (outputs are identical with or without it).
    Timing goes to ``build_log.json``, not ``stats.json``, so that stats stay
    byte-identical between runs.
    """
    t0 = time.monotonic()
    corpora_dir, out_dir = Path(corpora_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train, dev = collect(corpora_dir, corpora)
    if not silver:
        train = [ex for ex in train if ex["corpus"] not in SILVER_ONLY]
    t_read = time.monotonic() - t0
    teacher_id = None
    labelled = 0
    if silver and train:
        from newsie.tooling.corpora.silver import load_teacher, teacher_name

        teacher = teacher if teacher is not None else load_teacher()
        teacher_id = teacher_name(teacher)
        labelled = add_silver(train, teacher, batch_size=batch_size, cache=teacher_cache)
    t_silver = time.monotonic() - t0 - t_read
    _write_jsonl(out_dir / "train.jsonl", train)
    _write_jsonl(out_dir / "dev.jsonl", dev)
    result = stats(train, dev)
    result["teacher"] = teacher_id
    result["silver"] = bool(silver)
    (out_dir / "stats.json").write_text(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                        encoding="utf-8")  # fmt: skip
    (out_dir / "build_log.json").write_text(
        json.dumps({"read_s": round(t_read, 1), "silver_s": round(t_silver, 1), "teacher_labelled": labelled,
                    "total_s": round(time.monotonic() - t0, 1)}, indent=2) + "\n", encoding="utf-8")  # fmt: skip
    return result
