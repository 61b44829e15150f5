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


# ----------------------------------------------------------------- issue #21: hostile folders
def test_bad_errors_path_is_refused_before_the_output_is_touched(tmp_path: Path, capsys) -> None:
    """Regression: a bad --errors path truncated an existing output to 0 bytes before failing."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Kyiv said on Monday it needs more shells.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"precious"}\n', encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    rc = main(["extract", str(src), "-o", str(out), "--errors", str(tmp_path / "afile" / "e.jsonl"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 2 and "afile" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == '{"id":"precious"}\n'


@pytest.mark.parametrize("bad", ["under_file", "same_as_errors", "is_dir_errors", "input_is_output"])
def test_unusable_outputs_are_usage_errors(tmp_path: Path, capsys, bad: str) -> None:
    """Regression: an output under a file gave a raw traceback; -o F --errors F mixed errors into the output."""
    src = tmp_path / "in"
    src.mkdir()
    doc = src / "a.jsonl"
    doc.write_text('{"text": "Kyiv said on Monday it needs more shells."}\n', encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    out = str(tmp_path / "o.jsonl")
    args = {"under_file": ["-o", str(tmp_path / "afile" / "o.jsonl")],
            "same_as_errors": ["-o", out, "--errors", out],
            "is_dir_errors": ["-o", out, "--errors", str(tmp_path / "adir")],
            "input_is_output": ["-o", str(doc)]}[bad]
    inputs = [str(doc)] if bad == "input_is_output" else [str(src)]
    rc = main(["extract", *inputs, *args, "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert "newsie extract:" in err and "Traceback" not in err
    assert doc.read_text(encoding="utf-8").startswith('{"text"')


@pytest.mark.parametrize("flag", [("--max-chars", "0"), ("--max-chars", "-5"), ("--max-chars", "x"),
                                  ("--workers", "0"), ("--batch-size", "0"), ("--doc-timeout", "-1"),
                                  ("--doc-timeout", "nan"), ("--actors", "0"), ("--part-size", "0"),
                                  ("--glob", ""), ("--text-field", ""), ("--model", "/nonexistent/model")])
def test_every_flag_value_is_validated(tmp_path: Path, capsys, flag: tuple[str, str]) -> None:
    """Regression: --max-chars 0 or negative was accepted (every document became an error)."""
    (tmp_path / "a.txt").write_text("Kyiv said on Monday it needs more shells.", encoding="utf-8")
    try:
        rc = main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "--no-progress", *flag])
    except SystemExit as exc:  # argparse's own usage error
        rc = exc.code
    assert rc == 2
    assert flag[0] in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_second_run_on_a_locked_output_exits_2_naming_the_holder(tmp_path: Path, capsys) -> None:
    """Regression: two runs on the same output silently wrote every record twice."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Kyiv said on Monday it needs more shells.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"being written"}\n', encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from newsie.batch.lock import OutputLock;"
         f"lock = OutputLock([Path({str(out)!r})]); print('ready', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        rc = main(["extract", str(src), "-o", str(out), "--no-progress"])
        err = capsys.readouterr().err
        assert rc == 2 and f"pid {holder.pid}" in err, err
        assert out.read_text(encoding="utf-8") == '{"id":"being written"}\n'
    finally:
        holder.kill()
        holder.wait()


