"""``newsie_ner``: a thin spaCy component around newsie's own NER model (ONNX Runtime by default, or PyTorch).

It saves and loads itself like any spaCy component: ``to_disk`` writes the model
folder (safetensors weights, tokenizer files, config.json) into the component's
folder of a saved pipeline, ``from_disk`` reads it back, and the pipeline config
holds no path.

Why not spacy-transformers: it pins ``transformers<4.53.3`` while this project
runs transformers 5.x, and the model is a small BertModel plus a casing
embedding (:mod:`newsie.ner.model`), so a direct component is simpler.

Why this module imports nothing heavy: spaCy imports every registered factory
entry point whenever any ``Language`` is created, so onnxruntime (or, on the
PyTorch runtime, torch/transformers) is imported only when the model loads.

What it does per batch of docs: encode each text once, cut it into
sentence-aware overlapping windows of at most ``max_length`` subwords (so a
document of any length is read to the end), run all windows of the batch
sorted by length in padded batches on the runtime (:mod:`newsie.ner.runtime`), keep for
every word the prediction of the window where it sits farthest from a cut,
decode BIO to character spans, and map them to spaCy tokens by character
offsets (:func:`align`).  The spans replace ``doc.ents`` and carry
``span._.rule == "newsie_ner"``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from newsie import extensions
from newsie.ner import MODEL_FILES, WEIGHTS

RULE = "newsie_ner"


class NewsieNer:
    """The component object; ``model_id`` names the exact weights (``newsie-ner-<sha12>``).

    Why the weights load lazily (on first use, :meth:`load_model` or :meth:`from_disk`):
    ``spacy.load(dir)`` constructs each component from its config and THEN calls
    ``from_disk`` with the component's own folder, so loading in the constructor
    would read the weights twice, or fail where the config's folder does not exist.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        model: str | None,
        batch_size: int | None,
        quantize: bool | str | None,
        threads: int | None,
        runtime: str | None = None,
    ):
        extensions.register()
        self.name = name
        self._model_arg = model
        self.path: Path | None = Path(model) if model else None
        self.batch_size = batch_size
        self.threads = threads
        self.quantize = quantize
        self.runtime = runtime
        self._tagger: Any = None
        self._model_id: str | None = None

    def load_model(self, path: str | Path | None = None) -> NewsieNer:
        """Load the weights from ``path`` (default: the configured folder, else the pipeline's lookup).

        Raises :class:`newsie.pipeline.NerModelError` when files are missing or cannot be read.
        """
        from newsie.pipeline import NerModelError, find_ner

        folder = find_ner(path if path is not None else self.path)
        try:
            from newsie.ner.predict import Tagger

            tagger = Tagger.from_dir(folder, quantize=self.quantize, batch_size=self.batch_size,
                                     runtime=self.runtime, threads=self.threads)
            model_id = make_model_id(folder, tagger.config)
        except Exception as err:  # safetensors, json, onnx, shape errors: all mean unreadable weights
            raise NerModelError(f"newsie NER weights unreadable in {folder}: {type(err).__name__}: {err}") from err
        self.path = folder
        self._tagger = tagger
        self._model_id = model_id
        return self

    @property
    def tagger(self) -> Any:
        """The loaded :class:`newsie.ner.predict.Tagger` (loads the weights on first use)."""
        if self._tagger is None:
            self.load_model()
        return self._tagger

    @property
    def model_id(self) -> str:
        """``newsie-ner-<sha12 of the weights>-<runtime>-<variant>`` (:func:`make_model_id`)."""
        if self._model_id is None:
            self.load_model()
        return str(self._model_id)

    def set_quantized(self, quantize: bool | str | None) -> None:
        """Reload with (True or a scheme name) or without (False) dynamic int8; None: as config.json says.

        Dynamic int8 is a PyTorch-runtime option, so a quantised reload runs on PyTorch.
        """
        self.quantize = quantize
        if quantize:
            self.runtime = "torch"
        self.load_model(self.path)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the model folder (safetensors weights, tokenizer files, config.json) into ``path``.

        The files are copied byte for byte from the folder the weights were loaded
        from, so the saved pipeline reports the same ``model_id``.
        """
        if self._tagger is None:
            self.load_model()
        src = Path(str(self.path))
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for name in MODEL_FILES:
            if (src / name).is_file():
                shutil.copyfile(src / name, out / name)
        card = src / "MODEL_CARD.md"
        if card.is_file():
            shutil.copyfile(card, out / card.name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NewsieNer:
        """Load the model folder ``path`` that :meth:`to_disk` wrote."""
        return self.load_model(Path(path))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Not supported: the weights are a folder of files (use ``nlp.to_disk``)."""
        raise NotImplementedError("newsie_ner serialises to a folder: use nlp.to_disk(path), not to_bytes()")

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None) -> None:
        """Load the weights (spaCy calls this from ``nlp.initialize()``); newsie's NER is trained by ``newsie train``."""
        self.load_model(self.path)

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels: the loaded model's, else (not loaded yet) the label file's inventory.

        Why not load here: spaCy reads ``labels`` (for ``nlp.meta``) while it builds a
        pipeline from a config, before ``from_disk`` says where the weights are.
        """
        if self._tagger is None:
            from newsie.ner.labels import entity_labels

            return tuple(sorted(entity_labels()))
        return tuple(sorted({t[2:] for t in self._tagger.tags if t != "O"}))

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


def make_model_id(folder: Path, config: dict[str, Any]) -> str:
    """``newsie-ner-<sha12>-<runtime>-<variant>``: which weights, run by what, in which precision.

    ``sha12`` is the prefix of the safetensors weights' sha256 on both runtimes.  On
    the ONNX runtime the ONNX file must be the one exported from exactly those
    weights: its own sha256 and the weights' are checked against ``config.json``'s
    ``onnx`` record, so a retrained ``model.safetensors`` beside a stale
    ``model.onnx`` is an error, not an output labelled with the wrong model.
    Examples: ``newsie-ner-1a2b3c4d5e6f-onnx-fp32``, ``newsie-ner-1a2b3c4d5e6f-torch-int8``.
    """
    from newsie.ner.runtime import onnx_file, sha256_file

    weights = sha256_file(folder / WEIGHTS)
    runtime = config.get("runtime_active", "torch")
    if runtime == "onnx":
        record = config.get("onnx") or {}
        onnx_sha = sha256_file(folder / onnx_file(config))
        if record.get("sha256") != onnx_sha or record.get("weights_sha256") != weights:
            raise ValueError(
                f"{onnx_file(config)} in {folder} does not match config.json's onnx record (file sha256 "
                f"{onnx_sha[:12]}, weights {weights[:12]}; recorded {str(record.get('sha256'))[:12]}, "
                f"{str(record.get('weights_sha256'))[:12]}): re-export it with python -m newsie.tooling.export --onnx"
            )
    return f"newsie-ner-{weights[:12]}-{runtime}-{config.get('variant_active', 'fp32')}"


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
    default_config={"model": None, "batch_size": None, "quantize": None, "threads": None, "runtime": None},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "span._.rule"],
)
def make_newsie_ner(
    nlp: Language,
    name: str,
    model: str | None,
    batch_size: int | None,
    quantize: bool | str | None,
    threads: int | None,
    runtime: str | None,
) -> NewsieNer:
    """Factory: ``model`` is a model folder (default: ``$NEWSIE_MODELS/newsie-ner``, else the installed package's).

    ``runtime``: ``onnx`` or ``torch`` (None: ``$NEWSIE_RUNTIME``, else the model's ``config.json``, else ONNX when
    the folder holds ``model.onnx``).  ``batch_size``: windows per forward pass (None: the runtime's default,
    see :class:`newsie.ner.predict.Tagger`).
    """
    return NewsieNer(nlp, name, model, batch_size, quantize, threads, runtime)
