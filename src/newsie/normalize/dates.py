"""Dates and times as TIMEX3-style values, anchored to the article date and to the text's reference time.

``resolve_date(text, anchor, tense)`` turns the text of a DATE/TIME mention into
a :class:`TimeValue`: ``2023-01-20`` (day), ``2022-11`` (month), ``2023-W05``
(week), ``2023-Q1`` (quarter, precision "season"), ``199`` (decade), ``P2W``
(duration), ``PAST_REF``.  Text that needs the document date ("last November",
"on Thursday", "Jan. 20") is resolved against ``anchor``; the ``tense`` of the
governing verb picks the side (past tense -> on/before the document date).
Without an anchor only what the text fixes is kept (``XXXX-01-20``) and
``anchored`` is False.  Every value names the rule that produced it.

Reference time (HeidelTime's news/narrative design): :class:`TextTime` walks a
document's date mentions in order.  The reference starts at the article date and
moves to every calendar date a mention resolves to (a coarser mention inside it,
"2009" after "March 3, 2009", keeps the day).  Anaphoric expressions ("the same
day", "that year", "the next day") and offsets ("two days later", "a week
earlier": points, not durations) count from the reference; deictic ones
("yesterday", "last week", "20 years ago") from the article date.  "20 years
ago" is a point, the year ``anchor.year - 20`` (TimeML's DATE reading), not the
duration P20Y.  In a text that narrates another time (most years it writes are
far from the article date: a biography) a fresh far reference lends its year to
"July 14"; in a text with no narrative time (it never writes the article's year
and seldom reports speech: a travel guide) a present-tense "in June" stays
``XXXX-06``.  Lexical rules are in ``data/dates.yaml``, validated on load.

Why not dateparser: it returns a point in time with no precision and no
notion of "last"/"this" periods, and it happily reads "19 to 27" as 1927.  It
is kept as the measured baseline (:mod:`newsie.tooling.eval_dates`).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsie.normalize import lexicon
from newsie.schema import TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tense = Literal["past", "present", "future"]
Date = _dt.date
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2019": "'"})
#: (far, near): a tense-consistent candidate further than ``far`` days from the anchor yields to one
#: within ``near`` days.  Chosen on MEANTIME (2 of 2 such cases; no case goes the other way).
FAR_NEAR_DAYS = (180, 45)
_CALENDAR_PRECISIONS = {"day", "week", "month", "season", "year", "decade", "century", "time"}


@functools.cache
def _lex() -> dict:
    """``data/dates.yaml``, checked by :func:`validate_dates_lexicon` on first use."""
    return validate_dates_lexicon(lexicon.load("dates.yaml"), str(lexicon.DATA_DIR / "dates.yaml"))


_DAY_UNITS = {"day", "week", "month", "year"}
_WORD_LISTS = ("offset_cues", "forward_prepositions", "past_prepositions", "year_prepositions",
               "reference_adverbs", "reporting_lemmas", "strip_prefixes", "future_auxes", "future_governors",
               "early_year_cues", "season_nouns", "ambiguous_seasons", "season_cues")


def validate_dates_lexicon(data: dict, source: str = "dates.yaml") -> dict:
    """Check the shapes the date rules rely on; raise ``ValueError`` naming the file and the field.

    Why on load: a typo in a data file ("[day, one, null]") would otherwise surface as a wrong date
    somewhere in a corpus, not as an error.
    """
    def fail(field: str, why: str) -> None:
        raise ValueError(f"{source}: {field}: {why}")

    for key in (*_WORD_LISTS, "anaphoric", "movable_holidays", "time_zones", "duration_bound_mods",
                "decade_words", "ordinal_words", "months", "weekdays", "parts_of_day", "mods", "bound_mods"):
        if key not in data:
            fail(key, "missing")
    for key in _WORD_LISTS:
        if not isinstance(data[key], list) or not all(isinstance(w, str) and w == w.lower() for w in data[key]):
            fail(key, "expected a list of lower-case strings")
    parts = set(data["parts_of_day"].values())
    for phrase, entry in data["anaphoric"].items():
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in _DAY_UNITS
                and isinstance(entry[1], int) and (entry[2] is None or entry[2] in parts)):
            fail(f"anaphoric.{phrase}", f"expected [unit ({'/'.join(sorted(_DAY_UNITS))}), offset, part or null]")
        if entry[2] is not None and entry[0] != "day":
            fail(f"anaphoric.{phrase}", "a part of day needs the unit day")
    for name, entry in data["movable_holidays"].items():
        if entry != "easter" and not (isinstance(entry, list) and len(entry) == 3 and 1 <= entry[0] <= 12
                                      and 1 <= entry[1] <= 7 and entry[2] in (-1, 1, 2, 3, 4)):
            fail(f"movable_holidays.{name}", "expected easter or [month, ISO weekday, nth (1-4 or -1)]")
    for zone, suffix in data["time_zones"].items():
        if not isinstance(suffix, str) or not re.fullmatch(r"|Z|[+-]\d{2}:\d{2}", suffix):
            fail(f"time_zones.{zone}", "expected Z, +HH:MM, -HH:MM or an empty string")
    for key in ("named_dates", "named_periods"):
        if key not in data:
            fail(key, "missing")
        for name, value in data[key].items():
            ends = str(value).split("/")
            if name != name.lower() or len(ends) > 2 or not all(
                    re.fullmatch(r"\d{4}(?:-\d{2}-\d{2})?", e) for e in ends):
                fail(f"{key}.{name}", "expected a lower-case name and YYYY, YYYY-MM-DD or an interval of them")
    if not (isinstance(data.get("year_holding_labels"), list) and all(
            isinstance(w, str) and w == w.upper() for w in data["year_holding_labels"])):
        fail("year_holding_labels", "expected a list of upper-case entity labels")
    for word, mod in data["duration_bound_mods"].items():
        if mod not in set(data["bound_mods"].values()):
            fail(f"duration_bound_mods.{word}", f"{mod!r} is not a bound mod")
    for key, lo, hi in (("decade_words", 1, 9), ("ordinal_words", 1, 21)):
        for word, n in data[key].items():
            if not (isinstance(n, int) and lo <= n <= hi):
                fail(f"{key}.{word}", f"expected an integer {lo}-{hi}")
    return data




@dataclass(frozen=True)
class Reference:
    """The reference time of a text: where anaphoric expressions ("the next day", "that year") count from.

    It starts as the article date and moves to each calendar date the text mentions (see
    :func:`newsie.normalize.component.Normaliser`); ``precision`` says how much of ``day`` is known ("year":
    only its year, ``day`` is January 1).  ``sentence`` is where it was set: a reference far from the article
    date only lends its year to "July 14" while it is fresh (:data:`NARRATIVE_SENTENCES`).
    """

    day: Date
    precision: str = "day"
    sentence: int = 0
    far: bool = False  # more than a year away from the article date: the text narrates another time


#: A reference more than a year from the article date lends its year to underspecified dates ("July 14",
#: "October") for this many sentences after the one that set it (a biography's "In 1831 ... On July 14").
#: Chosen on GUM train (bio) and MEANTIME airbus/apple, where news text mentioning an old year rarely
#: continues in that year.
NARRATIVE_SENTENCES = 3
_REFERENCE: ContextVar[Reference | None] = ContextVar("newsie_date_reference", default=None)
#: set while a generic text's date is re-read without its year (lets "July to September" be XXXX-07/XXXX-09)
_GENERIC: ContextVar[bool] = ContextVar("newsie_date_generic", default=False)
_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}


def _tv(value: str, precision: str, rule: str, anchored: bool, **extra: object) -> TimeValue:
    return TimeValue(value=value, precision=precision, rule=f"dates:{rule}", anchored=anchored, **extra)


def normalise(text: str) -> str:
    """Lower-case, drop abbreviation dots and commas, unify dashes, collapse spaces."""
    t = text.translate(_DASHES).lower()
    t = re.sub(r"(?<=[a-z])\.", "", t)
    t = t.replace(",", " ")
    t = re.sub(r"(?<=\d0)'s\b", "s", t)  # "1930's" is the decade
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\s*-\s*(?=[a-z])", "-", t) if re.search(r"\bmid\s*-", t) else t
    t = re.sub(r"[\[\]]", "", t)  # "[Ten] years ago": an editor's bracket
    t = re.sub(r"(?<=\d)(st|nd|rd|th) - (?=century)", r"\1-", t)  # "19th - century" (tokens re-joined)
    t = re.sub(r"\s+", " ", t)
    t = t.strip(" .;:!?()[]\"'-")
    return re.sub(r" (?:and|or|to|-)$", "", t)  # a conjunction NER left at the end: "the 70s and"


# ------------------------------------------------------------- calendar maths
def _month_end(y: int, m: int) -> Date:
    return Date(y, m, calendar.monthrange(y, m)[1])


def _week(d: Date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _choose(cands: list[tuple[Date, Date, object]], anchor: Date, tense: Tense | None) -> object:
    """Pick among candidate periods (start, end, payload) by tense.

    past: the latest period that starts on/before the anchor; future: the
    earliest that ends on/after it; otherwise the one containing or nearest it.
    """
    cands = sorted(cands, key=lambda c: c[0])

    def distance(c: tuple[Date, Date, object]) -> int:
        if c[0] <= anchor <= c[1]:
            return 0
        return min(abs((c[0] - anchor).days), abs((c[1] - anchor).days))

    nearest = min(cands, key=distance)
    fit: list[tuple[Date, Date, object]] = []
    if tense == "past":
        fit = [c for c in cands if c[0] <= anchor][-1:]
    elif tense == "future":
        fit = [c for c in cands if c[1] >= anchor][:1]
    if fit:
        # Tense is read off the parse and can mislead (reported speech: "said the launch was set for
        # June 3" in mid-May).  A tense-consistent reading most of a year away loses to one within
        # FAR_NEAR_DAYS[1] days on the other side.
        if distance(fit[0]) > FAR_NEAR_DAYS[0] and distance(nearest) <= FAR_NEAR_DAYS[1]:
            return nearest[2]
        return fit[0][2]
    return nearest[2]


def _year_of(word: str) -> int | None:
    if re.fullmatch(r"(1[0-9]|20|21)\d\d", word):
        return int(word)
    return None


def _count(word: str | None) -> int | None | Literal["X"]:
    """"two" -> 2, "a" -> 1, "few" -> "X" (open), ``None`` when not a count."""
    if word is None:
        return 1
    lex = _lex()
    if word in lex["exact_counts"]:
        return int(lex["exact_counts"][word])
    if word in lex["fuzzy_counts"]:
        return "X"
    if word.isdigit():
        return int(word)
    from newsie.normalize.numbers import parse_number

    value = parse_number(word)
    if value is None or value < 0:
        return None
    return int(value) if value == int(value) else value  # type: ignore[return-value]  # "1.5 years" -> P1.5Y


def _alt(words: object) -> str:
    """A regex alternation of lexicon words, longest first (cached: it is built for every mention)."""
    return _alt_cached(tuple(words))  # type: ignore[arg-type]


@functools.lru_cache(maxsize=64)
def _alt_cached(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in lexicon.by_length(list(words)))


# ------------------------------------------------------------------ handlers
def _reference(anchor: Date | None) -> Reference | None:
    """The current reference time: the one set by the component, else the article date."""
    ref = _REFERENCE.get()
    if ref is not None:
        return ref
    return Reference(anchor) if anchor is not None else None


def _shifted(ref: Reference, unit: str, n: int, part: str | None, rule: str) -> TimeValue | None:
    """``ref`` moved by ``n`` units, written at the unit's precision; ``None`` when ``ref`` is too coarse."""
    need = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}.get(unit)
    if need is None or _PRECISION_RANK.get(ref.precision, 0) < _PRECISION_RANK[need]:
        return None
    d = ref.day
    if unit == "day":
        day = d + _dt.timedelta(days=n)
        return _tv(day.isoformat() + (f"T{part}" if part else ""), "time" if part else "day", rule, True)
    if unit == "week":
        return _tv(_week(d + _dt.timedelta(weeks=n)), "week", rule, True)
    if unit == "month":
        y, mo = _shift_months(d.year, d.month, n)
        return _tv(f"{y:04d}-{mo:02d}", "month", rule, True)
    if unit == "decade":
        return _tv(f"{(d.year + 10 * n) // 10:03d}", "decade", rule, True)
    return _tv(f"{d.year + n:04d}", "year", rule, True)