def test_output_inside_the_input_folder_is_not_read_back(nlp, tmp_path: Path) -> None:
    """Regression: -o inside the input folder made a second run read its own output (and errors file)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Kyiv said on Monday it needs more shells.", encoding="utf-8")
    out = src / "out.jsonl"
    for _ in range(2):
        assert main(["extract", str(src), "-o", str(out), "--no-progress"]) == 0
        assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]
    assert not list(src.glob("*.lock"))  # a finished run leaves no lock file


def test_empty_folder_is_an_error_record_not_silence(nlp, tmp_path: Path, capsys) -> None:
    """Regression: an empty input folder exited 0 without a word."""
    (tmp_path / "empty").mkdir()
    rc = main(["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "o.jsonl"), "--no-progress"])
    assert rc == 1
    (e,) = [json.loads(line) for line in (tmp_path / "o.errors.jsonl").read_text().splitlines()]
    assert e["path"] == str(tmp_path / "empty") and "no input files" in e["reason"]


def test_hostile_folder_every_bad_input_is_its_error_record(nlp, tmp_path: Path) -> None:
    """Regression: deep nesting, a lone surrogate id or a non-UTF-8 name aborted the whole run, losing records."""
    src = tmp_path / "in"
    src.mkdir()
    good = "Kyiv said on Monday it needs more shells."
    (src / "a_deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (src / "b_ids.jsonl").write_text('{"id": "x\\ud800", "text": "' + good + '"}\n', encoding="utf-8")
    fd = os.open(os.fsencode(src) + b"/c_caf\xe9.txt", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, good.encode())
    os.close(fd)
    os.mkfifo(src / "d_pipe.txt")
    (src / "e_good.txt").write_text(good, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--no-progress"]) == 1
    ids = [json.loads(line)["id"] for line in out.read_bytes().decode("utf-8").splitlines()]
    assert ids == ["x\\ud800", "c_caf\\xe9", "e_good"]
    errors = [json.loads(line) for line in (tmp_path / "o.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["a_deep.json", "d_pipe.txt"]
    assert "nested" in errors[0]["reason"] and "FIFO" in errors[1]["reason"]


def _children(pid: int) -> list[int]:
    import psutil

    return [c.pid for c in psutil.Process(pid).children(recursive=True)]


def _wait_for_journal(proc: subprocess.Popen, jnl: Path, lines: int) -> None:
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if jnl.exists() and jnl.read_bytes().count(b"\n") >= lines:
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError("the run did not get going")


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "workers"), [(signal.SIGTERM, "2"), (signal.SIGINT, "1")])
def test_signal_stops_workers_flushes_and_prints_the_resume_hint(seed_text: str, tmp_path: Path, sig: int,
                                                                 workers: str) -> None:
    """Regression: SIGTERM left both workers running (~600 MB each); SIGINT printed a bare traceback."""
    import psutil

    src = _corpus(tmp_path / "in", seed_text, 8)
    out = tmp_path / "o.jsonl"
    common = ["--batch-size", "1", "--no-progress", "--workers", workers]
    proc = _cli(str(src), "-o", str(out), *common, env_extra={"NEWSIE_FAULT_INJECT": f"sleep:{MARK}"})
    _wait_for_journal(proc, tmp_path / "o.jsonl.journal", 1)
    kids = _children(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    text = err.decode()
    assert proc.returncode == 128 + sig, text
    assert "--resume" in text and "Traceback" not in text, text
    deadline = time.monotonic() + 30
    while any(psutil.pid_exists(k) and psutil.Process(k).status() != psutil.STATUS_ZOMBIE for k in kids):
        assert time.monotonic() < deadline, f"workers still running: {kids}"
        time.sleep(0.2)
    done = out.read_bytes().count(b"\n")
    assert 1 <= done < 8
    resumed = _cli(str(src), "-o", str(out), *common, "--resume")
    _, err = resumed.communicate(timeout=900)
    assert resumed.returncode == 0, err.decode()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [f"doc{i:02d}" for i in range(8)]


def test_read_only_output_folder_is_a_usage_error(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: an output in a read-only folder gave a raw traceback (simulated: tests may run as root)."""
    (tmp_path / "a.txt").write_text("Kyiv said on Monday it needs more shells.", encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == ro else real_access(p, mode, **k))
    rc = main(["extract", str(tmp_path / "a.txt"), "-o", str(ro / "sub" / "o.jsonl"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 2 and f"{ro} is not writable" in err and "Traceback" not in err
    assert not (ro / "sub").exists()
