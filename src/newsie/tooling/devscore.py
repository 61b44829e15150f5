"""Dev-set scoring: per-label and micro P/R/F1 of newsie vs en_core_web_sm / en_core_web_md.

Why "scored only on each example's gold_labels": the training corpus mixes
corpora that annotate different label sets (a CoNLL-style corpus has gold
PERSON/ORG/GPE/LOC but nothing for DATE).  A prediction of a label the example
does not annotate can be neither right nor wrong, so both gold and predicted
spans are restricted to that example's ``gold_labels``.  Every system's spans
(gold too) lose a leading "the" (``strip_leading`` in ``data/labels.json``) so
the determiner convention does not decide the comparison.  All systems are run
on the same texts in one process and scored by the same function.

Run: ``python -m newsie.tooling.devscore runs/corpus/dev.jsonl --model models/newsie-ner --out scores.json``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsie.ner.labels import strip_leading

Span3 = tuple[int, int, str]


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def gold_spans(example: dict[str, Any]) -> list[Span3]:
    """The example's gold spans: labels in ``gold_labels`` and not flagged silver."""
    labels = set(example.get("gold_labels") or [])
    return [
        (int(s[0]), int(s[1]), s[2])
        for s in example.get("spans", [])
        if s[2] in labels and (len(s) < 4 or s[3] != "silver")
    ]


def _norm(text: str, spans: Iterable[Span3], labels: set[str]) -> set[Span3]:
    out = set()
    for s, e, lab in spans:
        if lab not in labels:
            continue
        s2, e2 = strip_leading(text, s, e)
        if s2 < e2:
            out.add((s2, e2, lab))
    return out


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "tp": tp, "fp": fp, "fn": fn}


def example_counts(
    examples: Sequence[dict[str, Any]], predictions: Sequence[Iterable[Span3]]
) -> list[dict[str, tuple[int, int, int]]]:
    """Per example: ``label -> (tp, fp, fn)`` of ``predictions`` against its gold (only its ``gold_labels``)."""
    out: list[dict[str, tuple[int, int, int]]] = []
    for ex, pred in zip(examples, predictions, strict=True):
        labels = set(ex.get("gold_labels") or [])
        counts: dict[str, list[int]] = {}
        if labels:
            gold = _norm(ex["text"], gold_spans(ex), labels)
            got = _norm(ex["text"], pred, labels)
            for k, spans in enumerate((got & gold, got - gold, gold - got)):
                for sp in spans:
                    counts.setdefault(sp[2], [0, 0, 0])[k] += 1
        out.append({lab: (c[0], c[1], c[2]) for lab, c in counts.items()})
    return out


def score(examples: Sequence[dict[str, Any]], predictions: Sequence[Iterable[Span3]]) -> dict[str, Any]:
    """Per-label and micro P/R/F1 (percent) of ``predictions`` against the examples' gold."""
    return score_counts(example_counts(examples, predictions))


