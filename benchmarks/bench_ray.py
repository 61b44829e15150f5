"""Benchmark the local engine (``--workers 2``) against the Ray engine (``--engine ray --actors 2``).

Same documents (``make_docs.py``, real repository text), same batch size, both
run as ``newsie extract`` subprocesses one after the other, so times include
process start, Ray start-up (local Ray) and model loads.  The Ray JSONL
partitions, concatenated in name order, are compared byte for byte with the
local engine's JSONL.  The machine is shared: compare only within one run.

Usage: ``python benchmarks/bench_ray.py [-n 500] [--batch-size 16] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_docs import write_docs  # noqa: E402


def _extract(*args: str) -> float:
    cmd = [sys.executable, "-m", "newsie.cli", "extract", *args, "--no-progress", "--date", "2023-02-02"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    try:
        import ray  # noqa: F401
    except ImportError:
        raise SystemExit("Ray is not installed: pip install 'newsie[ray]'") from None
    with tempfile.TemporaryDirectory(prefix="newsie-bench-ray-") as tmp:
        root = Path(tmp)
        paths = write_docs(root / "docs", a.n)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        bs = str(a.batch_size)
        local_s = _extract(str(root / "docs"), "-o", str(root / "local.jsonl"), "--workers", "2", "--batch-size", bs)
        ray_s = _extract(str(root / "docs"), "-o", str(root / "ray"), "--engine", "ray", "--actors", "2",
                         "--batch-size", bs)
        ray_bytes = b"".join(p.read_bytes() for p in sorted((root / "ray" / "records").glob("part-*.jsonl")))
        identical = ray_bytes == (root / "local.jsonl").read_bytes()
    rows = {"local --workers 2": local_s, "ray --actors 2": ray_s}
    print(f"{a.n} documents, {words} words, batch size {a.batch_size}, CPUs {os.cpu_count()} (shared machine)")
    print(f"{'engine':20} {'wall s':>8} {'docs/s':>8} {'words/s':>9}")
    for name, secs in rows.items():
        print(f"{name:20} {secs:8.1f} {a.n / secs:8.2f} {words / secs:9.0f}")
    print(f"ray / local wall time: {ray_s / local_s:.2f}x; records byte-identical: {identical}")
    if a.json:
        a.json.write_text(json.dumps({"docs": a.n, "words": words, "wall_s": rows, "identical": identical}, indent=2)
                          + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
