"""Fine-tuning the NER model on the corpus builder's ``train.jsonl``/``dev.jsonl``.

Recipe (from the probe run in issue 3): BIO tags on the FIRST subword of each
word (other subwords are ignored by the loss), max_length 256, AdamW lr 1e-4
with linear warm-up/decay, batch 16, batches drawn from length-sorted pools
(little padding on CPU), deterministic seeds.  Dev F1 is computed after every
epoch (and every ``eval_every`` steps) with the same windowed tagger and scorer
that ship; the best checkpoint is saved as a complete model directory.

Partial annotation: corpora annotate different label sets; spans the corpus
builder marked ``silver`` (teacher labels for labels an example's source does not
annotate) get loss weight ``silver_weight`` on their words, gold spans and O
words weight 1.  That is the only use of silver/gold here: simple on purpose.

The encoder weights' sha256 is checked before training (:func:`newsie.tooling.weights.verify_encoder`).

Two CPU cores: one process with two torch threads gains little (small matrices),
so ``workers=N`` runs N data-parallel processes (``torch.distributed``, gloo),
one thread each.  Every rank walks the same shuffled batch list and takes every
N-th example of each batch, so the effective batch and the recipe stay those of
a single process; gradients are summed across ranks after each backward pass,
the loss denominator (silver-weighted word count) is the global one, and the
deadline-driven learning-rate schedule uses the slowest rank's clock, so every
rank applies the identical update.  Rank 0 alone evaluates, saves and logs.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsie.ner.labels import bio_tags
from newsie.ner.windows import WINDOW_OVERLAP, encode, word_tags
from newsie.tooling.devscore import read_jsonl, score

IGNORE = -100


def featurize(
    records: Sequence[dict[str, Any]], tokenizer, tags: list[str], max_length: int, silver_weight: float
) -> list[dict[str, list]]:
    """Token ids, case ids, first-subword tag ids and loss weights per example (via ``datasets``)."""
    import datasets

    tag_id = {t: i for i, t in enumerate(tags)}

    def one(row: dict[str, Any]) -> dict[str, list]:
        text, raw = row["text"], json.loads(row["spans"])
        enc = encode(tokenizer, text, max_subwords=max_length - 2)
        spans = [(int(s[0]), int(s[1]), s[2]) for s in raw if f"B-{s[2]}" in tag_id]
        silver = [(int(s[0]), int(s[1]), s[2]) for s in raw if len(s) > 3 and s[3] == "silver" and f"B-{s[2]}" in tag_id]
        wtags = word_tags(enc, spans)
        silver_words = {i for i, t in enumerate(word_tags(enc, silver)) if t != "O"}
        labels = [IGNORE] * (len(enc.ids) + 2)
        weights = [0.0] * (len(enc.ids) + 2)
        for w, i in enumerate(enc.word_first):
            labels[i + 1] = tag_id[wtags[w]]
            weights[i + 1] = silver_weight if w in silver_words else 1.0
        return {"ids": [cls_id, *enc.ids, sep_id], "case": [0, *enc.case, 0], "labels": labels, "weights": weights}

    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    ds = datasets.Dataset.from_list([{"text": r["text"], "spans": json.dumps(r["spans"])} for r in records])
    ds = ds.map(one, remove_columns=["text", "spans"])
    return [ds[i] for i in range(len(ds))]


def batches(lengths: Sequence[int], batch_size: int, rng: random.Random, pool: int = 50) -> list[list[int]]:
    """Shuffled batches of example indices, each drawn from a length-sorted pool (padding buckets)."""
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    out: list[list[int]] = []
    step = batch_size * pool
    for p in range(0, len(idx), step):
        chunk = sorted(idx[p : p + step], key=lambda i: lengths[i])
        out += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(out)
    return out


def evaluate(model, tokenizer, config: dict[str, Any], dev: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Dev P/R/F1 of ``model`` with the shipping tagger (one text per example)."""
    from newsie.ner.predict import Tagger
    from newsie.ner.runtime import TorchEncoder

    was_training = model.training
    model.eval()
    try:
        tagger = Tagger(TorchEncoder(model), tokenizer, config)
        preds = tagger.spans([ex["text"] for ex in dev])
    finally:
        model.train(was_training)
    return score(dev, preds)


def train(
    corpus: Path,
    out: Path,
    *,
    workers: int = 1,
    **kwargs: Any,
) -> dict[str, Any]:
    """Train and save ``out/best`` (best dev micro F1) and ``out/last``; return a summary.

    ``workers`` > 1 trains data-parallel over that many CPU processes (see module docstring).
    """
    if workers <= 1:
        return _train(corpus, out, **kwargs)
    import socket
    import tempfile

    import torch.multiprocessing as mp

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    kwargs.pop("log", None)  # a callable cannot cross the spawn boundary; ranks print
    with tempfile.TemporaryDirectory() as tmp:
        result_path = Path(tmp) / "summary.json"
        mp.spawn(_rank_main, args=(workers, port, corpus, out, kwargs, result_path), nprocs=workers, join=True)
        return json.loads(result_path.read_text(encoding="utf-8"))


