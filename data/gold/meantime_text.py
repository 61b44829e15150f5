"""Rebuild the plain text of a MEANTIME (CAT XML) document, deterministically.

Used once to produce the ``text`` of the MEANTIME documents in ``news.jsonl``; the
text is stored verbatim there, so nothing at test time needs the corpus.

Rules: headline (MEANTIME sentence 0), blank line, dateline (sentence 1), blank
line, then the body with one MEANTIME sentence per line; tokens joined by single spaces except: no space before closing
punctuation (``, . ; : ? ! ) ] % 's n't '' 'll 're 've 'm 'd``), no space after an
opening bracket or ``$``/``US$``-style currency signs; PTB quotes ``` `` ``` and
``''`` become ``"``; ``I' m`` is joined to ``I'm``; a bare ``"`` opens or closes alternately within a sentence.
Usage: ``python data/gold/meantime_text.py FILE.xml`` prints the text, the
document creation time and the Wikinews URL.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "%", "''", "'s", "'S", "n't", "'ll", "'re", "'ve", "'m", "'d", "'"}
NO_SPACE_AFTER = {"(", "[", "``", "$", "US$", "€", "£"}


def detok(tokens: list[str]) -> str:
    out = ""
    prev = None
    quote_open = False
    for tok in tokens:
        t = tok
        space = prev is not None
        if t in NO_SPACE_BEFORE:
            space = False
        if prev in NO_SPACE_AFTER:
            space = False
        if t == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        if prev == '"' and quote_open:
            space = False
        if prev == "I'" and t == "m":  # MEANTIME splits "I'm" as "I'" + "m"
            space = False
        if t == "``" or t == "''":
            t = '"'
        out += (" " if space else "") + t
        prev = tok
    return out


def rebuild(path: Path) -> tuple[str, str | None, str | None]:
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [detok(sents[i]) for i in sorted(sents)]
    text = "\n\n".join([lines[0], lines[1], "\n".join(lines[2:])])
    dct = None
    dateline = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        if dateline is None and tx.get("value") and tx.findall("token_anchor"):
            dateline = tx.get("value")
    return text, dct or dateline, root.get("url")


if __name__ == "__main__":
    text, dct, url = rebuild(Path(sys.argv[1]))
    print(f"# DCT {dct}  URL {url}")
    print(text)
