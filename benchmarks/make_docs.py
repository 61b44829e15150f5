"""Generate N benchmark articles from the real text in the repository, deterministically.

Why recombined real text: throughput depends on sentence length, entity
density and vocabulary, which synthetic lorem ipsum gets wrong; the seed
article and the gold news texts in ``data/`` are real news English.  Each
document is a run of consecutive sentences from one source followed by a few
sentences from others (as a news article quotes background), chosen by a
``random.Random(seed)``, so every run of the benchmark processes the same bytes.

Usage: ``python benchmarks/make_docs.py OUTDIR [-n 500] [--seed 13] [--min-sents 8] [--max-sents 20]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_SENT = re.compile(r"(?<=[.!?”\"’])\s+(?=[A-Z“\"‘(])")


def source_texts(repo: Path = REPO) -> list[str]:
    """Real news texts shipped in the repo: seed articles and gold documents."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "data" / "seeds").glob("*.txt"))]
    for path in sorted((repo / "data" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    return texts


def sentences(text: str) -> list[str]:
    return [s.strip() for para in text.splitlines() for s in _SENT.split(para) if len(s.split()) >= 4]


def make_docs(n: int, seed: int = 13, min_sents: int = 8, max_sents: int = 20, repo: Path = REPO) -> list[str]:
    """``n`` documents, each a deterministic recombination of real sentences."""
    pools = [s for s in (sentences(t) for t in source_texts(repo)) if s]
    if not pools:
        raise SystemExit("no source texts found under data/")
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        main = rng.choice(pools)
        k = rng.randint(min_sents, max_sents)
        start = rng.randrange(len(main))
        body = [main[(start + i) % len(main)] for i in range(max(1, k - 3))]
        body += [rng.choice(rng.choice(pools)) for _ in range(k - len(body))]
        paras = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        docs.append("\n\n".join(paras) + "\n")
    return docs


def write_docs(out: Path, n: int, seed: int = 13, min_sents: int = 8, max_sents: int = 20) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(make_docs(n, seed, min_sents, max_sents)):
        p = out / f"{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--min-sents", type=int, default=8)
    ap.add_argument("--max-sents", type=int, default=20)
    a = ap.parse_args()
    paths = write_docs(a.out, a.n, a.seed, a.min_sents, a.max_sents)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} documents, {words} words -> {a.out}")


if __name__ == "__main__":
    main()