def score_counts(per_example: Iterable[dict[str, tuple[int, int, int]]]) -> dict[str, Any]:
    """Per-label and micro P/R/F1 (percent) from ``example_counts`` output."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for counts in per_example:
        for lab, (a, b, c) in counts.items():
            tp[lab] += a
            fp[lab] += b
            fn[lab] += c
    labels = sorted(set(tp) | set(fp) | set(fn))
    out: dict[str, Any] = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def bootstrap(
    examples: Sequence[dict[str, Any]],
    counts: dict[str, list[dict[str, tuple[int, int, int]]]],
    reference: str,
    resamples: int = 1000,
    seed: int = 0,
) -> dict[str, Any]:
    """Paired document bootstrap of each system's F1 minus ``reference``'s, per label and micro.

    Why: several per-label targets are met or missed by one or two spans (66 CARDINAL gold spans), so a
    point difference alone says little.  Whole documents are resampled (the examples of one document are
    not independent), the same resample for every system, and for each label we report the observed
    difference, its 95% percentile interval and the share of resamples where the system is at least as
    good as the reference.
    """
    import numpy as np

    docs: dict[tuple[str, str], list[int]] = {}
    for i, ex in enumerate(examples):
        docs.setdefault((str(ex.get("corpus", "?")), str(ex.get("doc", ex.get("id", i)))), []).append(i)
    groups = list(docs.values())
    labels = sorted({lab for per in counts.values() for c in per for lab in c})
    cols = labels + ["micro"]
    col_of = {lab: j for j, lab in enumerate(labels)}

    def doc_array(per_example: list[dict[str, tuple[int, int, int]]]) -> Any:
        arr = np.zeros((len(groups), len(cols), 3))
        for g, idx in enumerate(groups):
            for i in idx:
                for lab, c in per_example[i].items():
                    arr[g, col_of[lab]] += c
        arr[:, -1] = arr[:, :-1].sum(axis=1)
        return arr

    def f1(tot: Any) -> Any:
        tp, fp, fn = tot[..., 0], tot[..., 1], tot[..., 2]
        denom = 2 * tp + fp + fn
        return np.where(denom > 0, 200 * tp / np.maximum(denom, 1), 0.0)

    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(groups), size=(resamples, len(groups)))
    weights = np.stack([np.bincount(d, minlength=len(groups)) for d in draws])  # [resamples, docs]
    arrays = {name: doc_array(per) for name, per in counts.items()}
    ref_obs = f1(arrays[reference].sum(axis=0))
    ref_boot = f1(np.einsum("rd,dlk->rlk", weights, arrays[reference]))
    out: dict[str, Any] = {"reference": reference, "resamples": resamples, "unit": "document",
                           "documents": len(groups), "seed": seed, "systems": {}}
    for name, arr in arrays.items():
        if name == reference:
            continue
        diff = f1(np.einsum("rd,dlk->rlk", weights, arr)) - ref_boot
        obs = f1(arr.sum(axis=0)) - ref_obs
        out["systems"][name] = {
            lab: {"delta": round(float(obs[j]), 2),
                  "lo": round(float(np.percentile(diff[:, j], 2.5)), 2),
                  "hi": round(float(np.percentile(diff[:, j], 97.5)), 2),
                  "p_at_least_ref": round(float((diff[:, j] >= 0).mean()), 3)}
            for j, lab in enumerate(cols)
        }
    return out


def bootstrap_table(boot: dict[str, Any], labels: Sequence[str] | None = None) -> str:
    """Markdown: per label, each system's F1 difference to the reference with its 95% interval."""
    names = list(boot["systems"])
    if not names:
        return ""
    rows = labels or list(boot["systems"][names[0]])
    head = f"| label | {' | '.join(names)} |\n|---|{'---|' * len(names)}\n"
    body = ""
    for lab in rows:
        cells = []
        for n in names:
            d = boot["systems"][n].get(lab)
            cells.append("-" if d is None else
                         f"{d['delta']:+.1f} [{d['lo']:+.1f}, {d['hi']:+.1f}] ({d['p_at_least_ref']:.0%})")
        body += f"| {lab} | {' | '.join(cells)} |\n"
    return head + body


def by_corpus(
    examples: Sequence[dict[str, Any]], per_example: Sequence[dict[str, tuple[int, int, int]]]
) -> dict[str, Any]:
    """Micro P/R/F1 per source corpus from ``example_counts`` output (where systems differ is corpus-specific)."""
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        groups.setdefault(ex.get("corpus", "?"), []).append(i)
    return {name: score_counts(per_example[i] for i in idx)["micro"] for name, idx in sorted(groups.items())}