def _rank_main(rank: int, world: int, port: int, corpus: Path, out: Path, kwargs: dict[str, Any],
               result_path: Path) -> None:
    import torch.distributed as dist

    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world)
    try:
        summary = _train(corpus, out, rank=rank, world=world, **{**kwargs, "threads": kwargs.get("threads") or 1})
        if rank == 0:
            result_path.write_text(json.dumps(summary), encoding="utf-8")
    finally:
        dist.destroy_process_group()


def _initial_model(M: Any, tags: list[str], use_case: bool, tiny: bool, init: Path | None) -> Any:
    """The starting network: a trained newsie model (``init``, e.g. to distil a smaller student), else
    the verified MiniLM encoder with a new head (or a tiny random one for tests)."""
    if init is None:
        return M.tiny(tags, use_case=use_case) if tiny else M.pretrained(use_case=use_case, tags=tags)
    net, config = M.load(Path(init))
    if list(config["tags"]) != list(tags) or bool(config["use_case"]) != use_case:
        raise ValueError(f"--init {init}: its tags/use_case differ from this run's (tags {config['tags']}, "
                         f"use_case {config['use_case']}); train it with the same label set and case setting")
    return net


def _train(
    corpus: Path,
    out: Path,
    *,
    use_case: bool = True,
    tiny: bool = False,
    epochs: float = 3.0,
    max_steps: int | None = None,
    max_minutes: float | None = None,
    batch_size: int = 16,
    lr: float = 1e-4,
    max_length: int = 256,
    seed: int = 13,
    silver_weight: float = 0.5,
    eval_every: int | None = None,
    threads: int | None = None,
    max_train: int | None = None,
    max_dev: int | None = None,
    log: Callable[[str], None] = print,
    dropout: float | None = None,
    init: Path | None = None,
    keep_layers: list[int] | None = None,
    rank: int = 0,
    world: int = 1,
) -> dict[str, Any]:
    """One process's training loop (the whole run when ``world`` is 1)."""
    import numpy as np
    import torch

    from newsie.tooling import weights as M

    dist = None
    if world > 1:
        import torch.distributed as dist
    t_start = time.time()
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if threads:
        torch.set_num_threads(threads)
    device = torch.device("cuda" if torch.cuda.is_available() and world == 1 else "cpu")
    out.mkdir(parents=True, exist_ok=True)
    logf = open(out / "train.jsonl", "a", encoding="utf-8") if rank == 0 else None  # noqa: SIM115 - closed in finally

    def emit(event: dict[str, Any]) -> None:
        if logf is None:
            return
        event = {"t": round(time.time() - t_start, 1), **event}
        logf.write(json.dumps(event) + "\n")
        logf.flush()
        log(json.dumps(event))

    def reduce(x: torch.Tensor, op: str = "sum") -> torch.Tensor:
        """All-reduce ``x`` in place across ranks (``sum`` or ``max``); a no-op in a single process."""
        if dist is not None:
            dist.all_reduce(x, op=dist.ReduceOp.SUM if op == "sum" else dist.ReduceOp.MAX)
        return x

    try:
        tags = bio_tags()
        net = _initial_model(M, tags, use_case, tiny, init)
        if keep_layers:
            M.keep_layers(net, keep_layers)
        if dropout is not None:  # override the encoder's dropout (tests compare runs without it)
            for module in net.modules():
                if isinstance(module, torch.nn.Dropout):
                    module.p = dropout
        net.to(device)
        if dist is not None:
            for p in net.parameters():  # identical start on every rank, whatever the init did
                dist.broadcast(p.data, src=0)
            torch.manual_seed(seed + 1000 * rank)  # but different dropout masks
        tokenizer = M.load_tokenizer(M.encoder_dir())
        train_recs = read_jsonl(corpus / "train.jsonl", max_train)
        dev = read_jsonl(corpus / "dev.jsonl", max_dev)
        data = featurize(train_recs, tokenizer, tags, max_length, silver_weight)
        lengths = [len(d["ids"]) for d in data]
        steps_per_epoch = math.ceil(len(data) / batch_size)
        total = max_steps or max(1, int(epochs * steps_per_epoch))
        emit({"event": "start", "train": len(data), "dev": len(dev), "words": sum(len(r["text"].split()) for r in train_recs),
              "steps": total, "steps_per_epoch": steps_per_epoch, "device": str(device), "use_case": use_case,
              "threads": torch.get_num_threads(), "workers": world, "seed": seed, "lr": lr, "batch_size": batch_size,
              "init": str(init) if init else None, "layers": net.bert.config.num_hidden_layers,
              "keep_layers": keep_layers})
        no_decay = ("bias", "LayerNorm.weight", "case_emb.weight")
        groups = [
            {"params": [p for n, p in net.named_parameters() if not n.endswith(no_decay)], "weight_decay": 0.01},
            {"params": [p for n, p in net.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
        ]
        opt = torch.optim.AdamW(groups, lr=lr)
        warm = max(1, int(0.06 * total))
        budget_s = 60 * max_minutes if max_minutes else None

        elapsed = 0.0  # the slowest rank's seconds since start, agreed every step

        def lr_factor(s: int) -> float:
            # Linear warm-up, then linear decay to 0 at whichever budget ends first
            # (steps or wall-clock minutes), so a run cut by its deadline still ends annealed.
            if s < warm:
                return (s + 1) / warm
            progress = (s - warm) / max(1, total - warm)
            if budget_s:
                progress = max(progress, elapsed / budget_s)
            return max(0.0, 1.0 - progress)

        sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor)
        config = {"tags": tags, "max_length": max_length, "window_overlap": WINDOW_OVERLAP}
        extra = {"max_length": max_length, "train": {"corpus": str(corpus), "seed": seed, "lr": lr,
                                                      "batch_size": batch_size, "silver_weight": silver_weight,
                                                      "init": str(init) if init else None, "keep_layers": keep_layers}}
        rng = random.Random(seed)
        best_f = -1.0
        best: dict[str, Any] = {}
        step, epoch, run_loss, n_loss = 0, 0, 0.0, 0

        def checkpoint(reason: str) -> None:
            nonlocal best_f, best
            if rank != 0:
                if dist is not None:
                    dist.barrier()
                return
            res = evaluate(net, tokenizer, config, dev)
            f = res["micro"]["f"]
            meta = {**extra, "dev": res["micro"], "step": step, "epoch": round(step / steps_per_epoch, 3)}
            M.save(net, out / "last", meta)
            if f > best_f:
                best_f, best = f, {"step": step, "epoch": meta["epoch"], "dev": res}
                M.save(net, out / "best", meta)
            emit({"event": "eval", "reason": reason, "step": step, "epoch": meta["epoch"], "dev_f1": f,
                  "dev_p": res["micro"]["p"], "dev_r": res["micro"]["r"], "best_f1": best_f,
                  "per_label": {k: v["f"] for k, v in res.items() if k != "micro"}})
            if dist is not None:
                dist.barrier()

        net.train()
        done = False
        while not done:
            epoch += 1
            for full in batches(lengths, batch_size, rng):
                mine = full[rank::world]
                b = mine or full[:1]  # a batch smaller than the world: run one example, weighted 0 below
                width = max(lengths[i] for i in b)
                ids = torch.zeros((len(b), width), dtype=torch.long)
                case = torch.zeros_like(ids)
                mask = torch.zeros_like(ids)
                labels = torch.full_like(ids, IGNORE)
                weights = torch.zeros((len(b), width))
                for r, i in enumerate(b):
                    n = lengths[i]
                    ids[r, :n] = torch.tensor(data[i]["ids"])
                    case[r, :n] = torch.tensor(data[i]["case"])
                    mask[r, :n] = 1
                    labels[r, :n] = torch.tensor(data[i]["labels"])
                    weights[r, :n] = torch.tensor(data[i]["weights"])
                ids, case, mask, labels, weights = (x.to(device) for x in (ids, case, mask, labels, weights))
                logits = net(ids, case, mask)
                ce = torch.nn.functional.cross_entropy(
                    logits.view(-1, logits.size(-1)), labels.view(-1), ignore_index=IGNORE, reduction="none"
                )
                w = weights.view(-1)
                if not mine:
                    w = w * 0.0
                # two scalar all-reduces per step: the global loss denominator and the slowest rank's clock
                wsum = reduce(torch.tensor([float(w.sum())]))
                elapsed = float(reduce(torch.tensor([time.time() - t_start]), "max"))
                loss = (ce * w).sum() / wsum.clamp(min=1e-6).to(device)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                if dist is not None:
                    grads = [p.grad for p in net.parameters() if p.grad is not None]
                    flat = torch._utils._flatten_dense_tensors(grads)
                    dist.all_reduce(flat)
                    for g, synced in zip(grads, torch._utils._unflatten_dense_tensors(flat, grads), strict=True):
                        g.copy_(synced)
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
                sched.step()
                step += 1
                run_loss += loss.item()  # this rank's share of the global loss; summed when logged
                n_loss += 1
                if step % 50 == 0 or step == total:  # the same steps on every rank
                    run_loss = float(reduce(torch.tensor([run_loss])))
                    emit({"event": "train", "step": step, "loss": round(run_loss / n_loss, 4),
                          "lr": sched.get_last_lr()[0], "sec_per_step": round((time.time() - t_start) / step, 3)})
                    run_loss, n_loss = 0.0, 0
                out_of_time = budget_s is not None and elapsed > budget_s
                if step >= total or out_of_time:
                    checkpoint("end" if step >= total else "deadline")
                    done = True
                    break
                if eval_every and step % eval_every == 0:
                    checkpoint("periodic")
            else:
                checkpoint(f"epoch {epoch}")
        summary = {"best": best, "steps": step, "minutes": round((time.time() - t_start) / 60, 2), "out": str(out)}
        emit({"event": "done", "best_f1": best_f, "best_step": best.get("step"), "minutes": summary["minutes"]})
        return summary
    finally:
        if logf is not None:
            logf.close()
