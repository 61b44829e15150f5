"""The ``newsie_events`` spaCy component (entry point ``spacy_factories``).

This module is imported by spaCy whenever any ``Language`` is created (factory
entry points are loaded eagerly), so it imports only spaCy's ``Language`` and
defers the extractor, the lexicon and pydantic models to the factory call.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language


@Language.factory(
    "newsie_events",
    default_config={"data_dir": None},
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_newsie_events(nlp: Language, name: str, data_dir: str | None) -> Any:
    """Build the event extractor; ``data_dir`` replaces the shipped lexicon/cue/alias/merge files."""
    from newsie import extensions
    from newsie.events.extractor import EventExtractor

    extensions.register()
    return EventExtractor(nlp.vocab, data_dir=data_dir)
