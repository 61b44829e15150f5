"""The spaCy component: registered, last in the pipeline, customisable via data_dir."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsie.api import make_doc
from newsie.events.extractor import EventExtractor
from newsie.events.resources import DATA_DIR


def test_component_is_last_in_the_pipeline(nlp) -> None:
    assert nlp.pipe_names[-1] == "newsie_events"


def test_empty_and_eventless_docs(nlp) -> None:
    assert nlp(make_doc(nlp, ""))._.events == []
    assert nlp(make_doc(nlp, "The weather was mild."))._.events == []


def test_user_lexicon_extension_without_python(tmp_path: Path, nlp) -> None:
    import spacy

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    lex = data / "lexicon.yaml"
    lex.write_text(
        lex.read_text(encoding="utf-8")
        + "\n  BLOCKADE:\n    cameo: \"191\"\n    gloss: blockaded\n    triggers:\n"
        + "      - {lemma: blockade, pos: [VERB, NOUN]}\n",
        encoding="utf-8",
    )
    # the factory takes the folder from the pipeline config (a blank pipeline: no model to load)
    blank = spacy.blank("en")
    blank.add_pipe("newsie_events", config={"data_dir": str(data)})
    assert "BLOCKADE" in blank.get_pipe("newsie_events").lexicon.events
    # and the customised extractor runs on a parsed document
    extractor = EventExtractor(nlp.vocab, data_dir=data)
    doc = extractor(nlp(make_doc(nlp, "The navy blockaded the port of Odesa in July.")))
    rec = next(r for r in doc._.events if r.type == "BLOCKADE")
    assert rec.cameo == "191" and rec.actors[0].text == "navy" and not rec.targets
    assert rec.theme.text == "port of Odesa"