def _anaphoric(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"the same day", "the next day", "that year", "the following morning": the reference time moved."""
    entry = _lex()["anaphoric"].get(t)
    if entry is None or anchor is None:
        return None
    ref = _reference(anchor)
    unit, n, part = entry
    return _shifted(ref, unit, int(n), part, "anaphoric") if ref is not None else None


def _ref(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    for value, words in _lex()["refs"].items():
        if t in words:
            direction = {"PAST_REF": "past", "FUTURE_REF": "future"}.get(value)
            return _tv(value, "ref", "ref", False, direction=direction)
    return None


def _movable_day(name: str, year: int) -> Date | None:
    """The date of a movable holiday in ``year`` (``movable_holidays`` in dates.yaml; Easter computed)."""
    entry = _lex()["movable_holidays"].get(name)
    if entry is None:
        return None
    if entry == "easter":
        from dateutil.easter import easter

        return easter(year)
    month, weekday, nth = entry
    if nth > 0:
        first = Date(year, month, 1)
        return first + _dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = _month_end(year, month)
    return last - _dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _holiday(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """Holidays: fixed ("Christmas" -> the December 25 fitting the tense) and movable ("Thanksgiving")."""
    m = re.fullmatch(r"(?P<name>.+?)(?: (?P<y>\d{4}))?", t)
    name = m.group("name") if m else t
    if name in _lex()["movable_holidays"]:
        if m and m.group("y"):
            return _tv(_movable_day(name, int(m.group("y"))).isoformat(), "day", "holiday", False)  # type: ignore[union-attr]
        if anchor is None:
            return _tv("XXXX-XX-XX", "day", "holiday", False)
        cands = [(d, d, d) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                 if (d := _movable_day(name, y)) is not None]
        return _tv(_choose(cands, anchor, tense).isoformat(), "day", "holiday", True)  # type: ignore[attr-defined]
    day = _lex()["holidays"].get(t)
    if day is None:
        return None
    value = _month_day(day, anchor, tense)
    return value.model_copy(update={"rule": "dates:holiday"}) if value is not None else None


def _named(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """Named dates and periods with fixed bounds (``named_dates``, ``named_periods``): "9/11", "World War II"."""
    lex = _lex()
    if t in lex["named_dates"]:
        return _tv(lex["named_dates"][t], "day", "named-date", False)
    if t in lex["named_periods"]:
        value = lex["named_periods"][t]
        precision = "day" if len(value.split("/")[0]) == 10 else "year"
        return _tv(value, precision, "named-period", False)
    return None


def _interval(t: str, anchor: Date | None, tense: Tense | None, depth: int) -> TimeValue | None:
    """"between 2014 and 2016", "1955-2011", "from May to July": an ISO 8601 interval ``start/end``."""
    m = re.fullmatch(r"(?:between |from )?(?P<a>.+?) ?(?: and | to | through | until |-|/) ?(?P<b>.+)", t)
    if not m:
        return None
    if t.startswith("between ") and " and " not in t:
        return None
    a = _resolve(m.group("a"), anchor, tense, depth + 1)
    b = _resolve(m.group("b"), anchor, tense, depth + 1)
    if b is not None and not b.anchored and (a is None or a.anchored):
        # "March to August 2011", "5-6 September 2019": the first part takes the second's month/year
        rest = m.group("b").split(" ")
        for k in range(1, len(rest)):
            shared = _resolve(f"{m.group('a')} {' '.join(rest[k:])}", anchor, tense, depth + 1)
            if shared is not None and not shared.anchored:
                a = shared
                break
    conjunction = " and " in t and not t.startswith("between ")  # "October and April": two dates, no interval
    if a is not None and b is not None and a.anchored and b.anchored and _after(a.value, b.value) and not conjunction:
        # "July to September" written in February: the end is the first September after the start
        m_a = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", a.value)
        if m_a:
            start = Date(int(m_a.group(1)), int(m_a.group(2)), int(m_a.group(3) or 1))
            b = _resolve(m.group("b"), start, "future", depth + 1) or b
    calendar_kinds = _CALENDAR_PRECISIONS - {"time"}
    if a is None or b is None or a.precision not in calendar_kinds or b.precision not in calendar_kinds:
        return None
    if _GENERIC.get() and a.value.startswith("XXXX-") and b.value.startswith("XXXX-"):
        return _tv(f"{a.value}/{b.value}", a.precision, "interval", False)  # "July to September" of any year
    if a.value.startswith("X") or b.value.startswith("X") or _after(a.value, b.value):
        return None
    return _tv(f"{a.value}/{b.value}", a.precision, "interval", a.anchored or b.anchored)


def _first_year(value: str) -> int:
    """The first year of a calendar value, BC years negative ("BC0438" -438, "BC04" -499, "199" 1990)."""
    m = re.match(r"(BC)?(\d+)", value)
    if m is None:
        return 0
    digits = m.group(2)[:4]
    scale = 10 ** (4 - len(digits))
    if m.group(1):
        return -(int(digits) * scale + scale - 1)
    return int(digits) * scale


def _after(a: str, b: str) -> bool:
    """``a`` starts after ``b`` (a string comparison, except that BC years count down)."""
    if a.startswith("BC") or b.startswith("BC"):
        return _first_year(a) > _first_year(b)
    return a > b


def _set(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"annual", "every day", "twice a year": a recurring time; mod EVERY stands in for TIMEX3 quant."""
    value = _lex()["sets"].get(t)
    if value is None or t in ("a year", "a day", "a month"):  # alone these are durations
        return None
    return _tv(value, "duration", "set", False, mod="EVERY")


def _iso(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        try:
            return _tv(Date(*map(int, m.groups())).isoformat(), "day", "iso", False)
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return _tv(t, "month", "iso", False)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        mo, d, y = (int(g) for g in m.groups())
        if y < 100:
            pivot = (anchor.year % 100 + 10) if anchor else 30
            y += 2000 if y <= pivot else 1900
        try:
            return _tv(Date(y, mo, d).isoformat(), "day", "numeric", False)
        except ValueError:
            return None
    return None


def _month_day(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    lex = _lex()
    months, wd = _alt(lex["months"]), _alt(lex["weekdays"])
    t = re.sub(rf"^(?:{wd}) (?=\d|(?:{months})\b|the \d)", "", t)
    rel = r"(?: (?:of )?(?P<rel>this|last|next) year)?"
    pats = [
        rf"(?P<m>{months}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?: (?P<y>\d{{3,4}}))?{rel}",
        rf"(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{months})(?: (?P<y>\d{{3,4}}))?{rel}",
    ]
    for pat in pats:
        m = re.fullmatch(pat, t)
        if not m:
            continue
        month, day = lex["months"][m.group("m")], int(m.group("d"))
        if m.group("rel") and not m.group("y"):  # "December 8 last year"
            if anchor is None:
                return _tv(f"XXXX-{month:02d}-{day:02d}", "day", "month-day", False)
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
            try:
                return _tv(Date(year, month, day).isoformat(), "day", "month-day", True)
            except ValueError:
                return None
        if m.group("y"):
            try:
                return _tv(Date(int(m.group("y")), month, day).isoformat(), "day", "full", False)
            except ValueError:
                return None
        if not 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1]):
            return None
        if anchor is None:
            return _tv(f"XXXX-{month:02d}-{day:02d}", "day", "month-day", False)
        cands = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                d = Date(y, month, day)
            except ValueError:
                continue
            cands.append((d, d, d))
        chosen = _choose(cands, anchor, tense)
        return _tv(chosen.isoformat(), "day", "month-day", True)  # type: ignore[union-attr]
    return None


def _month(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    lex = _lex()
    months = _alt(lex["months"])
    m = re.fullmatch(rf"(?P<m>{months}) (?:of )?(?P<y>\d{{4}}|\d{{3}})", t)
    if m:
        return _tv(f"{int(m.group('y')):04d}-{lex['months'][m.group('m')]:02d}", "month", "month-year", False)
    m = re.fullmatch(rf"(?P<m>{months}) (?:of )?(?:that|the same|that same) year", t)
    if m and anchor is not None:  # "in March the same year": the reference time's year
        ref = _reference(anchor)
        if ref is not None:
            return _tv(f"{ref.day.year:04d}-{lex['months'][m.group('m')]:02d}", "month", "anaphoric", True)
    m = re.fullmatch(
        rf"(?:(?P<dir>last|this|next|past|previous|coming) )?(?P<m>{months})"
        rf"(?: (?:of )?(?P<rel>this|last|next) year)?", t)
    if not m or t == "mar":  # a bare "mar" is the verb, not March
        return None
    month = lex["months"][m.group("m")]
    direction, rel = m.group("dir"), m.group("rel")
    if anchor is None:
        return _tv(f"XXXX-{month:02d}", "month", "month", False)
    if rel is not None:
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        return _tv(f"{y:04d}-{month:02d}", "month", "month", True)
    a_idx = anchor.year * 12 + anchor.month - 1
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        idx = y * 12 + month - 1
        if direction in ("last", "past", "previous") and idx >= a_idx:
            continue
        if direction in ("next", "coming") and idx <= a_idx:
            continue
        if direction == "this" and y != anchor.year:
            continue
        cands.append((Date(y, month, 1), _month_end(y, month), (y, month)))
    if not cands:
        return None
    pick_tense: Tense | None = tense
    if direction in ("last", "past", "previous"):
        pick_tense = "past"
    elif direction in ("next", "coming"):
        pick_tense = "future"
    y, mo = _choose(cands, anchor, pick_tense)  # type: ignore[misc]
    return _tv(f"{y:04d}-{mo:02d}", "month", "month", True)


def _year(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """Years ("2009", "AD 842", "the year 71", "in '80"), decades ("the 1990s", "the sixties"), centuries."""
    lex = _lex()
    era = _era(t)
    if era is not None:
        return era
    m = re.fullmatch(r"(?:the year |fiscal |fy ?|calendar )?(\d{4})(?: (?:season|school year|academic year))?", t)
    if m and _year_of(m.group(1)):
        return _tv(m.group(1), "year", "year", False)
    m = re.fullmatch(r"(?:the year (?:ad )?(\d{1,4})|(?:ad|ce) (\d{1,4})|(\d{1,4}) (?:ad|ce)|the year (\d{3}))", t)
    if m:  # an era word or "the year" makes any number a year
        n = int(next(g for g in m.groups() if g))
        return _tv(f"{n:04d}", "year", "year", False) if 0 < n < 2200 else None
    m = re.fullmatch(r"'(\d\d)", t)
    if m:  # "in '80": the century whose year is nearest before the article date (1980 in 2023, 2015 for '15)
        d2 = int(m.group(1))
        base = anchor.year if anchor is not None else 2000
        year = (base // 100) * 100 + d2
        if year > base:
            year -= 100
        return _tv(f"{year:04d}", "year", "two-digit-year", anchor is not None)
    m = re.fullmatch(r"(?:the )?(1[0-9])00'?s", t)
    if m:  # "the 1800s" is the century 1800-1899, not the decade 1800-1809
        return _tv(m.group(1), "century", "century", False)
    m = re.fullmatch(r"(?:the )?(?:(1[0-9]|20)|')?(\d)0'?s", t)
    word = re.fullmatch(rf"(?:the )?(?:(1[0-9]|20) ?)?({_alt(lex['decade_words'])})", t)
    if m or word:
        if m:
            century, digit = m.group(1), m.group(2)
        else:
            century, digit = word.group(1), str(lex["decade_words"][word.group(2)])  # type: ignore[union-attr]
        if century is None:
            d2 = int(digit) * 10
            century = "20" if anchor is not None and d2 <= anchor.year % 100 else "19"
        return _tv(f"{century}{digit}", "decade", "decade", False)
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)[- ]century", t) or re.fullmatch(
        rf"(?:the )?({_alt(lex['ordinal_words'])})[- ]century", t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else int(lex["ordinal_words"][m.group(1)])
        return _tv(f"{n - 1:02d}", "century", "century", False)
    return None


_BC = r"(?:bc|bce|b c|b c e|before christ|before the common era)"
_AD = r"(?:ad|ce|a d|c e)"


def _era(t: str) -> TimeValue | None:
    """Years, decades and centuries with an era: "438 BC" (``BC0438``), "the 430s BC" (``BC043``), "the 5th
    century BC" (``BC04``: 499-400 BC, as HeidelTime writes it), "the 2nd century AD" (``01``), "AD 79".

    TIMEX3 has no negative years; its BC values carry the prefix.  An era word makes any number a year.
    """
    lex = _lex()
    m = re.fullmatch(rf"(?:the year )?(\d{{1,4}}) ?({_BC}|{_AD})|(?:the year )?({_AD}) (\d{{1,4}})", t)
    if m:
        n = int(m.group(1) or m.group(4))
        bc = m.group(2) is not None and re.fullmatch(_BC, m.group(2)) is not None
        if not 0 < n < (10000 if bc else 2200):
            return None
        return _tv(f"BC{n:04d}" if bc else f"{n:04d}", "year", "era", False)
    m = re.fullmatch(rf"(?:the )?(\d{{1,3}})0'?s ?({_BC}|{_AD})", t)
    if m:
        bc = re.fullmatch(_BC, m.group(2)) is not None
        return _tv(f"BC{int(m.group(1)):03d}" if bc else f"{int(m.group(1)):03d}", "decade", "era", False)
    m = re.fullmatch(rf"(?:the )?(?:(\d{{1,2}})(?:st|nd|rd|th)|({_alt(lex['ordinal_words'])}))[- ]century ?({_BC}|{_AD})", t)
    if m:
        n = int(m.group(1)) if m.group(1) else int(lex["ordinal_words"][m.group(2)])
        bc = re.fullmatch(_BC, m.group(3)) is not None
        return _tv(f"BC{n - 1:02d}" if bc else f"{n - 1:02d}", "century", "era", False)
    return None


_PERIOD_WORDS = r"week|weekend|month|year|quarter|decade|century"
_PREV = {"last", "the last", "previous", "the previous", "the preceding", "preceding", "past", "the past"}
_NEXT = {"next", "the next", "coming", "the coming", "following", "the following", "upcoming", "the upcoming"}
_THIS = {"this", "the current", "current", "the", "this past"}


def _relative_period(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"this week", "last month", "next year", "the previous year", "the year previous", "this weekend"."""
    m = re.fullmatch(rf"(?P<dir>this past|this|last|next|the last|the past|the previous|previous|the preceding"
                     rf"|the next"
                     rf"|coming|the coming|the following|the current|current|the)"
                     rf" (?:financial |fiscal )?(?P<unit>{_PERIOD_WORDS})", t)
    if not m:
        m2 = re.fullmatch(rf"the (?P<unit>{_PERIOD_WORDS}) (?P<dir>previous|before|after|earlier)", t)
        if not m2:
            return None
        direction = "last" if m2.group("dir") in ("previous", "before", "earlier") else "next"
        unit = m2.group("unit")
    else:
        direction, unit = m.group("dir"), m.group("unit")
    if direction == "the" and unit != "weekend":
        return None  # "the year" alone does not say which; the mod handler supplies it
    step = -1 if direction in _PREV or direction == "this past" else 1 if direction in _NEXT else 0
    if direction == "this past":
        step = -1 if unit != "weekend" else 0
    if anchor is None:
        blank = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                 "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}[unit]
        return _tv(blank, _precision(unit), "relative-period", False)
    if unit == "week":
        return _tv(_week(anchor + _dt.timedelta(weeks=step)), "week", "relative-period", True)
    if unit == "weekend":
        base = anchor + _dt.timedelta(weeks=step)
        if tense == "past" and (direction == "the" and anchor.isoweekday() < 6
                                or direction == "this" and anchor.isoweekday() <= 3):
            # in a past-tense sentence "the weekend" written Monday-Friday and "this weekend" written
            # Monday-Wednesday are the one just gone (late in the week "this weekend" is the coming one)
            base = anchor - _dt.timedelta(weeks=1)
        return _tv(_week(base) + "-WE", "week", "relative-period", True)
    if unit == "month":
        y, mo = _shift_months(anchor.year, anchor.month, step)
        return _tv(f"{y:04d}-{mo:02d}", "month", "relative-period", True)
    if unit == "year":
        return _tv(f"{anchor.year + step:04d}", "year", "relative-period", True)
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + step
        y = anchor.year + (q // 4)
        return _tv(f"{y:04d}-Q{q % 4 + 1}", "season", "relative-period", True)
    if unit == "decade":
        return _tv(f"{anchor.year // 10 + step:03d}", "decade", "relative-period", True)
    return _tv(f"{anchor.year // 100 + step:02d}", "century", "relative-period", True)


def _precision(unit: str) -> str:
    return {"weekend": "week", "quarter": "season"}.get(unit, unit)


def _relative_day(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    entry = _lex()["relative_days"].get(t)
    if entry is None:
        return None
    offset, part = entry
    if anchor is None:
        return _tv("XXXX-XX-XX" + (f"T{part}" if part else ""), "time" if part else "day", "relative-day", False)
    day = anchor + _dt.timedelta(days=offset)
    return _tv(day.isoformat() + (f"T{part}" if part else ""), "time" if part else "day", "relative-day", True)


def _weekday(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    lex = _lex()
    m = re.fullmatch(rf"(?:(?P<dir>last|this|next|this past|this coming|coming|past) )?(?P<wd>{_alt(lex['weekdays'])})"
                     rf"(?: (?P<part>{_alt(lex['parts_of_day'])}))?", t)
    if not m:
        return None
    wd = lex["weekdays"][m.group("wd")]
    part = lex["parts_of_day"][m.group("part")] if m.group("part") else None
    suffix = f"T{part}" if part else ""
    precision = "time" if part else "day"
    if anchor is None:
        return _tv(f"XXXX-WXX-{wd}{suffix}", precision, "weekday", False)
    direction = m.group("dir")
    monday = anchor - _dt.timedelta(days=anchor.isoweekday() - 1)
    same_week = monday + _dt.timedelta(days=wd - 1)
    if direction in ("last", "this past", "past"):
        delta = (anchor.isoweekday() - wd) % 7 or 7
        day = anchor - _dt.timedelta(days=delta)
    elif direction in ("next", "this coming", "coming"):
        delta = (wd - anchor.isoweekday()) % 7 or 7
        day = anchor + _dt.timedelta(days=delta)
    elif direction == "this" or tense not in ("past", "future"):
        day = same_week  # "Thursday of the document's week"
    elif tense == "past":
        day = anchor - _dt.timedelta(days=(anchor.isoweekday() - wd) % 7)
    else:
        day = anchor + _dt.timedelta(days=(wd - anchor.isoweekday()) % 7)
    return _tv(day.isoformat() + suffix, precision, "weekday", True)


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "final": 4, "last": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


def _year_context(rest: str | None, anchor: Date | None) -> tuple[int | None, bool] | None:
    """"2009" / "this year" / "last year" / "next year" -> (year, used the anchor)."""
    if rest is None or rest == "":
        return None
    rest = re.sub(r"^(?:of |in )?(?:the )?(?:fiscal |financial |calendar )?", "", rest)
    if _year_of(rest):
        return int(rest), False
    m = re.fullmatch(r"(this|last|next|the current|the previous|the next|the following) (?:fiscal |financial )?year", rest)
    if m:
        step = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the next": 1,
                "the following": 1}[m.group(1)]
        return (anchor.year + step if anchor else None), True
    return None


def _quarter(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    m = re.fullmatch(r"(?:the )?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ](?:fiscal |financial )?"
                     r"quarter(?P<rest> .+)?", t) or re.fullmatch(r"(?P<o>q[1-4])(?P<rest> .+)?", t)
    if not m:
        return None
    rest = (m.group("rest") or "").strip()
    q = _ORD[m.group("o")]
    if rest:
        ctx = _year_context(rest, anchor)
        if ctx is None:
            return None
        year, used = ctx
        if year is None:
            return _tv(f"XXXX-Q{q}", "season", "quarter", False)
        return _tv(f"{year:04d}-Q{q}", "season", "quarter", used)
    if anchor is None:
        return _tv(f"XXXX-Q{q}", "season", "quarter", False)
    cur = (anchor.month - 1) // 3 + 1
    if m.group("o") == "last" and t.startswith("the last"):
        y, qq = (anchor.year, cur - 1) if cur > 1 else (anchor.year - 1, 4)
        return _tv(f"{y:04d}-Q{qq}", "season", "quarter", True)
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = Date(y, 3 * q - 2, 1)
        cands.append((start, _month_end(y, 3 * q), y))
    y = _choose(cands, anchor, tense)
    return _tv(f"{y:04d}-Q{q}", "season", "quarter", True)


def _half(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    m = re.fullmatch(r"(?:the )?(first|second|1st|2nd)[- ]half(?: of)? (.+)", t)
    if not m:
        return None
    ctx = _year_context(m.group(2), anchor)
    if ctx is None:
        return None
    year, used = ctx
    h = 1 if m.group(1) in ("first", "1st") else 2
    return _tv(f"{year:04d}-H{h}" if year else f"XXXX-H{h}", "season", "half", used and year is not None)


def _season(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    seasons = _lex()["seasons"]
    m = re.fullmatch(rf"(?:the )?(?P<s>{_alt(seasons)})s", t)
    if m:  # "summers", "the winters": every summer, of no year
        return _tv(f"XXXX-{seasons[m.group('s')][0]}", "season", "season", False)
    m = re.fullmatch(rf"(?:(?P<dir>last|this|next|this past|past|coming) )?(?:the )?(?P<s>{_alt(seasons)})"
                     rf"(?: (?:of )?(?P<y>\d{{4}}|[1-9]\d{{2}})(?: ?- ?\d{{2,4}})?)?", t)  # "the winter of 1776-77"
    if not m:
        return None
    code, first_month = seasons[m.group("s")]
    if m.group("y"):
        return _tv(f"{int(m.group('y')):04d}-{code}", "season", "season", False)
    if anchor is None:
        return _tv(f"XXXX-{code}", "season", "season", False)
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        ys, ms = (y, first_month)
        ye, me = _shift_months(ys, ms, 2)
        cands.append((Date(ys, ms, 1), _month_end(ye, me), y))
    direction = m.group("dir")
    a = anchor
    if direction in ("last", "past", "this past"):
        cands = [c for c in cands if c[1] < a]
        y = max(cands, key=lambda c: c[0])[2]
    elif direction in ("next", "coming"):
        cands = [c for c in cands if c[0] > a]
        y = min(cands, key=lambda c: c[0])[2]
    else:
        y = _choose(cands, anchor, tense)
    return _tv(f"{y:04d}-{code}", "season", "season", True)


def _unit_code(unit: str) -> tuple[str, str] | None:
    unit = unit.rstrip("s") if unit not in ("centuries",) else "century"
    entry = _lex()["units"].get(unit)
    return (entry[0], entry[1]) if entry else None


def _duration_value(count: int | Literal["X"], code: str) -> str:
    time_part = code in ("H", "S") or code == "MIN"
    if code == "W2":
        code, count = "W", (count * 2 if isinstance(count, int) else count)
    return f"PT{count}{code}" if time_part else f"P{count}{code}"


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_COUNT = (rf"(?P<n>\d+(?:\.\d+)?|(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}|a hundred|one hundred|a single|single|a|an|"
          r"few|a few|several|some|many|a couple of|a couple|couple of|couple|a number of|numerous)")
_UNIT = r"(?P<u>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|" \
        r"centuries|century)"


def _ago(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    m = re.fullmatch(rf"{_COUNT} {_UNIT} (?P<dir>ago|back|earlier|before|later|after|afterwards|afterward|from now|hence)", t)
    if not m:
        return None
    count = _count(m.group("n"))
    unit = _unit_code(m.group("u"))
    if count is None or unit is None:
        return None
    code, precision = unit
    direction = m.group("dir")
    relative_to_dct = direction in ("ago", "back", "from now", "hence")  # "two years back" is "two years ago"
    sign = -1 if direction in ("ago", "back", "earlier", "before") else 1
    dirword = "past" if sign < 0 else "future"
    if not relative_to_dct and anchor is not None and count != "X" and count == int(count):
        # "two days later", "a year earlier": a point, the reference time moved by the offset
        ref = _reference(anchor)
        unit_name = {"D": "day", "W": "week", "W2": "week", "M": "month", "Y": "year", "DE": "decade"}.get(code)
        if ref is not None and unit_name is not None:
            k = int(count) * sign * (2 if code == "W2" else 1)
            if unit_name == "week":  # "a week later" is the day seven days on, not the week
                unit_name, k = "day", 7 * k
            point = _shifted(ref, unit_name, k, None, "offset-point")
            if point is not None:
                return point
    if not relative_to_dct or anchor is None or count == "X" or precision in ("time",) or count != int(count):
        if relative_to_dct and count == "X":
            return _tv("PAST_REF" if sign < 0 else "FUTURE_REF", "ref", "ago", False, direction=dirword, fuzzy=True)
        return _tv(_duration_value(count, code), "duration", "offset", False, direction=dirword,
                   fuzzy=count == "X")
    n = int(count) * sign
    if code in ("D",) or code.startswith("W"):
        days = n * (7 * (2 if code == "W2" else 1) if code.startswith("W") else 1)
        return _tv((anchor + _dt.timedelta(days=days)).isoformat(), "day", "ago", True)
    if code == "M":
        y, mo = _shift_months(anchor.year, anchor.month, n)
        return _tv(f"{y:04d}-{mo:02d}", "month", "ago", True)
    if code == "Q":
        y, mo = _shift_months(anchor.year, anchor.month, 3 * n)
        return _tv(f"{y:04d}-Q{(mo - 1) // 3 + 1}", "season", "ago", True)
    if code == "Y":
        return _tv(f"{anchor.year + n:04d}", "year", "ago", True)
    if code == "DE":  # "a decade ago" is a year, like "ten years ago"
        return _tv(f"{anchor.year + 10 * n:04d}", "year", "ago", True)
    return None


def _run(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"the fourth week in a row", "a third straight year": the run so far, a duration (P4W)."""
    from newsie.normalize.numbers import parse_ordinal

    m = re.fullmatch(rf"(?:the |a |an |its |their )?(?P<o>\S+) (?:(?:straight|consecutive|successive) )?"
                     rf"{_UNIT}(?: (?:in a row|running|straight|on the trot))?", t)
    if not m or not re.search(r"in a row|running|straight|consecutive|successive|on the trot", t):
        return None
    n = parse_ordinal(m.group("o"))
    unit = _unit_code(m.group("u"))
    if n is None or unit is None:
        return None
    return _tv(_duration_value(n, unit[0]), "duration", "run", False)


def _duration(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"the next few weeks" (PXW, future, fuzzy), "the past two years" (P2Y, past), "three days", "decades"."""
    lex = _lex()
    t = re.sub(rf"(?<=\w)-(?={_UNIT}\b)", " ", t)  # "two-hour" -> "two hour"
    t = re.sub(r"^an? (?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty) )", "", t)
    t = re.sub(r"^(?:the|its|their|his|her) (?:first|final|initial) (?=\S+ \S)", "", t)  # "the first two years"
    m = re.fullmatch(rf"(?:(?P<dir>{_alt(lex['future_words'] + lex['past_words'])}) )?(?:{_COUNT} )?{_UNIT}"
                     rf"(?: (?P<tail>ahead|to come|past|since))?", t)
    if not m:
        return None
    dirword, n, u = m.group("dir"), m.group("n"), m.group("u")
    plural = u.endswith("s") and u not in ("centuries",) or u == "centuries"
    if n is None and plural:
        count: int | Literal["X"] | None = "X"
    elif n is None and dirword is None:
        return None  # "week" alone says nothing
    else:
        count = _count(n)
    unit = _unit_code(u)
    if count is None or unit is None:
        return None
    direction = None
    if dirword in lex["future_words"] or m.group("tail") in ("ahead", "to come"):
        direction = "future"
    elif dirword in lex["past_words"] or m.group("tail") in ("past", "since"):
        direction = "past"
    if n is None and not plural and dirword in ("last", "next", "coming", "previous", "this"):
        return None  # "last week" is a calendar period (handled by _relative_period)
    mod = "APPROX" if n in lex["approx_counts"] else None
    return _tv(_duration_value(count, unit[0]), "duration", "duration", False, direction=direction,
               fuzzy=count == "X", mod=mod)


def _clock(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """Clock times: "3 pm", "15:30", "noon", optionally with a day ("3 pm yesterday")."""
    zones = _lex()["time_zones"]
    pat = (r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?(?: ?(?P<ap>am|pm|a m|p m))?"
           rf"(?: (?:local time|(?P<zone>{_alt(zones)})))?")
    m = re.search(rf"(?:^|\b)(?:at )?(?:{pat}|(?P<word>noon|midnight))(?:\b|$)", t)
    if not m:
        return None
    if m.group("word"):
        hh, mm = {"noon": (12, 0), "midnight": (24, 0)}[m.group("word")]
    else:
        if not m.group("ap") and not m.group("mi"):
            return None
        hh, mm = int(m.group("h")), int(m.group("mi") or 0)
        ap = (m.group("ap") or "").replace(" ", "")
        if ap == "pm" and hh < 12:
            hh += 12
        if ap == "am" and hh == 12:
            hh = 0
        if not (0 <= hh <= 24 and 0 <= mm < 60):
            return None
    rest = (t[:m.start()] + " " + t[m.end():]).strip()
    rest = re.sub(r"^(on|at|of) |\b(on|at)$", "", rest).strip()
    clock = f"T{hh:02d}:{mm:02d}" + (zones[m.group("zone")] if m.group("word") is None and m.group("zone") else "")
    if rest:
        day = resolve_date(rest, anchor, tense)
        if day is None or day.precision not in ("day", "time"):
            return None
        base = day.value.split("T")[0]
        return _tv(base + clock, "time", "clock", day.anchored)
    if anchor is None:
        return _tv("XXXX-XX-XX" + clock, "time", "clock", False)
    ref = _reference(anchor)  # "at 22:30" is on the day the text is talking about
    day = ref.day if ref is not None and ref.precision == "day" else anchor
    return _tv(day.isoformat() + clock, "time", "clock", True)


def _week_of_month(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"the first week of March" (the week holding the 1st), "the last week of March" (the last full week)."""
    m = re.fullmatch(r"(?:the )?(?P<o>first|last|final|second|third) week (?:of|in) (?P<rest>.+)", t)
    if not m:
        return None
    month = _month(m.group("rest"), anchor, tense) or _month_day(m.group("rest") + " 1", anchor, tense)
    if month is None or month.precision != "month" or month.value.startswith("X"):
        return None
    y, mo = (int(x) for x in month.value.split("-"))
    o = m.group("o")
    if o in ("last", "final"):
        end = _month_end(y, mo)
        day = end if end.isoweekday() == 7 else end - _dt.timedelta(days=end.isoweekday())
    else:
        day = Date(y, mo, 1) + _dt.timedelta(weeks={"first": 0, "second": 1, "third": 2}[o])
    return _tv(_week(day), "week", "week-of-month", month.anchored)


def _ordinal_day(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"the 29th": a day of the month the text is in (the reference's month), else of a month near the
    article date that fits the tense."""
    m = re.fullmatch(r"the (\d{1,2})(?:st|nd|rd|th)", t)
    if not m or not 1 <= int(m.group(1)) <= 31:
        return None
    day = int(m.group(1))
    if anchor is None:
        return _tv(f"XXXX-XX-{day:02d}", "day", "ordinal-day", False)
    ref = _REFERENCE.get()
    if ref is not None and ref.precision in ("day", "month") and (ref.day.year, ref.day.month) != (
            anchor.year, anchor.month):
        try:
            return _tv(Date(ref.day.year, ref.day.month, day).isoformat(), "day", "ordinal-day", True)
        except ValueError:
            return None
    cands = []
    for k in (-1, 0, 1):
        y, mo = _shift_months(anchor.year, anchor.month, k)
        try:
            d = Date(y, mo, day)
        except ValueError:
            continue
        cands.append((d, d, d))
    return _tv(_choose(cands, anchor, tense).isoformat(), "day", "ordinal-day", True)  # type: ignore[attr-defined]


def _unspecified(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """"a later time", "an exciting time": a time is mentioned but nothing fixes it (TIMEX3 XXXX-XX-XX)."""
    if re.fullmatch(r"(?:a|an) (?:[a-z-]+ )?(?:time|date|point|stage)", t):
        return _tv("XXXX-XX-XX", "unknown", "unspecified", False)
    return None


def _ref_keyword(t: str, anchor: Date | None, tense: Tense | None) -> TimeValue | None:
    """Last resort for longer phrases that still only say past/future: "in recent U.S. history"."""
    words = set(t.split())
    if words & {"recent", "history", "historic", "past", "ago", "former"}:
        return _tv("PAST_REF", "ref", "ref-keyword", False, direction="past")
    if words & {"future", "coming", "upcoming", "ahead"}:
        return _tv("FUTURE_REF", "ref", "ref-keyword", False, direction="future")
    return None


Handler = Callable[[str, "Date | None", "Tense | None"], "TimeValue | None"]
HANDLERS: tuple[Handler, ...] = (
    _anaphoric, _ref, _set, _named, _holiday, _iso, _year, _month_day, _month, _relative_day, _relative_period, _weekday, _quarter, _half,
    _season, _ago, _run, _duration, _clock, _week_of_month, _ordinal_day, _unspecified,
)


def _strip_prefix(t: str) -> str:
    for word in lexicon.by_length(_lex()["strip_prefixes"] + ["earlier", "later", "so far", "as recently as"]):
        if t.startswith(word + " ") and len(t) > len(word) + 1:
            return t[len(word) + 1:]
    return t


def _with_mod(t: str, anchor: Date | None, tense: Tense | None, depth: int) -> TimeValue | None:
    """Calendar modifiers ("late February", "the end of this year", "mid-2011") and bounds ("less than a week")."""
    lex = _lex()
    for word in lexicon.by_length(lex["mods"]):
        joined = word.endswith("-")
        if (joined and t.startswith(word)) or t.startswith(word + " "):
            inner = t[len(word):].strip()
            inner = {"the month": "this month", "the week": "this week",
                     "the quarter": "this quarter", "the decade": "this decade"}.get(inner, inner)
            value = _resolve(inner, anchor, tense, depth + 1)
            if value is not None and value.precision in _CALENDAR_PRECISIONS - {"day", "time"}:
                return value.model_copy(update={"mod": lex["mods"][word]})
            if value is not None and value.precision in ("day", "time") and (
                    word in ("early", "late", "mid", "mid-") or value.rule == "dates:anaphoric"):
                # "late February 3", and "the start of the day", "late in the day" (anaphoric days)
                return value.model_copy(update={"mod": lex["mods"][word]})
    m = re.fullmatch(r"(?P<n>\S+) or (?P<q>more|less|fewer) (?P<rest>.+)", t)
    if m:  # "four or more hours"
        value = _resolve(f"{m.group('n')} {m.group('rest')}", anchor, tense, depth + 1)
        if value is not None:
            return value.model_copy(update={"mod": "EQUAL_OR_MORE" if m.group("q") == "more" else "EQUAL_OR_LESS"})
    for word, mod in lex["duration_bound_mods"].items():
        if t.startswith(word + " "):  # "over a decade" (but "over the weekend" is a date)
            value = _resolve(t[len(word) + 1:], anchor, tense, depth + 1)
            if value is not None and value.precision == "duration" and value.mod is None:
                return value.model_copy(update={"mod": mod})
    for word in lexicon.by_length(lex["bound_mods"]):
        if t.startswith(word + " "):
            value = _resolve(t[len(word) + 1:], anchor, tense, depth + 1)
            if value is not None:
                return value.model_copy(update={"mod": lex["bound_mods"][word]})
    return None


def _resolve(t: str, anchor: Date | None, tense: Tense | None, depth: int = 0) -> TimeValue | None:
    if not t or depth > 4:
        return None
    for handler in HANDLERS:
        value = handler(t, anchor, tense)
        if value is not None:
            return value
    value = _with_mod(t, anchor, tense, depth)
    if value is not None:
        return value
    stripped = _strip_prefix(t)
    if stripped != t:
        value = _resolve(stripped, anchor, tense, depth + 1)
        if value is not None:
            return value
    if t.startswith("the ") and depth < 4:
        value = _resolve(t[4:], anchor, tense, depth + 1)
        if value is not None:
            return value
    if depth == 0:
        return _interval(t, anchor, tense, depth) or _ref_keyword(t, anchor, tense)
    return None


#: Rules that guess a year the text does not give ("July 14", "in October", "summer", "on Friday").
#: (A weekday is not among them: "on Wednesday" in news after "in 1991" is still this week's.)
_YEAR_GUESS_RULES = frozenset({"dates:month", "dates:month-day", "dates:season", "dates:holiday",
                               "dates:interval"})
#: words that tie a month to the article date whatever the text ("last November", "next spring")
_DEICTIC_WORDS = r"\b(?:last|next|this|coming|past|previous|current|upcoming)\b"


def resolve_date(text: str, anchor: Date | None = None, tense: Tense | None = None, *,
                 reference: Reference | None = None, generic: bool = False) -> TimeValue | None:
    """The TIMEX3-style value of a date/time expression, or ``None`` where no rule reads it.

    ``anchor`` is the document date; ``tense`` ("past"/"present"/"future") of
    the governing verb chooses between earlier and later readings of
    "Jan. 20" or "Thursday".  ``TimeValue.rule`` names the rule used.

    ``reference`` is the text's reference time (see :class:`Reference`; default: the article date):
    anaphoric expressions ("the same day", "that year") and offsets ("two days later", "a year earlier")
    count from it, and a ``far`` reference lends its year to "July 14" (the first such date on or after
    it: narratives move forward).  Deictic expressions ("yesterday", "last week", "20 years ago") always
    count from the article date.  "20 years ago" is a point (the year ``anchor.year - 20``), as in TimeML,
    not a duration.  ``generic`` says the text has no narrative time (a travel guide's "in June"): a month,
    day or season it does not date stays ``XXXX-06``.  Without ``anchor`` neither applies: only what the
    text fixes is kept, as before.
    """
    if not isinstance(text, str) or len(text) > 200:
        return None
    if isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    t = normalise(text)
    if not t:
        return None
    token = _REFERENCE.set(reference if anchor is not None else None)
    generic_token = _GENERIC.set(False)
    try:
        value = _resolve(t, anchor, tense)
        if value is None or anchor is None or not value.anchored or value.rule not in _YEAR_GUESS_RULES:
            return value
        # all year-guessing rules stay yearless in text without a narrative time ("in June" in a travel guide),
        # even after the guide's history paragraph set a far reference
        if generic and not re.search(_DEICTIC_WORDS, t):
            _GENERIC.set(True)
            return _resolve(t, None, tense)
        if reference is not None and reference.far:
            start = Date(reference.day.year, 1, 1) if reference.precision == "year" else reference.day
            _REFERENCE.set(None)
            moved = _resolve(t, start, "future")
            if moved is not None:
                return moved.model_copy(update={"rule": moved.rule + "@reference"})
        return value
    finally:
        _REFERENCE.reset(token)
        _GENERIC.reset(generic_token)


# --------------------------------------------------------------------- tense
def _verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    lex = _lex()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & set(lex["future_auxes"]) or verb.lower_ in lex["future_auxes"]:
        return "future"
    if "going" in lowers and "to" in lowers:
        return "future"
    if "to" in lowers and depth < 3:
        head = verb.head
        if head.lemma_.lower() in lex["future_governors"] or head.lower_ in lex["future_governors"]:
            return "future"
        if head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to be held", "are to travel": the be-to future
        if head is not verb and head.pos_ in ("VERB", "AUX", "ADJ"):
            return _verb_tense(head, depth + 1)
        return "future"
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if lowers & {"has", "have", "had", "'ve"}:
            return "past"
        if lowers & {"is", "are", "am", "be", "been", "being"}:
            return "present"
        return "past"  # a bare participle: "a source cited ... on Thursday"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG":
        if lowers & {"was", "were"}:
            return "past"
        if lowers & {"is", "are", "am"}:
            return "present"
        head = verb.head
        if head is not verb and depth < 3 and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head, depth + 1)
    if verb.tag_ == "VB" and depth < 3 and verb.head is not verb:
        return _verb_tense(verb.head, depth + 1)
    return None


def tense_of(span: Span | Token) -> Tense | None:
    """Tense of the verb governing a date mention: climb the parse to the first verb, read its auxiliaries."""
    token = span.root if hasattr(span, "root") else span
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and steps < 8:
        token = token.head
        steps += 1
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token)


# ------------------------------------------------------------ document state
#: Text that never writes the article date's year (nor the one before or after) and reports speech less
#: often than this (reporting verbs per 1,000 words) has no narrative time.  Chosen on GUM train (voyage vs
#: news and interviews) and MEANTIME airbus/apple; the seed article (no year at all, 17 per 1,000) is news.
GENERIC_REPORTING_PER_1000 = 5.0
#: A text with this many second-person words per 1,000 (and the reporting rate above) is generic even if it
#: writes the article's year.  Chosen on GUM train (voyage guides 21-38; interviews that report speech 16-34,
#: news below 4) and MEANTIME airbus/apple (at most 13).
GENERIC_SECOND_PERSON_PER_1000 = 20.0


def _reference_of(value: TimeValue, sentence: int, anchor: Date) -> Reference | None:
    """The reference time a resolved mention sets, or ``None`` when it names no calendar point."""
    v = value.value
    if value.precision not in ("day", "time", "month", "year", "week", "season") or "/" in v:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if m is None:
        return None
    w = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", v)
    try:
        if w:
            day, precision = Date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1), "week"
        elif m.group(3):
            day, precision = Date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        elif m.group(2):
            day, precision = Date(int(m.group(1)), int(m.group(2)), 1), "month"
        else:
            day, precision = Date(int(m.group(1)), 1, 1), "year"
    except ValueError:
        return None
    return Reference(day, precision, sentence, far=abs(day.year - anchor.year) > 1)


class TextTime:
    """The date normaliser's state over one document: its reference time and whether it narrates.

    Why: a date in running text is read against the text's own time, not only the article date.  The
    reference starts at the article date and moves to every calendar date a mention resolves to (a day,
    month, week or year, explicit or anchored; not a duration, interval or PAST_REF), except that a
    coarser mention inside the current reference ("2009" after "March 3, 2009") keeps the finer one.
    Without an article date nothing here applies (output as without it).
    """

    def __init__(self, doc: object, anchor: Date | None) -> None:
        self.anchor = anchor
        self.reference = Reference(anchor) if anchor is not None else None
        words = [t.lower_ for t in doc if t.is_alpha]  # type: ignore[attr-defined]
        # the years the text writes: four-digit ones anywhere, three-digit ones inside a DATE ("in 348")
        in_dates = {i for e in doc.ents if e.label_ == "DATE" for i in range(e.start, e.end)}  # type: ignore[attr-defined]
        years = [int(t.text) for t in doc  # type: ignore[attr-defined]
                 if re.fullmatch(r"1\d{3}|20\d{2}", t.text) or (t.i in in_dates and re.fullmatch(r"[1-9]\d{2}", t.text))]
        near = sum(anchor is not None and abs(y - anchor.year) <= 1 for y in years)
        #: most years the text writes are far from the article date: it narrates another time (a biography)
        self.historical = anchor is not None and len(years) > 2 * near
        reporting = sum(t.lemma_.lower() in _lex()["reporting_lemmas"] for t in doc)  # type: ignore[attr-defined]
        #: it never writes the article date's year and seldom reports speech ("said", "told"): news does one
        #: or the other; a travel guide or a how-to neither, and its present-tense "in June" is any June
        #: ... or it addresses the reader throughout ("you", "your": a guide, a how-to), even where it names a
        #: recent year ("reopened in 2005")
        second = sum(w in ("you", "your", "yours", "yourself", "yourselves") for w in words)
        self.generic = (anchor is not None
                        and (near == 0 or 1000 * second / max(1, len(words)) >= GENERIC_SECOND_PERSON_PER_1000)
                        and 1000 * reporting / max(1, len(words)) < GENERIC_REPORTING_PER_1000)
        finite_past = sum(t.tag_ == "VBD" for t in doc)  # type: ignore[attr-defined]
        finite_present = sum(t.tag_ in ("VBZ", "VBP") for t in doc)  # type: ignore[attr-defined]
        #: a report told in the past (most finite verbs past tense): a mention with no tense of its own or
        #: of its sentence is read as past ("shortly after opening Friday" in a report is the Friday gone)
        self.narrative_tense: Tense | None = "past" if finite_past > 2 * finite_present and not self.generic else None
        self._sentence: dict[int, int] = {}
        if doc.has_annotation("SENT_START"):  # type: ignore[attr-defined]
            for i, sent in enumerate(doc.sents):  # type: ignore[attr-defined]
                self._sentence[sent.start] = i

    def sentence(self, span: Span) -> int:
        start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
        return self._sentence.get(start, 0)

    def reference_for(self, span: Span) -> Reference | None:
        """The reference for ``span``; a far one stops lending its year after NARRATIVE_SENTENCES."""
        ref = self.reference
        if ref is None or not ref.far:
            return ref
        if not self.historical or self.sentence(span) - ref.sentence > NARRATIVE_SENTENCES:
            return Reference(ref.day, ref.precision, ref.sentence, far=False)
        return ref

    def bare_year(self, text: str) -> TimeValue | None:
        """A bare number NER calls a date, read as a year only in a text that narrates the past.

        "347" in a saint's life is the year 347 and "'94"/"94" after "1891" is 1894; in news "300" is
        not a year, so elsewhere this gives nothing.
        """
        t = text.strip().lstrip("'’")
        if not self.historical or self.reference is None:
            return None
        m = re.fullmatch(r"(?:about |c\.? |circa )?([1-9]\d{2}) ?(?:-|\u2013|to) ?([1-9]\d{2})", t.lower())
        if m and int(m.group(1)) < int(m.group(2)):  # "306 - 337" in a Roman emperor's life
            return _tv(f"{int(m.group(1)):04d}/{int(m.group(2)):04d}", "year", "bare-year", False)
        if not t.isdigit():
            return None
        if len(t) == 3 and int(t) >= 100:
            return _tv(f"{int(t):04d}", "year", "bare-year", False)
        if len(t) == 2 and self.reference.far:
            century = self.reference.day.year // 100 * 100
            return _tv(f"{century + int(t):04d}", "year", "bare-year", True)
        return None

    def sentence_tense(self, span: Span) -> Tense | None:
        """The tense of the sentence's main verb, for a mention no verb governs ("shortly after opening Friday")."""
        if not span.doc.has_annotation("SENT_START") or self.anchor is None:
            return None
        root = span.sent.root
        tense = _verb_tense(root) if root.pos_ in ("VERB", "AUX") else None
        return tense or self.narrative_tense

    def is_generic(self, tense: Tense | None) -> bool:
        return self.generic and tense != "past"

    def update(self, value: TimeValue | None, span: Span) -> None:
        if value is None or self.anchor is None:
            return
        new = _reference_of(value, self.sentence(span), self.anchor)
        if new is None:
            return
        old = self.reference
        if old is not None and _PRECISION_RANK[new.precision] < _PRECISION_RANK.get(old.precision, 0):
            inside = old.day.year == new.day.year and (new.precision == "year" or old.day.month == new.day.month)
            if inside:
                self.reference = Reference(old.day, old.precision, new.sentence, far=old.far)
                return
        self.reference = new


def with_context(span: Span, tense: Tense | None) -> tuple[str, Tense | None]:
    """The words around a mention that change its reading: (text to resolve, tense).

    "Two years" followed by "later" is the offset "two years later" (NER often leaves the cue word out);
    "until Friday"/"by Friday" look forward in a present-tense sentence, "since Friday" back.  (An
    open-ended mod for "since 2005" was tried: GUM's gold closes most of them, so the value is the year.)
    """
    lex = _lex()
    doc = span.doc
    text = span.text
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and after.lower_ in lex["offset_cues"]:
        follower = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if after.lower_ not in ("before", "after") or follower is None or follower.is_punct:
            text = f"{text} {after.text}"
    if before is not None:
        if before.lower_ in lex["forward_prepositions"] and tense in (None, "present"):
            tense = "future"
        elif before.lower_ in lex["past_prepositions"] and tense is None:
            tense = "past"
    return text, tense


def missed_dates(doc: object, historical: bool = False) -> list[Span]:
    """Date expressions the NER left out, as DATE spans for ``doc.spans["newsie_timex"]`` (not ``doc.ents``).

    Only forms whose shape makes them dates (lists in ``dates.yaml``): a year after a temporal preposition
    ("in 2017", "since 1602", "1955 - 2011"), a numeric date ("7/8/07", even where the NER called it
    CARDINAL), a named date ("9/11"), the TimeML reference adverbs ("now", "currently", "recently"), a year
    with an era ("438 BC"), a season noun ("hot summers"), a year inside an event's or organisation's name
    ("the 2022 FIFA World Cup", TimeML tags it), a named period the NER calls EVENT ("World War II"), a
    one-token CARDINAL shaped like a year that counts nothing ("1669, reportedly built"), and in a text that
    narrates the past (``historical``) a three-digit year after a cue ("about 373").  Otherwise a token inside
    any other entity is left to the NER.  The "present" that ends a range ("2013 - present") is PRESENT_REF.
    """
    from spacy.tokens import Span as _Span

    lex = _lex()
    ents = list(doc.ents)  # type: ignore[attr-defined]
    label_of = {i: e for e in ents for i in range(e.start, e.end)}
    dated = {i for e in ents if e.label_ in ("DATE", "TIME") for i in range(e.start, e.end)}
    out: list[Span] = []
    preps = set(lex["year_prepositions"])
    early_cues = set(lex["early_year_cues"])
    seasons, ambiguous, season_cues = set(lex["season_nouns"]), set(lex["ambiguous_seasons"]), set(lex["season_cues"])
    holding = set(lex["year_holding_labels"])
    adverbs = {tuple(p.split(" ")): p for p in lex["reference_adverbs"]}
    longest = max((len(k) for k in adverbs), default=1)
    n = len(doc)  # type: ignore[arg-type]
    for e in ents:
        if e.label_ == "EVENT" and normalise(e.text) in lex["named_periods"]:
            out.append(_Span(doc, e.start, e.end, label="DATE"))  # type: ignore[arg-type]

    def counts_nothing(j: int) -> bool:
        """The token after a number is not what it counts ("1669 ," yes; "300 men", "373 soldiers" no)."""
        return j >= n or doc[j].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or doc[j].lower_ in ("bc", "bce", "ad")  # type: ignore[index]

    lowers = [t.lower_ for t in doc]  # type: ignore[attr-defined]
    # words that can start a form without a digit: anything else without a digit is skipped at once
    starters = seasons | ambiguous | {"present"} | set(lex["named_dates"]) | {k[0] for k in adverbs}
    i = 0
    while i < n:
        if lowers[i] not in starters and not any(c.isdigit() for c in lowers[i]):
            i += 1
            continue
        tok = doc[i]  # type: ignore[index]
        ent = label_of.get(i)
        prev = lowers[i - 1] if i > 0 else ""
        if i not in dated and (re.fullmatch(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}", tok.text)
                               or tok.lower_ in lex["named_dates"]):
            out.append(_Span(doc, i, i + 1, label="DATE"))  # type: ignore[arg-type]  # even if NER said CARDINAL
            i += 1
            continue
        if i in dated:
            i += 1
            continue
        year_shaped = re.fullmatch(r"1\d{3}|20\d{2}", tok.text) is not None
        era = i + 1 < n and re.fullmatch(r"\d{1,4}", tok.text) and re.fullmatch(
            _BC, normalise(doc[i + 1].text)) is not None  # type: ignore[index]
        lone_cardinal = ent is not None and ent.label_ == "CARDINAL" and len(ent) == 1
        if era and (ent is None or lone_cardinal):
            out.append(_Span(doc, i, i + 2, label="DATE"))  # type: ignore[arg-type]
            i += 2
            continue
        in_name = year_shaped and ent is not None and ent.label_ in holding
        lone_year = year_shaped and lone_cardinal and counts_nothing(i + 1) and prev != "$"
        early_year = (historical and (ent is None or lone_cardinal) and re.fullmatch(r"[1-9]\d{2}", tok.text)
                      is not None and (prev in early_cues or prev in preps) and counts_nothing(i + 1))
        if in_name or lone_year or early_year:
            out.append(_Span(doc, i, i + 1, label="DATE"))  # type: ignore[arg-type]
        elif ent is not None:
            pass
        elif year_shaped and prev in preps:
            out.append(_Span(doc, i, i + 1, label="DATE"))  # type: ignore[arg-type]
        elif tok.lower_ == "present" and prev in ("-", "\u2013", "\u2014", "to", "until") and (i - 2) in dated:
            out.append(_Span(doc, i, i + 1, label="DATE"))  # type: ignore[arg-type]  # "(2013 - present)"
        elif tok.pos_ == "NOUN" and (tok.lower_ in seasons or tok.lower_ in ambiguous and prev in season_cues):
            start = i - 1 if i > 0 and prev in ("early", "late", "mid") and (i - 1) not in label_of else i
            out.append(_Span(doc, start, i + 1, label="DATE"))  # type: ignore[arg-type]
        else:
            for k in range(longest, 0, -1):
                words = tuple(lowers[i:i + k])
                if len(words) == k and words in adverbs and not any(j in label_of for j in range(i, i + k)):
                    out.append(_Span(doc, i, i + k, label="DATE"))  # type: ignore[arg-type]
                    i += k - 1
                    break
        i += 1
    return out
