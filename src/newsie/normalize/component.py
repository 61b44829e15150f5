"""The spaCy components ``newsie_numbers`` and ``newsie_normalize`` (run after whichever NER is in place).

Dates are read in document order with a :class:`newsie.normalize.dates.TextTime` (the text's reference
time); date expressions the NER missed ("in 2017", "currently") are added as DATE spans to
``doc.spans["newsie_timex"]`` and normalised too, leaving ``doc.ents`` as the NER made it.

``newsie_numbers`` repairs number spans with Matcher rules from
``data/patterns.yaml``: it merges a range into one entity ("Between 300 and
500" is one CARDINAL, not two), relabels an age range that NER took for a date
("aged 19 to 27" -> CARDINAL "19 to 27"), and extends a number over its
bound/approximation cue ("more than 1,000").  ``newsie_normalize`` then gives
every DATE, TIME, CARDINAL, QUANTITY, MONEY, PERCENT and ORDINAL entity its
value in ``span._.norm``.

This module is imported by spaCy for its entry points whenever any pipeline is
created, so it imports only spaCy and newsie's light modules at top level; the
parsers load on first use.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsie import extensions
from newsie.normalize import lexicon

TIME_LABELS = frozenset({"DATE", "TIME"})
QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
NORMALISED_LABELS = TIME_LABELS | QUANTITY_LABELS | {"ORDINAL"}
#: ``doc.spans`` key of the date expressions the NER missed (found by rules; ``doc.ents`` is left alone)
TIMEX_SPANS = "newsie_timex"


#: The data files each rule component reads, written by ``to_disk`` into its folder of a saved pipeline.
NUMBERS_FILES = ("patterns.yaml", "numbers.yaml")
NORMALIZE_FILES = ("numbers.yaml", "dates.yaml")
#: Longest run of entity tokens a prefix pattern reaches into (the rule absorbs the whole entity anyway).
ENTITY_REACH = 6
_BOUNDED_OP = re.compile(r"^\{\d*,?\d+\}$")


def check_pattern(rule: str, pattern: list[dict[str, Any]], source: str = "patterns.yaml") -> None:
    """Reject a token pattern with an unbounded repetition (``+``/``*``), naming file, rule and token.

    Why: an unbounded operator makes the Matcher's work quadratic in the length
    of a run of matching tokens; ``{n,m}`` keeps it linear.
    """
    if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
        raise ValueError(f"{source}: rule {rule!r}: pattern must be a list of token mappings")
    for k, token in enumerate(pattern):
        op = token.get("OP")
        if op in ("+", "*"):
            raise ValueError(f"{source}: rule {rule!r} token {k}: unbounded OP {op!r} (use a bound such as "
                             f"\"{{1,6}}\")")
        if op is not None and op not in ("?", "!", "1") and not _BOUNDED_OP.match(str(op)):
            raise ValueError(f"{source}: rule {rule!r} token {k}: unknown OP {op!r}")


def _prefix_patterns(lists: list[str], lex: dict[str, Any], labels: list[str]) -> list[list[dict[str, Any]]]:
    """Token patterns "cue words + numeric entity" from the cue lists of numbers.yaml (``lex``)."""
    phrases = sorted({p for name in lists for p in lex[name]})
    patterns = []
    for phrase in phrases:
        words = phrase.split(" ")
        if any(not w.isalpha() for w in words):
            continue
        patterns.append([{"LOWER": w} for w in words] + [{"ENT_TYPE": {"IN": labels}, "OP": f"{{1,{ENTITY_REACH}}}"}])
    return patterns


class NumberSpans:
    """Merge, relabel and extend number spans after NER (rules in ``data/patterns.yaml``)."""

    def __init__(self, nlp: Language, name: str = "newsie_numbers") -> None:
        extensions.register()
        self.name = name
        self.vocab = nlp.vocab
        self._compile({f: lexicon.load(f) for f in NUMBERS_FILES})

    def _compile(self, data: dict[str, dict[str, Any]]) -> None:
        """Build the Matcher from the parsed ``patterns.yaml`` and ``numbers.yaml``."""
        patterns_file, numbers = data["patterns.yaml"], data["numbers.yaml"]
        self.data = data
        self.rules: dict[str, dict[str, Any]] = {}
        self.matcher = Matcher(self.vocab)
        for rule in patterns_file["rules"]:
            if "pattern" in rule:
                patterns = [rule["pattern"]]
            else:
                patterns = _prefix_patterns(rule["prefixes"], numbers, patterns_file["numeric_labels"])
            for pattern in patterns:
                check_pattern(str(rule.get("name")), pattern)
            self.matcher.add(rule["name"], patterns)
            self.rules[rule["name"]] = rule
        self.order = list(self.rules)
        self.rank = {name: n for n, name in enumerate(self.order)}  # the earlier rule in the file wins ties

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule data this component compiled (``patterns.yaml``, ``numbers.yaml``) into ``path``."""
        _write_data(Path(path), self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NumberSpans:
        """Recompile the Matcher from the data files a saved pipeline holds."""
        self._compile({f: lexicon.read(Path(path) / f) for f in NUMBERS_FILES})
        return self

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            name = doc.vocab.strings[match_id]
            rule = self.rules[name]
            s, e = start + int(rule.get("trim_start", 0)), end - int(rule.get("trim_end", 0))
            if s >= e:
                continue
            candidates.append(Span(doc, s, e, label=name))
        if not candidates:
            return doc
        # longest first, then the earlier rule in the file
        chosen = filter_spans(sorted(candidates, key=lambda sp: self.rank[sp.label_]))
        # Live entities by key (original ones in document order, replacements after them, as a list
        # would hold them) and the key owning each token: finding what a candidate overlaps costs the
        # candidate's length, not a scan of every entity (which was quadratic on long documents).
        live: dict[int, Span] = dict(enumerate(doc.ents))
        owner: list[int | None] = [None] * len(doc)
        for k, e in live.items():
            owner[e.start:e.end] = [k] * (e.end - e.start)
        next_key = len(live)
        changed = False
        for cand in chosen:
            rule = self.rules[cand.label_]
            keys = sorted({k for k in owner[cand.start:cand.end] if k is not None})
            overlapping = [live[k] for k in keys]
            if any(e.label_ not in rule["labels"] for e in overlapping):
                continue
            if rule.get("needs_entity", False) and not overlapping:
                continue
            start = min([cand.start] + [e.start for e in overlapping])
            end = max([cand.end] + [e.end for e in overlapping])
            label = rule["label"]
            if label == "keep":
                numeric = [e.label_ for e in overlapping if e.label_ in QUANTITY_LABELS]
                label = numeric[0] if numeric else "CARDINAL"
            if len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end, overlapping[0].label_) == (
                    start, end, label):
                continue  # NER already has it right
            new = Span(doc, start, end, label=label)
            for k in keys:
                del live[k]
            live[next_key] = new
            owner[start:end] = [next_key] * (end - start)
            next_key += 1
            new._.rule = f"numbers:{cand.label_}"
            changed = True
        if changed:
            try:
                doc.ents = sorted(live.values(), key=lambda e: e.start)
            except ValueError as err:  # overlapping spans: keep NER's entities rather than lose the doc
                doc.user_data.setdefault(("newsie", "normalize_errors"), []).append(f"newsie_numbers: {err}")
        return doc


