"""Rule-based event extraction (``newsie_events``): lexicon-driven triggers, roles, modality, sources.

Kept import-free: spaCy imports ``newsie.events.component`` for every Language it
creates, and that import must stay cheap.  Use :func:`newsie.events.extractor.EventExtractor`
directly, or ``nlp.add_pipe("newsie_events")``.  Data files live in ``data/``
(see docs/events.md for how to extend them).
"""
