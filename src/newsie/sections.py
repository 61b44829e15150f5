"""Long documents through the pipeline in sections, so a worker's memory does not grow with the document.

Why: spaCy's base components (tok2vec, tagger, parser, attribute ruler,
lemmatizer) run over a whole ``Doc`` at once, and the tok2vec's intermediate
arrays cost about 15 KB per token: a 150k-word document needed over 3 GB in
that one step.  Their analysis is local (a sentence never crosses a paragraph
break), so a long document is cut at line breaks into sections of at most
:data:`SECTION_TOKENS` tokens, each section is analysed as its own ``Doc`` and
its annotations (tags, lemmas, morphology, dependency tree and so sentence
boundaries) are copied back into the one document, whose tokens stay those
of the whole text.  newsie's own components then run over the whole document:
the NER already reads it in windows, and the rule components are linear in
its length (``benchmarks/bench_scaling.py``), so cross-paragraph rules
(coreference, merges) still see everything.

Documents of up to :data:`SECTION_TOKENS` tokens (every ordinary news article)
take the plain path and are analysed exactly as before.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

#: Largest section (tokens) analysed by the base components in one piece (~3,000 words).
SECTION_TOKENS = 4000


def base_components(nlp: Language) -> list[tuple[str, Any]]:
    """The leading components that are not newsie's own (the spaCy base pipeline): these run per section."""
    out = []
    for name, proc in nlp.pipeline:
        if name.startswith("newsie_"):
            break
        out.append((name, proc))
    return out


def cut_points(doc: Doc, size: int | None = None) -> list[int]:
    """Token offsets where sections start (0 first): after a line break, else after a sentence-final
    ``.``/``!``/``?``, else (a text without either) exactly at ``size``; no section exceeds ``size``."""
    size = size or SECTION_TOKENS
    cuts = [0]
    n = len(doc)
    while n - cuts[-1] > size:
        lo, hi = cuts[-1] + size // 2, cuts[-1] + size
        best = None
        for i in range(hi - 1, lo - 1, -1):  # latest line break in the second half of the window
            tok = doc[i]
            if tok.is_space and "\n" in tok.text:
                best = i + 1
                break
        if best is None:
            for i in range(hi - 1, lo - 1, -1):
                tok = doc[i]
                if tok.text in (".", "!", "?") and tok.whitespace_:
                    best = i + 1
                    break
        cuts.append(best if best is not None else hi)
    return cuts


def analyse_in_sections(nlp: Language, doc: Doc, size: int | None = None,
                        times: dict[str, float] | None = None) -> Doc:
    """Run the base components over ``doc`` section by section and copy their annotations back.

    ``times`` (optional) accumulates seconds per component (the scaling benchmark).
    """
    base = base_components(nlp)
    names = {name for name, _ in base}
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    if "ner" in names:
        attrs += [ENT_IOB, ENT_TYPE]
    cuts = [*cut_points(doc, size), len(doc)]
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        sub = doc[start:end].as_doc()
        for name, proc in base:
            t0 = time.perf_counter()
            sub = proc(sub)
            if times is not None:
                times[name] = times.get(name, 0.0) + time.perf_counter() - t0
        parts.append(sub.to_array(attrs))
    # HEAD is stored relative to the token, so the sections' arrays concatenate into the document's.
    doc.from_array(attrs, np.concatenate(parts).astype("uint64"))
    return doc


def pipe(nlp: Language, stream: Iterable[tuple[Doc, Any]], batch_size: int,
         size: int | None = None) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe(stream, as_tuples=True)``, with documents longer than ``size`` tokens analysed in sections.

    Order is kept: each batch's short documents go through ``nlp.pipe`` as one
    batch, long ones through :func:`analyse_in_sections` and the remaining
    (newsie) components one by one.
    """
    size = size or SECTION_TOKENS
    late = list(nlp.pipeline[len(base_components(nlp)):])
    for batch in minibatch(stream, size=batch_size):
        short = [(d, m) for d, m in batch if len(d) <= size]
        done = nlp.pipe(iter(short), as_tuples=True, batch_size=batch_size) if short else iter(())
        for d, m in batch:
            if len(d) <= size:
                yield next(done)
                continue
            analyse_in_sections(nlp, d, size)
            for _name, proc in late:
                d = proc(d)
            yield d, m


__all__ = ["SECTION_TOKENS", "analyse_in_sections", "base_components", "cut_points", "pipe"]
