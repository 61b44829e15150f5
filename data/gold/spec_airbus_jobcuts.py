"""Hand annotation: MEANTIME corpus_airbus/61389 "Airbus announces job cuts of 10,000" (Wikinews, 2007-02-28)."""

from spec_common import MEANTIME_LICENCE, meantime, name, q, qarg, t, targ

REL = "corpus_airbus/61389_Airbus_announces_job_cuts_of_10,000.xml"
ID = "meantime-61389"
TEXT, DATE, SOURCE = meantime(REL)
LICENCE = MEANTIME_LICENCE
AIRBUS = name("Airbus")
WED_PM = t("2007-02-28TAF", "time")
FOUR_YEARS = t("P4Y", "duration", anchored=False)

ENTITIES = [
    # headline, dateline
    ("⟦Airbus⟧ announces job cuts", "ORG", AIRBUS),
    ("job cuts of ⟦10,000⟧\n", "CARDINAL", q(10000, unit="jobs")),
    ("⟦February 28, 2007⟧", "DATE", t("2007-02-28", "day")),
    # s0 body ("150px" is a Wikinews image-markup leftover: not an entity)
    ("150px ⟦Airbus⟧, Europe's", "ORG", AIRBUS),
    ("Airbus, ⟦Europe⟧'s biggest", "LOC"),
    ("announced ⟦10,000⟧ job cuts", "CARDINAL", q(10000, unit="jobs")),
    ("over the ⟦next four years⟧.", "DATE", FOUR_YEARS),
    # s1
    ("parent company, ⟦EADS⟧ starts", "ORG", name("EADS")),
    # s2
    ("⟦Louis Gallois⟧, the Airbus", "PERSON", name("Louis Gallois")),
    ("Gallois, the ⟦Airbus⟧ chief", "ORG", AIRBUS),
    ("cut ⟦approximately 4,300⟧ jobs", "CARDINAL", q(4300, unit="jobs", approx=True)),
    ("jobs in ⟦France⟧, 3,700", "GPE"),
    ("France, ⟦3,700⟧ in Germany", "CARDINAL", q(3700, unit="jobs")),
    ("3,700 in ⟦Germany⟧, 1,600", "GPE"),
    ("Germany, ⟦1,600⟧ in UK", "CARDINAL", q(1600, unit="jobs")),
    ("1,600 in ⟦UK⟧ and", "GPE", name("United Kingdom")),
    ("and ⟦400⟧ in Spain", "CARDINAL", q(400, unit="jobs")),
    ("400 in ⟦Spain⟧.", "GPE"),
    # s3
    ("⟦About half⟧ of those cuts", "CARDINAL", q(0.5, unit="fraction", approx=True)),
    # s4
    ("Actual ⟦Airbus⟧ employee", "ORG", AIRBUS),
    ("would be ⟦about 5,000⟧, or", "CARDINAL", q(5000, unit="jobs", approx=True)),
    ("or ⟦9%⟧ of the", "PERCENT", q(9, unit="%")),
    ("total ⟦European⟧ work force", "NORP"),
    ("work force of ⟦55,000⟧ full-time", "CARDINAL", q(55000, unit="employees")),
    ("full-time ⟦Airbus⟧ employees.", "ORG", AIRBUS),
    # s5
    ("Although ⟦Gallois⟧ said", "PERSON", name("Louis Gallois")),
    # s6
    ("said ⟦nearly 14,000⟧ employees", "CARDINAL", q(14000, unit="employees", approx=True)),
    ("employees at ⟦four⟧ French sites", "CARDINAL", q(4, unit="sites")),
    ("at four ⟦French⟧ sites", "NORP"),
    ("had a ⟦two hour⟧ work stoppage", "TIME", t("PT2H", "duration", anchored=False)),
    ("work stoppage ⟦Wednesday afternoon⟧ to protest", "TIME", WED_PM),
    # s7
    ("said ⟦Julien Talavan⟧, a spokesman", "PERSON", name("Julien Talavan")),
    ("spokesman for ⟦Force Ouvrière⟧, the main", "ORG", name("Force Ouvrière")),
    ("the main ⟦Airbus⟧ union", "ORG", AIRBUS),
    ("union in ⟦France⟧.", "GPE"),
    # s9
    ("on its ⟦A380⟧ super-jumbo", "PRODUCT", name("Airbus A380")),
    # s10
    ("closure of ⟦3⟧ plants", "CARDINAL", q(3, unit="plants")),
]

