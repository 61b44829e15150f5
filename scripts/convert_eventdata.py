"""Convert the PETRARCH2 CAMEO verb dictionary and the Phoenix actor dictionaries into newsie rule data.

Why a converter and not hand-written rules: the field's dictionaries hold ~1,700 verbs and phrasal forms,
~4,700 object/preposition patterns and ~100,000 actor names that coders have refined for decades; copying
them by hand would lose most of that and drift from upstream.  The upstream patterns are written against a
constituency parse (TABARI/PETRARCH), so they are re-read here as "verb lemma (+ particle) + subject /
object / prepositional head words" for newsie's dependency parse; patterns that cannot be read that way
(clauses, several bare nouns, pre-verb compounds such as ``WIRE_+TAP``) are dropped and counted.

Outputs (deterministic: sorted keys, stable order, ``\\n`` line ends) in ``src/newsie/events/data/eventdata/``:

* ``verbs.json``     verb key (``lemma`` or ``lemma particle``) -> default code + patterns; synonym sets;
  irregular form -> lemma.  A pattern is ``[code or null, [constraint, ...]]`` with constraints
  ``obj:HEAD[+MOD...]``, ``subj:HEAD[+MOD...]``, ``prep:PREP:HEAD[+MOD...]`` (HEAD may be empty or a
  ``&SYNSET``; PREP ``*`` = any) and ``prt:WORD``; ``null`` is an explicit "not an event" (a sense guard).
* ``actors_countries.tsv``, ``actors_international.tsv``, ``actors_nonstate.tsv``: ``phrase\\tcode\\tstart\\tend``
  (phrase = lower-case tokens joined by one space; start/end ``YYYYMMDD`` or empty; a row with both empty is
  the default code).
* ``agents.tsv``: ``phrase\\tcode\\tplace`` (place ``suffix``: ``~GOV`` is appended to the actor code,
  ``prefix``: ``NGO~`` goes before it).
* ``discards.tsv``: ``phrase\\tscope`` (``story`` or ``sentence``); bare years, "... ago/later" phrases and
  the topics in ``CODABLE_DISCARDS`` are dropped because newsie codes current news that mentions them.

Usage: ``python scripts/convert_eventdata.py [--src ../shared/eventdata/petrarch2] [--out DIR]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "eventdata" / "petrarch2"
DEFAULT_OUT = ROOT / "src" / "newsie" / "events" / "data" / "eventdata"
UPSTREAM = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf"

#: Words that stand for actors in upstream patterns ($ source, + target, % compound, ^ skip); read as "any".
MARKERS = {"$", "+", "%", "^"}
#: Adverbial particles of phrasal verbs that are not also prepositions in the upstream list.
PARTICLES = {"back", "away", "together", "apart", "forward", "ahead", "aside", "home"}
#: Upstream discards that newsie codes: upstream skips whole topics (history, health, disasters, elections,
#: markets, accidents) that are news here; sports and entertainment copy stays discarded.  A
#: mention of "World War II" or a typhoon in a sentence must not hide the attack or deployment it reports.
CODABLE_DISCARDS = frozenset(
    {
        # historical context and landmarks
        "world war 1",
        "world war 2",
        "world war i",
        "world war ii",
        "world war one",
        "world war two",
        "second world war",
        "post world war ii",
        "world trade center",
        "attack on pearl harbor",
        "napoleonic wars",
        "british empire",
        "millennium",
        "april 1942",
        # politics, courts, business
        "presidential debate",
        "presidential vote recount",
        "poll published",
        "initial public offering",
        "osaka district court",
        "oliver north",
        "international brand",
        "luxury shop",
        "tour operator",
        "here is a list of",
        "nobel prize",
        "salman rushdie",
        "jemima khan",
        "anita hill",
        "lucie blackman",
        "mentally deranged man",
        "moon mission",
        "commercial consumption expenditures",
        "prudhoe bay",
        "at kearney",
        "watson wyatt",
        "online gambling companies",
        "pioneer metals group of companies",
        "champion",
        "champions",
        "landslide",
        # health and environment
        "ebola",
        "polio",
        "pollution",
        "h5n1",
        "avian flu",
        "avian influenza",
        "bird flu",
        "dengue fever",
        "contracted cholera",
        "west nile fever",
        "west nile virus",
        "rift valley fever",
        "bacteria epidemic",
        "equine influenza",
        "medical tests",
        "routine medical check up",
        "yellow dust",
        # natural disasters (newsie's own types; the troops sent after a typhoon are still deployed)
        "tsunami",
        "typhoon",
        "blizzard",
        "mudslide",
        "tropical storm",
        "tropical depression",
        "widespread flood",
        "storm warning center",
        # accidents: the verb guards (data/cameo_guards.tsv) keep a crash from being an attack; the arrest
        # of the driver after a traffic accident is still an arrest
        "accident killed",
        "road accident",
        "traffic accident",
        "mine accident",
        "diving accident",
        "boat capsized",
        "bus plunged",
        "bus fell into ravine",
    }
)
#: Words that make a pattern a clause or an article-bearing phrase we cannot read off a dependency head.
CLAUSE_WORDS = {"when", "a", "an", "the", "that", "which", "who", "and", "or", "not", "if", "while"}


def read_lines(path: Path) -> list[str]:
    """Read a dictionary file line by line; the upstream files mix UTF-8 and Latin-1."""
    out = []
    for raw in path.read_bytes().splitlines():
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("latin-1"))
    return out


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def words_of(phrase: str) -> list[str]:
    """Upstream phrase (``_`` or blanks between words, trailing ``_``) -> lower-case words."""
    return [w for w in re.split(r"[_\s]+", phrase.strip().lower()) if w]


# --------------------------------------------------------------------------------------------- verbs


def parse_code(text: str) -> str | None:
    """``[0841]`` / ``[042:043]`` / ``[:173]`` / ``[---]`` -> first code given, or None (the null code).

    ``[:173]`` codes the reverse direction only ("appeared before court": the court acts); newsie keeps the
    code and leaves direction to its role finders.
    """
    parts = [p.strip() for p in text.strip().split(":") if p.strip()]
    code = parts[0] if parts else "---"
    if code.startswith("-"):
        return None
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise ValueError(f"bad CAMEO code {text!r}")
    return code


def read_prepositions(path: Path) -> set[str]:
    return {w for line in read_lines(path) for w in strip_comment(line).split() if w}


def parse_np(tokens: list[str]) -> str | None:
    """Words of a noun phrase -> ``HEAD+MOD+MOD`` (head = last word); markers become an empty head."""
    words = [t for t in tokens if t not in MARKERS]
    if not words:
        return ""
    if any(w.lower() in CLAUSE_WORDS for w in words):
        return None
    head, mods = words[-1], words[:-1]
    return "+".join([norm_word(head)] + [norm_word(m) for m in mods])


def norm_word(word: str) -> str:
    return word if word.startswith("&") else word.lower()


def tokenize_pattern(body: str) -> list[str]:
    return re.findall(r"[{}()*]|[^\s{}()*]+", body)


def group_items(tokens: list[str]) -> list[tuple[str, list[str]]] | None:
    """Tokens -> items: ('np', words) for braces, ('pp', words) for parentheses, ('w', [word]) otherwise."""
    items: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in "{(":
            close = "}" if tok == "{" else ")"
            depth, j, inner = 0, i, []
            while j < len(tokens):
                if tokens[j] in "{(":
                    depth += 1
                elif tokens[j] in "})":
                    depth -= 1
                    if depth == 0:
                        break
                if j > i:
                    inner.append(tokens[j])
                j += 1
            if j >= len(tokens) or tokens[j] != close:
                return None
            items.append(("np" if tok == "{" else "pp", [t for t in inner if t not in "{}"]))
            i = j + 1
        elif tok in "})":
            return None
        else:
            items.append(("w", [tok]))
            i += 1
    return items


def parse_side(items: list[tuple[str, list[str]]], side: str, preps: set[str]) -> list[str] | None:
    """One side of ``*`` -> constraints, or None when the side cannot be read against a dependency parse."""
    out: list[str] = []
    nouns = 0
    i = 0
    while i < len(items):
        kind, words = items[i]
        if kind == "pp":
            if not words:
                return None
            first = words[0].lower()
            if first in preps:
                np = parse_np(words[1:])
                prep = first
            else:
                np, prep = parse_np(words), "*"
            if np is None:
                return None
            out.append(f"prep:{prep}:{np}")
        elif kind == "np":
            np = parse_np(words)
            if np is None or not np:
                return None
            nouns += 1
            out.append(f"{'obj' if side == 'post' else 'subj'}:{np}")
        else:
            word = words[0]
            low = word.lower()
            nxt = items[i + 1] if i + 1 < len(items) else None
            if word in MARKERS:
                i += 1
                continue
            if low in preps and nxt is not None and nxt[0] in ("np", "w") and side == "post":
                np = parse_np(nxt[1])
                if np is None:
                    return None
                out.append(f"prep:{low}:{np}")
                i += 2
                continue
            if side == "post" and (low in PARTICLES or low in preps):
                out.append(f"prt:{low}")
            else:
                np = parse_np([word])
                if np is None:
                    return None
                nouns += 1
                out.append(f"{'obj' if side == 'post' else 'subj'}:{np}")
        i += 1
    if nouns > 1:
        return None
    return out


def parse_pattern(line: str, preps: set[str]) -> tuple[str | None, list[str]] | None:
    """``- PRE * POST [code] # comment`` -> (code, constraints) or None if unreadable."""
    body = strip_comment(line)[1:]
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        return None
    try:
        code = parse_code(m.group(1).rstrip("!"))
    except ValueError:
        return None
    body = body[: m.start()]
    if body.count("*") != 1:
        return None
    pre_text, post_text = body.split("*")
    pre_items = group_items(tokenize_pattern(pre_text))
    post_items = group_items(tokenize_pattern(post_text))
    if pre_items is None or post_items is None:
        return None
    pre = parse_side(pre_items, "pre", preps)
    post = parse_side(post_items, "post", preps)
    if pre is None or post is None or not (pre or post):
        return None
    return code, pre + post


