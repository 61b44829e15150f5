"""Hand annotation: MEANTIME corpus_gm/1007169 "Mary Barra appointed as General Motors chief" (Wikinews, 2013-12-10)."""

from spec_common import MEANTIME_LICENCE, age, meantime, name, q, qarg, t, targ

REL = "corpus_gm/1007169_Mary_Barra_appointed_as_General_Motors_chief.xml"
ID = "meantime-1007169"
TEXT, DATE, SOURCE = meantime(REL)
LICENCE = MEANTIME_LICENCE
GM, BARRA, AKERSON = name("General Motors"), name("Mary Barra"), name("Daniel Akerson")
US = name("United States")
TODAY = t("2013-12-10", "day")
Y2009 = t("2009", "year")
JAN15 = t("2014-01-15", "day")
Y2012 = t("2012", "year")

ENTITIES = [
    # headline, dateline
    ("⟦Mary Barra⟧ appointed", "PERSON", BARRA),
    ("appointed as ⟦General Motors⟧ chief", "ORG", GM),
    ("⟦December 10, 2013⟧", "DATE", TODAY),
    # s0
    ("The ⟦United States⟧'s largest", "GPE", US),
    ("car manufacturer ⟦General Motors⟧ today", "ORG", GM),
    ("General Motors ⟦today⟧ named", "DATE", TODAY),
    ("named ⟦Mary Barra⟧ as", "PERSON", BARRA),
    # s1
    ("⟦Barra⟧, 51,", "PERSON", BARRA),
    ("Barra, ⟦51⟧, will", "CARDINAL", age(51)),
    ("will be the ⟦first⟧ woman", "ORDINAL", q(1)),
    ("in the ⟦American⟧ auto industry", "NORP"),
    # s2
    ("been with ⟦General Motors⟧ for", "ORG", GM),
    ("for ⟦33 years⟧, and", "DATE", t("P33Y", "duration", anchored=False)),
    # s3
    ("exciting time at ⟦today⟧'s GM", "DATE", t("PRESENT_REF", "ref")),
    ("today's ⟦GM⟧.", "ORG", GM),
    # s5
    ("She replaces ⟦Daniel Akerson⟧, who", "PERSON", AKERSON),
    ("and chairman in ⟦2009⟧ during", "DATE", Y2009),
    # s6
    ("⟦Akerson⟧ plans to stand down", "PERSON", AKERSON),
    ("stand down on ⟦January 15⟧ following", "DATE", JAN15),
    # s7
    ("we are restoring ⟦General Motors⟧ as", "ORG", GM),
    ("as ⟦America⟧'s standard bearer", "GPE", US),
    # s8
    ("⟦Akerson⟧ will also relinquish", "PERSON", AKERSON),
    ("current director ⟦Theodore Solso⟧.", "PERSON", name("Theodore Solso")),
    # s9
    ("head of finance ⟦Daniel Ammann⟧ as", "PERSON", name("Daniel Ammann")),
    # s10
    ("comes ⟦just days⟧ after", "DATE", t("PXD", "duration", anchored=False)),
    ("after the ⟦US⟧ government sold", "GPE", US),
    ("losing ⟦around $9 billion⟧ on", "MONEY", q(9e9, unit="USD", approx=True)),
    ("initial bailout in ⟦2008⟧ that", "DATE", t("2008", "year")),
    ("that saw ⟦61%⟧ of the firm", "PERCENT", q(61, unit="%")),
    # s11
    ("⟦General Motors⟧ recovered", "ORG", GM),
    ("bankruptcy ⟦a year⟧ after the appointment", "DATE", t("P1Y", "duration", anchored=False)),
    ("appointment of ⟦Akerson⟧, and", "PERSON", AKERSON),
    ("stock market in ⟦November 2010⟧.", "DATE", t("2010-11", "month")),
    # s12
    ("manufacturer in the ⟦United States⟧, posting", "GPE", US),
    ("sales figures of ⟦$152 billion⟧ in", "MONEY", q(152e9, unit="USD")),
    ("$152 billion in ⟦2012⟧.", "DATE", Y2012),
    # s13
    ("produces ⟦fifteen⟧ brands", "CARDINAL", q(15, unit="brands")),
    ("vehicle in ⟦37⟧ countries", "CARDINAL", q(37, unit="countries")),
    # s14
    ("⟦Barra⟧ holds a bachelor's", "PERSON", BARRA),
    ("from ⟦Kettering University⟧ in", "ORG", name("Kettering University")),
    ("Kettering University in ⟦Flint⟧, Michigan", "GPE", name("Flint, Michigan")),
    ("Flint, ⟦Michigan⟧, and", "GPE", name("Michigan")),
    ("listed by ⟦Forbes⟧ as", "ORG", name("Forbes")),
    ("as the ⟦35th⟧ most powerful", "ORDINAL", q(35)),
]