class Normaliser:
    """Fill ``span._.norm`` for numeric and temporal entities (quantities, ages, TIMEX3 values)."""

    def __init__(self, nlp: Language, name: str = "newsie_normalize") -> None:
        extensions.register()
        self.name = name

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the normalisation data (``numbers.yaml``, ``dates.yaml``) into ``path``, as a record."""
        _write_data(Path(path), {f: lexicon.load(f) for f in NORMALIZE_FILES})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Normaliser:
        """Check a saved pipeline's normalisation data against the installed newsie's.

        Why a check and not a load: the date, number and age parsers are code and
        data written together and read the installed package's files; running a
        saved pipeline with different data would silently change its values, so a
        difference raises, naming the file.
        """
        for name in NORMALIZE_FILES:
            saved = Path(path) / name
            if saved.is_file() and lexicon.read(saved) != lexicon.load(name):
                raise ValueError(
                    f"{saved}: differs from the installed newsie's normalize/data/{name}; this pipeline was "
                    "saved by another newsie version: install that version to load it"
                )
        return self

    def __call__(self, doc: Doc) -> Doc:
        from newsie.normalize.dates import TextTime, missed_dates

        anchor = doc._.date
        text_time = TextTime(doc, anchor)  # the reference time moves through the document in reading order
        timex = missed_dates(doc, historical=text_time.historical)
        pieces: list[Span] = []
        for ent in sorted([*doc.ents, *timex], key=lambda s: (s.start, s.end)):
            if ent.label_ not in NORMALISED_LABELS:
                continue
            value = self._normalise(doc, ent, anchor, text_time)
            if ent.label_ == "DATE" and joins_dates(ent, value):
                parts = date_pieces(ent)
                ends = str(getattr(value, "value", "")).split("/") if value is not None else []
                for k, piece in enumerate(parts):
                    if len(ends) == 2 == len(parts):
                        # an interval's ends are its pieces' values ("January 23" of "January 23 - March 9
                        # 2014" takes the shared year); a piece keeps its own mod ("early October")
                        own = self._normalise(doc, piece, anchor, None)
                        piece._.norm = value.model_copy(update={
                            "value": ends[k], "mod": getattr(own, "mod", None),
                            "precision": getattr(own, "precision", value.precision)})
                        pieces.append(piece)
                    elif self._normalise(doc, piece, anchor, text_time) is not None:
                        pieces.append(piece)
        doc.spans[TIMEX_SPANS] = [*timex, *pieces]
        return doc

    @staticmethod
    def _normalise(doc: Doc, ent: Span, anchor: Any, text_time: Any) -> Any:
        try:
            value = normalise_span(ent, anchor, text_time)
        except Exception as err:  # never lose a document to one odd span
            value = None
            doc.user_data.setdefault(("newsie", "normalize_errors"), []).append(f"{ent.text!r}: {err!r}")
        if value is not None:
            ent._.norm = value
        return value


#: words and marks at which an entity that joins two dates is split ("October and April", "2018 day five")
_JOINS = {"and", "or", "to", "through", "until", "till", "-", "\u2013", "\u2014", ",", ";", "(", ")"}
_LEADS = {"between", "from", "the", "of", "on", "in"}


def joins_dates(ent: Span, value: Any) -> bool:
    """Whether a DATE entity may hold more than one date: no value, or an interval or list of two.

    Why: the NER sometimes joins two dates in one span ("Waitangi Day - February 6 - this year", "2018 day
    five", "October and April"); TimeML tags each.  The entity keeps its own value (an interval stays one);
    its pieces that resolve alone are added to ``doc.spans["newsie_timex"]``.
    """
    if len(ent) < 3 or not any(t.lower_ in _JOINS for t in ent[1:-1]):
        return value is None and len(ent) >= 2
    return value is None or "/" in str(getattr(value, "value", ""))


def date_pieces(ent: Span) -> list[Span]:
    """The parts of ``ent`` between joining words, without a leading "between"/"from"; two or more, else none."""
    out: list[Span] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or ent.doc[i].lower_ in _JOINS:
            j = start
            while j < i and ent.doc[j].lower_ in _LEADS and i - j > 1:
                j += 1
            if j < i:
                out.append(Span(ent.doc, j, i, label="DATE"))
            start = i + 1
    if len(out) < 2:
        # no joining word: "2018 day five" -> each token run that is a year, and the rest
        years = [t.i for t in ent if re.fullmatch(r"1\d{3}|20\d{2}", t.text)]
        if len(years) == 1 and len(ent) > 1:
            y = years[0]
            out = [Span(ent.doc, y, y + 1, label="DATE")]
            if y > ent.start:
                out.insert(0, Span(ent.doc, ent.start, y, label="DATE"))
            if y + 1 < ent.end:
                out.append(Span(ent.doc, y + 1, ent.end, label="DATE"))
            return out
        return []
    return out


def _write_data(folder: Path, data: dict[str, dict[str, Any]]) -> None:
    """Copy the package's data files named in ``data`` into ``folder`` (byte for byte when unchanged)."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    for name, content in data.items():
        src = lexicon.DATA_DIR / name
        if src.is_file() and lexicon.read(src) == content:
            shutil.copyfile(src, folder / name)
        else:
            (folder / name).write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def normalise_span(ent: Span, anchor: Any = None, text_time: Any = None) -> Any:
    """The normalised value of one entity span (QuantityValue, AgeValue, TimeValue) or ``None``.

    ``text_time`` (a :class:`newsie.normalize.dates.TextTime`) carries the document's reference time;
    a date mention read with it also moves it.  Without it dates count from ``anchor`` alone.
    """
    from newsie.normalize.ages import age_span, attached_to_person, is_age_context, parse_age
    from newsie.normalize.dates import resolve_date, tense_of, with_context
    from newsie.normalize.numbers import parse_ordinal, parse_quantity
    from newsie.schema import QuantityValue

    label = ent.label_
    if label == "ORDINAL":
        n = parse_ordinal(ent.text)
        return None if n is None else QuantityValue(min=n, max=n, unit="ordinal", rule="numbers:ordinal")
    if label in ("CARDINAL", "DATE", "QUANTITY") and is_age_context(ent):
        found = age_span(ent)
        if found is not None:
            return found[1]
    if label == "CARDINAL" and attached_to_person(ent):
        age = parse_age(ent.text)
        if age is not None:
            return age
    if label in TIME_LABELS:
        if text_time is None:
            value = resolve_date(ent.text, anchor, tense_of(ent))
        else:
            text, tense = with_context(ent, tense_of(ent) or text_time.sentence_tense(ent))
            reference, generic = text_time.reference_for(ent), text_time.is_generic(tense)
            value = resolve_date(text, anchor, tense, reference=reference, generic=generic)
            if value is None and text != ent.text:
                value = resolve_date(ent.text, anchor, tense, reference=reference, generic=generic)
            if value is None and "," in ent.text:  # NER joined "November 11, three days later than planned"
                head = ent.text.split(",", 1)[0]
                value = resolve_date(head, anchor, tense, reference=reference, generic=generic)
            if value is None and label == "DATE":
                value = text_time.bare_year(ent.text)
            text_time.update(value, ent)
        if value is None and label == "DATE" and attached_to_person(ent):
            return parse_age(ent.text)  # NER's DATE "45" in "Smith, 45," is an age
        return value
    value = parse_quantity(ent.text, label=label)
    if value is None:
        return None
    if label == "PERCENT" and value.unit is None:
        value.unit = "%"
    if value.unit is None and label in ("CARDINAL", "QUANTITY"):
        value.unit = head_noun(ent)
    return value


def head_noun(ent: Span) -> str | None:
    """The noun a number counts: "300 and 500 Korean men" -> "men", "thousands of troops" -> "troops"."""
    doc = ent.doc
    root = ent.root
    if root.dep_ in ("nummod", "quantmod") and root.head.i >= ent.end and root.head.pos_ == "NOUN":
        return root.head.lower_
    j = ent.end
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1
    while j < len(doc) and doc[j].pos_ in ("ADJ", "PROPN", "NOUN", "NUM") and doc[j].head.i > j \
            and doc[j].dep_ in ("amod", "compound", "nmod", "nummod") and j - ent.end < 4:
        j += 1
    if j < len(doc) and doc[j].pos_ == "NOUN":
        return doc[j].lower_
    return None


@Language.factory("newsie_numbers", requires=["doc.ents"], assigns=["doc.ents", "span._.rule"])
def make_newsie_numbers(nlp: Language, name: str) -> NumberSpans:
    """Factory of ``newsie_numbers`` (entry point in pyproject.toml)."""
    return NumberSpans(nlp, name)


@Language.factory("newsie_normalize", requires=["doc.ents"], assigns=["span._.norm", "doc.spans"])
def make_newsie_normalize(nlp: Language, name: str) -> Normaliser:
    """Factory of ``newsie_normalize`` (entry point in pyproject.toml)."""
    return Normaliser(nlp, name)
