"""Turn files, folders and stdin into documents (or per-input error records), in a fixed order.

Why a module of its own: the local engine, the Ray engine and ``newsie show``
must see exactly the same documents with the same ids, dates and content
hashes, otherwise resume and engine-equivalence cannot hold.  Everything here
is deterministic: folders are walked in sorted order, ids come from metadata or
the path (never from time or randomness) and the file mtime is never used as a
date.

Supported inputs (searched recursively in folders):

* ``.txt`` -- the whole file is the text;
* ``.md`` -- optional YAML front matter (``date``, ``title``, ``id``, ``url``);
* ``.html``/``.htm`` -- the article text found by trafilatura, title and date
  from its metadata; a page without an article is an error, not an empty doc;
* ``.json`` (one object or a list of objects) and ``.jsonl`` (one object a
  line) with a text field and optional id/date/title/url (names configurable);
* ``NAME.meta.json`` beside a text file (``NAME`` being the file's stem or full
  name) gives that file's ``date``/``id``/``title``/``url``.

Date precedence: the record's own metadata > sidecar > ``default_date`` > none.

Bad input never stops the walk: it becomes a :class:`ReadError` in the
sequence, at the place the document would have been.
"""

from __future__ import annotations

import datetime as _dt
import errno
import fnmatch
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsie.extensions import coerce_date

TEXT_SUFFIXES = (".txt",)
MD_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MD_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"

#: Default ``max_chars``: far above any news article (the longest long-reads are
#: ~100k characters) and far below what would make one worker hold gigabytes.
DEFAULT_MAX_CHARS = 1_000_000
#: Bytes per character allowed before even reading a file (UTF-8 needs <= 4).
_BYTES_PER_CHAR = 4
#: Largest ``.meta.json`` sidecar read (metadata is a few hundred bytes).
SIDECAR_MAX_BYTES = 1 << 20
_NESTED = "too deeply nested (RecursionError)"


