"""How much the events step adds to the pipeline, and a fast dev loop for the event rules.

    python benchmarks/bench_events.py            # time: events vs the rest of the pipeline, seed + seen + dev texts
    python benchmarks/bench_events.py --score    # also score the cached docs on the dev split (never test)

The texts are parsed once by the pipeline up to (not including) ``newsie_events`` and cached as a pickle in
``$TMPDIR/newsie-bench-events-<hash>.pkl`` (keyed on the model id and the texts), so re-running after a rule
change only runs the events component: seconds instead of minutes.  The timing always re-runs the whole
pipeline once (``--repeat`` times) and reports events time / rest-of-pipeline time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "data" / "gold"


def documents(splits: tuple[str, ...] = ("seen", "dev")) -> list[dict]:
    """Gold documents of the given splits (``seen`` = seed.jsonl + news.jsonl; dev from events.jsonl). Never test."""
    if "test" in splits or "all" in splits:
        raise SystemExit("bench_events: the test split is scored by the maintainers only")
    split = yaml.safe_load((GOLD / "splits.yaml").read_text(encoding="utf-8"))
    out = []
    if "seen" in splits:
        for name in ("seed.jsonl", "news.jsonl"):
            out += [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line]
    if "dev" in splits:
        dev = set(split["dev"])
        out += [d for d in (json.loads(line) for line in (GOLD / "events.jsonl").read_text(encoding="utf-8")
                            .splitlines() if line) if d["id"] in dev]
    return out


def parsed(nlp, docs: list[dict]):
    """The docs parsed up to ``newsie_events`` (cached)."""
    from newsie.api import make_doc

    key = hashlib.sha256(json.dumps([nlp.meta.get("newsie"), [(d["id"], d["text"], d.get("date")) for d in docs]],
                                    sort_keys=True).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / f"newsie-bench-events-{key}.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    with nlp.select_pipes(disable=["newsie_events"]):
        out = [nlp(make_doc(nlp, d["text"], date=d.get("date"), doc_id=d["id"])) for d in docs]
    with cache.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def timing(nlp, docs: list[dict], repeat: int) -> dict[str, float]:
    """Seconds per pass: every component but the events, and the events component alone."""
    from newsie.api import make_doc

    events = nlp.get_pipe("newsie_events")
    rest = ev = 0.0
    for _ in range(repeat):
        for d in docs:
            doc = make_doc(nlp, d["text"], date=d.get("date"))
            t0 = time.perf_counter()
            for name, proc in nlp.pipeline:
                if name != "newsie_events":
                    doc = proc(doc)
            t1 = time.perf_counter()
            events(doc)
            t2 = time.perf_counter()
            rest += t1 - t0
            ev += t2 - t1
    return {"rest_s": rest / repeat, "events_s": ev / repeat, "events_share_of_rest": ev / rest if rest else 0.0}


def score(nlp, docs: list[dict], cached) -> None:
    """Dev-split event scores of the cached docs (the evaluator's scorer, same numbers as ``newsie evaluate``)."""
    from newsie.evaluate.events import score_events
    from newsie.schema import EventRecord

    events = nlp.get_pipe("newsie_events")
    rows = []
    for d, doc in zip(docs, cached, strict=True):
        if "events" not in (d.get("layers") or ["events"]):
            continue
        gold = [EventRecord.model_validate(e) for e in d.get("events", [])]
        rows.append((d["id"], d["text"], gold, list(events(doc)._.events), d.get("topic")))
    s, _ = score_events(rows)
    for line in summary_lines(s.to_dict()):
        print(line)


def summary_lines(out: dict) -> list[str]:
    """The numbers of issue #17 (and the trigger/argument F1 that must not drop), one per line."""

    def acc(name: str) -> str:
        a = out[name]
        return f"{name} {100 * a['accuracy']:.1f}% ({a['correct']}/{a['total']})"

    co = out["coreference"]
    return [
        f"{out['n_gold']} gold events, {out['n_pred']} records",
        f"trigger classification F1 {100 * out['trigger_classification']['f1']:.1f}, "
        f"argument classification F1 {100 * out['argument_classification']['f1']:.1f}",
        *(acc(k) for k in ("record_precision", "fully_right", "modality", "casualties", "time_value")),
        f"coreference MUC F1 {100 * co['muc']['f1']:.1f}, B3 F1 {100 * co['b3']['f1']:.1f}, "
        f"CoNLL-style avg {100 * co['avg_f1']:.1f}",
        "arguments per role (tp/fp/fn): " + ", ".join(
            f"{r} {v['tp']}/{v['fp']}/{v['fn']}" for r, v in out["argument_classification_per_role"].items()),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--score", action="store_true", help="score the dev split from the cache (no timing)")
    args = parser.parse_args(argv)
    import newsie

    nlp = newsie.load()
    if args.score:
        docs = documents(("dev",))
        score(nlp, docs, parsed(nlp, docs))
        return 0
    docs = documents()
    nlp(docs[0]["text"])  # warm-up
    t = timing(nlp, docs, args.repeat)
    n_chars = sum(len(d["text"]) for d in docs)
    print(f"{len(docs)} documents, {n_chars} characters (seed + seen + dev)")
    print(f"pipeline without events: {t['rest_s']:.2f} s; events: {t['events_s']:.3f} s "
          f"= {100 * t['events_share_of_rest']:.1f}% added to the rest of the pipeline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