def spacy_spans(nlp, texts: Sequence[str], batch_size: int = 64) -> list[list[Span3]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


def newsie_nlp(model: Path, runtime: str | None = None):
    """en_core_web_sm's tokenizer/tagger/parser with ``newsie_ner`` in place of its CNN NER.

    ``runtime``: ``onnx`` or ``torch`` (None: the model folder's default, see :mod:`newsie.ner.runtime`).
    """
    from newsie.pipeline import load_base

    nlp = load_base(exclude=("ner",))
    nlp.add_pipe("newsie_ner", config={"model": str(model), "runtime": runtime})
    return nlp


def compare(
    examples: Sequence[dict[str, Any]],
    models: Sequence[tuple[str, Path, bool | str | None] | tuple[str, Path, bool | str | None, str | None]],
    baselines: Sequence[str] = ("sm", "md"),
    resamples: int = 0,
) -> dict[str, Any]:
    """Score newsie model(s) and the spaCy baselines on the same examples in one run (timings included).

    ``models`` are ``(name, model_dir, quantize[, runtime])``; ``quantize=None`` follows the model's config;
    ``runtime`` (``onnx``/``torch``, None: the folder's default) picks the NER runtime.
    ``resamples`` > 0 adds a paired document bootstrap against the last baseline (md by default).
    """
    from newsie.pipeline import load_baseline

    texts = [ex["text"] for ex in examples]
    words = sum(len(t.split()) for t in texts)
    results: dict[str, Any] = {"examples": len(examples), "words": words, "systems": {}}
    systems: list[tuple[str, Any]] = []
    for name, path, quantize, *rest in models:
        nlp = newsie_nlp(path, rest[0] if rest else None)
        if quantize is not None:
            nlp.get_pipe("newsie_ner").set_quantized(quantize)
        systems.append((name, nlp))
    for name in baselines:
        systems.append((f"en_core_web_{name}", load_baseline(name)))
    counts: dict[str, list[dict[str, tuple[int, int, int]]]] = {}
    for name, sysnlp in systems:
        t0 = time.perf_counter()
        preds = spacy_spans(sysnlp, texts)
        dt = time.perf_counter() - t0
        counts[name] = example_counts(examples, preds)
        res = score_counts(counts[name])
        res["by_corpus"] = by_corpus(examples, counts[name])
        res["seconds"] = round(dt, 2)
        res["words_per_s"] = round(words / dt, 1) if dt else None
        if name in {m[0] for m in models}:
            res["model_id"] = sysnlp.get_pipe("newsie_ner").model_id
        results["systems"][name] = res
    if resamples > 0 and baselines:
        results["bootstrap"] = bootstrap(examples, counts, f"en_core_web_{baselines[-1]}", resamples)
    return results


def table(results: dict[str, Any]) -> str:
    """A markdown table: one row per label (+ micro), one F1 column per system."""
    names = list(results["systems"])
    labels = sorted(
        {k for r in results["systems"].values() for k, v in r.items() if isinstance(v, dict) and "f" in v} - {"micro"}
    )
    head = "| label | " + " | ".join(names) + " | gold n |\n|---|" + "---|" * (len(names) + 1) + "\n"
    rows = []
    for lab in [*labels, "micro"]:
        cells = []
        n = None
        for nm in names:
            r = results["systems"][nm].get(lab)
            cells.append(f"{r['f']:.1f}" if r else "-")
            if r:
                n = r["tp"] + r["fn"]
        rows.append(f"| {lab} | " + " | ".join(cells) + f" | {n} |")
    return head + "\n".join(rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dev", type=Path)
    ap.add_argument("--model", type=Path, default=None, help="the newsie model (default models/newsie-ner)")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=DIR", help="more newsie models to score")
    ap.add_argument("--baselines", default="sm,md")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--quantize", action="store_true",
                    help="also score the main model int8-quantised, each scheme (newsie-int8 = encoder, "
                         "newsie-int8-attention)")
    ap.add_argument("--int8-only", action="store_true", help="score the main model only int8-quantised")
    ap.add_argument("--torch", action="store_true",
                    help="also score the main model on the PyTorch runtime (newsie-torch; newsie runs on its default)")
    ap.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                    help="paired document bootstrap resamples vs the last baseline (0 = off)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    from newsie.pipeline import default_ner_path

    examples = read_jsonl(args.dev, args.limit)
    model = args.model or default_ner_path()
    models: list[Any] = [] if args.int8_only else [("newsie", model, False)]
    if args.torch:
        models.append(("newsie-torch", model, False, "torch"))
    if args.quantize or args.int8_only:
        from newsie.ner.model import QUANT_SCHEMES, quant_suffix

        models += [(f"newsie{quant_suffix(q)}", model, q) for q in QUANT_SCHEMES]
    for item in args.also:
        name, _, path = item.partition("=")
        models.append((name, Path(path), False))
    res = compare(examples, models, [b for b in args.baselines.split(",") if b], args.bootstrap)
    res["dev"] = str(args.dev)
    if args.out:
        args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    text = table(res)
    print(text)
    for nm, r in res["systems"].items():
        print(nm, "micro", r["micro"], "words/s", r["words_per_s"])
        print("   by corpus F1:", {c: v["f"] for c, v in r["by_corpus"].items()})
    if "bootstrap" in res:
        b = res["bootstrap"]
        print(f"\nF1 minus {b['reference']}: 95% interval over {b['resamples']} document resamples "
              f"(share of resamples >= {b['reference']}):")
        print(bootstrap_table(b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
