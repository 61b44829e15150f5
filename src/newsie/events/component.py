"""The ``newsie_events`` spaCy component (entry point ``spacy_factories``).

This module is imported by spaCy whenever any ``Language`` is created (factory
entry points are loaded eagerly), so it imports only spaCy's ``Language`` and
defers the extractor, the lexicon and pydantic models to the factory call.

The component saves and loads itself: ``to_disk`` copies the data files it was
built from (lexicon, cues, aliases, merges) into its folder of a saved pipeline,
and ``from_disk`` rebuilds the extractor from that copy, so a saved pipeline runs
with exactly the rules it was saved with.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class NewsieEvents:
    """The pipeline component: an :class:`~newsie.events.extractor.EventExtractor` plus its data folder.

    Attribute look-ups (``lexicon``, ``cues``, ...) go to the extractor, so code
    written against the extractor keeps working on ``nlp.get_pipe("newsie_events")``.
    """

    def __init__(self, nlp: Language, name: str, data_dir: str | Path | None) -> None:
        from newsie import extensions

        extensions.register()
        self.name = name
        self.vocab = nlp.vocab
        self._build(data_dir)

    def _build(self, data_dir: str | Path | None) -> None:
        from newsie.events.extractor import EventExtractor
        from newsie.events.resources import DATA_DIR

        self.data_dir = Path(data_dir) if data_dir else DATA_DIR
        self.extractor = EventExtractor(self.vocab, data_dir=self.data_dir)

    def __getattr__(self, name: str) -> Any:
        if name == "extractor":  # not built yet (e.g. during unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.extractor, name)

    def __call__(self, doc: Doc) -> Doc:
        return self.extractor(doc)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self.extractor(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy every YAML data file of the extractor's folder into ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for src in sorted(self.data_dir.glob("*.yaml")):
            shutil.copyfile(src, out / src.name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NewsieEvents:
        """Rebuild the extractor from a saved pipeline's data files (validated on load)."""
        self._build(Path(path))
        return self


@Language.factory(
    "newsie_events",
    default_config={"data_dir": None},
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_newsie_events(nlp: Language, name: str, data_dir: str | None) -> NewsieEvents:
    """Build the event extractor; ``data_dir`` replaces the shipped lexicon/cue/alias/merge files."""
    return NewsieEvents(nlp, name, data_dir)
