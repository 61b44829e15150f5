"""Hand annotation: MEANTIME corpus_gm/118147 "US automaker bailout deal fails to pass Senate" (Wikinews, 2008-12-12)."""

from spec_common import MEANTIME_LICENCE, meantime, name, q, qarg, t, targ

REL = "corpus_gm/118147_US_automaker_bailout_deal_fails_to_pass_Senate.xml"
ID = "meantime-118147"
TEXT, DATE, SOURCE = meantime(REL)
LICENCE = MEANTIME_LICENCE
SENATE, US, UAW = name("United States Senate"), name("United States"), name("United Auto Workers")
NEXT_YEAR = t("2009", "year")
MIDDAY = t("2008-12-12TMI", "time")

ENTITIES = [
    # headline, dateline
    ("⟦US⟧ automaker bailout deal", "GPE", US),
    ("fails to pass ⟦Senate⟧\n", "ORG", SENATE),
    ("⟦December 12, 2008⟧", "DATE", t("2008-12-12", "day")),
    # s0
    ("A ⟦US$14 billion⟧ bailout", "MONEY", q(14e9, unit="USD")),
    ("the \"⟦Big Three⟧\" United States", "ORG", name("Big Three")),
    ("\"Big Three\" ⟦United States⟧ automakers", "GPE", US),
    ("-- ⟦Chrysler⟧, Ford", "ORG", name("Chrysler")),
    ("Chrysler, ⟦Ford⟧, and", "ORG", name("Ford Motor Company")),
    ("and ⟦General Motors⟧ --", "ORG", name("General Motors")),
    ("rejected in the ⟦United States Senate⟧ after", "ORG", SENATE),
    # s1
    ("when ⟦Republican Party⟧ leaders", "ORG", name("Republican Party")),
    ("that the ⟦United Auto Workers⟧ (UAW)", "ORG", UAW),
    ("United Auto Workers (⟦UAW⟧) union", "ORG", UAW),
    ("wage cuts by ⟦next year⟧ in order", "DATE", NEXT_YEAR),
    ("those of ⟦Japanese⟧ automobile", "NORP"),
    ("automobile companies in the ⟦United States⟧.", "GPE", US),
    # s2
    ("The ⟦UAW⟧ refused", "ORG", UAW),
    # s3 ("52-35" is a vote score: CARDINAL without a single value)
    ("vote count in the ⟦Senate⟧ was", "ORG", SENATE),
    ("was ⟦52-35⟧, eight", "CARDINAL"),
    ("52-35, ⟦eight⟧ short", "CARDINAL", q(8, unit="votes")),
    ("of the ⟦60⟧ needed", "CARDINAL", q(60, unit="votes")),
    # s4
    ("Only ⟦ten⟧ Republicans joined", "CARDINAL", q(10, unit="senators")),
    ("Only ten ⟦Republicans⟧ joined", "NORP"),
    ("joined ⟦forty⟧ Democrats", "CARDINAL", q(40, unit="senators")),
    ("joined forty ⟦Democrats⟧ and", "NORP"),
    ("and ⟦two⟧ independents", "CARDINAL", q(2, unit="senators")),
    # s5
    ("⟦Three⟧ Democrats voted", "CARDINAL", q(3, unit="senators")),
    ("Three ⟦Democrats⟧ voted", "NORP"),
    ("with ⟦thirty-one⟧ Republicans", "CARDINAL", q(31, unit="senators")),
    ("thirty-one ⟦Republicans⟧ against", "NORP"),
    # s6
    ("⟦Senate⟧ Majority leader", "ORG", SENATE),
    ("Majority leader ⟦Harry Reid⟧ said", "PERSON", name("Harry Reid")),
    # s7-8
    ("looking at ⟦Wall Street⟧ tomorrow", "FAC", name("Wall Street")),
    ("Wall Street ⟦tomorrow⟧.", "DATE", t("2008-12-13", "day")),
    ("sight,\" ⟦Reid⟧ said", "PERSON", name("Harry Reid")),
    # s9
    ("\"⟦Millions⟧ of Americans", "CARDINAL", q(1e6, None, unit="people", approx=True, same=False)),
    ("Millions of ⟦Americans⟧, not", "NORP"),
    # s10
    ("⟦Republican⟧ Senator Bob Corker", "NORP"),
    ("Senator ⟦Bob Corker⟧ was", "PERSON", name("Bob Corker")),
    # s11-12
    ("We were ⟦about three⟧ words away", "CARDINAL", q(3, unit="words", approx=True)),
    ("substantively and ⟦about three⟧ words keep", "CARDINAL", q(3, unit="words", approx=True)),
    # s13
    ("Some ⟦Democrats⟧ now want", "NORP"),
    ("want ⟦U.S.⟧ President Bush", "GPE", US),
    ("U.S. President ⟦Bush⟧ to reserve", "PERSON", name("George W. Bush")),
    ("portion of the ⟦$700 billion⟧ bailout", "MONEY", q(700e9, unit="USD")),
    ("earmarked for ⟦Wall Street⟧ to assist", "FAC", name("Wall Street")),
    # s14
    ("with ⟦Japan⟧'s Nikkei", "GPE"),
    ("Japan's ⟦Nikkei⟧ average", "ORG", name("Nikkei 225")),
    ("losing ⟦484.68⟧ points", "CARDINAL", q(484.68, unit="points")),
    ("points, or ⟦5.6 percent⟧, reaching", "PERCENT", q(5.6, unit="%")),
    ("level of ⟦8253.87⟧ points", "CARDINAL", q(8253.87, unit="points")),
    # s15
    ("auto companies ⟦Toyota⟧, Nissan", "ORG", name("Toyota")),
    ("Toyota, ⟦Nissan⟧ and Honda", "ORG", name("Nissan")),
    ("Nissan and ⟦Honda⟧ all", "ORG", name("Honda")),
    ("dropped by ⟦no less than 10 percent⟧ apiece", "PERCENT", q(10, None, unit="%", same=False)),
    # s16
    ("⟦European⟧ stocks, such as", "NORP"),
    ("those in the ⟦United Kingdom⟧ and Germany", "GPE"),
    ("United Kingdom and ⟦Germany⟧, also", "GPE"),
    ("with the ⟦FTSE-100⟧ index", "ORG", name("FTSE 100")),
    ("falling ⟦176.3⟧ points", "CARDINAL", q(176.3, unit="points")),
    ("a level of ⟦4,211⟧ at midday", "CARDINAL", q(4211, unit="points")),
    ("4,211 at ⟦midday⟧.", "TIME", MIDDAY),
]

