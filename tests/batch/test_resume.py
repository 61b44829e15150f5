"""The journal: commits describe a consistent prefix; resume truncates half-written data and skips done keys."""

from __future__ import annotations

from pathlib import Path

from newsie.batch.resume import Journal, journal_path


def test_commit_then_resume_truncates_unjournaled_tail(tmp_path: Path) -> None:
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    j = Journal(out, err, resume=False)
    j.commit(["a"], ['{"id":"a"}'], [])
    j.commit(["b", "c"], ['{"id":"b"}'], ['{"path":"c"}'])
    j.close(complete=False)
    # a crash after writing data but before its journal line, plus a half journal line
    with out.open("ab") as fh:
        fh.write(b'{"id":"d"}\n{"id":"e"')
    with journal_path(out).open("ab") as fh:
        fh.write(b'{"keys":["d"],"out":')
    j2 = Journal(out, err, resume=True)
    assert j2.resumed and j2.done == {"a", "b", "c"}
    assert out.read_text() == '{"id":"a"}\n{"id":"b"}\n'
    assert err.read_text() == '{"path":"c"}\n'
    j2.commit(["d"], ['{"id":"d"}'], [])
    j2.close(complete=True)
    assert out.read_text() == '{"id":"a"}\n{"id":"b"}\n{"id":"d"}\n'
    assert not journal_path(out).exists()


def test_fresh_run_overwrites(tmp_path: Path) -> None:
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    out.write_text("old\n")
    j = Journal(out, err, resume=False)
    assert j.done == set()
    j.close(complete=True)
    assert out.read_text() == "" and err.read_text() == ""


def test_resume_without_journal_starts_from_scratch(tmp_path: Path, capsys) -> None:
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    out.write_text("stale\n")
    j = Journal(out, err, resume=True)
    j.close(complete=True)
    assert out.read_text() == "" and "starting from scratch" in capsys.readouterr().err


def test_a_fresh_run_that_fails_before_its_first_record_truncates_nothing(tmp_path: Path) -> None:
    """Regression (#21): a run failing early (bad path, model load) had already emptied the existing output."""
    out, err = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    out.write_text('{"id":"precious"}\n')
    j = Journal(out, err, resume=False)
    j.close(complete=False)  # e.g. the model failed to load, or SIGTERM during start-up
    assert out.read_text() == '{"id":"precious"}\n' and not err.exists() and not journal_path(out).exists()