def parse_verb_line(line: str) -> tuple[str, list[str], str | None, bool] | None:
    """A verb line -> (key, irregular forms, own code or None, has own code); None when unusable."""
    text = strip_comment(line)
    code_m = re.search(r"\[([^\]]*)\]", text)
    own = code_m.group(1) if code_m else None
    forms_m = re.search(r"\{([^}]*)\}", text)
    forms_raw = forms_m.group(1) if forms_m else ""
    phrase = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", text).strip()
    if not phrase or " " in phrase:
        return None
    words = phrase.split("_")
    if "+" in phrase:
        idx = [i for i, w in enumerate(words) if w.startswith("+")]
        if len(idx) != 1 or idx[0] != 0:
            return None  # pre-verb compounds (WIRE_+TAP) cannot be found from the verb's dependents
        words[0] = words[0][1:]
    elif len(words) > 1:
        return None
    words = [w.lower() for w in words if w]
    if any(w in CLAUSE_WORDS for w in words[1:]):
        return None
    forms = []
    for form in re.split(r"[\s,]+", forms_raw):
        form = form.strip().lstrip("+")
        if form:
            forms.append(form.split("_")[0].lower())
    code = parse_code(own) if own is not None else None
    return " ".join(words), forms, code, own is not None


def convert_verbs(path: Path, preps: set[str]) -> tuple[dict, dict[str, int]]:
    lines = read_lines(path)
    stats = {"blocks": 0, "verb_lines": 0, "verbs_dropped": 0, "patterns": 0, "patterns_dropped": 0}
    synsets: dict[str, dict] = {}
    verbs: dict[str, dict] = {}
    forms: dict[str, str] = {}
    section = "head"
    cur_set: str | None = None
    block_code: str | None = None
    block_name = ""
    block_keys: list[str] = []
    block_patterns: list[list] = []

    blocks: list[dict] = []

    def close_block() -> None:
        if not block_keys:
            return
        seen: set[tuple] = set()
        pats = []
        for code, cons in block_patterns:
            sig = (code, tuple(cons))
            if sig not in seen:
                seen.add(sig)
                pats.append([code, cons])
        blocks.append({"name": block_name, "patterns": pats})
        for key in block_keys:
            verbs[key]["blocks"].append(len(blocks) - 1)

    for raw in lines:
        line = raw.rstrip()
        if line.startswith("####### SYNONYM SETS"):
            section = "synsets"
            continue
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            close_block()
            block_keys, block_patterns = [], []
            section = "transformations"
            continue
        if section == "synsets":
            text = strip_comment(line).strip()
            if text.startswith("&"):
                cur_set = text
                synsets[cur_set.rstrip("_")] = {"plural": not cur_set.endswith("_"), "members": []}
            elif text.startswith("+") and cur_set:
                synsets[cur_set.rstrip("_")]["members"].append(" ".join(words_of(text[1:])))
        elif section == "verbs":
            if line.startswith("---"):
                close_block()
                m = re.search(r"\[([^\]]*)\]", line)
                block_code = parse_code(m.group(1)) if m else None
                block_name = line.strip("- ").split("[")[0].strip().lower()
                block_keys, block_patterns = [], []
                stats["blocks"] += 1
                continue
            text = strip_comment(line).strip()
            if not text:
                continue
            if text.startswith("-"):
                stats["patterns"] += 1
                parsed = parse_pattern(text, preps)
                if parsed is None:
                    stats["patterns_dropped"] += 1
                    continue
                used = {w for c in parsed[1] for w in re.findall(r"&[A-Z0-9_]+", c)}
                if used - set(synsets):  # upstream ignores patterns with undefined synonym sets
                    stats["patterns_undefined_set"] = stats.get("patterns_undefined_set", 0) + 1
                    continue
                block_patterns.append([parsed[0], parsed[1]])
                continue
            if text.startswith("~"):
                continue
            stats["verb_lines"] += 1
            parsed_verb = parse_verb_line(text)
            if parsed_verb is None:
                stats["verbs_dropped"] += 1
                continue
            key, verb_forms, own, has_own = parsed_verb
            lemma = key.split(" ")[0]
            for form in verb_forms:
                if form != lemma:
                    forms.setdefault(form, lemma)
            code = own if has_own else block_code
            entry = verbs.setdefault(key, {"code": None, "blocks": []})
            if entry["code"] is None and code is not None:
                entry["code"] = code
            if key not in block_keys:
                block_keys.append(key)
    # synset members: stable order, no duplicates
    sets = {
        name: {"plural": s["plural"], "members": sorted(set(s["members"]))} for name, s in synsets.items()
    }
    out_verbs = {key: verbs[key] for key in sorted(verbs)}
    stats["verb_keys"] = len(out_verbs)
    stats["patterns_kept"] = sum(len(b["patterns"]) for b in blocks)
    data = {
        "source": f"{UPSTREAM} petrarch2/data/dictionaries/CAMEO.2.0.txt",
        "synsets": dict(sorted(sets.items())),
        "forms": dict(sorted(forms.items())),
        "blocks": blocks,
        "verbs": out_verbs,
    }
    return data, stats


