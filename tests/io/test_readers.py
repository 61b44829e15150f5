"""Readers: every input format, metadata precedence, and every kind of bad input (fixtures made in tmp_path)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from newsie.io.readers import (
    JsonFields,
    ReaderOptions,
    ReadError,
    SourceDoc,
    decode_bytes,
    iter_items,
)

TEXT = "North Korea said on Monday it would send 500 workers to Russia."


def items(*paths: Path | str, **kw) -> list:
    return list(iter_items([str(p) for p in paths], ReaderOptions(**kw)))


def docs_and_errors(*paths: Path | str, **kw) -> tuple[list[SourceDoc], list[ReadError]]:
    out = items(*paths, **kw)
    return [i for i in out if isinstance(i, SourceDoc)], [i for i in out if isinstance(i, ReadError)]


def test_txt_folder_recursive_sorted_ids_from_relative_path(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT + " Again.", encoding="utf-8")
    (tmp_path / "notes.log").write_text("ignored", encoding="utf-8")
    docs, errors = docs_and_errors(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["a", "b/x"]
    assert docs[1].text == TEXT and docs[1].path == str(tmp_path / "b" / "x.txt")
    assert docs[0].date is None  # never the file mtime


def test_md_front_matter(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(
        f"---\ntitle: Workers\ndate: 2023-02-02\nid: story-1\nurl: https://example.org/s\n---\n\n{TEXT}\n",
        encoding="utf-8",
    )
    (d,) = items(tmp_path / "p.md")
    assert (d.id, d.title, d.url, d.date) == ("story-1", "Workers", "https://example.org/s", dt.date(2023, 2, 2))
    assert d.text == TEXT + "\n"


def test_md_bad_front_matter_is_error(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    (e,) = items(tmp_path / "p.md")
    assert isinstance(e, ReadError) and "front matter" in e.reason


def test_html_article_via_trafilatura(tmp_path: Path) -> None:
    paras = "".join(f"<p>{TEXT} Paragraph {i} adds detail about the labourers and the war.</p>" for i in range(6))
    html = (
        "<html><head><title>Pyongyang pauses labour plan</title>"
        '<meta property="article:published_time" content="2023-02-01T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Pyongyang pauses labour plan</h1>{paras}</article>"
        "<footer>Copyright 2023 Example News. Subscribe now.</footer></body></html>"
    )
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (d,) = items(tmp_path / "a.html", default_date=dt.date(2020, 1, 1))
    assert isinstance(d, SourceDoc)
    assert "Paragraph 5" in d.text and "Subscribe" not in d.text and "Home" not in d.text
    assert d.title == "Pyongyang pauses labour plan"
    assert d.date == dt.date(2023, 2, 1)  # page metadata beats --date


def test_html_without_article_is_error(tmp_path: Path) -> None:
    (tmp_path / "nav.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (e,) = items(tmp_path / "nav.htm")
    assert isinstance(e, ReadError) and "no article text" in e.reason


def test_jsonl_records_configurable_fields_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"body": TEXT, "uid": "r1", "published": "2023-01-05", "headline": "H"}),
        "{not json",
        json.dumps({"body": "Second story about Kyiv."}),
        json.dumps({"uid": "r3"}),
        json.dumps([1, 2]),
        "",
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fields = JsonFields(text="body", id="uid", date="published", title="headline")
    out = items(tmp_path / "feed.jsonl", fields=fields, default_date=dt.date(2023, 3, 3))
    assert [type(i).__name__ for i in out] == ["SourceDoc", "ReadError", "SourceDoc", "ReadError", "ReadError"]
    assert (out[0].id, out[0].date, out[0].title) == ("r1", dt.date(2023, 1, 5), "H")
    assert out[1].path.endswith("feed.jsonl:2") and "not JSON" in out[1].reason
    assert out[2].id == "feed#3" and out[2].date == dt.date(2023, 3, 3)
    assert out[3].id == "r3" and "'body'" in out[3].reason
    assert "not an object" in out[4].reason


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": TEXT, "id": "solo"}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A."}, {"text": "B.", "date": "2021-05-06"}]),
                                        encoding="utf-8")
    docs, errors = docs_and_errors(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["many#0", "many#1", "solo"]
    assert docs[1].date == dt.date(2021, 5, 6)


def test_sidecar_and_date_precedence(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "s.meta.json").write_text(json.dumps({"date": "2022-11-30", "id": "side"}), encoding="utf-8")
    (tmp_path / "m.md").write_text(f"---\ndate: 2021-01-01\n---\n{TEXT}", encoding="utf-8")
    (tmp_path / "m.md.meta.json").write_text(json.dumps({"date": "1999-09-09", "title": "T"}), encoding="utf-8")
    (tmp_path / "n.txt").write_text(TEXT, encoding="utf-8")
    docs, errors = docs_and_errors(tmp_path, default_date=dt.date(2000, 1, 1))
    assert errors == []  # sidecars are metadata, not documents
    by_path = {Path(d.path).name: d for d in docs}
    assert (by_path["s.txt"].id, by_path["s.txt"].date) == ("side", dt.date(2022, 11, 30))  # sidecar > --date
    assert by_path["m.md"].date == dt.date(2021, 1, 1) and by_path["m.md"].title == "T"  # record > sidecar
    assert by_path["n.txt"].date == dt.date(2000, 1, 1)  # --date as the fallback


def test_bad_date_is_an_error_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.meta.json").write_text(json.dumps({"date": "last Tuesday"}), encoding="utf-8")
    (e,) = items(tmp_path)
    assert isinstance(e, ReadError) and "bad date" in e.reason


def test_cp1252_and_latin1_are_decoded(tmp_path: Path) -> None:
    text = "Café owners in Zürich said the “deal” was worth €5 million — a record."
    (tmp_path / "w.txt").write_bytes((text * 3).encode("cp1252"))
    (d,) = items(tmp_path)
    assert isinstance(d, SourceDoc)
    assert "Zürich" in d.text and "“deal”" in d.text and "€5" in d.text


def test_utf8_bom_stripped() -> None:
    assert decode_bytes(b"\xef\xbb\xbfHello world.") == "Hello world."


def test_bad_inputs_each_become_an_error_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes(b"x" * 9000)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "up").symlink_to(tmp_path)
    docs, errors = docs_and_errors(tmp_path, max_chars=1500)
    assert [d.id for d in docs] == ["good"]
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "empty document" in reasons["blank.txt"]
    assert "binary" in reasons["bin.txt"]
    assert "too long" in reasons["big.txt"] and "not truncated" in reasons["big.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "unreadable" in reasons["dangling.txt"]
    assert "symlink loop" in reasons["self.txt"]
    assert "symlink loop" in reasons["up"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: simulate the permission error at open()
        real_open = os.open

        def deny(path, *a, **k):  # noqa: ANN001, ANN002, ANN003
            if str(path).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *a, **k)

        monkeypatch.setattr(os, "open", deny)
    else:
        p.chmod(0)
    (e,) = items(tmp_path)
    assert isinstance(e, ReadError) and "permission denied" in e.reason


def test_glob_filter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text(TEXT, encoding="utf-8")
    docs, _ = docs_and_errors(tmp_path, glob="*.md")
    assert [d.id for d in docs] == ["b"]


def test_stdin_formats() -> None:
    opts = ReaderOptions(stdin_format="txt", default_date=dt.date(2023, 2, 2))
    (d,) = iter_items(["-"], opts, stdin=io.BytesIO(TEXT.encode()))
    assert (d.id, d.path, d.date) == ("stdin", "-", dt.date(2023, 2, 2))
    opts = ReaderOptions(stdin_format="jsonl")
    out = list(iter_items(["-"], opts, stdin=io.BytesIO(b'{"text": "A."}\n{"text": "B.", "id": "b"}\n')))
    assert [d.id for d in out] == ["stdin#1", "b"]


def test_key_changes_with_content(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    (d1,) = items(p)
    p.write_text(TEXT + " Updated.", encoding="utf-8")
    (d2,) = items(p)
    assert d1.id == d2.id and d1.key != d2.key
    assert d1.words == len(TEXT.split())


def test_latin1_and_cyrillic_legacy_encodings() -> None:
    assert decode_bytes("Ça va? Naïve résumé from Zürich, said the café owner.".encode("latin-1")).startswith("Ça va")
    ru = "Привет, как дела? Это новости из Москвы о войне и о мире."
    assert decode_bytes(ru.encode("cp1251")) == ru


def test_50mb_file_is_rejected_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: instant, and never read
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    docs, errors = docs_and_errors(tmp_path)  # default --max-chars 1,000,000
    assert [d.id for d in docs] == ["ok"]
    (e,) = errors
    assert e.path.endswith("dump.txt") and "file too large: 52428800 bytes" in e.reason


# ----------------------------------------------------------------- issue #21: hostile folders
def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_deeply_nested_inputs_are_error_records_and_the_walk_goes_on(tmp_path: Path) -> None:
    """Regression: a RecursionError in any parser aborted the whole run without naming the file."""
    (tmp_path / "a_deep.json").write_text(_deep_json(200_000), encoding="utf-8")
    (tmp_path / "b_deep.jsonl").write_text('{"x": ' + _deep_json(200_000) + '}\n{"text": "' + TEXT + '"}\n',
                                           encoding="utf-8")
    (tmp_path / "c_side.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c_side.meta.json").write_text('{"date": ' + _deep_json(200_000) + "}", encoding="utf-8")
    (tmp_path / "d_front.md").write_text("---\nx: " + _deep_json(50_000) + "\n---\n" + TEXT, encoding="utf-8")
    (tmp_path / "e_good.txt").write_text(TEXT, encoding="utf-8")
    out = items(tmp_path)
    names = [(Path(i.path).name, type(i).__name__) for i in out]
    assert names == [("a_deep.json", "ReadError"), ("b_deep.jsonl:1", "ReadError"), ("b_deep.jsonl:2", "SourceDoc"),
                     ("c_side.txt", "ReadError"), ("d_front.md", "ReadError"), ("e_good.txt", "SourceDoc")]
    for e in out:
        if isinstance(e, ReadError):
            assert "nested" in e.reason, e


def test_unencodable_names_and_ids_are_escaped(tmp_path: Path) -> None:
    """Regression: a non-UTF-8 file name or a lone surrogate in a JSON id crashed the writer."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, TEXT.encode())
    os.close(fd)
    (tmp_path / "ids.jsonl").write_text('{"id": "a\\ud800b", "title": "t\\udfff", "text": "Kyiv said \\ud83d no."}\n',
                                        encoding="utf-8")
    docs, errors = docs_and_errors(tmp_path)
    assert not errors
    by_name = {Path(d.path).name: d for d in docs}
    assert set(by_name) == {"caf\\xe9.txt", "ids.jsonl:1"}
    d = by_name["ids.jsonl:1"]
    assert (d.id, d.title) == ("a\\ud800b", "t\\udfff")
    assert d.text == "Kyiv said \ufffd no."  # one character for one: entity offsets stay valid
    for doc in docs:
        json.dumps(doc.meta(), default=str, ensure_ascii=False).encode("utf-8")  # must not raise
        doc.text.encode("utf-8")
    assert by_name["caf\\xe9.txt"].id == "caf\\xe9"


