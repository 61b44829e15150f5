"""Batched, windowed inference: texts (with sentence starts) -> character entity spans.

Shared by the spaCy component and by training's dev evaluation, so the F1
logged per epoch is the F1 of exactly the code that ships.  Windows of all
texts in a call are sorted by length and run in padded batches (length
buckets) on a runtime of :mod:`newsie.ner.runtime` (ONNX Runtime or PyTorch).  Each word takes the tag
log-probabilities of the window where it is farthest from a cut, and the tags
of a text are decoded jointly (BIO-constrained Viterbi), not word by word.
"""

from __future__ import annotations

import functools
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newsie.ner.windows import (
    WINDOW_OVERLAP,
    Encoded,
    bio_transitions,
    boundaries_from_chars,
    decode,
    encode,
    merge_window_rows,
    viterbi,
    window_inputs,
    windows,
)


class Tagger:
    """A loaded NER model plus tokenizer with a ``spans`` method."""

    #: Windows per forward pass on PyTorch.  Small on purpose: on this 2-core CPU, batches of 32 windows of
    #: 256 subwords ran 19% and 58% slower than batches of 4 in two (noisy) sweeps, with identical
    #: entities; a likely cause is that a big batch's activations no longer fit in cache.
    BATCH = 4
    #: Positions (rows x padded width) per forward pass on ONNX Runtime, at most ``MAX_ROWS`` windows.
    #: Why a budget and not a window count (issue 20's profile, CPU seconds, one thread): full
    #: 256-subword windows ran 13-25% faster one per call than four per call, while 60 headline windows
    #: (~17 subwords) ran 20-35% faster four per call than one (each call has a fixed cost).  A budget
    #: of 384 positions runs a full window alone (two would fit 512) and packs short ones (four wire-story
    #: windows, twenty headlines); windows are length-sorted first, so little is padding.
    TOKENS = 384
    MAX_ROWS = 32

    def __init__(self, model: Any, tokenizer: Any, config: dict[str, Any], batch_size: int | None = None,
                 batch_tokens: int | None = None):
        """``model``: a runtime (:mod:`newsie.ner.runtime`): numpy ``(ids, case, mask) -> log-probs``.

        ``batch_tokens`` (positions per forward pass) wins over ``batch_size`` (windows per pass); with
        neither, ONNX Runtime gets :attr:`TOKENS` and PyTorch :attr:`BATCH` windows.
        """
        self.model = model
        self.tokenizer = tokenizer
        self.config = config
        self.tags: list[str] = list(config["tags"])
        self.size = int(config.get("max_length", 256)) - 2
        self.overlap = int(config.get("window_overlap", WINDOW_OVERLAP))
        onnx = getattr(model, "runtime", "torch") == "onnx"
        self.batch_size = batch_size or (self.MAX_ROWS if onnx else self.BATCH)
        self.batch_tokens = batch_tokens or (self.TOKENS if onnx and batch_size is None else None)
        self.cls_id = tokenizer.token_to_id("[CLS]")
        self.sep_id = tokenizer.token_to_id("[SEP]")
        self.pad_id = tokenizer.token_to_id("[PAD]")
        self.start, self.trans = bio_transitions(self.tags)
        self.relabel = label_rules()
        #: Running totals for profiling (benchmarks/profile_pipeline.py): seconds spent encoding, in the
        #: network and decoding; texts, windows, real subwords and padded positions the network computed.
        self.stats: Counter[str] = Counter()

    @property
    def runtime(self) -> str:
        """``onnx`` or ``torch``: what runs the network."""
        return str(getattr(self.model, "runtime", "torch"))

    @classmethod
    def from_dir(
        cls,
        path: Path,
        quantize: bool | str | None = None,
        batch_size: int | None = None,
        runtime: str | None = None,
        threads: int | None = None,
    ) -> Tagger:
        """Load a model directory with ``runtime`` (None: see :func:`newsie.ner.runtime.choose_runtime`).

        ``quantize`` (dynamic int8, None: as ``config.json`` says) applies to the PyTorch runtime only;
        the ONNX runtime runs the exported file as it is (its variant is in ``config.json``'s ``onnx``).
        """
        import json

        from newsie.ner import runtime as R

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        chosen = R.choose_runtime(path, config, runtime)
        if chosen == "onnx":
            if quantize:
                raise ValueError("dynamic int8 (quantize) is a PyTorch-runtime option; the ONNX file is run as exported")
            net: Any = R.OnnxEncoder(path / R.onnx_file(config), threads)
            variant = str((config.get("onnx") or {}).get("variant", "fp32"))
            config = {**config, "quantize_active": None, "runtime_active": "onnx", "variant_active": variant}
            return cls(net, R.load_tokenizer(path), config, batch_size=batch_size)
        from newsie.ner import model as M

        torch_net, config = M.load(path)
        scheme = M.quant_scheme(config.get("quantize", False) if quantize is None else quantize)
        if scheme:
            torch_net = M.quantize(torch_net, scheme)
        config = {**config, "quantize_active": scheme, "runtime_active": "torch",
                  "variant_active": "int8" + R.quant_suffix(scheme)[5:] if scheme else "fp32"}
        R.set_torch_threads(threads)
        return cls(R.TorchEncoder(torch_net), R.load_tokenizer(path), config, batch_size=batch_size)

    def spans(
        self, texts: Sequence[str], sent_starts: Sequence[Sequence[int]] | None = None
    ) -> list[list[tuple[int, int, str]]]:
        """Entity spans ``(start_char, end_char, label)`` of each text."""
        t0 = time.perf_counter()
        encs: list[Encoded] = [encode(self.tokenizer, t) for t in texts]
        jobs: list[tuple[int, int, int]] = []  # (text index, a, b)
        wins_of: list[list[tuple[int, int]]] = []
        for k, enc in enumerate(encs):
            starts = sent_starts[k] if sent_starts is not None else [0]
            sent = boundaries_from_chars(enc, starts)
            ws = windows(len(enc.ids), sent, enc.word_first, self.size, self.overlap)
            wins_of.append(ws)
            jobs += [(k, a, b) for a, b in ws]
        t1 = time.perf_counter()
        preds = self._run(encs, jobs)
        t2 = time.perf_counter()
        out: list[list[tuple[int, int, str]]] = []
        for k, enc in enumerate(encs):
            ws = wins_of[k]
            rows = merge_window_rows(enc, ws, [preds[(k, a, b)] for a, b in ws])
            path = viterbi(np.stack(rows), self.start, self.trans) if rows else []
            spans = decode([self.tags[i] for i in path], enc.word_span, enc.text)
            fixed = []
            for i, sp in enumerate(spans):
                limit = spans[i + 1][0] if i + 1 < len(spans) else len(enc.text)
                new = self.relabel(enc.text, sp, limit)
                if new is not None:
                    fixed.append(new)
            out.append(fixed)
        self.stats.update({"texts": len(texts), "subwords": sum(len(e.ids) for e in encs)})
        self.stats["encode_s"] += t1 - t0
        self.stats["decode_s"] += time.perf_counter() - t2
        return out

    def _run(self, encs: list[Encoded], jobs: list[tuple[int, int, int]]) -> dict[tuple[int, int, int], Any]:
        """Tag log-probabilities ``[b - a, n_tags]`` (numpy) of every window job ``(text, a, b)``.

        Windows are sorted by length before batching, so a batch pads little; the
        network sees each window on its own (its attention mask hides the padding),
        so a window's output does not depend on its batch neighbours.
        """
        order = sorted(jobs, key=lambda j: j[2] - j[1])
        result: dict[tuple[int, int, int], Any] = {}
        for batch in self._batches(order):
            width = max(b - a for _, a, b in batch) + 2
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            case = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for r, (k, a, b) in enumerate(batch):
                t_ids, c_ids = window_inputs(encs[k], a, b, self.cls_id, self.sep_id)
                ids[r, : len(t_ids)] = t_ids
                case[r, : len(c_ids)] = c_ids
                mask[r, : len(t_ids)] = 1
            t0 = time.perf_counter()
            logp = self.model(ids, case, mask)
            self.stats["forward_s"] += time.perf_counter() - t0
            self.stats.update({"windows": len(batch), "window_subwords": int(mask.sum()), "positions": ids.size,
                               "batches": 1})
            for r, (k, a, b) in enumerate(batch):
                result[(k, a, b)] = logp[r, 1 : 1 + b - a]
        return result


    def _batches(self, order: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
        """Consecutive runs of the length-sorted jobs: ``batch_size`` windows, within ``batch_tokens`` positions."""
        out: list[list[tuple[int, int, int]]] = []
        cur: list[tuple[int, int, int]] = []
        for job in order:
            width = job[2] - job[1] + 2  # sorted: this window is the widest of the batch so far
            over = self.batch_tokens is not None and (len(cur) + 1) * width > self.batch_tokens
            if cur and (len(cur) >= self.batch_size or over):
                out.append(cur)
                cur = []
            cur.append(job)
        if cur:
            out.append(cur)
        return out


@functools.cache
def label_rules():
    """``(text, span, limit=None) -> span | None``: the post-decoding rules of ``labels.json``.

    In this order: ``split_lines`` (a span across a line break keeps its longest
    line), ``strip_trailing``, ``pattern_relabel`` (a whole-text regex relabels a
    span, or drops it when ``to`` is null), ``unit_quantity`` (a number with a
    unit becomes QUANTITY and takes the unit in), ``gazetteer_relabel``,
    ``attach_suffix`` ("1230 BC") and ``attach_prefix`` ("$").  Nothing is
    extended past ``limit``, the start of the next entity.  Why rules after
    the model: each fixes a class of error that the form of the text decides
    (an ordinal suffix, a unit, a line break, a known outlet), which a small
    model trained on mixed conventions gets wrong.

    ``gazetteer_relabel`` is a list of rules (one object is read as a list of one);
    the first rule whose ``from`` has the span's label and whose ``lists`` hold its
    whole name decides the new label.
    """
    from newsie.ner.labels import gazetteer_lists, label_data, norm_name, strip_leading

    data = label_data()
    raw = data.get("gazetteer_relabel") or []
    lists = gazetteer_lists()
    relabels = [
        (frozenset(r["from"]), r["to"], frozenset(norm_name(x) for key in r["lists"] for x in lists[key]))
        for r in ([raw] if isinstance(raw, dict) else raw)
    ]
    patterns = [(frozenset(r["from"]), re.compile(r["regex"]), r["to"]) for r in data.get("pattern_relabel") or []]
    units = unit_patterns(data.get("unit_quantity"))
    prefixes = {lab: sorted(v, key=len, reverse=True)
                for lab, v in (data.get("attach_prefix") or {}).items() if not lab.startswith("_")}
    suffixes = {lab: sorted(v, key=len, reverse=True)
                for lab, v in (data.get("attach_suffix") or {}).items() if not lab.startswith("_")}
    split_lines = bool((data.get("split_lines") or {}).get("enabled"))
    trailing = data.get("strip_trailing") or {}
    tail_words = frozenset(w.lower() for w in trailing.get("words", ()))
    tail_chars = tuple(trailing.get("chars", ()))

    def apply(text: str, span: tuple[int, int, str], limit: int | None = None) -> tuple[int, int, str] | None:
        end_limit = len(text) if limit is None else limit
        if split_lines and "\n" in text[span[0]:span[1]]:
            span = _longest_line(text, *span)
            if span[0] >= span[1]:
                return None
        s, e, label = _strip_trailing(text, *span, tail_words, tail_chars)
        for frm, rx, to in patterns:
            if label in frm and rx.search(text[s:e]):
                if to is None:
                    return None
                label = to
                break
        if units is not None and label in units.sources:
            if units.ends.search(text[s:e]):
                label = units.to
            else:
                m = units.follows.match(text, e)
                if m and m.end() <= end_limit:
                    e, label = m.end(), units.to
        name = None
        for frm, to, names in relabels:
            if label in frm:
                if name is None:
                    name = norm_name(text[slice(*strip_leading(text, s, e))])
                if name in names:
                    return (s, e, to)
        for sym in suffixes.get(label, ()):
            end = e + len(sym)
            if text.startswith(sym, e) and end <= end_limit and not text[end:end + 1].isalnum():
                e = end
                break
        for sym in prefixes.get(label, ()):
            if s >= len(sym) and text[s - len(sym):s] == sym:
                return (s - len(sym), e, label)
        return (s, e, label)

    return apply


class UnitPatterns(NamedTuple):
    """Compiled ``unit_quantity`` rule: ``ends`` finds a unit closing a span, ``follows`` one right after it."""

    sources: frozenset[str]
    to: str
    ends: re.Pattern[str]
    follows: re.Pattern[str]


def unit_patterns(rule: dict[str, Any] | None) -> UnitPatterns | None:
    """Regexes of the ``unit_quantity`` rule (``None`` when the label file has none)."""
    if not rule:
        return None

    def alt(items: Sequence[str]) -> str:
        return "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))

    space = r"[ \u00a0\u202f]"
    unit = (
        rf"(?:(?i:{alt(rule.get('prefixes', []))}){space}+)?"
        rf"(?:{alt(rule['symbols'])}|(?i:{alt(rule['words'])})(?:e?s)?)"
        rf"(?:(?:/|{space}+(?i:per){space}+)(?i:{alt(rule.get('rate', []))}))?"
        r"(?![\w²³·/])"
    )
    return UnitPatterns(
        sources=frozenset(rule["from"]),
        to=rule["to"],
        # "84 MW", "10-km", "150km", "two feet"; after a letter only with a space or hyphen ("dozens" is no "ns")
        ends=re.compile(rf"(?:(?<=\d)(?:{space}|-)?|(?<=[^\W\d]){space}|(?<=[^\W\d])-){unit}$"),
        follows=re.compile(rf"(?:{space}|-)?{unit}"),
    )


def _longest_line(text: str, s: int, e: int, label: str) -> tuple[int, int, str]:
    """The longest line of ``text[s:e]`` (surrounding spaces cut) as a span of the same label."""
    best = (s, s)
    pos = s
    for line in text[s:e].split("\n"):
        a = pos + len(line) - len(line.lstrip())
        b = pos + len(line.rstrip())
        if b - a > best[1] - best[0]:
            best = (a, b)
        pos += len(line) + 1
    return (*best, label)


def _strip_trailing(
    text: str, s: int, e: int, label: str, words: frozenset[str], chars: tuple[str, ...]
) -> tuple[int, int, str]:
    """Cut trailing ``words``/``chars`` off ``text[s:e]``, never emptying it."""
    while True:
        piece = text[s:e].rstrip()
        head, sep, last = piece.rpartition(" ")
        if len(piece) > 1 and piece.endswith(chars):
            e = s + len(piece) - 1
        elif sep and head.strip() and last.lower() in words:
            e = s + len(head.rstrip())
        else:
            return (s, s + len(piece), label)