BILL = "⟦US$14 billion bailout package deal for the \"Big Three\" United States automakers⟧ --"

EVENTS = [
    {
        "type": "REJECT",
        "trigger": "has been ⟦rejected⟧ in the United States Senate",
        "lemma": "reject",
        "actor": ("rejected in the ⟦United States Senate⟧ after", "United States Senate"),
        "theme": "A " + BILL,
        "merged_from": [("REJECT", "bailout deal ⟦fails⟧ to pass"), ("REJECT", "The bill was ⟦rejected⟧ after")],
        "summary": "The U.S. Senate rejected the $14 billion auto industry bailout deal.",
    },
    {
        "type": "VOTE",
        "trigger": "failing a procedural ⟦vote⟧.",
        "lemma": "vote",
        "actor": ("rejected in the ⟦United States Senate⟧ after", "United States Senate"),
        "theme": "A " + BILL,
        "modality": "asserted",
        "merged_from": [
            ("VOTE", "The final ⟦vote⟧ count"),
            ("VOTE", "two independents in ⟦voting⟧ for the bill"),
            ("VOTE", "Three Democrats ⟦voted⟧ with"),
        ],
        "summary": "The bailout bill failed a procedural vote in the Senate, 52-35 (60 needed).",
    },
    {
        "type": "NEGOTIATE",
        "trigger": "after bipartisan ⟦discussions⟧ on the bailout broke down",
        "lemma": "discussion",
        "theme": "discussions on the ⟦bailout⟧ broke down",
        "summary": "Bipartisan talks on the auto bailout broke down.",
    },
    {
        "type": "DEMAND",
        "trigger": "Republican Party leaders ⟦insisted⟧ that",
        "lemma": "insist",
        "actor": ("when ⟦Republican Party leaders⟧ insisted", "Republican Party"),
        "target": ("that the ⟦United Auto Workers (UAW) union⟧ agree", "United Auto Workers"),
        "theme": "union agree to ⟦increase wage cuts by next year⟧ in order",
        "time": ("wage cuts by ⟦next year⟧ in order", {**targ(NEXT_YEAR), "mod": "BEFORE"}),
        "summary": "Republican leaders insisted the UAW agree to deeper wage cuts by 2009.",
    },
    {
        "type": "REJECT",
        "trigger": "The UAW ⟦refused⟧ to meet",
        "lemma": "refuse",
        "actor": ("The ⟦UAW⟧ refused", "United Auto Workers"),
        "theme": "refused to meet ⟦the demands⟧.",
        "summary": "The UAW refused to meet the Republicans' demands.",
    },
    {
        "type": "STATEMENT",
        "trigger": "Harry Reid ⟦said⟧ that he",
        "lemma": "say",
        "actor": ("Majority leader ⟦Harry Reid⟧ said", "Harry Reid"),
        "theme": "said that ⟦he was \"terribly disappointed\" by the failure of the bill to pass⟧.",
        "summary": "Senate Majority Leader Harry Reid said he was 'terribly disappointed' the bill failed.",
    },
    {
        "type": "STATEMENT",
        "trigger": "sight,\" Reid ⟦said⟧.",
        "lemma": "say",
        "actor": ("sight,\" ⟦Reid⟧ said", "Harry Reid"),
        "theme": "\"⟦I dread looking at Wall Street tomorrow.\nIt's not going to be a pleasant sight⟧,\"",
        "summary": "Reid said he dreaded looking at Wall Street the next day.",
    },
    {
        "type": "STATEMENT",
        "trigger": "conclusion,\" he ⟦said⟧.",
        "lemma": "say",
        "actor": ("conclusion,\" ⟦he⟧ said", "Bob Corker"),
        "theme": "\"⟦We were about three words away from a deal.\nWe solved everything substantively and about "
                 "three words keep us from reaching a conclusion⟧,\"",
        "summary": "Republican Senator Bob Corker said the sides were 'about three words away from a deal'.",
    },
    {
        "type": "DEMAND",
        "trigger": "Some Democrats now ⟦want⟧ U.S.",
        "lemma": "want",
        "actor": ("Some ⟦Democrats⟧ now want", "Democratic Party"),
        "target": ("want U.S. President ⟦Bush⟧ to reserve", "George W. Bush"),
        "theme": "Bush to ⟦reserve a portion of the $700 billion bailout package earmarked for Wall Street to "
                 "assist the flagging car industry⟧.",
        "summary": "Some Democrats want President Bush to use part of the $700 billion Wall Street bailout for "
                   "the car industry.",
    },
    {
        "type": "DECLINE",
        "trigger": "Stock markets worldwide ⟦fell⟧ dramatically",
        "lemma": "fall",
        "theme": "⟦Stock markets worldwide⟧ fell",
        "summary": "Stock markets worldwide fell dramatically on the news.",
    },
    {
        "type": "DECLINE",
        "trigger": "Nikkei average ⟦losing⟧ 484.68",
        "lemma": "lose",
        "theme": ("with ⟦Japan's Nikkei average⟧ losing", "Nikkei 225"),
        "location": ("with ⟦Japan⟧'s Nikkei", "Japan"),
        "quantity": ("points, or ⟦5.6 percent⟧, reaching", qarg(q(5.6, unit="%"))),
        "summary": "Japan's Nikkei lost 484.68 points (5.6%) to 8253.87.",
    },
    {
        "type": "DECLINE",
        "trigger": "Honda all ⟦dropped⟧ by",
        "lemma": "drop",
        "theme": "⟦Shares in the auto companies Toyota, Nissan and Honda⟧ all dropped",
        "quantity": ("dropped by ⟦no less than 10 percent⟧ apiece", qarg(q(10, None, unit="%", same=False))),
        "summary": "Toyota, Nissan and Honda shares each dropped by at least 10%.",
    },
    {
        "type": "DECLINE",
        "trigger": "also ⟦lost ground⟧, with",
        "lemma": "lose ground",
        "theme": "⟦European stocks⟧, such as",
        "summary": "European stocks, including in the UK and Germany, also lost ground.",
    },
    {
        "type": "DECLINE",
        "trigger": "leading shares ⟦falling⟧ 176.3",
        "lemma": "fall",
        "theme": ("with the ⟦FTSE-100⟧ index", "FTSE 100"),
        "location": ("those in the ⟦United Kingdom⟧ and Germany", "United Kingdom"),
        "quantity": ("falling ⟦176.3⟧ points", qarg(q(176.3, unit="points"))),
        "time": ("4,211 at ⟦midday⟧.", targ(MIDDAY)),
        "summary": "The FTSE-100 fell 176.3 points to 4,211 at midday.",
    },
]