@dataclass(frozen=True)
class JsonFields:
    """Names of the fields of JSON/JSONL records (``--text-field`` etc.)."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"


@dataclass(frozen=True)
class SourceDoc:
    """One document ready for the pipeline.

    ``key`` (id + content hash) is what resume uses to recognise a document
    already done, so an edited file is processed again while an unchanged one
    is not.
    """

    id: str
    text: str
    path: str
    date: _dt.date | None = None
    title: str | None = None
    url: str | None = None
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.text))  # of the text as read (resume keys)
        object.__setattr__(self, "text", replace_unencodable(self.text))
        for name in ("id", "path", "title", "url"):
            object.__setattr__(self, name, _clean_meta(getattr(self, name)))

    @property
    def key(self) -> str:
        return f"{self.id}\x00{self.sha256}"

    @property
    def words(self) -> int:
        return len(self.text.split())

    def meta(self) -> dict[str, Any]:
        """The metadata as ``newsie.api`` expects it (``id``, ``date``, ``path``, ``title``, ``url``)."""
        return {"id": self.id, "date": self.date, "path": self.path, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class ReadError:
    """An input that could not be turned into a document, with a human-readable reason."""

    path: str
    reason: str
    id: str | None = None
    stage: str = "read"

    def __post_init__(self) -> None:
        for name in ("path", "reason", "id"):
            object.__setattr__(self, name, _clean_meta(getattr(self, name)))

    @property
    def key(self) -> str:
        return f"error\x00{self.path}\x00{self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "id": self.id, "stage": self.stage, "reason": self.reason}


Item = SourceDoc | ReadError


@dataclass(frozen=True)
class ReaderOptions:
    """Everything that changes how inputs are read (shared by all engines)."""

    default_date: _dt.date | None = None
    glob: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    fields: JsonFields = field(default_factory=JsonFields)
    stdin_format: str = "txt"
    #: real paths (``os.path.realpath``) never read as inputs: the run's own outputs
    exclude: frozenset[str] = frozenset()


def content_hash(text: str) -> str:
    """Short SHA-256 of the text (16 hex digits: collisions are irrelevant at corpus sizes)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def escape_unencodable(value: str) -> str:
    """``value`` with anything UTF-8 cannot encode (lone surrogates, undecodable file-name bytes) escaped.

    Why: a JSON id ``"\\ud800"`` or a file name with Latin-1 bytes (which
    Python keeps as surrogate escapes) used to crash the writer for the whole
    run.  Names and ids are for people, so they are escaped visibly
    (``caf\\xe9``); the original bytes of a file name are recovered first.
    """
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:  # a file name: surrogate escapes stand for the raw bytes
        return os.fsencode(value).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def replace_unencodable(text: str) -> str:
    """Document text with each lone surrogate replaced by U+FFFD: one character for one, so offsets hold."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def _clean_meta(value: str | None) -> str | None:
    return None if value is None else escape_unencodable(value)


# ------------------------------------------------------------------- decoding
class InputError(Exception):
    """A reason why one input is not a document (becomes a :class:`ReadError`)."""


def decode_bytes(data: bytes) -> str:
    """Decode news text: UTF-8 (BOM stripped) first, else charset-normalizer's best guess.

    Binary data (NUL bytes, or no plausible encoding) raises :class:`InputError`
    rather than producing mojibake that the NER would happily tag.
    """
    if not data:
        raise InputError("empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise InputError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError("undecodable bytes: no plausible text encoding found")
    # charset-normalizer cannot tell the Western code pages apart on short texts
    # (it happily picks cp775 or cp1257 for cp1252 news); English news in a legacy
    # encoding is overwhelmingly cp1252/latin-1, so prefer it whenever it is among
    # the (near-)least chaotic candidates.
    least = min(m.chaos for m in matches)
    western = {"cp1252", "latin_1", "iso8859_1", "iso8859_15"}
    if any(western & set(m.could_be_from_charset) and m.chaos <= least + 0.05 for m in matches):
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    else:
        best = min(matches, key=lambda m: (m.chaos, -m.coherence))
        text, encoding = str(best), best.encoding
    if _control_ratio(text) > 0.05:
        raise InputError(f"binary file (decodes as {encoding} only with control characters)")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample)


def _check_text(text: str, max_chars: int) -> str:
    if not text.strip():
        raise InputError("empty document (no text)")
    if len(text) > max_chars:
        raise InputError(f"document too long: {len(text)} characters > --max-chars {max_chars} (not truncated)")
    return text


_KINDS = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
          (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, for error messages ("FIFO", "character device" ...)."""
    return next((name for test, name in _KINDS if test(mode)), "special file")