EVENTS = [
    {
        "type": "LAYOFF",
        "trigger": "announced 10,000 job ⟦cuts⟧ over",
        "lemma": "cut",
        "actor": ("150px ⟦Airbus⟧, Europe's", "Airbus"),
        "quantity": ("announced ⟦10,000⟧ job cuts", qarg(q(10000, unit="jobs"))),
        "time": ("over the ⟦next four years⟧.", targ(FOUR_YEARS)),
        "modality": "planned",
        "merged_from": [
            ("LAYOFF", "Airbus announces job ⟦cuts⟧ of 10,000"),
            ("LAYOFF", "company expects to ⟦cut⟧ approximately"),
            ("LAYOFF", "Actual Airbus employee ⟦reduction⟧ would"),
        ],
        "summary": "Airbus announced 10,000 job cuts over the next four years (France 4,300, Germany 3,700, "
                   "UK 1,600, Spain 400).",
    },
    {
        "type": "RESTRUCTURE",
        "trigger": "starts a major ⟦restructuring⟧ programme",
        "lemma": "restructuring",
        "actor": ("parent company, ⟦EADS⟧ starts", "EADS"),
        "summary": "Airbus parent EADS starts a major restructuring programme.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Airbus chief executive, ⟦said⟧ the company",
        "lemma": "say",
        "actor": ("⟦Louis Gallois⟧, the Airbus", "Louis Gallois"),
        "theme": "said ⟦the company expects to cut approximately 4,300 jobs in France, 3,700 in Germany, 1,600 "
                 "in UK and 400 in Spain⟧.",
        "summary": "Airbus CEO Louis Gallois gave the breakdown of the cuts by country.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Although Gallois ⟦said⟧ he hoped",
        "lemma": "say",
        "actor": ("Although ⟦Gallois⟧ said", "Louis Gallois"),
        "theme": "Gallois said ⟦he hoped to achieve this mainly through attrition⟧, the unions",
        "summary": "Gallois said he hoped to achieve the cuts mainly through attrition.",
    },
    {
        "type": "PROTEST",
        "trigger": "had a two hour ⟦work stoppage⟧ Wednesday",
        "lemma": "work stoppage",
        "actor": ("nearly 14,000 ⟦employees⟧ at four", "Airbus employees"),
        "target": ("to protest the ⟦cuts⟧.", None),
        "location": ("employees at ⟦four French sites⟧ had", "France"),
        "time": ("work stoppage ⟦Wednesday afternoon⟧ to protest", targ(WED_PM)),
        "quantity": ("said ⟦nearly 14,000⟧ employees", qarg(q(14000, unit="employees", approx=True))),
        "source": ("⟦Union officials⟧ said nearly", None),
        "summary": "Nearly 14,000 Airbus employees at four French sites held a two-hour work stoppage on "
                   "2007-02-28 to protest the cuts.",
    },
    {
        "type": "STATEMENT",
        "trigger": "massive,\" ⟦said⟧ Julien Talavan",
        "lemma": "say",
        "actor": ("said ⟦Julien Talavan⟧, a spokesman", "Julien Talavan"),
        "theme": "\"⟦The response has been massive⟧,\" said",
        "summary": "Force Ouvrière spokesman Julien Talavan said the response had been massive.",
    },
    {
        "type": "STATEMENT",
        "trigger": "beginning,\" he ⟦said⟧, hinting",
        "lemma": "say",
        "actor": ("beginning,\" ⟦he⟧ said", "Julien Talavan"),
        "theme": "\"⟦This is just the beginning⟧,\" he said",
        "summary": "Talavan said 'This is just the beginning'.",
    },
    {
        "type": "THREATEN",
        "trigger": "he said, ⟦hinting⟧ at future",
        "lemma": "hint",
        "actor": ("beginning,\" ⟦he⟧ said", "Julien Talavan"),
        "theme": "hinting at ⟦future labor action⟧.",
        "summary": "Talavan ('This is just the beginning') hinted at future labor action.",
    },
    {
        "type": "DIVEST",
        "trigger": "the proposed ⟦sale⟧ or closure",
        "lemma": "sale",
        "quantity": ("closure of ⟦3⟧ plants", qarg(q(3, unit="plants"))),
        "theme": "sale or closure of ⟦3 plants⟧.",
        "modality": "planned",
        "merged_from": [("DIVEST", "proposed sale or ⟦closure⟧ of 3")],
        "summary": "The restructuring includes the proposed sale or closure of 3 plants.",
    },
]
