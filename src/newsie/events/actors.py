"""CAMEO actor codes and ISO countries for participant phrases, from the Phoenix dictionaries.

Why the Phoenix dictionaries: event-data users expect the field's actor codes (``RUSGOV``, ``UKRMIL``,
``IGOUNO``, ``AFGREB``) and the Phoenix files carry decades of name variants, cities, demonyms and office
holders with their dates of office.  ``scripts/convert_eventdata.py`` turns them into the TSV files under
``data/eventdata/``; this module looks phrases up in them.

How a phrase is coded (as PETRARCH composes codes):

1. the longest dictionary name in the phrase (countries with their variants, demonyms, capitals and cities;
   international bodies; armed non-state groups; office holders) gives the actor code valid on the article
   date; a name whose every code is date-limited and none covers the date has no code (an office holder out
   of office), and that is what is returned, not a guess;
2. an agent noun of the phrase (``authorities`` ``~GOV``, ``troops`` ``~MIL``, ``rebels`` ``~REB``) adds its
   role to a bare country code ("North Korean authorities" -> ``PRK`` + ``GOV``); a code that already holds
   a role (``USAGOV``) is kept;
3. ``country`` is the ISO 3166-1 alpha-3 code (checked with ``pycountry``) of the code's first three letters,
   or None for international, regional and unknown actors.

Names must be written as names: a one-word dictionary name in lower case ("us", "chad") is not taken, so the
pronoun "us" is not the United States.  Countries missing from the 2014 dictionaries ("Eswatini", "North
Macedonia") are found through ``pycountry``'s names.  Look-ups are dict probes of the phrase's n-grams.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry
from spacy.tokens import Doc, Span, Token

DATA_DIR = Path(__file__).with_name("data") / "eventdata"
#: Files in order of precedence: a name in several files takes the first file's codes.
ACTOR_FILES = ("actors_nonstate.tsv", "actors_international.tsv", "actors_countries.tsv")
TOKEN_RE = re.compile(r"[^\W_]+(?:[.'’\-/][^\W_]+)*\.?|&")
LEADING = frozenset({"the", "a", "an"})
MAX_WORDS = 12
MAX_CODE = 15  # the schema's limit on an actor code
MAX_TITLE = 8  # title words read before a name by ``ActorCoder.document_names``
#: words that end the head's own noun phrase: what follows ("in Ukraine", "who met the US envoy") is
#: a modifier, not the participant
POST_HEAD = frozenset(
    {
        "in",
        "at",
        "on",
        "near",
        "from",
        "with",
        "after",
        "during",
        "for",
        "by",
        "who",
        "which",
        "that",
        "whose",
        "outside",
        "inside",
        "across",
        "along",
        "against",
        "to",
        "into",
        "over",
        "under",
        ",",
        "and",
        "or",
    }
)
CODE_RE = re.compile(r"[A-Z0-9]+")
#: entity labels whose names tell where a story is set (``ActorCoder.home_country``)
HOME_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "PERSON"})
#: person nouns the Phoenix agents lack that still name local people ("the parents")
LOCAL_NOUNS = frozenset({
    "parent", "family", "relative", "resident", "victim", "sister", "brother", "mother", "father", "son",
    "daughter", "wife", "husband", "child", "man", "woman", "people", "researcher", "author", "scientist",
    "expert", "doctor", "official", "spokesman", "spokeswoman", "spokesperson", "lawyer", "executive",
    "manager", "worker", "employee", "student", "teacher", "analyst", "witness", "citizen", "villager",
})
LOCAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})
#: heads of multinational groupings ("the U.S.-led coalition" is IGO, not the United States)
COALITION_WORDS = frozenset({"coalition", "alliance", "coalitions", "alliances"})
#: first-person pronouns: in a quotation they are the speaker ("we" of a minister's statement is the government)
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
#: CAMEO roots of speech acts (statements, appeals, criticism, threats ...): the records that have speakers
SPEECH_ROOTS = frozenset({f"{n:02d}" for n in range(1, 14)})
SPEAKER_WINDOW = 1500  # characters back from the pronoun
#: third-person singular pronouns: unresolved, they are the person named last (``ActorCoder._last_person``)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: CAMEO roots of protest, force posture, coercion and violence: a state named there is not coded its government
FORCE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
#: codes of parties above or outside states: never given the story's country
STATELESS = frozenset({"IGO", "IMG"})
#: first words of state names that stand for the state on their own ("the North", "the South" of Korea)
COMPASS_NAMES = frozenset({"North", "South"})
COALITION_QUALIFIERS = frozenset({"global", "international", "multinational", "multi-national"})
#: last words of company names (GUIDELINES 6.6: a company is ``BUS``, with its home country where known)
BUSINESS_WORDS = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "gmbh",
    "group", "holdings", "computer", "computers", "motors", "motor", "auto", "automotive", "airlines", "airways",
    "bank", "technologies", "technology", "systems", "industries", "pharmaceuticals", "energy", "oil", "telecom",
    "corps", "company", "enterprises", "partners", "capital", "electronics", "foods", "media", "records",
})
DATE_RE = re.compile(r"\d{8}")
#: hand-maintained additions beside the generated files (``data/actors_extra.tsv``, ``data/agents_extra.tsv``):
#: office holders after 2014, company home countries, state media and armies, titles; agent corrections
EXTRA_ACTORS = "actors_extra.tsv"
EXTRA_AGENTS = "agents_extra.tsv"
#: state roles whose Phoenix sub-sectors GUIDELINES 6.3 does not code ("ITAGOVEDU" education minister,
#: "USAGOVMIL" defence secretary -> the government): a national code is cut to country + role
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "BUS", "MED", "EDU", "HLH", "SPY"})


class ActorDataError(ValueError):
    """A converted actor file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Restriction:
    code: str
    start: str  # YYYYMMDD or ""
    end: str


