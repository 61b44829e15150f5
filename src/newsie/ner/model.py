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
lazily.  Making weights (the verified encoder, tiny test networks, layer cuts,
saving) is training tooling: :mod:`newsie.tooling.weights`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

from newsie.ner import WEIGHTS
from newsie.ner.labels import N_CASE
from newsie.ner.runtime import QUANT_SCHEMES, load_tokenizer, quant_scheme, quant_suffix, sha256_file


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


# load_tokenizer, quant_scheme, quant_suffix, QUANT_SCHEMES and sha256_file live in the torch-free newsie.ner.runtime
# and are re-exported here for the training tooling that imported them from this module.
__all__ = ["NerModel", "QUANT_SCHEMES", "load", "load_tokenizer", "quant_scheme", "quant_suffix", "quantize", "sha256_file"]