def read_regular(path: Path, limit: int, what: str = "--max-chars") -> bytes:
    """The bytes of a regular file, at most ``limit``: never blocks, never reads past the limit.

    Why not ``path.read_bytes()``: opening a FIFO blocks until a writer comes
    (the run hung), ``/dev/zero`` never ends (read until MemoryError), and
    ``st_size`` is only a hint (``/proc`` files say 0, a file may grow).  So the
    file is opened non-blocking, checked to be regular on the open descriptor
    (no race with a swap), and read in chunks up to ``limit + 1`` bytes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputError(_os_reason(err)) from err
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"not a regular file ({file_kind(st.st_mode)})")
        if st.st_size > limit:
            raise InputError(f"file too large: {st.st_size} bytes > {what} (not read)")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise InputError(f"file too large: more than {limit} bytes > {what} (not read further)")
        return b"".join(chunks)
    except OSError as err:
        raise InputError(_os_reason(err)) from err
    finally:
        os.close(fd)


def _read_bytes(path: Path, max_chars: int) -> bytes:
    limit = max_chars * _BYTES_PER_CHAR
    return read_regular(path, limit, f"{_BYTES_PER_CHAR} x --max-chars {max_chars}")


def _os_reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(err, PermissionError):
        return f"unreadable: permission denied ({err.strerror})"
    if isinstance(err, FileNotFoundError):
        return "unreadable: file not found (broken symlink?)"
    if isinstance(err, IsADirectoryError):
        return "unreadable: is a directory"
    return f"unreadable: {err.strerror or err}"


# ------------------------------------------------------------------ metadata
def _sidecar_for(path: Path) -> Path | None:
    for cand in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)):
        if cand.is_file():
            return cand
    return None


def _load_sidecar(path: Path) -> dict[str, Any]:
    side = _sidecar_for(path)
    if side is None:
        return {}
    try:
        data = json.loads(read_regular(side, SIDECAR_MAX_BYTES, f"{SIDECAR_MAX_BYTES} bytes").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"bad sidecar {escape_unencodable(side.name)}: {err}") from err
    except InputError as err:
        raise InputError(f"bad sidecar {escape_unencodable(side.name)}: {err}") from err
    except RecursionError as err:
        raise InputError(f"bad sidecar {escape_unencodable(side.name)}: {_NESTED}") from err
    if not isinstance(data, dict):
        raise InputError(f"bad sidecar {side.name}: not a JSON object")
    return data


def _date(value: Any, what: str) -> _dt.date | None:
    try:
        return coerce_date(value)
    except ValueError as err:
        raise InputError(f"bad date in {what}: {value!r}") from err


def _str_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _merge_meta(own: Mapping[str, Any], sidecar: Mapping[str, Any], opts: ReaderOptions) -> dict[str, Any]:
    """Apply the precedence own metadata > sidecar > --date > none, field by field."""
    out: dict[str, Any] = {}
    for key in ("id", "title", "url"):
        out[key] = _str_or_none(own.get(key)) or _str_or_none(sidecar.get(key))
    date = _date(own.get("date"), "record metadata")
    if date is None:
        date = _date(sidecar.get("date"), "sidecar")
    out["date"] = date if date is not None else opts.default_date
    return out


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between ``---`` lines at the very top; the rest is the body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            import yaml

            try:
                meta = yaml.safe_load("".join(lines[1:i])) or {}
            except yaml.YAMLError as err:
                raise InputError(f"bad YAML front matter: {str(err).splitlines()[0]}") from err
            except RecursionError as err:
                raise InputError(f"bad YAML front matter: {_NESTED}") from err
            if not isinstance(meta, dict):
                raise InputError("bad YAML front matter: not a mapping")
            return meta, "".join(lines[i + 1 :]).lstrip("\n")
    raise InputError("unterminated YAML front matter (no closing ---)")


def _html_article(html: str) -> tuple[str, dict[str, Any]]:
    """Article text, title and date of an HTML page via trafilatura (boilerplate removed)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True, fast=True,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in HTML")
    meta = {"title": getattr(extracted, "title", None), "date": getattr(extracted, "date", None),
            "url": getattr(extracted, "url", None)}
    return text, meta


# --------------------------------------------------------------------- reading
def _doc_id_for(rel: str) -> str:
    """Default id of a one-document file: its path relative to the input root, without suffix."""
    p = Path(rel)
    return p.with_suffix("").as_posix() if p.suffix else p.as_posix()


def read_file(path: Path, display: str, rel: str, opts: ReaderOptions) -> Iterator[Item]:
    """All documents (or errors) of one file, in file order; no exception escapes (it becomes a ReadError)."""
    yield from guarded(_read_file(path, display, rel, opts), display)


def guarded(items: Iterator[Item], display: str) -> Iterator[Item]:
    """Pass ``items`` through; an unexpected exception becomes a last :class:`ReadError` naming the input.

    Why: one odd input (a parser bug, a RecursionError not foreseen) must cost
    that input only, not the run and the records after it.
    """
    try:
        yield from items
    except RecursionError:
        yield ReadError(path=display, reason=f"not read: {_NESTED}")
    except (MemoryError, Exception) as err:  # noqa: BLE001 - isolate the input, never the run
        yield ReadError(path=display, reason=f"not read: {type(err).__name__}: {err}")