def _raw_tokens(text: str) -> list[str]:
    """Word tokens with their case; a possessive "'s" is dropped ("Russia's army" is Russia + army)."""
    text = re.sub(r"\s*-\s*", "-", text.replace("’", "'"))
    return [t for t in TOKEN_RE.findall(re.sub(r"'s\b", "", text)) if t.lower() != "s"]


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens as the converter writes names ("U.S." -> "u.s.", "Ki-moon" -> "ki-moon")."""
    return [t.lower() for t in _raw_tokens(text)]


def _name_keys(text: str, norm: str | None) -> list[str]:
    """Look-up keys of a participant in :meth:`ActorCoder.document_names`: full name, then last word (a
    surname), for its own words and its canonical name; a lower-case word is no name ("he", "the company")."""
    keys: list[str] = []
    for phrase in (text, norm):
        raw = _raw_tokens(phrase or "")
        while raw and raw[0].lower() in LEADING:
            raw = raw[1:]
        if not raw or not raw[-1][:1].isupper():
            continue
        keys.append(" ".join(w.lower() for w in raw))
        keys.append(raw[-1].lower())
    return keys


def _date_key(date: object) -> str | None:
    if date is None:
        return None
    if isinstance(date, dt.datetime | dt.date):
        return date.strftime("%Y%m%d")
    text = str(date).strip()
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", text)
    if not m:
        raise ValueError(f"date must be YYYY-MM-DD, not {date!r}")
    return "".join(m.groups())


def iso3(code: str | None) -> str | None:
    """ISO 3166-1 alpha-3 country of an actor code (its first three letters), or None."""
    if not code or len(code) < 3:
        return None
    if code.startswith("MNC") and len(code) >= 6:
        code = code[3:]  # Phoenix's multinational companies carry their home country: MNCUSA is American
    country = pycountry.countries.get(alpha_3=code[:3])
    return country.alpha_3 if country is not None else None


def normalise_code(code: str | None) -> str | None:
    """A Phoenix code as GUIDELINES 6.3 writes it: a multinational company is a company of its home country
    (``MNCUSA`` -> ``USABUS``), a state role's sub-sector is dropped (``ITAGOVEDU`` -> ``ITAGOV``); armed groups
    and international bodies keep their full codes (``PSEREBHMS``, ``IGOUNOHLHWHO``)."""
    if not code:
        return code
    if code.startswith("MNC") and len(code) >= 6 and iso3(code[3:6]):
        return code[3:6] + "BUS"
    if len(code) > 6 and code[3:6] in STATE_ROLES and iso3(code[:3]):
        return code[:6]
    if len(code) > 3 and code[:3] in STATE_ROLES and not iso3(code[:3]):
        return code[:3]  # a bare role: "GOVEDU" (minister of education) -> "GOV"
    return code


class ActorCoder:
    """``code(phrase, date)`` -> (CAMEO actor code or None, ISO alpha-3 country or None)."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.names: dict[str, tuple[Restriction, ...]] = {}
        for fname in ACTOR_FILES:
            path = data_dir / fname
            rows: dict[str, list[Restriction]] = {}
            for n, cells in self._read(path, ("phrase", "code", "start", "end")):
                phrase, code, start, end = cells
                self._check_row(path, n, phrase, code, start, end)
                rows.setdefault(phrase, []).append(Restriction(code, start, end))
            for phrase, rs in rows.items():
                self.names.setdefault(phrase, tuple(rs))
        extra = data_dir.parent / EXTRA_ACTORS
        if extra.exists():  # merged with Phoenix's rows: dated office holders after 2014 resolve by date
            for n, (phrase, code, start, end, _source) in self._read(
                    extra, ("phrase", "code", "start", "end", "source"), comments=True):
                self._check_row(extra, n, phrase, code, start, end)
                self.names[phrase] = (Restriction(code, start, end), *self.names.get(phrase, ()))
        self.agents: dict[str, tuple[str, str]] = {}
        extra = data_dir.parent / EXTRA_AGENTS
        if extra.exists():  # corrections first: the first row of a phrase wins
            for n, (phrase, code, place) in self._read(extra, ("phrase", "code", "place"), comments=True):
                if code != "-" and not CODE_RE.fullmatch(code):
                    raise ActorDataError(f"{extra}:{n}: field code must be upper-case letters or -, not {code!r}")
                self._check_place(extra, n, place)
                self.agents.setdefault(phrase, (code, place))
        path = data_dir / "agents.tsv"
        for n, (phrase, code, place) in self._read(path, ("phrase", "code", "place")):
            self._check_place(path, n, place)
            self.agents.setdefault(phrase, (code, place))
        #: the role codes agents add ("GOV", "MIL", "CVL"): a participant coded with one alone has no country
        self.roles: frozenset[str] = frozenset(code for code, _ in self.agents.values() if code != "-")
        self._home: tuple[object, str | None] = (None, None)
        self._names: tuple[object, dict[str, str]] = (None, {})
        self.iso_names: dict[str, str] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                name = getattr(country, attr, None)
                if name:
                    self.iso_names.setdefault(" ".join(tokenize(name)), country.alpha_3)

    @staticmethod
    def _check_row(path: Path, n: int, phrase: str, code: str, start: str, end: str) -> None:
        if not phrase or not CODE_RE.fullmatch(code):
            raise ActorDataError(f"{path}:{n}: field code must be upper-case letters/digits, not {code!r}")
        for field, value in (("start", start), ("end", end)):
            if value and not DATE_RE.fullmatch(value):
                raise ActorDataError(f"{path}:{n}: field {field} must be YYYYMMDD or empty")

    @staticmethod
    def _check_place(path: Path, n: int, place: str) -> None:
        if place not in ("suffix", "prefix"):
            raise ActorDataError(f"{path}:{n}: field place must be suffix or prefix, not {place!r}")

    @staticmethod
    def _read(path: Path, header: tuple[str, ...], comments: bool = False) -> list[tuple[int, tuple[str, ...]]]:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise ActorDataError(f"{path}: cannot read: {err}") from err
        first = 0
        while comments and first < len(lines) and lines[first].startswith("#"):
            first += 1
        lines = lines[first:]
        if not lines or tuple(lines[0].split("\t")) != header:
            raise ActorDataError(f"{path}: header must be {' '.join(header)}")
        out = []
        for n, line in enumerate(lines[1:], first + 2):
            if comments and (not line.strip() or line.startswith("#")):
                continue
            cells = tuple(line.split("\t"))
            if len(cells) != len(header):
                raise ActorDataError(
                    f"{path}:{n}: want {len(header)} tab-separated fields ({', '.join(header)})"
                )
            out.append((n, cells))
        return out

    # ------------------------------------------------------------------ look-ups

    @staticmethod
    def resolve(rows: tuple[Restriction, ...], date: str | None) -> str | None:
        """The code of a name on ``date``: a dated restriction covering it (latest start first), else the
        undated default, else None.  Without a date: the most recent restriction (an undated story names an
        office holder for the office: "Hollande" is France's president, not the elite he was before), else
        the default."""
        default = next((r.code for r in rows if not r.start and not r.end), None)
        dated = sorted((r for r in rows if r.start or r.end), key=lambda r: r.start)
        if date is None:
            return dated[-1].code if dated else default
        covering = [r for r in dated if (not r.start or r.start <= date) and (not r.end or date <= r.end)]
        if covering:
            return covering[-1].code
        return default

    def _find(
        self, words: list[str], cased: list[bool], table: dict, need_case: bool, upper: list[bool] | None = None
    ) -> list[tuple[int, int]]:
        """Longest dictionary n-grams, left to right, without overlaps: (start, end) word offsets."""
        upper = upper if upper is not None else cased
        out = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_WORDS), i, -1):
                key = " ".join(words[i:j])
                if key in table and not (need_case and not any(cased[i:j])) and not (
                    need_case and j == i + 1 and len(key) <= 3 and key.isalpha() and not upper[i]
                ):  # a short one-word name is an acronym: "UN", not the "Un" of "Kim Jong Un"
                    out.append((i, j))
                    i = j
                    break
            else:
                i += 1
        return out

    def code(self, phrase: str | Span | Doc | Token, date: object = None) -> tuple[str | None, str | None]:
        """(CAMEO actor code, ISO alpha-3 country) for a participant phrase on the article ``date``."""
        text = phrase.text if isinstance(phrase, Span | Doc | Token) else str(phrase)
        raw = _raw_tokens(text)
        words = [w.lower() for w in raw]
        cased = [w[:1].isupper() or w[:1].isdigit() for w in raw]
        upper = [w.isupper() for w in raw]
        while words and words[0] in LEADING and " ".join(words) not in self.names:
            words, cased, upper = words[1:], cased[1:], upper[1:]
        if not words:
            return None, None
        key = self._date_key(date)
        cut = next((k for k, w in enumerate(words) if k > 0 and w in POST_HEAD), len(words))
        actor: str | None = None
        actor_span: tuple[int, int] | None = None
        # names and agents of the head's own phrase ("Russian forces" in "Russian forces in Ukraine");
        # a name spanning the cut ("Al-Qaeda in Iraq") starts before it and counts
        found = [s for s in self._find(words, cased, self.names, need_case=True, upper=upper) if s[0] < cut]
        if found:
            # the longest name; on ties the last one (the head of an English noun phrase comes last)
            actor_span = max(found, key=lambda s: (s[1] - s[0], s[0]))
            actor = self.resolve(self.names[" ".join(words[actor_span[0] : actor_span[1]])], key)
            if actor is None:
                return None, None  # a known name with no code on this date (e.g. out of office)
        else:
            iso = [s for s in self._find(words, cased, self.iso_names, need_case=True, upper=upper) if s[0] < cut]
            if iso:
                actor_span = max(iso, key=lambda s: (s[1] - s[0], s[0]))
                actor = self.iso_names[" ".join(words[actor_span[0] : actor_span[1]])]
        if actor is None and cut < len(words) - 1 and words[cut] in ("from", "of"):
            # "citizens from Jordan and Iraq", "the people of Turkey": the state the agents come from
            after = self._find(words[cut + 1 :], cased[cut + 1 :], self.names, need_case=True, upper=upper[cut + 1 :])
            if after and after[0][0] == 0:
                code = self.resolve(self.names[" ".join(words[cut + 1 : cut + 1 + after[0][1]])], key)
                if code is not None and len(code) == 3 and iso3(code):
                    actor = code
        if actor is None and len(words) > 1 and words[min(cut, len(words)) - 1] in BUSINESS_WORDS \
                and cased[0]:
            actor = "BUS"  # "Apple Computer", "Penske Automotive Group": a company without a known home
        head = words[min(cut, len(words)) - 1]
        if head in COALITION_WORDS and any(w == "led" or w.endswith("-led") for w in words[:cut]):
            return "IGO", None  # "the U.S.-led coalition": several states, led by one
        if actor is None and self._coalition(cased, words, cut):
            return "IGO", None  # "the Global Coalition", "Coalition aircraft": the multinational coalition
        agent = self._agent(words[:cut], actor_span)
        if agent is not None and agent[0] != "-":
            role, place = agent
            if actor is None:
                actor = role
            elif len(actor) == 3 and iso3(actor) and len(actor) + len(role) <= MAX_CODE:
                actor = role + actor if place == "prefix" else actor + role
        actor = normalise_code(actor)
        return actor, iso3(actor)

    def _coalition(self, cased: list[bool], words: list[str], cut: int) -> bool:
        """A multinational coalition named without its states: a coalition word qualified as international
        ("global", "international", "multinational", "anti-ISIL"), heading military agents ("coalition
        aircraft", "coalition forces"), or written as a name on its own ("the Coalition")."""
        for k, w in enumerate(words[:cut]):
            if w not in COALITION_WORDS:
                continue
            before = words[k - 1] if k else ""
            if before in COALITION_QUALIFIERS or before.startswith("anti-"):
                return True
            rest = words[k + 1 : cut]
            if rest and self.agents.get(rest[-1], ("", ""))[0] == "MIL":
                return True
            return k == cut - 1 == len(words) - 1 and cased[k] and not before
        return False

    def home_country(self, doc: Doc) -> str | None:
        """The article's home country: the country its place names, nationalities and named actors name
        most often, when it outweighs the next country at least twice; memoised for the document.

        Why: news names local actors without their nationality ("the regional government", "Minister of
        Education Stefania Giannini", "the parents"); an event coder reading an Italian story codes them
        Italian.  ``EventExtractor`` gives this country to participants that have no country of their own.
        """
        state = self._home
        if state[0] is doc:
            return state[1]
        counts: dict[str, list[int]] = {}
        first_sent = next(iter(doc.sents)).end if doc.has_annotation("SENT_START") and len(doc) else 0
        for n, ent in enumerate(doc.ents):
            if ent.label_ not in HOME_LABELS:
                continue
            _, country = self.code(ent.text)
            if country is not None:
                # named actors (an institution, an office holder) and the headline/dateline weigh more
                # than places the story is about
                weight = (2 if ent.label_ in ("ORG", "PERSON") else 1) + (1 if ent.start < first_sent else 0)
                counts.setdefault(country, [0, n])[0] += weight
        ranked = sorted(counts, key=lambda c: (-counts[c][0], counts[c][1]))
        # only a story set in one country has a home: with two countries of like weight (North and South
        # Korea, Russia and North Korea) a nameless actor could be from either
        home = ranked[0] if ranked and (len(ranked) == 1 or counts[ranked[0]][0] >= 2 * counts[ranked[1]][0]) \
            else None
        self._home = (doc, home)
        return home

    def localize(self, doc: Doc, records: list) -> list:
        """Give the story's home country (:meth:`home_country`) to participants of ``records`` that are local
        actors named without a nationality: no country of their own, no code or a bare role code ("GOV"),
        and a person, organisation, nationality, personal pronoun or person/agent noun at their head.
        Returns ``records`` (changed in place)."""
        home: str | None = None
        known: dict[str, str] | None = None
        for rec in records:
            self._state_as_government(doc, rec)
        for rec in records:
            for arg in (*rec.actors, *rec.targets, rec.source):
                if arg is None or getattr(arg, "country", "x") is not None:
                    continue
                if arg.code is None and arg.text.lower() in FIRST_PERSON:  # "we" of a quoted speaker
                    speaker = self._speaker(records, arg.start)
                    if speaker is not None:
                        arg.code, arg.country = speaker.code, speaker.country
                        continue
                if arg.code is None and not arg.norm and arg.text.lower() in PERSON_PRONOUNS:
                    known = self.document_names(doc) if known is None else known
                    code = self._last_person(doc, arg.start, known)  # an unresolved "he": the last person named
                    if code is not None:
                        arg.code, arg.country = code, iso3(code)
                        if arg.country is not None:
                            continue
                if arg.code is None:  # "Davis" after "Pentagon spokesman Jeff Davis"; "KCNA" after its full name
                    known = self.document_names(doc) if known is None else known
                    code = next((known[k] for k in _name_keys(arg.text, arg.norm) if k in known), None)
                    if code is not None:
                        arg.code, arg.country = code, iso3(code)
                        if arg.country is not None:
                            continue
                if arg.code is not None and (arg.code not in self.roles or arg.code in STATELESS):
                    continue
                if arg.code is None:  # a bare role code ("GOV", "EDU") already says: an agent of some state
                    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
                    if span is None or not self._local_head(span.root):
                        continue
                home = home or self.home_country(doc)
                if home is None:
                    continue  # no home country; later participants may still be named in the document
                arg.code = normalise_code(home + (arg.code or ""))
                arg.country = home
        return records

    @staticmethod
    def _last_person(doc: Doc, offset: int, known: dict[str, str]) -> str | None:
        """The code the document gives the person named last before ``offset`` (within ``SPEAKER_WINDOW``
        characters), for a third-person singular pronoun coreference left unresolved."""
        for ent in reversed(doc.ents):
            if ent.end_char > offset or ent.label_ != "PERSON":
                continue
            if ent.end_char < offset - SPEAKER_WINDOW:
                return None
            keys = _name_keys(ent.text, None)
            return next((known[k] for k in keys if k in known), None)
        return None

    @staticmethod
    def _speaker(records: list, offset: int):
        """The speaker a first-person pronoun at ``offset`` quotes: the coded actor of the nearest record
        before it that is a speech act (CAMEO roots 01-13: said, criticised, urged...) by a named party, within
        ``SPEAKER_WINDOW`` characters ("Philip Hammond said: ... we will continue to call for ...")."""
        best = None
        for rec in records:
            start = rec.trigger.start
            if not offset - SPEAKER_WINDOW <= start < offset or rec.cameo_root not in SPEECH_ROOTS:
                continue
            actor = next((a for a in rec.actors if a.country is not None and a.text.lower() not in FIRST_PERSON
                          and a.text.lower() not in LOCAL_PRONOUNS), None)
            if actor is not None and (best is None or start > best[0]):
                best = (start, actor)
        return best[1] if best is not None else None

    def _state_as_government(self, doc: Doc, rec) -> None:
        """A state named as a party to a political, diplomatic or economic act is its government (GUIDELINES
        6.3: "South Korea said", "sanctions on Syria" -> ``KORGOV``, ``SYRGOV``); in force, protest and
        coercion (CAMEO roots 14, 15, 17-20) the state name is left bare: its army, its people or both."""
        if rec.cameo_root in FORCE_ROOTS:
            return
        for arg in (*rec.actors, *rec.targets):
            code = arg.code
            if not code or len(code) != 3 or iso3(code) != code:
                continue
            span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is not None and span.root.ent_type_ == "GPE":
                arg.code = code + "GOV"

    def document_names(self, doc: Doc) -> dict[str, str]:
        """Codes the document itself gives its names: a person or organisation coded in the noun phrase of
        one mention ("Pentagon spokesman Jeff Davis", "North Korean leader Kim Jong-un") codes its other
        mentions ("Davis", "Kim Jong-un"); an acronym in brackets after a coded name ("Korean Central News
        Agency (KCNA)") gets that name's code.  Keys are lower-case full names and last words; the first
        mention wins.  One pass over the noun chunks, memoised for the document."""
        state = self._names
        if state[0] is doc:
            return state[1]
        date = getattr(doc._, "date", None) if doc.has_extension("date") else None
        names: dict[str, str] = {}
        for ent in doc.ents:  # "the North" of a story about North Korea: the state named "North ..."
            first = ent.text.split(maxsplit=1)[0] if ent.label_ == "GPE" else ""
            if first in COMPASS_NAMES and " " in ent.text:
                code, _ = self.code(ent.text, date)
                if code is not None and len(code) == 3 and iso3(code):
                    names.setdefault(first.lower(), code)
        ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
        for ent in ents:
            # the title words before the name: "Pentagon press operations director Navy Capt. Jeff Davis"
            start = ent.start
            while start > max(0, ent.start - MAX_TITLE) and (
                    doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
                    or (doc[start - 1].text == "." and start > 1 and doc[start - 2].pos_ == "PROPN")):
                start -= 1
            code, _ = self.code(doc[start : ent.end].text, date)
            if code is None or code in self.roles:
                continue
            keys = _name_keys(ent.text, None)
            for key in keys if ent.label_ == "PERSON" else keys[:1]:  # a surname alone names a person only
                names.setdefault(key, code)
            after = doc[ent.end : ent.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
                names.setdefault(after[1].lower_, code)
        self._names = (doc, names)
        return names

    def _local_head(self, head: Token) -> bool:
        if head.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        if head.pos_ == "PRON":
            return head.lower_ in LOCAL_PRONOUNS
        return head.pos_ in ("NOUN", "PROPN") and (
            head.lower_ in self.agents or head.lemma_.lower() in self.agents or head.lemma_.lower() in LOCAL_NOUNS
        )

    def _agent(self, words: list[str], skip: tuple[int, int] | None) -> tuple[str, str] | None:
        """The agent noun of the phrase nearest its end, outside the actor name."""
        cased = [True] * len(words)
        hits = [
            s
            for s in self._find(words, cased, self.agents, need_case=False)
            if skip is None or s[1] <= skip[0] or s[0] >= skip[1]
        ]
        if not hits:
            return None
        start, end = max(hits, key=lambda s: (s[1], s[1] - s[0]))
        return self.agents[" ".join(words[start:end])]

    @staticmethod
    def _date_key(date: object) -> str | None:
        return _date_key(date)


@functools.lru_cache(maxsize=2)
def default_actor_coder(data_dir: Path = DATA_DIR) -> ActorCoder:
    """One shared coder per data directory (loading the ~48,000 names takes about a second)."""
    return ActorCoder(data_dir)
