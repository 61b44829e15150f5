"""The mixed benchmark set of issue 20: articles, one-paragraph wire stories, all-caps headlines, 5k+ word documents.

Why a mixed set: the old benchmark read 20k words of dev text in ~600-word
documents, where newsie looked 0.61x as fast as en_core_web_sm; on a mix of
real news shapes it was 0.47x.  Short texts pay per-document and per-window
overheads, headlines have no case cue, long documents pay the window overlap.

Where the text comes from (deterministic, same bytes on every run):

* ``../shared/corpora/wikinews-sentences`` when present (real Wikinews articles,
  through :func:`newsie.tooling.corpora.wikinews.read`; the held-out article is
  excluded there), plus the seed article and the ``text`` of ``data/gold/*.jsonl``;
* else (a public clone) the seed and gold texts alone, cut and recombined by
  sentences as ``make_docs.py`` does.

Never ``data/gold/texts`` or authoring files: those are held-out event gold.

Kinds, each made from different source articles where there are enough:

* ``article``: a whole article (>= 250 words), paragraphs of three sentences;
* ``wire``: the first three sentences of an article as one paragraph;
* ``headline``: the first sentence of an article, cut to 12 words, upper-cased;
* ``long``: consecutive articles joined until the document has >= 5,500 words.

``python benchmarks/mixed_set.py [--corpora ../shared/corpora]`` prints the set's composition.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from make_docs import REPO, sentences, source_texts

#: How many documents of each kind (``long``: documents of >= ``LONG_WORDS`` words).
COUNTS = {"article": 14, "wire": 40, "headline": 60, "long": 1}
LONG_WORDS = 5500
HEADLINE_WORDS = 12
DEFAULT_CORPORA = Path(os.environ.get("NEWSIE_CORPORA", REPO.parent / "shared" / "corpora"))


@dataclass(frozen=True)
class BenchDoc:
    """One benchmark document: its kind (article/wire/headline/long), a source tag and the text."""

    kind: str
    source: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _articles(corpora: Path | None) -> tuple[str, list[list[str]]]:
    """(source name, articles as lists of sentences), shared corpora first, repository text as fallback."""
    repo = [sentences(t) for t in source_texts(REPO)]
    if corpora is not None and (corpora / "wikinews-sentences").is_dir():
        from newsie.tooling.corpora.wikinews import read

        wiki = [[doc.text[s:e] for s, e in doc.sentences] for doc in read(corpora)]
        return "wikinews+repo", repo + [a for a in wiki if len(a) >= 3]
    return "repo", repo


def _paragraphs(sents: list[str]) -> str:
    return "\n\n".join(" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)) + "\n"


def mixed_set(corpora: Path | None = DEFAULT_CORPORA, seed: int = 20) -> list[BenchDoc]:
    """The benchmark documents, in a fixed shuffled order (kinds interleaved as in a real folder)."""
    source, arts = _articles(corpora)
    rng = random.Random(seed)
    long_arts = [a for a in arts if len(" ".join(a).split()) >= 250]
    others = [a for a in arts if len(" ".join(a).split()) < 250]
    docs: list[BenchDoc] = []
    if len(long_arts) >= COUNTS["article"]:
        for a in rng.sample(long_arts, COUNTS["article"]):
            docs.append(BenchDoc("article", source, _paragraphs(a)))
    else:  # fallback: recombine real sentences into article-sized documents (make_docs.py's recipe)
        from make_docs import make_docs

        docs += [BenchDoc("article", "repo-recombined", t) for t in make_docs(COUNTS["article"], seed, 20, 40)]
    pool = others if len(others) >= COUNTS["wire"] + COUNTS["headline"] else arts
    order = rng.sample(range(len(pool)), len(pool))
    for k in range(COUNTS["wire"]):
        a = pool[order[k % len(order)]]
        start = 0 if k < len(order) else rng.randrange(max(1, len(a) - 3))
        docs.append(BenchDoc("wire", source, " ".join(a[start : start + 3]) + "\n"))
    for k in range(COUNTS["headline"]):
        a = pool[order[(COUNTS["wire"] + k) % len(order)]]
        sent = a[0] if k + COUNTS["wire"] < len(order) else rng.choice(a)
        docs.append(BenchDoc("headline", source, " ".join(sent.rstrip(".").split()[:HEADLINE_WORDS]).upper()))
    for _ in range(COUNTS["long"]):
        body: list[str] = []
        i = rng.randrange(len(arts))
        while sum(len(p.split()) for p in body) < LONG_WORDS:
            body.append(_paragraphs(arts[i % len(arts)]).strip())
            i += 1
        docs.append(BenchDoc("long", source, "\n\n".join(body) + "\n"))
    rng.shuffle(docs)
    return docs


def summary(docs: Iterable[BenchDoc]) -> dict[str, dict[str, int]]:
    """Documents and words per kind."""
    out: dict[str, dict[str, int]] = {}
    for d in docs:
        row = out.setdefault(d.kind, {"docs": 0, "words": 0})
        row["docs"] += 1
        row["words"] += d.words
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--show", type=int, default=0, help="print the first N characters of one document per kind")
    a = ap.parse_args()
    docs = mixed_set(a.corpora)
    print(json.dumps({"source": docs[0].source if docs else None, "kinds": summary(docs),
                      "words": sum(d.words for d in docs)}, indent=1))
    if a.show:
        for kind in COUNTS:
            d = next(x for x in docs if x.kind == kind)
            print(f"--- {kind}: {d.text[: a.show]!r}")


if __name__ == "__main__":
    main()
