"""The event step's cost is linear in document length (counted in function calls, never in wall time).

Regression (issue #21): ``age_of`` and the value passes scanned every entity of
the document for every event, so the event step took 0.8 / 2.7 / 11 / 49 s at
5k / 10k / 20k / 40k words.  Here the processed seed article is repeated 2 and
8 times (``Doc.from_docs`` keeps parse, entities and norms) and only
``newsie_events`` runs; a linear step makes about 4x the calls on 4x the text.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from spacy.tokens import Doc


def _calls(nlp, doc: Doc) -> tuple[int, int]:
    events = nlp.get_pipe("newsie_events")
    prof = cProfile.Profile()
    prof.enable()
    out = events(doc)
    prof.disable()
    stats = pstats.Stats(prof)
    return stats.total_calls, len(out._.events)  # type: ignore[attr-defined]


@pytest.mark.filterwarnings("ignore:\\[W102\\]")  # Doc.from_docs skips the events already stored
def test_event_step_calls_grow_linearly(nlp, seed_doc) -> None:
    small = Doc.from_docs([seed_doc] * 2)
    large = Doc.from_docs([seed_doc] * 8)
    calls_s, events_s = _calls(nlp, small)
    calls_l, events_l = _calls(nlp, large)
    # Event coreference merges the repeated copies' identical events (same type, participants, time), so
    # the record counts differ; the work (candidates found, roles filled) is what must stay linear.
    assert events_s > 0 and events_l >= events_s
    assert calls_l / calls_s < 4 * 1.5, (calls_s, calls_l)
