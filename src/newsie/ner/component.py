"""``newsie_ner``: a thin spaCy component around newsie's own torch NER model.

Why not spacy-transformers: it pins ``transformers<4.53.3`` while this project
runs transformers 5.x, and the model is a small BertModel plus a casing
embedding (:mod:`newsie.ner.model`), so a direct component is simpler.

Why this module imports nothing heavy: spaCy imports every registered factory
entry point whenever any ``Language`` is created, so torch/transformers are
imported only when the component is constructed.

What it does per batch of docs: encode each text once, cut it into
sentence-aware overlapping windows of at most ``max_length`` subwords (so a
document of any length is read to the end), run all windows of the batch
sorted by length in padded batches under ``torch.inference_mode``, keep for
every word the prediction of the window where it sits farthest from a cut,
decode BIO to character spans, and map them to spaCy tokens by character
offsets (:func:`align`).  The spans replace ``doc.ents`` and carry
``span._.rule == "newsie_ner"``.
"""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from newsie import extensions

RULE = "newsie_ner"


class NewsieNer:
    """The component object; ``model_id`` names the exact weights (``newsie-ner-<sha12>``)."""

    def __init__(
        self, nlp: Language, name: str, model: str | None, batch_size: int, quantize: bool | str | None, threads: int | None
    ):
        extensions.register()
        from newsie.pipeline import default_ner_path

        self.name = name
        self.path = Path(model) if model else default_ner_path()
        if not (self.path / "config.json").exists():
            raise FileNotFoundError(f"newsie_ner: no model at {self.path} (config.json missing)")
        self.batch_size = batch_size
        self._set_threads(threads)
        self.quantize = quantize
        self._load()

    @staticmethod
    def _set_threads(threads: int | None) -> None:
        """A few threads help a little per process; more only contend (issue 3's probe)."""
        import torch

        n = threads or int(os.environ.get("NEWSIE_THREADS", "0")) or min(4, os.cpu_count() or 1)
        torch.set_num_threads(max(1, n))

    def _load(self) -> None:
        from newsie.ner.model import WEIGHTS, quant_suffix, sha256_file
        from newsie.ner.predict import Tagger

        self.tagger = Tagger.from_dir(self.path, quantize=self.quantize, batch_size=self.batch_size)
        self.model_id = f"newsie-ner-{sha256_file(self.path / WEIGHTS)[:12]}"
        self.model_id += quant_suffix(self.tagger.config.get("quantize_active"))

    def set_quantized(self, quantize: bool | str | None) -> None:
        """Reload with (True or a scheme name) or without (False) dynamic int8; None: as config.json says."""
        self.quantize = quantize
        self._load()

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({t[2:] for t in self.tagger.tags if t != "O"}))

    def __call__(self, doc: Doc) -> Doc:
        return self._process([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        starts = [
            [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0] for doc in docs
        ]
        for doc, spans in zip(docs, self.tagger.spans([d.text for d in docs], starts), strict=True):
            ents = []
            for s, e, label in spans:
                span = align(doc, s, e, label)
                if span is not None and len(span):
                    ents.append(span)
            doc.ents = filter_spans(ents)
            for ent in doc.ents:
                ent._.rule = RULE
        return docs


def align(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The spaCy span for the model's character span ``[start, end)``, or None.

    The model's words (BERT pre-tokenisation) are finer than spaCy's tokens in
    places: spaCy keeps "baths.[3" of "baths.[3]" as one token, where the model
    sees "3" alone.  Expanding to whole tokens is right when the model's span
    covers most of the token text ("U.S" of "U.S."), wrong when it would swallow
    a neighbouring word (a footnote number "3" becoming the entity "baths.[3").
    So: expand when the span is at least half of the expanded text, else
    contract to the whole tokens inside it, else drop the span.
    """
    exact = doc.char_span(start, end, label=label)
    if exact is not None:
        return exact if len(exact) else None
    wide = doc.char_span(start, end, label=label, alignment_mode="expand")
    if wide is not None and len(wide) and 2 * (end - start) >= wide.end_char - wide.start_char:
        return wide
    narrow = doc.char_span(start, end, label=label, alignment_mode="contract")
    return narrow if narrow is not None and len(narrow) else None


@Language.factory(
    "newsie_ner",
    default_config={"model": None, "batch_size": 4, "quantize": None, "threads": None},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "span._.rule"],
)
def make_newsie_ner(
    nlp: Language, name: str, model: str | None, batch_size: int, quantize: bool | str | None, threads: int | None
) -> NewsieNer:
    """Factory: ``model`` is a model directory (default ``models/newsie-ner``)."""
    return NewsieNer(nlp, name, model, batch_size, quantize, threads)
