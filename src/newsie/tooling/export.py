"""Copy a training checkpoint into the shipped model folder, and export its network to ONNX.

Why a separate step: training writes ``best/`` per run; which run ships (case
embedding or not, int8 or not) is decided afterwards on dev scores, and that
decision is recorded in the shipped ``config.json`` (``quantize``, ``dev_scores``,
``onnx``, ``runtime``).

Why ONNX (issue 20): the NER was 85-90% of newsie's time on PyTorch.  The same
network (encoder, case embedding, tag head, log-softmax) exported with
``torch.onnx`` runs on ONNX Runtime with fp32 compute and no torch import at
run time (:mod:`newsie.ner.runtime`).

Why the ONNX file stores its weights as fp16 with a ``Cast`` to fp32: the
shipped safetensors are fp16 already (training saves them so), so every fp32
weight of the exported graph is exactly an fp16 number; storing it as fp16 and
casting it back when the session loads (ONNX Runtime folds the casts into fp32
constants) loses nothing, computes in fp32 exactly as the PyTorch path does,
and halves the file (~38 MB instead of ~76 MB), which is what makes it
committable beside the safetensors.  A weight whose fp16 round trip is not
exact stays fp32 (none in the shipped model), so the fp16 storage is lossless
by construction, and :func:`check_onnx` compares the exported file with the
PyTorch model on random windows before the file is written.

Static int8 (:func:`quantize_static_onnx`, ``--int8-static``): ONNX Runtime's
``quantize_static`` with activation ranges calibrated once on dev windows, so
the scales are constants of the file and a document's entities never depend
on its batch neighbours (dynamic int8's per-batch scales did).

``python -m newsie.tooling.export runs/ner-main/best models/newsie-ner [--quantize [SCHEME]] [--scores scores.json]``
``python -m newsie.tooling.export --onnx models/newsie-ner``  (writes models/newsie-ner/model.onnx, fp32)
``python -m newsie.tooling.export --onnx models/newsie-ner --int8-static runs/corpus4/dev.jsonl``  (static int8)
(``--onnx-out FILE`` writes an experiment file elsewhere and records nothing.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsie.ner import TOKENIZER_FILES, WEIGHTS
from newsie.ner.runtime import ONNX_FILE, sha256_file

#: ONNX opset of the export (LayerNormalization is a single op from 17 on).
OPSET = 17
#: The exported graph's input and output names (the runtime feeds them in this order).
INPUTS = ("input_ids", "case_ids", "attention_mask")
OUTPUT = "logp"


def export(src: Path, dest: Path, *, quantize: bool | str = False, scores: dict | None = None) -> Path:
    """Copy weights + tokenizer + config from ``src`` to ``dest`` and set the shipping options."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (WEIGHTS, *TOKENIZER_FILES):
        shutil.copyfile(src / name, dest / name)
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    from newsie.ner.model import quant_scheme

    config["quantize"] = quant_scheme(quantize) or False
    config["checkpoint"] = str(src)
    if scores is not None:
        config["dev_scores"] = scores
    (dest / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dest


def _wrapped(folder: Path) -> Any:
    """The folder's PyTorch model (fp32, eval, eager attention) with log-softmax on top, as exported."""
    import torch

    from newsie.ner import model as M

    net, _ = M.load(folder)
    # eager attention: a plain MatMul/Softmax graph (the SDPA path traces extra mask plumbing)
    net.bert.config._attn_implementation = "eager"

    class LogProbs(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, case_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            return torch.log_softmax(self.inner(input_ids, case_ids, mask).float(), dim=-1)

    return LogProbs(net).eval()


def export_onnx_fp32(folder: Path, out: Path) -> Path:
    """Export ``folder``'s network to ``out`` (fp32 weights as exported by ``torch.onnx``)."""
    import torch

    wrapped = _wrapped(folder)
    ids = torch.randint(1000, 2000, (2, 16))
    axes = {name: {0: "batch", 1: "seq"} for name in (*INPUTS, OUTPUT)}
    with torch.no_grad():
        torch.onnx.export(wrapped, (ids, torch.zeros_like(ids), torch.ones_like(ids)), str(out),
                          input_names=list(INPUTS), output_names=[OUTPUT], dynamic_axes=axes,
                          opset_version=OPSET, dynamo=False)
    return out


def fp16_storage(src: Path, out: Path, min_elements: int = 1024) -> dict[str, int]:
    """Rewrite ``src`` with each large fp32 initializer stored as fp16 plus a ``Cast`` back to fp32.

    Only weights whose fp16 round trip is bit-exact are converted, so the graph
    computes exactly what it did (see the module docstring).  Returns counts.
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    kept, converted = [], 0
    casts = []
    exact_failures = 0
    for init in graph.initializer:
        arr = numpy_helper.to_array(init)
        if init.data_type != TensorProto.FLOAT or arr.size < min_elements:
            kept.append(init)
            continue
        half = arr.astype(np.float16)
        if not np.array_equal(half.astype(np.float32), arr):
            exact_failures += 1
            kept.append(init)
            continue
        stored = numpy_helper.from_array(half, init.name + "_fp16")
        kept.append(stored)
        casts.append(helper.make_node("Cast", [stored.name], [init.name], name=init.name + "_cast",
                                      to=TensorProto.FLOAT))
        converted += 1
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))
    return {"fp16_initializers": converted, "fp32_kept_inexact": exact_failures}


def check_onnx(folder: Path, onnx_path: Path, atol: float = 1e-3, seed: int = 0) -> float:
    """Max |log-prob difference| between ``onnx_path`` on ONNX Runtime and the PyTorch model on random windows.

    Raises ``ValueError`` above ``atol`` or when the two disagree on a tag (argmax) of a real (unpadded) subword.
    """
    import numpy as np
    import torch

    from newsie.ner.runtime import OnnxEncoder

    wrapped = _wrapped(folder)
    session = OnnxEncoder(onnx_path, threads=1)
    rng = np.random.default_rng(seed)
    worst = 0.0
    for batch, width in ((1, 5), (4, 64), (3, 256)):
        ids = rng.integers(1000, 29000, (batch, width)).astype(np.int64)
        case = rng.integers(0, 4, (batch, width)).astype(np.int64)
        mask = np.ones((batch, width), dtype=np.int64)
        mask[0, width // 2 + 1:] = 0  # padding in one row
        with torch.inference_mode():
            ref = wrapped(torch.from_numpy(ids), torch.from_numpy(case), torch.from_numpy(mask)).numpy()
        got = session(ids, case, mask)
        real = mask.astype(bool)
        worst = max(worst, float(np.abs(ref - got)[real].max()))
        if worst > atol or not np.array_equal(ref.argmax(-1)[real], got.argmax(-1)[real]):
            raise ValueError(f"ONNX export differs from PyTorch: max |diff| {worst:.2e} (batch {batch}x{width})")
    return worst


def export_onnx(folder: Path, out: Path | None = None, *, record: bool = True) -> dict[str, Any]:
    """Export ``folder``'s network as fp32-compute ONNX with fp16 storage to ``out`` (default: in the folder).

    With ``record``, ``config.json`` gets the ``onnx`` record (file, sha256, the
    weights' sha256 it was exported from, variant) and ``runtime: onnx``.
    """

    out = out or folder / ONNX_FILE
    with tempfile.TemporaryDirectory(prefix="newsie-onnx-") as tmp:
        raw = export_onnx_fp32(folder, Path(tmp) / "raw.onnx")
        counts = fp16_storage(raw, Path(tmp) / "model.onnx")
        diff = check_onnx(folder, Path(tmp) / "model.onnx")
        shutil.copyfile(Path(tmp) / "model.onnx", out)
    extra = {"storage": "fp16 initialisers cast to fp32 at load (lossless: the safetensors are fp16)",
             "max_abs_logp_diff_vs_torch": float(f"{diff:.3g}"), **counts}
    return record_onnx(folder, out, "fp32", extra) if record else {"file": out.name, "variant": "fp32", **extra}


def record_onnx(folder: Path, onnx_path: Path, variant: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Record ``onnx_path`` (a file in ``folder``) in ``folder/config.json`` as the network to run.

    The record holds the file's sha256 and the sha256 of the safetensors it was
    exported from; the runtime refuses a file that matches neither
    (:func:`newsie.ner.component.make_model_id`).  Also sets ``runtime: onnx``.
    """
    import onnx
    import onnxruntime
    import torch

    if onnx_path.parent.resolve() != folder.resolve():
        raise ValueError(f"{onnx_path} is not in {folder}: the model folder must hold its ONNX file")
    info = {
        "file": onnx_path.name,
        "sha256": sha256_file(onnx_path),
        "weights_sha256": sha256_file(folder / WEIGHTS),
        "variant": variant,
        "opset": OPSET,
        "exported_with": {"torch": torch.__version__.split("+")[0], "onnx": onnx.__version__,
                          "onnxruntime": onnxruntime.__version__},
        **(extra or {}),
    }
    path = folder / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["onnx"] = info
    config["runtime"] = "onnx"
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return info


def calibration_feeds(folder: Path, texts: Sequence[str], limit: int = 200) -> Iterator[dict[str, Any]]:
    """Model inputs of the first ``limit`` windows of ``texts``, one window per feed, as the runtime builds them."""
    import numpy as np

    from newsie.ner.runtime import load_tokenizer
    from newsie.ner.windows import encode, window_inputs, windows

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    tok = load_tokenizer(folder)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    size, overlap = int(config.get("max_length", 256)) - 2, int(config.get("window_overlap", 64))
    n = 0
    for text in texts:
        enc = encode(tok, text)
        for a, b in windows(len(enc.ids), [0], enc.word_first, size, overlap):
            ids, case = window_inputs(enc, a, b, cls_id, sep_id)
            yield {INPUTS[0]: np.array([ids], dtype=np.int64), INPUTS[1]: np.array([case], dtype=np.int64),
                   INPUTS[2]: np.ones((1, len(ids)), dtype=np.int64)}
            n += 1
            if n >= limit:
                return


#: MatMuls kept fp32 in the static int8 file besides the attention's activation-by-activation ones: each
#: layer's FFN output projection (its input, after GELU, has the widest range, which uint8 flattens)
#: and the tag head.  Chosen on dev (micro F1; fp32 81.37): all MatMuls int8 80.35 (S8S8 80.32);
#: weight MatMuls only 80.15; also attention output + FFN output fp32 81.08; FFN output + head fp32
#: (this) 81.21, and the fastest of the three that pass (network 1.42x fp32 in CPU seconds).
INT8_FP32_NODES = tuple(f"layer.{i}/output/dense/MatMul" for i in range(24)) + ("classifier/MatMul",)


def quantize_static_onnx(folder: Path, fp32_onnx: Path, out: Path, texts: Sequence[str], *,
                         limit: int = 200, method: str = "minmax", per_channel: bool = True,
                         op_types: Sequence[str] = ("MatMul",), weights_only: bool = True,
                         exclude: Sequence[str] | None = None) -> dict[str, Any]:
    """Static int8 (QDQ) of ``fp32_onnx`` calibrated once on windows of ``texts`` (dev), written to ``out``.

    The activation scales are constants of the file, computed here once, so the
    output of a window never depends on what it is batched with.  Activations
    uint8, weights int8 per channel (U8S8: the combination ONNX Runtime's x86
    int8 kernels are made for; int8 activations (S8S8) ran no faster than fp32
    here).  Only the MatMuls are quantised; the embedding tables and the
    remaining fp32 weights are stored as fp16 (lossless, as in :func:`export_onnx`).
    ``limit`` windows are taken from texts spread evenly over ``texts``.

    ``weights_only``: leave the two activation-by-activation MatMuls of each
    attention (scores and context) in fp32 and quantise only MatMuls with a weight;
    ``exclude``: more node names to leave in fp32 (substring match; default
    :data:`INT8_FP32_NODES`).
    """
    import onnx
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )
    from onnxruntime.quantization.shape_inference import quant_pre_process

    spread = list(texts[:: max(1, len(texts) // limit)])

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.it = calibration_feeds(folder, spread, limit)

        def get_next(self) -> dict[str, Any] | None:
            return next(self.it, None)

    methods = {"minmax": CalibrationMethod.MinMax, "entropy": CalibrationMethod.Entropy,
               "percentile": CalibrationMethod.Percentile}
    with tempfile.TemporaryDirectory(prefix="newsie-q-") as tmp:
        pre, q = Path(tmp) / "pre.onnx", Path(tmp) / "q.onnx"
        quant_pre_process(str(fp32_onnx), str(pre), skip_symbolic_shape=True)
        graph = onnx.load(str(pre)).graph
        weights = {i.name for i in graph.initializer}
        exclude = INT8_FP32_NODES if exclude is None else tuple(exclude)
        skip = [n.name for n in graph.node if n.op_type in op_types and (
            (weights_only and not any(x in weights for x in n.input)) or any(e in n.name for e in exclude))]
        quantize_static(str(pre), str(q), Reader(), quant_format=QuantFormat.QDQ, per_channel=per_channel,
                        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        op_types_to_quantize=list(op_types), calibrate_method=methods[method],
                        nodes_to_exclude=skip)
        counts = fp16_storage(q, out)
    return {"fp32_nodes": len(skip), "variant": "int8-static", "calibration_windows": limit, "calibration": method, "per_channel": per_channel,
            "quantized_ops": list(op_types), "activations": "uint8", "weights": "int8",
            "storage": "int8 MatMul weights; other weights fp16 cast to fp32 at load", **counts}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, help="a checkpoint folder (or, with --onnx, the model folder to export)")
    ap.add_argument("dest", type=Path, nargs="?", default=None)
    ap.add_argument("--quantize", nargs="?", const="encoder", default=False, metavar="SCHEME",
                    help="ship with dynamic int8 switched on (scheme: encoder (default) or attention)")
    ap.add_argument("--scores", type=Path, default=None, help="a devscore --out JSON to record (micro F1 per system)")
    ap.add_argument("--onnx", action="store_true", help="export SRC's network to SRC/model.onnx (fp32 compute)")
    ap.add_argument("--onnx-out", type=Path, default=None, help="write the ONNX file here instead (not recorded)")
    ap.add_argument("--int8-static", type=Path, default=None, metavar="DEV_JSONL",
                    help="export static int8 instead of fp32, calibrated once on windows of these dev texts")
    ap.add_argument("--calibration-windows", type=int, default=200)
    ap.add_argument("--install-onnx", type=Path, default=None, metavar="FILE",
                    help="copy an ONNX file exported from SRC's weights into SRC as model.onnx and record it")
    ap.add_argument("--variant", default="fp32", help="the variant recorded with --install-onnx (fp32, int8-static)")
    args = ap.parse_args(argv)
    if args.install_onnx is not None:
        shutil.copyfile(args.install_onnx, args.src / ONNX_FILE)
        print(json.dumps(record_onnx(args.src, args.src / ONNX_FILE, args.variant), indent=1))
        return 0
    if args.onnx:
        if args.int8_static is not None:
            # the file a model folder ships: SRC/model.onnx (recorded), or --onnx-out for an experiment
            texts = [json.loads(line)["text"] for line in args.int8_static.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
            out = args.onnx_out or args.src / ONNX_FILE
            with tempfile.TemporaryDirectory(prefix="newsie-onnx-") as tmp:
                raw = export_onnx_fp32(args.src, Path(tmp) / "raw.onnx")
                info = quantize_static_onnx(args.src, raw, Path(tmp) / "q.onnx", texts,
                                            limit=args.calibration_windows)
                shutil.copyfile(Path(tmp) / "q.onnx", out)
            info["calibration_data"] = f"{args.int8_static.name} ({len(texts)} texts)"
            if args.onnx_out is None:
                info = record_onnx(args.src, out, "int8-static", info)
        else:
            info = export_onnx(args.src, args.onnx_out, record=args.onnx_out is None)
        print(json.dumps(info, indent=1))
        return 0
    if args.dest is None:
        ap.error("dest is required (except with --onnx)")
    scores = None
    if args.scores:
        res = json.loads(args.scores.read_text(encoding="utf-8"))
        scores = {name: r["micro"] for name, r in res["systems"].items()}
    export(args.src, args.dest, quantize=args.quantize, scores=scores)
    print(f"exported {args.src} -> {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
