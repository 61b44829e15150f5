"""Print the SOURCES.md rows of the held-out event gold: source, licence, and whether the NER saw each text.

"Seen by the NER" is decided with the NER corpus builder's own logic
(:func:`newsie.tooling.corpora.build.doc_split`: GUM by its ``splits.md`` dev list,
MEANTIME and re3d by the stable hash share of ``corpora/data/splits.yaml``),
applied to the document ids the corpus readers use.  The documents are on the
builder's ``exclude`` list from now on, so this records what the *current*
model (trained before they were excluded) saw: ``train`` means its weights were
fit on the text, ``dev`` that the text only scored model selection.

Usage: ``python scripts/gold_sources.py [--corpora ../shared/corpora]`` (needs the shared corpora).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from newsie.tooling.corpora import gum
from newsie.tooling.corpora.build import dev_shares, doc_split
from newsie.tooling.corpora.common import SourceDoc

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"


def ner_split(corpus: str, doc: str, gum_dev: set[str]) -> str:
    """``train`` or ``dev``: where the NER corpus build put this document (before it was excluded)."""
    meta = {"split": "dev" if doc in gum_dev else None} if corpus == "gum" else {}
    source = SourceDoc(corpus=corpus, doc=doc, text="", sentences=[], spans=[], gold_labels=[], meta=meta)
    return doc_split(source, dev_shares().get(corpus, 0.0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    gum_dev = gum.dev_docs(args.corpora / "gum")
    splits = yaml.safe_load((GOLD / "splits.yaml").read_text(encoding="utf-8"))
    role = {i: name for name, ids in splits.items() for i in ids}
    print("| id | topic | gold split | source (corpus file) | URL | date | licence | NER saw it |")
    print("|---|---|---|---|---|---|---|---|")
    for row in yaml.safe_load((GOLD / "documents.yaml").read_text(encoding="utf-8")):
        doc = row["source_file"].rsplit("/", 1)[-1]
        split = ner_split(row["corpus"], doc, gum_dev)
        saw = "yes: NER **train** split" if split == "train" else "NER dev split only (not trained on)"
        licence = " ".join(str(row["licence"]).split())
        print(f"| `{row['id']}` | {row['topic']} | {role.get(row['id'], '-')} | {row['corpus']} `{row['source_file']}` "
              f"| <{row['url']}> | {row['date'] or '-'} | {licence} | {saw} |")


if __name__ == "__main__":
    main()