# --------------------------------------------------------------------------------------------- actors


def parse_date(text: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` -> ``YYYYMMDD``; two-digit years up to 30 are 20xx (upstream convention)."""
    text = text.strip()
    if len(text) == 8 and text.isdigit():
        return text
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        return f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    return None


def parse_restriction(text: str) -> tuple[str, str, str] | None:
    """``CODE``, ``CODE >date``, ``CODE <date``, ``CODE d1-d2`` -> (code, start, end); None if unreadable."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0]
    if code.startswith("-") or not re.fullmatch(r"[A-Z0-9]+", code):
        return None
    if len(parts) == 1:
        return code, "", ""
    rng = "".join(parts[1:])
    if rng.startswith(">"):
        start = parse_date(rng[1:])
        return (code, start, "") if start else None
    if rng.startswith("<"):
        end = parse_date(rng[1:])
        return (code, "", end) if end else None
    if "-" in rng:
        a, b = rng.split("-", 1)
        start, end = parse_date(a), parse_date(b)
        return (code, start, end) if start and end else None
    return None


def actor_phrase(text: str) -> str:
    """Upstream name -> lower-case tokens joined by single spaces (hyphens and dots kept in the token)."""
    return " ".join(words_of(text))


def convert_actors(path: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, int]]:
    """Read an actor dictionary: records of phrases (primary + ``+`` synonyms) sharing codes/restrictions.

    A record without any code (``BARACK_OBAMA`` above its tab-indented date lines; ``U.N._`` above the UN
    block) shares the codes of the next record that has them, which is how upstream groups name variants.
    """
    rows: set[tuple[str, str, str, str]] = set()
    stats = {"records": 0, "restrictions_dropped": 0}
    phrases: list[str] = []
    codes: list[tuple[str, str, str]] = []

    def flush() -> None:
        if phrases and codes:
            stats["records"] += 1
            for p in phrases:
                for code, start, end in codes:
                    rows.add((p, code, start, end))
            phrases.clear()
            codes.clear()

    for raw in read_lines(path):
        body = strip_comment(raw)
        if not body.strip():
            continue
        stripped = body.strip()
        found = re.findall(r"\[([^\]]*)\]", stripped)
        name = re.sub(r"\[[^\]]*\]", " ", stripped).strip()
        if stripped.startswith("["):
            kind = "restriction"
        elif stripped.startswith("+"):
            kind = "synonym"
            name = name[1:]
        else:
            kind = "primary"
        if kind == "primary" and codes:
            flush()
        if name:
            phrase = actor_phrase(name)
            if phrase:
                phrases.append(phrase)
        for item in found:
            parsed = parse_restriction(item)
            if parsed is None:
                stats["restrictions_dropped"] += 1
            else:
                codes.append(parsed)
    flush()
    stats["rows"] = len(rows)
    return sorted(rows), stats


def plural(word: str) -> str:
    """Upstream regular plural: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


def convert_agents(path: Path) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    lines = read_lines(path)
    subs: dict[str, list[str]] = {}
    rows: set[tuple[str, str, str]] = set()
    stats = {"entries": 0, "dropped": 0}
    for raw in lines:
        text = strip_comment(raw).strip()
        if not text or text.startswith("<!--"):
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if m:
            subs[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.search(r"\[([^\]}]*)[\]}]", text)
        if not m:
            stats["dropped"] += 1
            continue
        code = m.group(1).strip()
        if code.startswith("~"):
            place, code = "suffix", code[1:]
        elif code.endswith("~"):
            place, code = "prefix", code[:-1]
        else:
            stats["dropped"] += 1
            continue
        if not re.fullmatch(r"[A-Z0-9]+", code):
            stats["dropped"] += 1
            continue
        head = text[: m.start()]
        pl_m = re.search(r"\{([^}]*)\}", head)
        explicit_plural = pl_m.group(1).strip() if pl_m else None
        phrase_text = re.sub(r"\{[^}]*\}", " ", head).strip()
        if not phrase_text:
            stats["dropped"] += 1
            continue
        variants = [phrase_text]
        for marker, repl in subs.items():
            if marker in phrase_text:
                variants = [v.replace(marker, r) for v in variants for r in repl]
        stats["entries"] += 1
        for variant in variants:
            if "!" in variant:
                stats["dropped"] += 1
                continue
            phrase = actor_phrase(variant)
            if not phrase:
                continue
            rows.add((phrase, code, place))
            marked = any(m_ in phrase_text for m_ in subs)
            if pl_m is not None:
                if explicit_plural:
                    rows.add((actor_phrase(explicit_plural), code, place))
            elif not marked and not phrase_text.endswith("_"):
                words = phrase.split(" ")
                rows.add((" ".join(words[:-1] + [plural(words[-1])]), code, place))
    stats["rows"] = len(rows)
    return sorted(rows), stats


def convert_discards(path: Path) -> tuple[list[tuple[str, str]], dict[str, int]]:
    rows: set[tuple[str, str]] = set()
    stats = {"kept": 0, "dropped": 0}
    for raw in read_lines(path):
        text = strip_comment(raw).strip()
        if not text:
            continue
        scope = "sentence"
        if text.startswith("+"):
            scope, text = "story", text[1:].strip()
        phrase = " ".join(text.lower().replace("_", " ").split())
        if (
            not phrase
            or re.fullmatch(r"[\d\s]+", phrase)
            or re.search(r"\b(ago|later)\b", phrase)
            or phrase in CODABLE_DISCARDS
        ):
            stats["dropped"] += 1
            continue
        rows.add((phrase, scope))
    stats["kept"] = len(rows)
    return sorted(rows), stats


# --------------------------------------------------------------------------------------------- output


def write_tsv(path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def convert(src: Path, out: Path) -> dict[str, dict[str, int]]:
    """Write every output file from the upstream directory ``src``; returns per-file statistics."""
    out.mkdir(parents=True, exist_ok=True)
    preps = read_prepositions(src / "Phoenix.prepositions.txt")
    verbs, vstats = convert_verbs(src / "CAMEO.2.0.txt", preps)
    (out / "verbs.json").write_text(
        json.dumps(verbs, sort_keys=False, ensure_ascii=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
        newline="\n",
    )
    stats = {"verbs.json": vstats}
    for name, fname in (
        ("actors_countries.tsv", "Phoenix.Countries.actors.txt"),
        ("actors_international.tsv", "Phoenix.International.actors.txt"),
        ("actors_nonstate.tsv", "Phoenix.MilNonState.actors.txt"),
    ):
        rows, st = convert_actors(src / fname)
        write_tsv(out / name, ("phrase", "code", "start", "end"), rows)
        stats[name] = st
    agents, st = convert_agents(src / "Phoenix.agents.txt")
    write_tsv(out / "agents.tsv", ("phrase", "code", "place"), agents)
    stats["agents.tsv"] = st
    discards, st = convert_discards(src / "Phoenix.discards.txt")
    write_tsv(out / "discards.tsv", ("phrase", "scope"), discards)
    stats["discards.tsv"] = st
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    stats = convert(args.src, args.out)
    for name, st in stats.items():
        print(name, " ".join(f"{k}={v}" for k, v in st.items()))


if __name__ == "__main__":
    main()
