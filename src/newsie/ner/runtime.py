"""The NER's inference runtimes: ONNX Runtime (shipped default) and PyTorch (training, explicit option).

Why two runtimes: training needs PyTorch, but at inference PyTorch is the
most expensive part of newsie (85-90% of a document's time, issue 20) and
importing it costs about a second and a few hundred MB per process.  ONNX
Runtime runs the same exported network (encoder, case embedding, tag head and
log-softmax, fp32 compute) faster on CPU, and this module imports neither
torch nor transformers on that path: a batch worker that only extracts never
loads them (a test checks ``'torch' not in sys.modules``).

Both runtimes are callables ``(input_ids, case_ids, attention_mask) ->
log-probabilities`` over numpy arrays, so :class:`newsie.ner.predict.Tagger`
(windows, batching, Viterbi, label rules) is the same code for both, and the
entities differ only where fp32 kernels round differently.

Which runtime a model folder uses: the component's ``runtime`` setting
(``"onnx"``/``"torch"``), else ``$NEWSIE_RUNTIME``, else the folder's
``config.json`` (``runtime``), else ONNX when the folder holds the ONNX file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np

from newsie.ner import ONNX_WEIGHTS

#: The runtimes a model folder can be run with.
RUNTIMES = ("onnx", "torch")
#: The environment variable that picks the runtime (overridden by an explicit setting).
RUNTIME_ENV = "NEWSIE_RUNTIME"
#: The environment variable for the NER's threads per process (batch workers set it to 1).
THREADS_ENV = "NEWSIE_THREADS"
#: The exported network in a model folder (written by ``newsie.tooling.export --onnx``).
ONNX_FILE = ONNX_WEIGHTS

#: Dynamic int8 schemes of the PyTorch runtime (CPU inference).  Per-channel weight scales in both:
#: per-tensor scales cost 1.7 F1 on dev where per-channel cost 0.6 (measured on the first shipped
#: model).  The classifier head and embeddings always stay fp32.
#: ``encoder``: every Linear of the encoder (fastest; ~1.7x the fp32 forward on this CPU).
#: ``attention``: only the attention projections (smaller gain, smaller loss).
QUANT_SCHEMES = ("encoder", "attention")


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_tokenizer(path: Path) -> Any:
    """The fast WordPiece tokenizer from ``tokenizer.json``, padding/truncation off (no torch, no transformers)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def quant_scheme(value: bool | str | None) -> str | None:
    """Normalise a ``quantize`` setting: False/None -> None, True -> ``encoder``, else a scheme name."""
    if value is None or value is False:
        return None
    if value is True:
        return "encoder"
    if value not in QUANT_SCHEMES:
        raise ValueError(f"quantize: unknown scheme {value!r} (expected one of {QUANT_SCHEMES} or true/false)")
    return str(value)


def quant_suffix(value: bool | str | None) -> str:
    """Name suffix of a ``quantize`` setting (model ids, dev-score system names): ``-int8``, ``-int8-attention``."""
    scheme = quant_scheme(value)
    return "" if scheme is None else "-int8" if scheme == "encoder" else f"-int8-{scheme}"


def thread_count(threads: int | None = None) -> int:
    """Intra-op threads of the NER in this process: ``threads``, else ``$NEWSIE_THREADS``, else up to 4.

    Why read the environment at load time: batch workers set ``NEWSIE_THREADS=1``
    before they load the pipeline (the workers are the parallelism); a component
    that picked its own default afterwards made each of two workers use both
    cores (the ``--workers 2`` regression of ``tests/batch/test_process.py``).
    """
    n = threads or int(os.environ.get(THREADS_ENV, "0") or 0) or min(4, os.cpu_count() or 1)
    return max(1, n)


def choose_runtime(folder: Path, config: dict[str, Any], runtime: str | None) -> str:
    """The runtime to use for ``folder`` (see the module docstring for the order)."""
    chosen = runtime or os.environ.get(RUNTIME_ENV) or config.get("runtime")
    if not chosen:
        chosen = "onnx" if (folder / onnx_file(config)).is_file() else "torch"
    if chosen not in RUNTIMES:
        raise ValueError(f"NER runtime {chosen!r} unknown (expected one of {RUNTIMES})")
    return str(chosen)


def onnx_file(config: dict[str, Any]) -> str:
    """The ONNX file name a model config points at (``model.onnx`` by default)."""
    return str((config.get("onnx") or {}).get("file", ONNX_FILE))


class OnnxEncoder:
    """The exported network in an ONNX Runtime session: numpy ids in, tag log-probabilities out.

    ``threads`` intra-op threads, one inter-op thread (the graph is a chain).
    Spinning is switched off: ORT's pool threads otherwise busy-wait between
    forward passes while spaCy's parser runs on the same two cores.
    """

    runtime = "onnx"

    def __init__(self, path: Path, threads: int | None = None):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = thread_count(threads)
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.threads = opts.intra_op_num_threads
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]

    def __call__(self, ids: np.ndarray, case: np.ndarray, mask: np.ndarray) -> np.ndarray:
        feeds = dict(zip(self.inputs, (ids, case, mask), strict=True))
        return self.session.run(None, feeds)[0]


class TorchEncoder:
    """A PyTorch :class:`newsie.ner.model.NerModel` behind the same numpy interface (imports torch).

    It does not touch torch's thread count: :func:`set_torch_threads` does, when a model is loaded for
    inference, and training keeps its own.
    """

    runtime = "torch"

    def __init__(self, model: Any):
        import torch

        self.model = model
        self.threads = torch.get_num_threads()

    def __call__(self, ids: np.ndarray, case: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode():
            logits = self.model(torch.from_numpy(ids), torch.from_numpy(case), torch.from_numpy(mask))
            return torch.log_softmax(logits.float(), dim=-1).numpy()


def set_torch_threads(threads: int | None = None) -> int:
    """Set torch's intra-op threads to :func:`thread_count` (imports torch) and return the count."""
    import torch

    torch.set_num_threads(thread_count(threads))
    return int(torch.get_num_threads())
