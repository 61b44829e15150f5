"""Robustness on real Wikinews sentences (needs ../shared/corpora): provenance and schema hold everywhere."""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from newsie.schema import ROLES, SCHEMA_PATH

csv.field_size_limit(10**7)


@pytest.mark.corpora
def test_wikinews_dev_sentences_keep_provenance(corpora, run) -> None:
    path = corpora / "wikinews-sentences" / "qadiscourse" / "Dataset" / "wikinews_dev.tsv"
    sentences: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            sentences.setdefault(row["qasrl_id"], row["untokenized sentence"])
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/EventRecord", "$defs": schema["$defs"]})
    n_records = 0
    for sid in sorted(sentences)[:40]:
        text = sentences[sid]
        for rec in run(text, date=None):
            n_records += 1
            validator.validate(json.loads(rec.model_dump_json()))
            for name in ("trigger", "mentions", *ROLES):
                value = getattr(rec, name)
                for span in value if isinstance(value, list) else [value]:
                    if span is not None:
                        assert text[span.start:span.end] == span.text, (sid, rec.type, name)
            assert rec.summary and rec.rule.startswith(("lexicon:", "cameo:"))
    assert n_records >= 8, "the lexicon should fire on a fair share of news sentences"
