"""Benchmark ``newsie extract --workers 1`` vs ``--workers 2`` vs plain ``en_core_web_sm`` ``nlp.pipe``.

All three run in the same invocation over the same >= 500 documents made by
``make_docs.py`` from real repository text.  ``newsie extract`` runs as a
subprocess (as users run it), so its times include process start and model
loads; each worker count is also run on a single document to measure that
start-up, and throughput "excluding start-up" subtracts it.  The outputs of
the two worker counts are compared byte for byte.

The machine is shared: numbers are only comparable within one run (ratios).

Usage: ``python benchmarks/bench_batch.py [-n 500] [--batch-size 16] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_docs import write_docs  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes waited-for grandchildren (pool workers)
    return ru.ru_utime + ru.ru_stime


def run_extract(src: Path, out: Path, workers: int, batch_size: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the process and its workers) of one ``newsie extract`` run."""
    cmd = [sys.executable, "-m", "newsie.cli", "extract", str(src), "-o", str(out), "--workers", str(workers),
           "--batch-size", str(batch_size), "--no-progress", "--date", "2023-02-02"]
    t0, c0 = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    wall, cpu = time.perf_counter() - t0, _child_cpu() - c0
    if proc.returncode != 0:
        raise SystemExit(f"extract --workers {workers} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, cpu


def baseline_sm(texts: list[str], batch_size: int) -> tuple[float, float, float]:
    import torch

    from newsie.pipeline import load_baseline

    torch.set_num_threads(1)
    t0, c0 = time.perf_counter(), time.process_time()
    nlp = load_baseline("sm")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return load, time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsie-bench-") as tmp:
        root = Path(tmp)
        paths = write_docs(root / "docs", a.n)
        one = root / "one"
        one.mkdir()
        (one / paths[0].name).write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
        texts = [p.read_text(encoding="utf-8") for p in paths]
        words = sum(len(t.split()) for t in texts)
        rows: dict[str, dict[str, float]] = {}
        sm_load, sm_pipe, sm_cpu = baseline_sm(texts, a.batch_size)
        rows["en_core_web_sm nlp.pipe"] = {"wall_s": sm_load + sm_pipe, "startup_s": sm_load, "work_s": sm_pipe,
                                           "cpu_s": sm_cpu}
        outputs = {}
        for w in a.workers:
            startup, _ = run_extract(one, root / f"one{w}.jsonl", w, a.batch_size)
            wall, cpu = run_extract(root / "docs", root / f"out{w}.jsonl", w, a.batch_size)
            outputs[w] = (root / f"out{w}.jsonl").read_bytes()
            rows[f"newsie extract --workers {w}"] = {"wall_s": wall, "startup_s": startup,
                                                    "work_s": max(wall - startup, 1e-9), "cpu_s": cpu}
        identical = len({*outputs.values()}) == 1
    print(f"{a.n} documents, {words} words, batch size {a.batch_size}, CPUs {os.cpu_count()} (shared machine)")
    print(f"{'engine':32} {'wall s':>8} {'docs/s':>8} {'words/s':>9} | {'start s':>7} {'docs/s*':>8} {'words/s*':>9}"
          f" | {'CPU s':>7} {'CPUs got':>8}")
    for name, r in rows.items():
        r.update(docs_s=a.n / r["wall_s"], words_s=words / r["wall_s"], docs_s_work=a.n / r["work_s"],
                 words_s_work=words / r["work_s"])
        print(f"{name:32} {r['wall_s']:8.1f} {r['docs_s']:8.2f} {r['words_s']:9.0f} | {r['startup_s']:7.1f} "
              f"{r['docs_s_work']:8.2f} {r['words_s_work']:9.0f} | {r['cpu_s']:7.1f} {r['cpu_s'] / r['wall_s']:8.2f}")
    print("* excluding start-up (process start + model loads, measured on a 1-document run); "
          "CPUs got = CPU s / wall s: what the shared machine actually gave the run")
    summary: dict[str, object] = {"docs": a.n, "words": words, "rows": rows, "outputs_identical": identical}
    if 1 in a.workers and 2 in a.workers:
        w1, w2 = rows["newsie extract --workers 1"], rows["newsie extract --workers 2"]
        summary["speedup_w2_vs_w1"] = w1["wall_s"] / w2["wall_s"]
        summary["speedup_w2_vs_w1_excl_startup"] = w1["work_s"] / w2["work_s"]
        print(f"--workers 2 vs 1: {summary['speedup_w2_vs_w1']:.2f}x end to end, "
              f"{summary['speedup_w2_vs_w1_excl_startup']:.2f}x excluding start-up (target >= 1.6x)")
    print(f"outputs of all worker counts byte-identical: {identical}")
    if a.json:
        a.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
