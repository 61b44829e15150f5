"""Hand annotation of the seed article (data/seeds/000_98ee1529b32d8bca.txt, article date 2023-02-02).

Spans are written as context strings with the span in ⟦...⟧ (see build_gold.py).
Decisions follow data/gold/GUIDELINES.md.
"""

from pathlib import Path

ID = "seed-000_98ee1529b32d8bca"
DATE = "2023-02-02"
SOURCE = "data/seeds/000_98ee1529b32d8bca.txt"
LICENCE = ("customer-supplied seed article (data/seeds/); licence not stated, all rights with its owner; "
           "newsie gold annotation CC BY 4.0 (see data/gold/SOURCES.md)")
TEXT = (Path(__file__).resolve().parents[2] / SOURCE).read_text(encoding="utf-8")


def name(n: str) -> dict:
    return {"kind": "name", "name": n}


def t(value: str, precision: str, mod: str | None = None, anchored: bool = True) -> dict:
    d = {"kind": "time", "value": value, "precision": precision, "anchored": anchored}
    if mod:
        d["mod"] = mod
    return d


NK = name("North Korea")

ENTITIES = [
    # s0
    ("⟦Less than a week⟧ after North Korea", "DATE", t("P1W", "duration", "LESS_THAN", anchored=False)),
    ("after ⟦North Korea⟧ promised", "GPE", NK),
    ("trench” with ⟦Russia⟧, it seems", "GPE", name("Russia")),
    ("even ⟦Pyongyang⟧ is losing", "GPE", NK),
    ("faith in ⟦Vladimir Putin⟧’s war", "PERSON", name("Vladimir Putin")),
    # s1
    ("promising ⟦last November⟧ to help", "DATE", t("2022-11", "month")),
    ("to help ⟦Russia⟧ rebuild", "GPE", name("Russia")),
    ("occupied eastern ⟦Ukraine⟧, North", "GPE", name("Ukraine")),
    ("Ukraine, ⟦North Korean⟧ authorities", "NORP"),
    ("sending them, according to ⟦Daily NK⟧.", "ORG", name("Daily NK")),
    # s2
    ("over if ⟦Russia⟧ quickly ended", "GPE", name("Russia")),
    ("a source in ⟦North Korea⟧ was quoted", "GPE", NK),
    # s3-4
    ("our country [⟦North Korea⟧]", "GPE", NK),
    # s5
    ("Instead, ⟦Pyongyang⟧ has reportedly", "GPE", NK),
    ("to appease ⟦Russia⟧ by sending", "GPE", name("Russia")),
    ("security personnel to eastern ⟦Ukraine⟧.", "GPE", name("Ukraine")),
    # s6
    ("A source cited by ⟦Daily NK⟧ on Thursday", "ORG", name("Daily NK")),
    ("Daily NK on ⟦Thursday⟧ said", "DATE", t("2023-02-02", "day")),
    ("said the ⟦North Korean⟧ government", "NORP"),
    ("government on ⟦Jan. 20⟧ ordered", "DATE", t("2023-01-20", "day")),
    ("companies located in ⟦Russia⟧ to pick", "GPE", name("Russia")),
    # s7
    ("⟦Between 300 and 500⟧ Korean men", "CARDINAL", {"kind": "quantity", "min": 300, "max": 500, "unit": "men"}),
    ("500 ⟦Korean⟧ men aged", "NORP"),
    ("men aged ⟦19 to 27⟧ are expected", "CARDINAL", {"kind": "age", "min": 19, "max": 27}),
    ("tossed into eastern ⟦Ukraine⟧, though", "GPE", name("Ukraine")),
    # s8
    ("comes ⟦just a few days⟧ after", "DATE", t("PXD", "duration", anchored=False)),
    ("after ⟦North Korean⟧ dictator", "NORP"),
    ("dictator ⟦Kim Jong Un⟧’s sister", "PERSON", name("Kim Jong Un")),
    ("praised ⟦Russia⟧’s military prowess", "GPE", name("Russia")),
    ("“vile” ⟦U.S.⟧ decision", "GPE", name("United States")),
    ("to send ⟦Ukraine⟧ battle tanks", "GPE", name("Ukraine")),
    # s9 (spaCy keeps the Kim Yo Jong quote and the next paragraph in one sentence)
    ("that the ⟦United States⟧ and the West", "GPE", name("United States")),
    ("United States and the ⟦West⟧ are proud", "LOC"),
    ("heroic army and people of ⟦Russia⟧,” Kim", "GPE", name("Russia")),
    ("⟦Kim Yo Jong⟧ said in a statement", "PERSON", name("Kim Yo Jong")),
    ("released to ⟦North Korean⟧ state media", "NORP"),
    ("adding that ⟦Pyongyang⟧ would", "GPE", NK),
    ("the army and the people of ⟦Russia⟧.”", "GPE", name("Russia")),
    ("While ⟦Ukrainian⟧ defense officials", "NORP"),
    ("warn that ⟦Moscow⟧ may launch", "GPE", name("Russia")),
    ("offensive in the ⟦next few weeks⟧, Russian", "DATE", t("PXW", "duration", anchored=False)),
    ("weeks, ⟦Russian⟧ President", "NORP"),
    ("Russian President ⟦Vladimir Putin⟧ reportedly", "PERSON", name("Vladimir Putin")),
    ("parliament in ⟦late February⟧.", "DATE", t("2023-02", "month", "END")),
    # s10
    ("cited by ⟦Meduza⟧, Putin", "ORG", name("Meduza")),
    ("Meduza, ⟦Putin⟧ will use", "PERSON", name("Vladimir Putin")),
    ("the war against ⟦Ukraine⟧ enjoys", "GPE", name("Ukraine")),
    ("from ⟦Russian⟧ society", "NORP"),
    # s11
    ("if ⟦Russia⟧ suffers new setbacks", "GPE", name("Russia")),
    # s12
    ("If ⟦Ukraine⟧ conducts", "GPE", name("Ukraine")),
    ("counter-offensives in the ⟦next couple weeks⟧", "DATE", t("P2W", "duration", "APPROX", anchored=False)),
    ("weeks, ⟦two⟧ sources said", "CARDINAL", {"kind": "quantity", "min": 2, "max": 2, "unit": "sources"}),
    ("said, ⟦Putin⟧’s speech", "PERSON", name("Vladimir Putin")),
]

