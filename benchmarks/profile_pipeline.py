"""Where newsie's time goes: seconds per pipeline component and per document kind, vs en_core_web_sm.

Runs each pipeline component by hand over the documents of one kind of the
mixed set (``mixed_set.py``: articles, one-paragraph wire stories, all-caps
headlines, 5k+ word documents), in pipeline order, with the same batch size
``nlp.pipe`` would use, and times each step; ``tokenizer`` is ``nlp.make_doc``.
For the NER it also reports its own split (subword encoding, the network,
decoding: windows merge, Viterbi, label rules) and what the network computed:
windows, padding share of the positions it ran, and overlap (subwords read
more than once because windows overlap).  en_core_web_sm is profiled the same
way on the same texts, so the last table is words/second per kind and the
ratio newsie/sm.

One warm-up pass over a few documents per system first (lazy loads), then one
timed pass; the machine is shared, so compare within one run.

Usage: ``python benchmarks/profile_pipeline.py [--runtime onnx torch] [--batch-size 8] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_set import COUNTS, DEFAULT_CORPORA, BenchDoc, mixed_set, summary  # noqa: E402

DATE = "2023-02-02"


def profile(nlp: Any, docs: list[BenchDoc], batch_size: int) -> dict[str, Any]:
    """Per kind: seconds per component (``tokenizer`` = make_doc), words, and the NER's own counters."""
    ner = nlp.get_pipe("newsie_ner") if "newsie_ner" in nlp.pipe_names else None
    out: dict[str, Any] = {}
    for kind in COUNTS:
        texts = [d.text for d in docs if d.kind == kind]
        if not texts:
            continue
        times: dict[str, float] = {}
        before = Counter(ner.tagger.stats) if ner is not None else Counter()
        t0 = time.perf_counter()
        pdocs = [nlp.make_doc(t) for t in texts]
        for d in pdocs:
            if d.has_extension("date"):
                d._.date = DATE
        times["tokenizer"] = time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            if hasattr(proc, "pipe"):
                pdocs = list(proc.pipe(pdocs, batch_size=batch_size))
            else:
                pdocs = [proc(d) for d in pdocs]
            times[name] = time.perf_counter() - t0
        row: dict[str, Any] = {"docs": len(texts), "words": sum(len(t.split()) for t in texts), "seconds": times,
                               "total_s": sum(times.values())}
        if ner is not None:
            st = Counter(ner.tagger.stats)
            st.subtract(before)
            row["ner"] = {
                "encode_s": round(st["encode_s"], 3), "forward_s": round(st["forward_s"], 3),
                "decode_s": round(st["decode_s"], 3),
                "align_s": round(times["newsie_ner"] - st["encode_s"] - st["forward_s"] - st["decode_s"], 3),
                "windows": st["windows"], "batches": st["batches"], "subwords": st["subwords"],
                "padding_share": round(1 - st["window_subwords"] / st["positions"], 3) if st["positions"] else 0.0,
                "overlap_share": round((st["window_subwords"] - 2 * st["windows"]) / st["subwords"] - 1, 3)
                if st["subwords"] else 0.0,
            }
        out[kind] = row
    return out


def table(name: str, prof: dict[str, Any]) -> str:
    """Markdown: one row per component, one column per kind (seconds, and share of the kind's total)."""
    kinds = list(prof)
    comps = list(next(iter(prof.values()))["seconds"])
    head = f"\n{name}\n| component | " + " | ".join(f"{k} s (share)" for k in kinds) + " | all s (share) |\n"
    head += "|---|" + "---|" * (len(kinds) + 1) + "\n"
    total_all = sum(prof[k]["total_s"] for k in kinds)
    rows = []
    for c in comps:
        cells = [f"{prof[k]['seconds'][c]:.2f} ({prof[k]['seconds'][c] / prof[k]['total_s']:.0%})" for k in kinds]
        all_c = sum(prof[k]["seconds"][c] for k in kinds)
        rows.append(f"| {c} | " + " | ".join(cells) + f" | {all_c:.2f} ({all_c / total_all:.0%}) |")
    rows.append("| **total** | " + " | ".join(f"{prof[k]['total_s']:.2f}" for k in kinds) + f" | {total_all:.2f} |")
    rows.append("| words/s | " + " | ".join(f"{prof[k]['words'] / prof[k]['total_s']:.0f}" for k in kinds)
                + f" | {sum(prof[k]['words'] for k in kinds) / total_all:.0f} |")
    return head + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runtime", nargs="+", default=["onnx"], help="newsie NER runtimes to profile (onnx, torch)")
    ap.add_argument("--model", type=Path, default=None, help="NER model folder (default: the shipped one)")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--no-sm", action="store_true", help="skip en_core_web_sm")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    from newsie.pipeline import build, load_baseline

    docs = mixed_set(args.corpora)
    res: dict[str, Any] = {"set": summary(docs), "source": docs[0].source, "cpus": os.cpu_count(),
                           "batch_size": args.batch_size, "systems": {}}
    systems: list[tuple[str, Any]] = []
    for rt in args.runtime:
        nlp = build(args.model, runtime=rt)
        systems.append((f"newsie ({nlp.get_pipe('newsie_ner').model_id})", nlp))
    if not args.no_sm:
        systems.append(("en_core_web_sm", load_baseline("sm")))
    for name, nlp in systems:
        warm = [d for d in docs if d.kind != "long"][:6]
        for _ in nlp.pipe([d.text for d in warm], batch_size=args.batch_size):
            pass
        res["systems"][name] = profile(nlp, docs, args.batch_size)
        print(table(name, res["systems"][name]))
        if "newsie_ner" in nlp.pipe_names:
            print("NER split per kind:", json.dumps({k: v["ner"] for k, v in res["systems"][name].items()}, indent=1))
    if "en_core_web_sm" in res["systems"]:
        sm = res["systems"]["en_core_web_sm"]
        print("\n| system | " + " | ".join(sm) + " | all |\n|---|" + "---|" * (len(sm) + 1))
        for name, prof in res["systems"].items():
            if name == "en_core_web_sm":
                continue
            cells = [f"{(sm[k]['total_s'] / prof[k]['total_s']):.2f}x" for k in sm]
            all_r = sum(sm[k]["total_s"] for k in sm) / sum(prof[k]["total_s"] for k in sm)
            print(f"| {name} words/s vs sm | " + " | ".join(cells) + f" | {all_r:.2f}x |")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
