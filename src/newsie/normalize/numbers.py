"""Numbers, ranges, bounds, units: ``parse_number`` and ``parse_quantity``.

Spelled-out numbers are parsed by text2num (``text_to_num.text2num``), a
maintained parser; number-parser is the fallback for the forms text2num
rejects.  What neither does (and what this module adds) is the news layer on
top: ranges ("between 300 and 500", "300-500", "300 or 400"), open bounds
("up to", "at least"), approximation ("about", "an estimated"), vague orders of
magnitude ("tens of thousands"), scale suffixes ("1.5 million", "2m", "$3bn")
and units/currencies.  Wrapping them blindly fails on exactly those cases:
``alpha2digit("between three hundred and five hundred")`` gives
``"between 305 100"``, so the range is split *before* each side is parsed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsie.normalize import lexicon
from newsie.schema import QuantityValue

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2012": "-", "\u00a0": " ", "\u2009": " "})
_STRIP = " \t\n.,;:!?()[]{}\"'\u201c\u201d\u2018\u2019"
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_ATTACHED = re.compile(r"^(\d+(?:\.\d+)?)([a-z%/]+\d?)$")
_MAX_TEXT = 200  # longer strings are sentences, not number expressions


@dataclass
class Bounds:
    """An internal parse: bounds plus how they were obtained (strictness matters for ages)."""

    min: float | None
    max: float | None
    approx: bool = False
    unit: str | None = None
    rule: str = "numbers:exact"
    strict_min: bool = False
    strict_max: bool = False

    def to_value(self) -> QuantityValue:
        return QuantityValue(min=self.min, max=self.max, approx=self.approx, unit=self.unit, rule=self.rule)


def _lex() -> dict:
    return lexicon.load("numbers.yaml")


def normalise_text(text: str) -> str:
    """Lower-case, unify dashes/spaces, drop digit-group commas and surrounding punctuation."""
    t = text.translate(_DASHES).lower()
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)
    t = re.sub(r"\s+", " ", t).strip(_STRIP)
    # "300 - 500" and "300- 500" -> "300-500" between digits only; keep "twenty-five" intact
    t = re.sub(r"(?<=\d) ?- ?(?=[\d$£€])", "-", t)
    t = re.sub(r"(?<=\d)-(?=[a-z])", " ", t)  # "79-metre", "11.6-inch" -> number + unit
    t = re.sub(r"^(?:a|an) (?=[\d$£€#])", "", t)  # "a 40 mile per gallon"
    return t


@functools.lru_cache(maxsize=1)
def _scale_words() -> dict[str, float]:
    return {k: float(v) for k, v in _lex()["scales"].items()}


def _split_attached(tokens: list[str], label: str | None) -> list[str]:
    """Split "2bn", "300km", "5%" into number + suffix tokens."""
    out: list[str] = []
    for tok in tokens:
        m = _ATTACHED.match(tok)
        if m:
            out.extend([m.group(1), m.group(2)])
        elif tok.endswith("%") and len(tok) > 1:
            out.extend([tok[:-1], "%"])
        else:
            out.append(tok)
    return out


@functools.lru_cache(maxsize=4096)
def _words_to_number(text: str) -> float | None:
    """Spelled-out (or mixed) cardinal via text2num, then number-parser; ``None`` if neither parses."""
    from text_to_num import text2num

    words = _lex()["words"]
    if text in words and words[text] is not None:
        return float(words[text])
    t = re.sub(r"^(a|an) (?=hundred|thousand|million|billion|trillion|dozen)", "one ", text)
    try:
        return float(text2num(t, "en"))
    except (ValueError, TypeError):
        pass
    try:
        from number_parser import parse_number as np_parse

        value = np_parse(t, language="en")  # without a language it tries all (~20 ms a call)
    except Exception:  # number-parser raises assorted errors on odd input
        value = None
    return float(value) if isinstance(value, int | float) else None


def parse_number(text: str, *, label: str | None = None) -> float | None:
    """One number: "1,500", "1.5 million", "2m", "a dozen", "two dozen", "twenty-five", "half a million".

    ``label`` is the entity label when known: for ``QUANTITY`` an attached "m"
    is metres, not millions.  Returns ``None`` when the text is not a number.
    """
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    t = normalise_text(text)
    if not t:
        return None
    if _DIGITS.match(t):
        return float(t)
    tokens = _split_attached(t.split(" "), label)
    scales = _scale_words()
    if any(tok in _lex()["vague_plurals"] for tok in tokens):
        return None  # "thousands" is an order of magnitude, not 1000 (text2num says 1000)
    if not any(ch.isdigit() for ch in t) and tokens[-1] != "dozen" and not t.startswith("half"):
        whole = _words_to_number(t)  # text2num reads "sixteen thousand nine hundred" whole
        if whole is not None:
            return whole
    if len(tokens) >= 2 and tokens[-1] in scales:
        if label == "QUANTITY" and tokens[-1] in ("m", "t", "b", "k"):
            return None
        head = " ".join(tokens[:-1])
        base = 1.0 if head in ("a", "an", "one") else _lone_number(head)
        if base is not None:
            return base * scales[tokens[-1]]
    if len(tokens) == 1 and tokens[0] in scales and tokens[0] in ("dozen", "hundred", "thousand", "million", "billion"):
        return None  # a bare "million" is not a count
    if any(ch.isdigit() for ch in t):
        return None
    return _words_to_number(t)


def _lone_number(text: str) -> float | None:
    if _DIGITS.match(text):
        return float(text)
    if text == "half a" or text == "half":
        return 0.5
    if any(ch.isdigit() for ch in text):
        return None
    return _words_to_number(text)


def parse_ordinal(text: str) -> int | None:
    """"first" -> 1, "21st" -> 21, "twenty-third" -> 23; ``None`` for anything else."""
    t = normalise_text(text)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    ords = _lex()["ordinals"]
    if t in ords:
        return None if ords[t] is None else int(ords[t])
    parts = re.split(r"[- ]", t)
    if len(parts) >= 2 and ords.get(parts[-1]):
        head = _words_to_number(" ".join(parts[:-1]))
        if head is not None:
            return int(head) + int(ords[parts[-1]])
    return None


# ----------------------------------------------------------------- quantities
def _strip_affixes(t: str) -> tuple[str, set[str], list[str]]:
    """Peel approximation/bound cue words off both ends; return the core and the cues seen."""
    lex = _lex()
    kinds: set[str] = set()
    seen: list[str] = []
    prefixes = [(w, "approx") for w in lex["approx_prefixes"]]
    prefixes += [(w, "max") for w in lex["max_prefixes"]] + [(w, "min") for w in lex["min_prefixes"]]
    prefixes += [(w, "neutral") for w in lex["neutral_prefixes"]]
    prefixes.sort(key=lambda p: -len(p[0]))
    suffixes = [(w, "approx") for w in lex["approx_suffixes"]]
    suffixes += [(w, "min") for w in lex["min_suffixes"]] + [(w, "max") for w in lex["max_suffixes"]]
    suffixes.sort(key=lambda p: -len(p[0]))
    changed = True
    while changed and t:
        changed = False
        for word, _kind in prefixes:
            if t.startswith(word + " ") or (word[-1] in ".$" and t.startswith(word)):
                group = [k for w, k in prefixes if w == word]
                kinds.update(group)
                seen.append(word)
                t = t[len(word):].strip()
                changed = True
                break
        for word, kind in suffixes:
            if t.endswith(" " + word) or (not word[0].isalpha() and t.endswith(word) and len(t) > len(word)):
                kinds.add(kind)
                seen.append(word)
                t = t[: -len(word)].strip()
                changed = True
                break
    return t, kinds, seen


def _currency_prefix(t: str) -> tuple[str | None, str]:
    for sym in lexicon.by_length(_lex()["currency_prefixes"]):
        if t.startswith(sym) and (not sym[-1].isalpha() or t[len(sym):len(sym) + 1] in (" ", "")
                                  or t[len(sym):len(sym) + 1].isdigit()):
            return _lex()["currency_prefixes"][sym], t[len(sym):].strip()
    return None, t


def _unit_of(rest: list[str]) -> str | None:
    """Unit of the words after a number: currency code, "%", a unit symbol, or the head noun."""
    lex = _lex()
    rest = [w for w in rest if w not in ("of", "the")]
    if not rest:
        return None
    phrase = " ".join(rest)
    for word in lexicon.by_length(lex["percent_words"]):
        if phrase == word or phrase.startswith(word + " ") or phrase == word.replace(" ", ""):
            return "%"
    for word in lexicon.by_length(lex["currency_words"]):
        if phrase == word or phrase.startswith(word + " "):
            return lex["currency_words"][word]
    for word in lexicon.by_length(lex["units"]):
        if phrase == word or phrase.startswith(word + " "):
            return lex["units"][word]
    words = []
    for w in rest:  # the head noun: the last word before a function word
        if w in lex["not_units"] or not re.fullmatch(r"[a-z][a-z'.-]*", w):
            break
        words.append(w)
    return words[-1] if words else None


def _single(text: str, label: str | None) -> tuple[Bounds, bool] | None:
    """One side of a range: number (or vague magnitude) + unit.  Second item: a scale word was used."""
    currency, t = _currency_prefix(text)
    tokens = _split_attached(t.split(" "), label) if t else []
    if not tokens:
        return None
    vague = _vague(tokens)
    if vague is not None:
        (lo, hi), used = vague
        unit = currency or _unit_of(tokens[used:])
        return Bounds(lo, hi, approx=True, unit=unit, rule="numbers:vague"), True
    scales = _scale_words()
    for k in range(min(len(tokens), 8), 0, -1):
        head = " ".join(tokens[:k])
        value = parse_number(head, label=label)
        if value is None:
            continue
        scaled = k >= 2 and tokens[k - 1] in scales
        unit = currency or _unit_of(tokens[k:])
        if currency and unit and unit != currency and unit in _lex()["currency_words"].values():
            unit = currency
        return Bounds(value, value, unit=unit), scaled
    return None


def _vague(tokens: list[str]) -> tuple[tuple[float, float], int] | None:
    """"tens of thousands", "thousands", "several hundred", "a few thousand" -> ((lo, hi), tokens used)."""
    lex = _lex()
    plurals = lex["vague_plurals"]
    mults = lex["vague_multipliers"]
    scales = _scale_words()
    phrase = " ".join(tokens)
    for word in lexicon.by_length(mults):
        if phrase.startswith(word + " "):
            rest = phrase[len(word) + 1:].split(" ")
            if rest and rest[0] in scales and rest[0] not in ("k", "m", "b", "bn", "mn", "mln", "tn", "trn"):
                lo, hi = mults[word]
                s = scales[rest[0]]
                return (lo * s, hi * s), len(word.split(" ")) + 1
    if tokens[0] not in plurals:
        return None
    lo, hi = (float(x) for x in plurals[tokens[0]])
    used = 1
    while used + 1 < len(tokens) + 1 and used + 1 <= len(tokens) - 1 and tokens[used] == "of" \
            and tokens[used + 1] in plurals:
        factor = float(plurals[tokens[used + 1]][0])
        lo, hi = lo * factor, hi * factor
        used += 2
    return (lo, hi), used


_RANGE_SEPARATORS = (" to ", "-", " or ", " through ", " and ")


def parse_bounds(text: str, *, label: str | None = None) -> Bounds | None:
    """The full internal parse behind :func:`parse_quantity` (keeps bound strictness)."""
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    t = normalise_text(text)
    if not t or not any(ch.isalnum() for ch in t):
        return None
    core, kinds, seen = _strip_affixes(t)
    explicit_range = False
    m = re.match(r"^(between|from|ranging from) (.+)$", core)
    if m:
        core, explicit_range = m.group(2), True
    whole = None if explicit_range else parse_number(core, label=label)
    result = Bounds(whole, whole) if whole is not None else _range(core, label, between=explicit_range)
    if result is None:
        single = _single(core, label)
        if single is None:
            return None
        result = single[0]
    if "approx" in kinds:
        result.approx = True
    if "min" in kinds and "max" not in kinds and result.min is not None:
        result.max = None if result.min == result.max or result.rule != "numbers:range" else result.max
        result.rule = "numbers:min"
    elif "max" in kinds and "min" not in kinds and result.max is not None:
        result.min = None if result.min == result.max or result.rule != "numbers:range" else result.min
        result.rule = "numbers:max"
    strict = {w for w in seen if w in ("more than", "over", "above", "fewer than", "less than", "under", "below",
                                       "older than", "younger than")}
    result.strict_min = bool(strict & {"more than", "over", "above", "older than"})
    result.strict_max = bool(strict & {"fewer than", "less than", "under", "below", "younger than"})
    if "approx" in kinds and result.rule == "numbers:exact":
        result.rule = "numbers:approx"
    return result


def _range(core: str, label: str | None, *, between: bool) -> Bounds | None:
    """Split a range at a separator where both sides parse; later scale words apply to both sides."""
    for sep in _RANGE_SEPARATORS:
        if sep == " and " and not between:
            continue
        positions = [m.start() for m in re.finditer(re.escape(sep), core)]
        if sep == " and ":
            positions.reverse()  # "between one hundred and five and two hundred": split at the last "and"
        for i in positions:
            if i <= 0:
                continue
            left, right = core[:i].strip(), core[i + len(sep):].strip()
            if not left or not right:
                continue
            if sep == "-" and not (left[-1].isdigit() or right[0].isdigit() or right[0] in "$£€"):
                continue  # "forty-two" is one number, "300-500" a range
            lp, rp = _single(left, label), _single(right, label)
            if lp is None or rp is None:
                continue
            (lb, lscaled), (rb, rscaled) = lp, rp
            if lb.min is None or rb.max is None:
                continue
            if sep == "-" and rb.unit and rb.unit.startswith("year"):
                continue  # "19-year-old" is an age, not a range
            lo, hi = lb.min, rb.max
            if rscaled and not lscaled and lb.rule != "numbers:vague":
                right_tokens = _split_attached(right.split(" "), label)
                scale = next((_scale_words()[w] for w in right_tokens if w in _scale_words()), 1.0)
                if lo < hi / scale:  # "1.5 to 2 million", not "one to one hundred"
                    lo = lo * scale
            if lo > hi:
                lo, hi = hi, lo
            unit = rb.unit or lb.unit
            return Bounds(lo, hi, approx=lb.approx or rb.approx, unit=unit, rule="numbers:range")
    return None


def parse_quantity(text: str, *, label: str | None = None) -> QuantityValue | None:
    """A number or range with bounds, approximation and unit; ``None`` if the text holds no number.

    >>> parse_quantity("Between 300 and 500").model_dump(include={"min", "max"})
    {'min': 300.0, 'max': 500.0}
    """
    bounds = parse_bounds(text, label=label)
    return bounds.to_value() if bounds is not None else None
