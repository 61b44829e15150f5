"""Unlabelled Wikinews sentences (QADiscourse + QAMR) for the purely silver set.

Sentences are grouped by article; each becomes its own example (they are
samples, not running text, so they are separated by blank lines, which
:func:`newsie.tooling.corpora.common.chunk` never merges across).  Text is rebuilt from
the PTB tokens (README 5.3).  The held-out article ``861970`` is excluded and
sentences that also occur in a gold corpus are removed by the builder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsie.tooling.corpora.common import SourceDoc, detokenize

CORPUS = "wikinews-silver"
#: README 5: these QAMR sentences come from an article in held-out evaluation data.
EXCLUDED_ARTICLES = {"861970"}
_ID = re.compile(r"^Wiki1k:wikinews:(\d+):(\d+):(\d+)$")


def _qadiscourse_rows(path: Path) -> Iterator[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    for line in lines[1:]:
        cols = line.split("\t")
        records = [cols]
        if len(cols) == 21:  # two records glued by a missing newline after a "_" row (README 5.1)
            records = [cols[:10] + [cols[10][:1]], [cols[10][1:], *cols[11:]]]
        for rec in records:
            if len(rec) >= 2:
                yield rec[0], rec[1]


def sentences(corpora_dir: Path) -> dict[str, str]:
    """Sentence id -> tokenised sentence, Wikinews only, QAMR's text preferred on overlap."""
    base = corpora_dir / "wikinews-sentences"
    out: dict[str, str] = {}
    for split in ("train", "dev", "test"):
        for sid, sent in _qadiscourse_rows(base / "qadiscourse" / "Dataset" / f"wikinews_{split}.tsv"):
            if _ID.match(sid):
                out.setdefault(sid, sent)
    qamr = base / "qamr" / "data" / "wiki-sentences.tsv"
    for line in qamr.read_text(encoding="utf-8").split("\n"):
        sid, _, sent = line.partition("\t")
        if _ID.match(sid) and sent:
            out[sid] = sent  # QAMR has "Sinn Féin" where QADiscourse has U+FFFD
    return out


def _key(sid: str) -> tuple[int, int, int]:
    m = _ID.match(sid)
    assert m
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def read(corpora_dir: Path) -> Iterator[SourceDoc]:
    """One :class:`SourceDoc` per Wikinews article, one line-separated example per sentence."""
    sents = sentences(corpora_dir)
    by_article: dict[str, list[str]] = {}
    for sid in sorted(sents, key=_key):
        art = sid.split(":")[2]
        if art in EXCLUDED_ARTICLES:
            continue
        by_article.setdefault(art, []).append(sid)
    for art in sorted(by_article, key=int):
        parts: list[str] = []
        ranges: list[tuple[int, int]] = []
        pos = 0
        for sid in by_article[art]:
            text, _ = detokenize(sents[sid].split(" "))
            if "\ufffd" in text or len(text.split()) < 4:
                continue  # broken characters, or a sentence-split fragment ("was received .")
            if parts:
                parts.append("\n\n")
                pos += 2
            ranges.append((pos, pos + len(text)))
            parts.append(text)
            pos += len(text)
        if not parts:
            continue
        yield SourceDoc(
            corpus=CORPUS,
            doc=f"wikinews:{art}",
            text="".join(parts),
            sentences=ranges,
            spans=[],
            gold_labels=[],
            meta={"article": art},
        )
