"""The torch module: zero-init casing embedding, fp16 save/load round trip, int8 schemes (weights made by tooling)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from newsie.ner import model as M  # noqa: E402
from newsie.ner.labels import bio_tags  # noqa: E402
from newsie.tooling import weights as T  # noqa: E402


def test_case_embedding_starts_at_zero_so_output_ignores_case() -> None:
    torch.manual_seed(0)
    net = T.tiny(bio_tags()).eval()
    ids = torch.tensor([[101, 7592, 2088, 102]])
    mask = torch.ones_like(ids)
    a = net(ids, torch.tensor([[0, 1, 1, 0]]), mask)
    b = net(ids, torch.tensor([[0, 2, 3, 0]]), mask)
    assert torch.equal(a, b)
    with torch.no_grad():
        net.case_emb.weight[2] += torch.randn(net.case_emb.weight.shape[1])  # not constant: LayerNorm removes a shift
    assert not torch.allclose(a, net(ids, torch.tensor([[0, 2, 3, 0]]), mask))


def test_save_load_round_trip_fp16(tmp_path: Path) -> None:
    torch.manual_seed(0)
    net = T.tiny(bio_tags(), use_case=False).eval()
    out = T.save(net, tmp_path / "m", {"note": "test"})
    config = json.loads((out / "config.json").read_text())
    assert config["use_case"] is False and config["tags"] == bio_tags() and config["note"] == "test"
    assert (out / "tokenizer.json").exists()
    from safetensors import safe_open

    with safe_open(str(out / M.WEIGHTS), "pt") as fh:
        assert all(fh.get_tensor(k).dtype == torch.float16 for k in fh.keys())  # noqa: SIM118
    back, _ = M.load(out)
    ids = torch.tensor([[101, 7592, 2088, 102]])
    case = torch.zeros_like(ids)
    mask = torch.ones_like(ids)
    assert torch.allclose(net(ids, case, mask), back(ids, case, mask), atol=2e-2)
    q = M.quantize(back)
    assert q(ids, case, mask).shape == (1, 4, len(bio_tags()))


def test_quant_schemes_pick_linears_and_keep_the_head_fp32(tmp_path) -> None:
    import pytest
    import torch

    net = T.tiny(use_case=True)
    net.eval()
    dyn = torch.ao.nn.quantized.dynamic.Linear
    enc = M.quantize(net, "encoder")
    att = M.quantize(net, "attention")
    assert isinstance(enc.bert.encoder.layer[0].intermediate.dense, dyn)
    assert isinstance(att.bert.encoder.layer[0].attention.self.query, dyn)
    assert not isinstance(att.bert.encoder.layer[0].intermediate.dense, dyn)
    for q in (enc, att):
        assert isinstance(q.classifier, torch.nn.Linear) and not isinstance(q.classifier, dyn)
    assert not isinstance(net.bert.encoder.layer[0].intermediate.dense, dyn)  # the original is untouched
    assert M.quant_scheme(True) == "encoder" and M.quant_scheme(False) is None
    with pytest.raises(ValueError, match="unknown scheme"):
        M.quant_scheme("fp8")
