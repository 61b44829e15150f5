"""The torch module: encoder checksum, zero-init casing embedding, fp16 save/load round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from newsie.ner import model as M  # noqa: E402
from newsie.ner.labels import bio_tags  # noqa: E402


def test_encoder_checksum_is_verified(tmp_path: Path) -> None:
    assert M.verify_encoder() == M.encoder_dir() / M.WEIGHTS  # the bundled MiniLM matches issue 3's digest
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the encoder")
    with pytest.raises(ValueError, match="expected 53aa5117"):
        M.verify_encoder(fake)


def test_case_embedding_starts_at_zero_so_output_ignores_case() -> None:
    torch.manual_seed(0)
    net = M.tiny(bio_tags()).eval()
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
    net = M.tiny(bio_tags(), use_case=False).eval()
    out = M.save(net, tmp_path / "m", {"note": "test"})
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

    from newsie.ner import model as M

    net = M.tiny(use_case=True)
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


def test_keep_layers_drops_encoder_layers_and_round_trips(tmp_path: Path) -> None:
    torch.manual_seed(0)
    net = M.tiny(bio_tags(), layers=3).eval()
    ids = torch.tensor([[101, 7592, 2088, 102]])
    case, mask = torch.zeros_like(ids), torch.ones_like(ids)
    full = net(ids, case, mask)
    M.keep_layers(net, [0, 2])
    assert len(net.bert.encoder.layer) == 2
    small = net(ids, case, mask)
    assert not torch.allclose(full, small)  # a layer really went
    back, config = M.load(M.save(net, tmp_path / "student"))
    assert config["bert"]["num_hidden_layers"] == 2 and len(back.bert.encoder.layer) == 2
    assert torch.allclose(small, back(ids, case, mask), atol=2e-2)
    with pytest.raises(ValueError, match="distinct layer indices"):
        M.keep_layers(back, [0, 5])
