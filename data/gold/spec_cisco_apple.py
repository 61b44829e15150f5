"""Hand annotation: MEANTIME corpus_apple/58383 "Cisco sues Apple for iPhone trademark" (Wikinews, 2007-01-12)."""

from spec_common import MEANTIME_LICENCE, meantime, name, q, t, targ

REL = "corpus_apple/58383_Cisco_sues_Apple.xml"
ID = "meantime-58383"
TEXT, DATE, SOURCE = meantime(REL)
LICENCE = MEANTIME_LICENCE
CISCO, APPLE, IPHONE = name("Cisco Systems"), name("Apple Inc."), name("iPhone")
WED = t("2007-01-10", "day")
Y2000 = t("2000", "year")

ENTITIES = [
    # headline, dateline
    ("⟦Cisco⟧ sues Apple", "ORG", CISCO),
    ("Cisco sues ⟦Apple⟧ for", "ORG", APPLE),
    ("for ⟦iPhone⟧ trademark", "PRODUCT", IPHONE),
    ("⟦January 12, 2007⟧", "DATE", t("2007-01-12", "day")),
    # s0 (spaCy sentence 0 also holds the headline and dateline)
    ("The ⟦iPhone⟧ only made", "PRODUCT", IPHONE),
    # s1
    ("manufacturer of the ⟦iPhone⟧ (which", "PRODUCT", IPHONE),
    ("resented on ⟦Wednesday⟧ for the", "DATE", WED),
    ("for the ⟦first⟧ time", "ORDINAL", q(1)),
    ("- ⟦Apple Inc.⟧ -", "ORG", APPLE),
    ("based in ⟦San Jose⟧ - Cisco", "GPE"),
    ("San Jose - ⟦Cisco⟧.", "ORG", CISCO),
    # s2
    ("trademark for ⟦iPhone⟧, and", "PRODUCT", IPHONE),
    ("through ⟦one⟧ of its divisions", "CARDINAL", q(1, unit="divisions")),
    # s3
    ("reason for ⟦Cisco⟧ to file", "ORG", CISCO),
    ("lawsuit against ⟦Apple Inc.⟧ so that", "ORG", APPLE),
    # s4
    ("⟦Cisco⟧ states that", "ORG", CISCO),
    ("trademark in ⟦2000⟧, when", "DATE", Y2000),
    ("overtook ⟦Infogear Technology Corp.⟧, which", "ORG", name("Infogear Technology Corp.")),
    ("took place in ⟦1996⟧.", "DATE", t("1996", "year")),
    # s5
    ("company, ⟦Mark Chandler⟧, explained", "PERSON", name("Mark Chandler")),
    ("new device from ⟦Apple⟧, but", "ORG", APPLE),
    ("belongs to ⟦Cisco⟧.", "ORG", CISCO),
    # s6
    ("iPhone developed by ⟦Cisco⟧ is", "ORG", CISCO),
    ("The ⟦iPhone⟧ developed by", "PRODUCT", name("Linksys iPhone")),
]

EVENTS = [
    {
        "type": "LAUNCH",
        "trigger": "(which was ⟦resented⟧ on Wednesday",
        "lemma": "present",
        "actor": ("- ⟦Apple Inc.⟧ -", "Apple Inc."),
        "theme": ("manufacturer of the ⟦iPhone⟧ (which", "iPhone"),
        "time": ("resented on ⟦Wednesday⟧ for the", targ(WED)),
        "merged_from": [("LAUNCH", "only made its ⟦appearance⟧ as a prototype")],
        "summary": "Apple presented the iPhone for the first time on Wednesday 2007-01-10 ('resented' is a typo "
                   "in the source).",
    },
    {
        "type": "STATEMENT",
        "trigger": "The company ⟦claims⟧ to possess",
        "lemma": "claim",
        "actor": ("San Jose - ⟦Cisco⟧.", "Cisco Systems"),
        "theme": "The company claims ⟦to possess the trademark for iPhone, and moreover, that it sells devices "
                 "under the same brand through one of its divisions⟧.",
        "summary": "Cisco claims it owns the iPhone trademark and sells devices under that brand.",
    },
    {
        "type": "SUE",
        "trigger": "Cisco to file a ⟦lawsuit⟧ against",
        "lemma": "lawsuit",
        "actor": ("reason for ⟦Cisco⟧ to file", "Cisco Systems"),
        "target": ("lawsuit against ⟦Apple Inc.⟧ so that", "Apple Inc."),
        "theme": ("for ⟦iPhone trademark⟧\n", "iPhone"),
        "merged_from": [("SUE", "Cisco ⟦sues⟧ Apple")],
        "summary": "Cisco sued Apple Inc. over the iPhone trademark, to stop Apple selling the device.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Cisco ⟦states⟧ that",
        "lemma": "state",
        "actor": ("⟦Cisco⟧ states that", "Cisco Systems"),
        "theme": "states that ⟦it has received the trademark in 2000, when the company overtook Infogear "
                 "Technology Corp., which took place in 1996⟧.",
        "summary": "Cisco states it received the iPhone trademark in 2000 when it took over Infogear.",
    },
    {
        "type": "ACQUIRE",
        "trigger": "when the company ⟦overtook⟧ Infogear",
        "lemma": "overtake",
        "actor": ("⟦Cisco⟧ states that", "Cisco Systems"),
        "target": ("overtook ⟦Infogear Technology Corp.⟧, which", "Infogear Technology Corp."),
        "time": ("trademark in ⟦2000⟧, when", targ(Y2000)),
        "source": ("⟦Cisco⟧ states that", "Cisco Systems"),
        "summary": "Cisco took over Infogear Technology Corp. in 2000.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Mark Chandler, ⟦explained⟧ that",
        "lemma": "explain",
        "actor": ("company, ⟦Mark Chandler⟧, explained", "Mark Chandler"),
        "theme": "explained that ⟦there was no doubt about the excitement of the new device from Apple, but "
                 "they should not use a trademark, which belongs to Cisco⟧.",
        "summary": "Cisco general counsel Mark Chandler said Apple should not use a trademark that belongs to "
                   "Cisco.",
    },
]