EVENTS = [
    {
        "type": "PROMISE",
        "trigger": "North Korea ⟦promised⟧ to",
        "lemma": "promise",
        "actor": ("after ⟦North Korea⟧ promised", "North Korea"),
        "target": ("trench” with ⟦Russia⟧, it seems", "Russia"),
        "theme": "promised to “⟦always stand in the same trench⟧” with Russia, it",
        "merged_from": [("PROMISE", "adding that Pyongyang would “⟦always stand in the same trench⟧ with the army")],
        "summary": "North Korea promised to 'always stand in the same trench' with Russia (restated by Kim Yo Jong).",
    },
    {
        "type": "PROMISE",
        "trigger": "After ⟦promising⟧ last November",
        "lemma": "promise",
        "actor": ("Ukraine, ⟦North Korean authorities⟧ picked", "North Korea"),
        "target": ("to help ⟦Russia⟧ rebuild", "Russia"),
        "theme": "last November to ⟦help Russia rebuild bombed out parts of occupied eastern Ukraine⟧, North",
        "location": ("parts of occupied ⟦eastern Ukraine⟧, North", "eastern Ukraine"),
        "time": ("promising ⟦last November⟧ to help", {"value": "2022-11", "precision": "month", "anchored": True}),
        "source": ("sending them, according to ⟦Daily NK⟧.", "Daily NK"),
        "summary": "In November 2022 North Korea promised to help Russia rebuild occupied eastern Ukraine.",
    },
    {
        "type": "SELECT",
        "trigger": "authorities ⟦picked out⟧ laborers",
        "lemma": "pick out",
        "actor": ("Ukraine, ⟦North Korean authorities⟧ picked", "North Korea"),
        "theme": "picked out ⟦laborers⟧ to send",
        "source": ("sending them, according to ⟦Daily NK⟧.", "Daily NK"),
        "summary": "North Korean authorities picked out laborers to send to occupied eastern Ukraine.",
    },
    {
        "type": "RECRUIT",
        "trigger": "then even ⟦recruited⟧ some more",
        "lemma": "recruit",
        "actor": ("Ukraine, ⟦North Korean authorities⟧ picked", "North Korea"),
        "theme": "even recruited ⟦some more⟧—but",
        "source": ("sending them, according to ⟦Daily NK⟧.", "Daily NK"),
        "summary": "North Korean authorities recruited more laborers for Russian-occupied Ukraine.",
    },
    {
        "type": "DEPLOY",
        "trigger": "thought better of ⟦sending⟧ them",
        "lemma": "send",
        "actor": ("Ukraine, ⟦North Korean authorities⟧ picked", "North Korea"),
        "theme": "picked out ⟦laborers⟧ to send",
        "destination": ("parts of occupied ⟦eastern Ukraine⟧, North", "eastern Ukraine"),
        "source": ("sending them, according to ⟦Daily NK⟧.", "Daily NK"),
        "modality": "cancelled",
        "merged_from": [("DEPLOY", "going to ⟦rush⟧ the workers over")],
        "summary": "North Korea has thought better of sending the laborers to eastern Ukraine (called off).",
    },
    {
        "type": "DECIDE",
        "trigger": "has reportedly ⟦decided⟧ to appease",
        "lemma": "decide",
        "actor": ("Instead, ⟦Pyongyang⟧ has reportedly", "North Korea"),
        "target": ("to appease ⟦Russia⟧ by sending", "Russia"),
        "theme": "by sending ⟦military and security personnel⟧ to eastern",
        "destination": ("security personnel to ⟦eastern Ukraine⟧.", "eastern Ukraine"),
        "modality": "planned",
        "summary": "North Korea decided to send military and security personnel to eastern Ukraine to appease Russia.",
    },
    {
        "type": "ORDER",
        "trigger": "on Jan. 20 ⟦ordered⟧ several",
        "lemma": "order",
        "actor": ("said the ⟦North Korean government⟧ on Jan. 20", "North Korea"),
        "target": ("ordered ⟦several of its trading companies located in Russia⟧ to pick", None),
        "theme": "in Russia to ⟦pick out personnel to be sent to the occupied territories⟧.",
        "destination": ("tossed into ⟦eastern Ukraine⟧, though", "eastern Ukraine"),
        "source": ("A source cited by ⟦Daily NK⟧ on Thursday", "Daily NK"),
        "time": ("government on ⟦Jan. 20⟧ ordered", {"value": "2023-01-20", "precision": "day", "anchored": True}),
        "quantity": ("⟦Between 300 and 500⟧ Korean men",
                     {"min": 300, "max": 500, "unit": "men"}),
        "age": ("men aged ⟦19 to 27⟧ are expected", {"min": 19, "max": 27}),
        "modality": "expected",
        "merged_from": [("DEPLOY", "are expected to be ⟦tossed⟧ into eastern Ukraine")],
        "summary": "On 2023-01-20 North Korea ordered its trading companies in Russia to pick out 300-500 men "
                   "aged 19-27 to be sent to eastern Ukraine.",
    },
    {
        "type": "PRAISE",
        "trigger": "bizarrely ⟦praised⟧ Russia",
        "lemma": "praise",
        "actor": ("after ⟦North Korean dictator Kim Jong Un’s sister⟧ bizarrely", "Kim Yo Jong"),
        "target": ("praised ⟦Russia⟧’s military prowess", "Russia"),
        "theme": "praised ⟦Russia’s military prowess⟧ and",
        "summary": "Kim Yo Jong praised Russia's military prowess.",
    },
    {
        "type": "CRITICIZE",
        "trigger": "prowess and ⟦blasted⟧ the",
        "lemma": "blast",
        "actor": ("after ⟦North Korean dictator Kim Jong Un’s sister⟧ bizarrely", "Kim Yo Jong"),
        "target": ("“vile” ⟦U.S.⟧ decision", "United States"),
        "theme": "blasted the ⟦“vile” U.S. decision to send Ukraine battle tanks⟧.",
        "summary": "Kim Yo Jong blasted the U.S. decision to send battle tanks to Ukraine.",
    },
    {
        "type": "TRANSFER",
        "trigger": "U.S. decision to ⟦send⟧ Ukraine",
        "lemma": "send",
        "actor": ("“vile” ⟦U.S.⟧ decision", "United States"),
        "destination": ("to send ⟦Ukraine⟧ battle tanks", "Ukraine"),
        "theme": "send Ukraine ⟦battle tanks⟧.",
        "modality": "planned",
        "summary": "The United States decided to send battle tanks to Ukraine.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Kim Yo Jong ⟦said⟧ in a statement",
        "lemma": "say",
        "actor": ("⟦Kim Yo Jong⟧ said in a statement", "Kim Yo Jong"),
        "theme": "“⟦I have no doubt that any weapons that the United States and the West are proud of will burn "
                 "to dust and turn into scrap metal in the face of the relentless combat spirit and might of the "
                 "heroic army and people of Russia⟧,” Kim",
        "summary": "Kim Yo Jong said in a statement to North Korean state media that Western weapons will 'burn to dust'.",
    },
    {
        "type": "WARN",
        "trigger": "defense officials ⟦warn⟧ that Moscow",
        "lemma": "warn",
        "actor": ("While ⟦Ukrainian defense officials⟧ warn", "Ukraine"),
        "theme": "warn that ⟦Moscow may launch a renewed offensive in the next few weeks⟧, Russian",
        "summary": "Ukrainian defense officials warn that Russia may launch a renewed offensive in the next few weeks.",
    },
    {
        "type": "OFFENSIVE",
        "trigger": "launch a renewed ⟦offensive⟧ in",
        "lemma": "offensive",
        "actor": ("warn that ⟦Moscow⟧ may launch", "Russia"),
        "time": ("offensive in the ⟦next few weeks⟧, Russian",
                 {"value": "PXW", "precision": "duration", "anchored": False}),
        "source": ("While ⟦Ukrainian defense officials⟧ warn", "Ukraine"),
        "modality": "possible",
        "summary": "Russia may launch a renewed offensive in the next few weeks (Ukrainian warning).",
    },
    {
        "type": "SPEECH",
        "trigger": "highly anticipated ⟦speech⟧ he is",
        "lemma": "speech",
        "actor": ("Russian President ⟦Vladimir Putin⟧ reportedly", "Vladimir Putin"),
        "target": ("deliver to the ⟦upper house of parliament⟧ in late", "Federation Council"),
        "time": ("parliament in ⟦late February⟧.",
                 {"value": "2023-02", "precision": "month", "mod": "END", "anchored": True}),
        "modality": "planned",
        "summary": "Putin is expected to deliver a speech to the upper house of parliament in late February 2023.",
    },
    {
        "type": "STATEMENT",
        "trigger": "use the speech to ⟦double down⟧ on",
        "lemma": "double down",
        "actor": ("Meduza, ⟦Putin⟧ will use", "Vladimir Putin"),
        "theme": "false claim that ⟦the war against Ukraine enjoys “unconditional support” from Russian society⟧.",
        "source": ("cited by ⟦Meduza⟧, Putin", "Meduza"),
        "modality": "planned",
        "summary": "Putin will use the speech to repeat that the war enjoys 'unconditional support' in Russia (Meduza).",
    },
    {
        "type": "COUNTER_OFFENSIVE",
        "trigger": "conducts successful ⟦counter-offensives⟧ in",
        "lemma": "counter-offensive",
        "actor": ("If ⟦Ukraine⟧ conducts", "Ukraine"),
        "time": ("counter-offensives in the ⟦next couple weeks⟧",
                 {"value": "P2W", "precision": "duration", "mod": "APPROX", "anchored": False}),
        "source": ("weeks, ⟦two sources⟧ said", None),
        "modality": "conditional",
        "summary": "If Ukraine conducts successful counter-offensives in the next couple of weeks, Putin's speech will "
                   "be more aggressive.",
    },
]