def _read_file(path: Path, display: str, rel: str, opts: ReaderOptions) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES or suffix in JSON_SUFFIXES:
            yield from _read_json(path, display, rel, opts, lines=suffix in JSONL_SUFFIXES)
            return
        text = decode_bytes(_read_bytes(path, opts.max_chars))
        sidecar = _load_sidecar(path)
        own: dict[str, Any] = {}
        if suffix in MD_SUFFIXES:
            own, text = _split_front_matter(text)
        elif suffix in HTML_SUFFIXES:
            text, own = _html_article(text)
        meta = _merge_meta(own, sidecar, opts)
        text = _check_text(text, opts.max_chars)
        yield SourceDoc(
            id=meta["id"] or _doc_id_for(rel), text=text, path=display, date=meta["date"],
            title=meta["title"], url=meta["url"],
        )
    except InputError as err:
        yield ReadError(path=display, reason=str(err))


def _read_json(path: Path, display: str, rel: str, opts: ReaderOptions, *, lines: bool) -> Iterator[Item]:
    try:
        text = decode_bytes(_read_bytes(path, opts.max_chars))
    except InputError as err:
        yield ReadError(path=display, reason=str(err))
        return
    yield from _json_records(text, display, _doc_id_for(rel), opts, lines=lines)


def _json_records(text: str, display: str, base_id: str, opts: ReaderOptions, *, lines: bool) -> Iterator[Item]:
    if lines:
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{display}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadError(path=where, reason=f"not JSON: {err.msg} (column {err.colno})")
                continue
            except RecursionError:
                yield ReadError(path=where, reason=f"not read: {_NESTED}")
                continue
            yield _json_record(obj, where, f"{base_id}#{n}", opts)
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        yield ReadError(path=display, reason=f"not JSON: {err.msg} (line {err.lineno})")
        return
    except RecursionError:
        yield ReadError(path=display, reason=f"not read: {_NESTED}")
        return
    if isinstance(obj, list):
        for n, rec in enumerate(obj):
            yield _json_record(rec, f"{display}[{n}]", f"{base_id}#{n}", opts)
    else:
        yield _json_record(obj, display, base_id, opts)


def _json_record(obj: Any, where: str, fallback_id: str, opts: ReaderOptions) -> Item:
    f = opts.fields
    if not isinstance(obj, dict):
        return ReadError(path=where, reason=f"JSON record is a {type(obj).__name__}, not an object")
    rid = _str_or_none(obj.get(f.id))
    text = obj.get(f.text)
    if not isinstance(text, str):
        reason = f"no {f.text!r} field" if text is None else f"{f.text!r} field is not a string"
        return ReadError(path=where, reason=reason, id=rid)
    try:
        own = {"id": rid, "date": obj.get(f.date), "title": obj.get(f.title), "url": obj.get(f.url)}
        meta = _merge_meta(own, {}, opts)
        text = _check_text(text, opts.max_chars)
    except InputError as err:
        return ReadError(path=where, reason=str(err), id=rid)
    return SourceDoc(id=meta["id"] or fallback_id, text=text, path=where, date=meta["date"],
                     title=meta["title"], url=meta["url"])


def read_stream(stream: BinaryIO, opts: ReaderOptions, name: str = "-") -> Iterator[Item]:
    """Documents from a byte stream (stdin): one text/md/html document, or JSON/JSONL records."""
    fmt = opts.stdin_format
    data = stream.read(opts.max_chars * _BYTES_PER_CHAR + 1)
    if len(data) > opts.max_chars * _BYTES_PER_CHAR:
        yield ReadError(path=name, reason=f"input too large: > {_BYTES_PER_CHAR} x --max-chars {opts.max_chars} bytes")
        return
    try:
        text = decode_bytes(data)
        if fmt in ("json", "jsonl"):
            yield from _json_records(text, name, "stdin", opts, lines=fmt == "jsonl")
            return
        own: dict[str, Any] = {}
        if fmt == "md":
            own, text = _split_front_matter(text)
        elif fmt == "html":
            text, own = _html_article(text)
        meta = _merge_meta(own, {}, opts)
        text = _check_text(text, opts.max_chars)
    except InputError as err:
        yield ReadError(path=name, reason=str(err))
        return
    yield SourceDoc(id=meta["id"] or "stdin", text=text, path=name, date=meta["date"], title=meta["title"],
                    url=meta["url"])


