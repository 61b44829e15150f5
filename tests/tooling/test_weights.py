"""Making weights: the encoder checksum, layer cuts (training tooling, :mod:`newsie.tooling.weights`)."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

from newsie.ner import WEIGHTS  # noqa: E402
from newsie.ner.labels import bio_tags  # noqa: E402
from newsie.tooling import weights as T  # noqa: E402


def test_encoder_checksum_is_verified(tmp_path: Path) -> None:
    assert T.verify_encoder() == T.encoder_dir() / WEIGHTS  # the bundled MiniLM matches issue 3's digest
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the encoder")
    with pytest.raises(ValueError, match="expected 53aa5117"):
        T.verify_encoder(fake)


def test_keep_layers_drops_encoder_layers_and_round_trips(tmp_path: Path) -> None:
    torch.manual_seed(0)
    net = T.tiny(bio_tags(), layers=3).eval()
    ids = torch.tensor([[101, 7592, 2088, 102]])
    case, mask = torch.zeros_like(ids), torch.ones_like(ids)
    full = net(ids, case, mask)
    T.keep_layers(net, [0, 2])
    assert len(net.bert.encoder.layer) == 2
    small = net(ids, case, mask)
    assert not torch.allclose(full, small)  # a layer really went
    back, config = T.load(T.save(net, tmp_path / "student"))
    assert config["bert"]["num_hidden_layers"] == 2 and len(back.bert.encoder.layer) == 2
    assert torch.allclose(small, back(ids, case, mask), atol=2e-2)
    with pytest.raises(ValueError, match="distinct layer indices"):
        T.keep_layers(back, [0, 5])
