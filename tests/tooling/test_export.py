"""ONNX export (``newsie.tooling.export``) on a TINY random model: lossless fp16 storage, the record, the runtime."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from newsie.ner.labels import bio_tags  # noqa: E402
from newsie.tooling import weights as M  # noqa: E402  (tiny, save, load, sha256_file)

TEXTS = ["Kim Jong Un met Vladimir Putin in Moscow on Jan. 20.",
         "NORTH KOREA SENT 300 SOLDIERS TO RUSSIA",
         "Daily NK reported it. " * 120]  # several windows


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory) -> Path:
    torch.manual_seed(3)
    net = M.tiny(bio_tags(), layers=2, hidden=32).eval()
    with torch.no_grad():
        net.case_emb.weight.normal_(0, 0.5)  # a live case table, so the export must carry it
    return M.save(net, tmp_path_factory.mktemp("tiny") / "m")


@pytest.fixture(scope="module")
def exported(tiny_folder: Path, tmp_path_factory) -> Path:
    from newsie.tooling.export import export_onnx

    folder = tmp_path_factory.mktemp("exp") / "m"
    shutil.copytree(tiny_folder, folder)
    export_onnx(folder)
    return folder


def test_fp16_storage_is_lossless_and_keeps_inexact_weights_fp32(tiny_folder: Path, tmp_path: Path) -> None:
    import numpy as np
    import onnx
    from onnx import TensorProto, numpy_helper

    from newsie.tooling.export import export_onnx_fp32, fp16_storage

    raw = export_onnx_fp32(tiny_folder, tmp_path / "raw.onnx")
    model = onnx.load(str(raw))
    mats = [i for i in model.graph.initializer if i.data_type == TensorProto.FLOAT and len(i.dims) == 2]
    first = min((i for i in mats if numpy_helper.to_array(i).size >= 1024), key=lambda i: numpy_helper.to_array(i).size)
    bumped = numpy_helper.to_array(first).copy()
    bumped.flat[0] = np.float32(1 / 3)  # not an fp16 number: must stay fp32
    first.CopyFrom(numpy_helper.from_array(bumped, first.name))
    onnx.save(model, str(tmp_path / "bumped.onnx"))
    counts = fp16_storage(tmp_path / "bumped.onnx", tmp_path / "half.onnx")
    assert counts["fp32_kept_inexact"] == 1 and counts["fp16_initializers"] > 0
    half = onnx.load(str(tmp_path / "half.onnx"))
    kinds = {i.name: i.data_type for i in half.graph.initializer}
    assert kinds[first.name] == TensorProto.FLOAT
    assert sum(k == TensorProto.FLOAT16 for k in kinds.values()) == counts["fp16_initializers"]
    assert (tmp_path / "half.onnx").stat().st_size < 0.7 * raw.stat().st_size


def test_export_records_the_file_and_runs_like_torch(exported: Path) -> None:
    import spacy

    config = json.loads((exported / "config.json").read_text())
    rec = config["onnx"]
    assert config["runtime"] == "onnx" and rec["variant"] == "fp32" and rec["file"] == "model.onnx"
    assert rec["weights_sha256"] == M.sha256_file(exported / M.WEIGHTS)
    assert rec["sha256"] == M.sha256_file(exported / "model.onnx")
    assert rec["max_abs_logp_diff_vs_torch"] < 1e-3
    spans = {}
    for rt in ("onnx", "torch"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        ner = nlp.add_pipe("newsie_ner", config={"model": str(exported), "runtime": rt})
        assert ner.model_id.endswith(f"-{rt}-fp32") and ner.tagger.runtime == rt
        spans[rt] = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(TEXTS)]
    assert spans["onnx"] == spans["torch"]
    assert sum(map(len, spans["onnx"])) > 0  # the random model tags something, so equality says something


def test_stale_onnx_beside_retrained_weights_is_refused(exported: Path, tmp_path: Path) -> None:
    import spacy

    from newsie.pipeline import NerModelError

    stale = tmp_path / "m"
    shutil.copytree(exported, stale)
    net, _ = M.load(stale)
    with torch.no_grad():
        net.classifier.bias += 1.0
    M.save(net, stale)  # new weights; config.json rewritten without the onnx record, so copy it back
    config = json.loads((stale / "config.json").read_text())
    config.update(onnx=json.loads((exported / "config.json").read_text())["onnx"], runtime="onnx")
    (stale / "config.json").write_text(json.dumps(config))
    nlp = spacy.blank("en")
    with pytest.raises(NerModelError, match="does not match config.json's onnx record"):
        nlp.add_pipe("newsie_ner", config={"model": str(stale)}).load_model()


def test_static_int8_calibrates_once_so_batch_neighbours_do_not_matter(exported: Path, tmp_path: Path) -> None:
    from newsie.ner.predict import Tagger
    from newsie.tooling.export import quantize_static_onnx, record_onnx

    folder = tmp_path / "q"
    shutil.copytree(exported, folder)
    info = quantize_static_onnx(folder, exported / "model.onnx", tmp_path / "q.onnx", TEXTS, limit=8)
    shutil.copyfile(tmp_path / "q.onnx", folder / "model.onnx")
    record_onnx(folder, folder / "model.onnx", info["variant"], info)
    tagger = Tagger.from_dir(folder, runtime="onnx")
    alone = [tagger.spans([t])[0] for t in TEXTS]
    assert tagger.spans(TEXTS) == alone
    assert tagger.config["variant_active"] == "int8-static"


def test_shipped_weights_export_to_fp32_onnx_with_the_torch_entities(tmp_path: Path, seed_text: str) -> None:
    """The exporter on the real model: fp32 ONNX and PyTorch give identical entities on the seed article."""
    import spacy

    from newsie.pipeline import default_ner_path
    from newsie.tooling.export import export_onnx

    shipped = default_ner_path()
    if not (shipped / M.WEIGHTS).is_file():
        pytest.skip(f"no shipped weights in {shipped}")
    folder = tmp_path / "m"
    shutil.copytree(shipped, folder, ignore=shutil.ignore_patterns("model.onnx"))
    info = export_onnx(folder)
    assert info["fp32_kept_inexact"] == 0 and (folder / "model.onnx").stat().st_size < 40 * 1024 * 1024
    got = {}
    for rt in ("onnx", "torch"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("newsie_ner", config={"model": str(folder), "runtime": rt})
        got[rt] = [(e.start_char, e.end_char, e.label_) for e in nlp(seed_text).ents]
    assert len(got["onnx"]) > 20 and got["onnx"] == got["torch"]