def _in_thread(fn, timeout: float = 20.0):
    import threading

    box: list = []
    t = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    t.start()
    t.join(timeout)
    assert box, f"{fn} hung for {timeout} s"
    return box[0]


def test_special_files_are_error_records_never_a_hang(tmp_path: Path) -> None:
    """Regression: a FIFO path hung the run, /dev/zero was read until MemoryError, a FIFO in a folder vanished."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    out = _in_thread(lambda: items(tmp_path / "pipe.txt", tmp_path, "/dev/zero"))
    summary = [(Path(i.path).name, type(i).__name__) for i in out]
    assert summary == [("pipe.txt", "ReadError"), ("ok.txt", "SourceDoc"), ("pipe.txt", "ReadError"),
                       ("zero", "ReadError")]
    assert "not a regular file (FIFO)" in out[0].reason and "not a regular file (FIFO)" in out[2].reason
    assert "not a regular file (character device)" in out[3].reason


def test_read_stops_at_the_limit_whatever_st_size_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsie.io.readers as readers

    p = tmp_path / "grows.txt"
    p.write_text("word " * 2000, encoding="utf-8")  # 10,000 bytes
    real_stat, real_fstat = os.stat, os.fstat

    class Lying:  # st_size 0, as /proc files say; everything else true
        st_size = 0

        def __init__(self, st: os.stat_result) -> None:
            self._st = st

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(self._st, name)

    monkeypatch.setattr(readers.os, "fstat", lambda fd: Lying(real_fstat(fd)))
    monkeypatch.setattr(readers.os, "stat", lambda f, *a, **k: Lying(real_stat(f, *a, **k)))
    (e,) = items(p, max_chars=1000)
    assert isinstance(e, ReadError) and "too large" in e.reason and "not read" in e.reason


def test_excluded_paths_are_not_inputs(tmp_path: Path) -> None:
    """Regression: ``-o`` inside the input folder made the run read its own output."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out.jsonl").write_text('{"text": "' + TEXT + '"}\n', encoding="utf-8")
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.jsonl").write_text('{"text": "' + TEXT + '"}\n', encoding="utf-8")
    excluded = frozenset({os.path.realpath(tmp_path / "out.jsonl"), os.path.realpath(tmp_path / "parts")})
    docs, _ = docs_and_errors(tmp_path, exclude=excluded)
    assert [d.id for d in docs] == ["a"]


def test_folder_without_inputs_is_an_error_record(tmp_path: Path) -> None:
    """Regression: an empty folder exited 0 without a word."""
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (e,) = items(tmp_path)
    assert isinstance(e, ReadError) and e.path == str(tmp_path) and "no input files" in e.reason


def test_a_failing_walk_is_an_error_record_and_the_next_root_is_read(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import newsie.io.readers as readers

    (tmp_path / "a").mkdir()
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    real = readers.discover

    def broken(root, *a, **k):  # noqa: ANN001, ANN002, ANN003
        if root.name == "a":
            raise RecursionError("walk exploded")
        return real(root, *a, **k)

    monkeypatch.setattr(readers, "discover", broken)
    e, d = items(tmp_path / "a", tmp_path / "b.txt")
    assert isinstance(e, ReadError) and e.path == str(tmp_path / "a") and "nested" in e.reason
    assert isinstance(d, SourceDoc) and d.id == "b"
