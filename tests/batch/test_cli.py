"""``newsie extract`` end to end: formats, errors file and exit code, determinism, workers, kill -9 + --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsie.batch.cli import output_layout
from newsie.cli import main
from newsie.io.writers import ENTITY_COLUMNS, EVENT_COLUMNS
from newsie.schema import Result

MARK = "Wrxq"


def _corpus(root: Path, seed_text: str, n: int) -> Path:
    """``n`` small real-text documents (seed paragraphs recombined), deterministic."""
    paras = [p for p in seed_text.splitlines() if p.strip()]
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = " ".join(paras[(i + k) % len(paras)] for k in range(2)) + f" {MARK}."
        (root / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


def _cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **(env_extra or {})}
    env.pop("NEWSIE_FAULT_INJECT", None) if not env_extra else None
    return subprocess.Popen([sys.executable, "-m", "newsie.cli", "extract", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_stdout_jsonl_errors_and_exit_code(nlp, seed_text: str, tmp_path: Path, capsys) -> None:
    src = _corpus(tmp_path / "in", seed_text, 2)
    (src / "empty.txt").write_bytes(b"")
    (src / "doc00.meta.json").write_text('{"date": "2022-12-01", "id": "first"}', encoding="utf-8")
    rc = main(["extract", str(src), "-o", "-", "--date", "2023-02-02", "--no-progress"])
    cap = capsys.readouterr()
    assert rc == 1  # one input failed
    lines = [Result.model_validate_json(line) for line in cap.out.splitlines()]
    assert [(r.id, str(r.date)) for r in lines] == [("first", "2022-12-01"), ("doc01", "2023-02-02")]
    assert all(r.entities for r in lines)
    err_lines = [json.loads(line) for line in cap.err.splitlines() if line.startswith("{")]
    assert err_lines == [{"path": str(src / "empty.txt"), "id": None, "stage": "read", "reason": "empty file"}]
    assert "2 documents ok, 1 errors" in cap.err


def test_csv_parquet_folder_outputs(nlp, seed_text: str, tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", seed_text, 3)
    assert main(["extract", str(src), "-o", str(tmp_path / "t.csv"), "--no-progress"]) == 0
    assert (tmp_path / "t.csv").read_text().splitlines()[0].split(",") == EVENT_COLUMNS
    ents = (tmp_path / "t.entities.csv").read_text().splitlines()
    assert ents[0].split(",") == ENTITY_COLUMNS and len(ents) > 3
    assert (tmp_path / "t.errors.jsonl").read_text() == ""
    assert not list(tmp_path.glob("*.partial.jsonl*"))
    out_dir = tmp_path / "pq"
    out_dir.mkdir()
    assert main(["extract", str(src), "-o", str(out_dir), "--format", "parquet", "--no-progress"]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["entities.parquet", "errors.jsonl", "events.parquet"]
    ent = pq.read_table(out_dir / "entities.parquet")
    assert ent.column_names == ENTITY_COLUMNS
    assert sorted(set(ent.column("doc_id").to_pylist())) == ["doc00", "doc01", "doc02"]
    lay = output_layout(str(tmp_path / "new") + "/", "jsonl")
    assert lay.jsonl.name == "records.jsonl" and lay.errors.name == "errors.jsonl"


@pytest.mark.slow
def test_kill9_then_resume_with_two_workers_is_byte_identical(nlp, seed_text: str, tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", seed_text, 10)
    (src / "bad.jsonl").write_text('{"text": "Kyiv said on Monday it needs more shells."}\nnot json\n',
                                   encoding="utf-8")
    ref, res = tmp_path / "ref.jsonl", tmp_path / "res.jsonl"
    common = ["--date", "2023-02-02", "--batch-size", "1", "--no-progress"]

    # kill -9 a slowed-down run once a few documents are journaled
    killed = _cli(str(src), "-o", str(res), *common, env_extra={"NEWSIE_FAULT_INJECT": f"sleep:{MARK}"})
    jnl = tmp_path / "res.jsonl.journal"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if jnl.exists() and jnl.read_bytes().count(b"\n") >= 4:
            break
        assert killed.poll() is None, killed.stderr.read().decode()
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert killed.returncode == -signal.SIGKILL and jnl.exists()
    partial = res.read_bytes().count(b"\n")

    # the uninterrupted reference, in this process (model already loaded), one worker
    assert main(["extract", str(src), "-o", str(ref), *common]) == 1  # the bad JSON line
    reference = ref.read_bytes()
    assert reference.count(b"\n") == 11 and 3 <= partial < 11

    # resume with a different worker count: neither the kill nor the workers change a byte
    resumed = _cli(str(src), "-o", str(res), *common, "--resume", "--workers", "2")
    _, err = resumed.communicate(timeout=900)
    assert resumed.returncode == 1, err.decode()
    assert "already done (resumed)" in err.decode()
    assert res.read_bytes() == reference  # no duplicate, no missing document
    errors = (tmp_path / "ref.errors.jsonl").read_bytes()
    assert (tmp_path / "res.errors.jsonl").read_bytes() == errors
    assert b"bad.jsonl:2" in errors and not jnl.exists()


def test_progress_summary_counts() -> None:
    from newsie.batch.cli import Progress
    from newsie.batch.process import Outcome

    p = Progress(enabled=False)
    p.update([Outcome(key="a", record="{}", words=10), Outcome(key="b", error={"reason": "x"}, words=0)])
    line = p.summary(skipped=3)
    assert line.startswith("newsie extract: 1 documents ok, 1 errors, 3 already done (resumed); 10 words in ")
    assert "docs/s" in line and "words/s" in line
