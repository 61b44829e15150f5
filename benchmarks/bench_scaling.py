"""Per-component cost against document length, and peak memory of one very long document.

Why: a component whose cost grows faster than the document (a loop over all
entities for every event, a Matcher pattern with an unbounded ``+``) is
invisible on news-sized inputs and fatal on a long one.  This benchmark runs
every pipeline component on one document of 5k, 20k and 80k words (real
repository text: the seed article and the gold texts, paragraphs shuffled with
a fixed seed) and prints the time per 1,000 words of each component at each
size and the ratio largest/smallest size; a linear component has a ratio near
1 (the target is <= 1.5).

``--rss WORDS`` additionally runs ``newsie extract`` on one document of WORDS
words in a subprocess and reports its peak resident memory (``ru_maxrss`` of
the child), the number the 1.5 GB budget is about.

The machine is shared: compare numbers within one run only.

Numbers (issue #21 closing note; 2 shared CPU cores, load average ~10, one
torch thread), s per 1k words at 5k / 20k / 80k words and ratio 80k/5k:
tok2vec 0.393 / 0.146 / 0.133 (0.34), parser 0.273 / 0.110 / 0.129 (0.47),
newsie_ner 3.179 / 3.476 / 2.223 (0.70), newsie_numbers 0.013 / 0.019 / 0.009
(0.67), newsie_normalize 0.015 / 0.014 / 0.015 (1.02), newsie_events 0.044 /
0.031 / 0.037 (0.83), total 4.380 / 3.928 / 2.661 (0.61): every component
within 1.5x.  Before the fixes the event step alone went 0.8 / 2.7 / 11 / 49 s
at 5k / 10k / 20k / 40k words.  ``--rss 150000``: peak RSS 1,213 MiB (658 s,
exit 0); before the base components ran in sections (``newsie.sections``) the
same run passed 3.1 GB within its first 81 s.

Usage: ``python benchmarks/bench_scaling.py [--sizes 5000 20000 80000] [--rss 150000] [--profile 20000]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]


def paragraphs() -> list[str]:
    """Paragraphs of real news text shipped in the repository (seed article + gold texts)."""
    files = sorted((REPO / "data" / "seeds").glob("*.txt")) + sorted((REPO / "data" / "gold" / "texts").glob("*.txt"))
    out = []
    for f in files:
        out.extend(p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8)
    if not out:
        raise SystemExit("no text found under data/seeds and data/gold/texts")
    return out


def make_text(words: int, seed: int = 13) -> str:
    """A document of about ``words`` words: shuffled paragraphs, blank-line separated, deterministic."""
    paras = paragraphs()
    rng = random.Random(seed)
    out: list[str] = []
    n = 0
    while n < words:
        order = paras[:]
        rng.shuffle(order)
        for p in order:
            out.append(p)
            n += len(p.split())
            if n >= words:
                break
    return "\n\n".join(out)


def time_components(nlp, text: str) -> dict[str, float]:
    """Seconds spent in each component (and the tokenizer) on one document, as ``extract`` runs them.

    A document longer than ``newsie.sections.SECTION_TOKENS`` has its spaCy base
    components run section by section (their times summed), as the library does.
    """
    from newsie import sections
    from newsie.api import make_doc

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    doc = make_doc(nlp, text, date="2023-02-02", doc_id="bench")
    times["tokenizer"] = time.perf_counter() - t0
    base = sections.base_components(nlp)
    if len(doc) > sections.SECTION_TOKENS:
        sections.analyse_in_sections(nlp, doc, times=times)
    else:
        for name, proc in base:
            t0 = time.perf_counter()
            doc = proc(doc)
            times[name] = time.perf_counter() - t0
    for name, proc in nlp.pipeline[len(base):]:
        t0 = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - t0
    return times


def peak_rss_of_extract(words: int) -> tuple[float, float, int]:
    """(peak RSS in MiB, wall seconds, exit code) of ``newsie extract`` on one ``words``-word document."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "long.txt"
        src.write_text(make_text(words), encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        code = (
            "import resource, sys\n"
            "from newsie.cli import main\n"
            f"rc = main(['extract', {str(src)!r}, '-o', {str(out)!r}, '--no-progress', '--doc-timeout', '0'])\n"
            "print('MAXRSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(rc)\n"
        )
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        kb = next((int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("MAXRSS_KB")), -1)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
        return kb / 1024, wall, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[5000, 20000, 80000])
    ap.add_argument("--model", default=None, help="NER model directory (default: the shipped one)")
    ap.add_argument("--rss", type=int, default=0, metavar="WORDS", help="also measure peak RSS on WORDS words")
    ap.add_argument("--profile", type=int, default=0, metavar="WORDS",
                    help="cProfile the rule components on a WORDS-word document (top 25 by cumulative time)")
    ap.add_argument("--json", type=Path, default=None, help="write the numbers here")
    args = ap.parse_args()

    import torch

    from newsie.pipeline import load

    torch.set_num_threads(1)
    nlp = load(args.model)
    nlp.max_length = 10_000_000
    if args.sizes:
        time_components(nlp, make_text(500))  # warm-up: lazy imports, lexicon loads
    table: dict[int, dict[str, float]] = {}
    result: dict = {}
    for size in sorted(args.sizes):
        text = make_text(size)
        words = len(text.split())
        times = time_components(nlp, text)
        table[size] = {k: v * 1000 / words for k, v in times.items()}
        table[size]["total"] = sum(times.values()) * 1000 / words
        print(f"{size:>7} words ({len(text):,} chars): "
              + ", ".join(f"{k} {v:.3f}" for k, v in table[size].items()) + "  (s per 1k words)", flush=True)
    if len(table) >= 2:
        small, large = min(table), max(table)
        ratios = {k: table[large][k] / max(table[small][k], 1e-9) for k in table[small]}
        print(f"\nratio of s/1k words at {large} vs {small} words:")
        for k, r in ratios.items():
            verdict = "ok" if r <= 1.5 else "SUPER-LINEAR"
            print(f"  {k:<18} {r:6.2f}  {verdict}")
        result = {"per_1k_words": table, "ratios": ratios}
    if args.profile:
        import cProfile
        import pstats

        from newsie.api import make_doc

        doc = make_doc(nlp, make_text(args.profile), date="2023-02-02")
        rules = {"newsie_numbers", "newsie_normalize", "newsie_events"}
        for name, proc in nlp.pipeline:
            if name not in rules:
                doc = proc(doc)
        prof = cProfile.Profile()
        prof.enable()
        for name, proc in nlp.pipeline:
            if name in rules:
                doc = proc(doc)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    if args.rss:
        mib, wall, rc = peak_rss_of_extract(args.rss)
        print(f"\nnewsie extract on one {args.rss}-word document: peak RSS {mib:,.0f} MiB, {wall:.0f} s, exit {rc}")
        result["rss"] = {"words": args.rss, "peak_rss_mib": mib, "wall_s": wall, "exit": rc}
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