# ------------------------------------------------------------------- discovery
def _is_input_file(name: str, glob: str | None) -> bool:
    low = name.lower()
    if low.endswith(SIDECAR_SUFFIX) or name.startswith("."):
        return False
    if glob is not None:
        return fnmatch.fnmatchcase(name, glob)
    return low.endswith(SUPPORTED_SUFFIXES)


def discover(root: Path, glob: str | None = None,
             exclude: frozenset[str] = frozenset()) -> Iterator[tuple[Path, str] | ReadError]:
    """Files under ``root`` (following symlinks, sorted), as ``(path, relative name)``.

    Symlink loops are detected by the (device, inode) of each directory on the
    current path, and reported once as errors instead of recursing forever.
    Special files (FIFOs, devices, sockets) with an input name are yielded too,
    so that reading them reports them as errors rather than skipping them
    silently; files whose real path is in ``exclude`` (the run's own outputs)
    are left out.
    """
    root_display = str(root)
    try:
        st = root.stat()
    except OSError as err:
        yield ReadError(path=root_display, reason=_os_reason(err))
        return
    if not stat.S_ISDIR(st.st_mode):
        yield root, root.name
        return

    def walk(d: Path, rel: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[tuple[Path, str] | ReadError]:
        try:
            names = sorted(os.listdir(d))
        except OSError as err:
            yield ReadError(path=str(d), reason=_os_reason(err))
            return
        for name in names:
            p = d / name
            r = f"{rel}/{name}" if rel else name
            try:
                s = p.stat()
            except OSError as err:
                if _is_input_file(name, glob) or err.errno == errno.ELOOP:
                    yield ReadError(path=str(p), reason=_os_reason(err))
                continue
            if stat.S_ISDIR(s.st_mode):
                if name.startswith(".") or (exclude and os.path.realpath(p) in exclude):
                    continue  # hidden, or an output folder (--engine ray partitions) inside the input
                ident = (s.st_dev, s.st_ino)
                if ident in ancestors:
                    yield ReadError(path=str(p), reason="symlink loop (directory links to its own ancestor)")
                    continue
                yield from walk(p, r, ancestors | {ident})
            elif _is_input_file(name, glob):
                if exclude and os.path.realpath(p) in exclude:
                    continue
                yield p, r

    yield from walk(root, "", frozenset({(st.st_dev, st.st_ino)}))


def iter_items(paths: Iterable[str | Path], opts: ReaderOptions | None = None,
               stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document and read error of ``paths`` (``-`` is stdin), in a deterministic order."""
    opts = opts or ReaderOptions()
    for raw in paths:
        if str(raw) == "-":
            yield from guarded(read_stream(stdin if stdin is not None else sys.stdin.buffer, opts), "-")
            continue
        # guarded: should the walk itself fail (not one file: those are isolated in read_file), the
        # failure is an error record naming the root and the other roots are still read.
        yield from guarded(_iter_root(Path(raw), opts), str(raw))


def _iter_root(root: Path, opts: ReaderOptions) -> Iterator[Item]:
    found_any = False
    for found in discover(root, opts.glob, opts.exclude):
        found_any = True
        if isinstance(found, ReadError):
            yield found
            continue
        path, rel = found
        yield from read_file(path, str(path), rel, opts)
    if not found_any:
        wanted = opts.glob or " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        yield ReadError(path=str(root), reason=f"no input files found (looked for {wanted})")


__all__ = [
    "SourceDoc", "ReadError", "Item", "ReaderOptions", "JsonFields", "InputError", "DEFAULT_MAX_CHARS",
    "SUPPORTED_SUFFIXES", "content_hash", "decode_bytes", "discover", "read_file", "read_stream", "iter_items",
    "read_regular", "escape_unencodable", "replace_unencodable", "guarded", "file_kind",
]