EVENTS = [
    {
        "type": "APPOINT",
        "trigger": "General Motors today ⟦named⟧ Mary Barra",
        "lemma": "name",
        "actor": ("car manufacturer ⟦General Motors⟧ today", "General Motors"),
        "target": ("named ⟦Mary Barra⟧ as", "Mary Barra"),
        "theme": "as its ⟦new chief executive⟧.",
        "time": ("General Motors ⟦today⟧ named", targ(TODAY)),
        "merged_from": [("APPOINT", "Mary Barra ⟦appointed⟧ as"), ("APPOINT", "She ⟦replaces⟧ Daniel Akerson")],
        "summary": "General Motors named Mary Barra its new chief executive on 2013-12-10, replacing Daniel Akerson.",
    },
    {
        "type": "STATEMENT",
        "trigger": "She ⟦said⟧ in a statement",
        "lemma": "say",
        "actor": ("⟦She⟧ said in a statement", "Mary Barra"),
        "theme": "statement: \"⟦With an amazing portfolio of cars and trucks and the strongest financial performance "
                 "in our recent history, this is an exciting time at today's GM.\nI'm honored to lead the best team "
                 "in the business and to keep our momentum at full speed.⟧\"",
        "summary": "Barra said in a statement she is honored to lead GM.",
    },
    {
        "type": "APPOINT",
        "trigger": "who was ⟦appointed⟧ by the government",
        "lemma": "appoint",
        "actor": ("appointed by the ⟦government⟧ as", "United States government"),
        "target": ("She replaces ⟦Daniel Akerson⟧, who", "Daniel Akerson"),
        "theme": "by the government as ⟦both chief executive and chairman⟧ in 2009",
        "time": ("and chairman in ⟦2009⟧ during", targ(Y2009)),
        "summary": "Daniel Akerson was appointed GM chief executive and chairman by the U.S. government in 2009.",
    },
    {
        "type": "RESIGN",
        "trigger": "plans to ⟦stand down⟧ on",
        "lemma": "stand down",
        "actor": ("⟦Akerson⟧ plans to stand down", "Daniel Akerson"),
        "time": ("stand down on ⟦January 15⟧ following", targ(JAN15)),
        "modality": "planned",
        "summary": "Akerson plans to stand down as CEO on 2014-01-15 after his wife's cancer diagnosis.",
    },
    {
        "type": "STATEMENT",
        "trigger": "employees, he ⟦said⟧:",
        "lemma": "say",
        "actor": ("employees, ⟦he⟧ said:", "Daniel Akerson"),
        "theme": "he said: \"⟦I will leave with great satisfaction in what we have accomplished, great optimism over "
                 "what is ahead and great pride that we are restoring General Motors as America's standard bearer "
                 "in the global auto industry.⟧\"",
        "summary": "Akerson told employees he would leave with great satisfaction, optimism and pride.",
    },
    {
        "type": "RESIGN",
        "trigger": "Akerson will also ⟦relinquish⟧ his",
        "lemma": "relinquish",
        "actor": ("⟦Akerson⟧ will also relinquish", "Daniel Akerson"),
        "theme": "relinquish his ⟦chairman role⟧, to be",
        "modality": "planned",
        "summary": "Akerson will also give up the chairman role.",
    },
    {
        "type": "APPOINT",
        "trigger": "to be ⟦replaced⟧ by current",
        "lemma": "replace",
        "target": ("current director ⟦Theodore Solso⟧.", "Theodore Solso"),
        "theme": "relinquish his ⟦chairman role⟧, to be",
        "modality": "planned",
        "summary": "Director Theodore Solso will replace Akerson as GM chairman.",
    },
    {
        "type": "APPOINT",
        "trigger": "The company also ⟦announced⟧ head",
        "lemma": "announce",
        "actor": ("The ⟦company⟧ also announced", "General Motors"),
        "target": ("head of finance ⟦Daniel Ammann⟧ as", "Daniel Ammann"),
        "theme": "as its ⟦new president⟧.",
        "summary": "GM announced finance head Daniel Ammann as its new president.",
    },
    {
        "type": "DIVEST",
        "trigger": "the US government ⟦sold⟧ the last",
        "lemma": "sell",
        "actor": ("after the ⟦US government⟧ sold", "United States government"),
        "theme": "sold ⟦the last of its shares in the company⟧, losing",
        "summary": "The U.S. government sold the last of its GM shares, losing about $9 billion on the 2008 bailout.",
    },
    {
        "type": "LISTING",
        "trigger": "Akerson, and ⟦re-entered⟧ the stock market",
        "lemma": "re-enter",
        "actor": ("⟦General Motors⟧ recovered", "General Motors"),
        "theme": "re-entered the ⟦stock market⟧ in November 2010",
        "time": ("stock market in ⟦November 2010⟧.", targ(t("2010-11", "month"))),
        "summary": "General Motors re-entered the stock market in November 2010.",
    },
    {
        "type": "REPORT_RESULT",
        "trigger": "United States, ⟦posting⟧ sales figures",
        "lemma": "post",
        "actor": ("⟦It⟧ remains the largest", "General Motors"),
        "quantity": ("sales figures of ⟦$152 billion⟧ in", qarg(q(152e9, unit="USD"))),
        "time": ("$152 billion in ⟦2012⟧.", targ(Y2012)),
        "summary": "GM posted sales of $152 billion in 2012.",
    },
]
