"""Extract the texts of the held-out event gold documents from ``../shared/corpora``.

Writes ``data/gold/texts/<id>.txt`` (verbatim, UTF-8) and ``data/gold/documents.yaml`` (id, topic, source
file, URL, article date, licence), deterministically.  The texts are committed, so nothing at test or scoring
time needs the corpora; this script only documents (and can redo) how they were made.

Text rules: GUM (CoNLL-U): each sentence's ``# text`` line, sentences of one paragraph (``# newpar``) joined by
a space, paragraphs by a newline.  MEANTIME: ``data/gold/meantime_text.py`` (headline, dateline, body).
re3d: the document's ``text`` field as it is.

Usage: ``python scripts/gold_texts.py [--corpora ../shared/corpora]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"

#: (id, topic, corpus, locator).  Chosen for topic spread; none was used to build event rules.
DOCUMENTS: list[tuple[str, str, str, str]] = [
    # conflict / security
    ("re3d-centcom-strikes-jan8", "conflict", "re3d", "CENTCOM/26CC32861EF7D38FBAE9CABAFC7487E1"),
    ("re3d-centcom-alqaida-strikes", "conflict", "re3d", "CENTCOM/76957901E4278B498901454FA209CFFA"),
    ("re3d-centcom-iraqi-forces", "conflict", "re3d", "CENTCOM/D52939C747F4DB8D1ECF6D415559ADA0"),
    ("re3d-state-condemns-attacks", "conflict", "re3d", "US State Department/2E857EFC55A390B6382FDE5C87F06D67"),
    ("re3d-centcom-service-member", "conflict", "re3d", "CENTCOM/F7AC57DBBAD0284C8C0DE6566B9B5C29"),
    ("gum-news-korea", "conflict", "gum", "GUM_news_korea"),
    # politics / diplomacy
    ("re3d-centcom-carter-abadi", "politics", "re3d", "CENTCOM/6646F63F6AC6B483D15DA258CB182147"),
    ("re3d-state-iraq-loan", "politics", "re3d", "US State Department/CFEF9B4E83786F435E8483A03DB20D8E"),
    ("re3d-uk-foreign-secretary", "politics", "re3d", "UK Government/6CB38F21A7E71AD4FD0044E4FCE78F52"),
    ("gum-news-flag", "politics", "gum", "GUM_news_flag"),
    ("gum-news-election", "politics", "gum", "GUM_news_election"),
    ("gum-news-taxes", "politics", "gum", "GUM_news_taxes"),
    # crime / justice
    ("gum-news-defector", "crime", "gum", "GUM_news_defector"),
    ("gum-news-hackers", "crime", "gum", "GUM_news_hackers"),
    ("gum-news-homeopathic", "crime", "gum", "GUM_news_homeopathic"),
    ("gum-news-imprisoned", "crime", "gum", "GUM_news_imprisoned"),
    ("meantime-40203", "crime", "meantime", "corpus_apple/40203_Apple_Corps_loses"),
    # business / economy
    ("meantime-125796", "business", "meantime", "corpus_gm/125796_Chrysler_files_for_bankruptcy,_Fiat_Group_SpA_to_run_company"),
    ("meantime-127461", "business", "meantime", "corpus_gm/127461_Penske_Auto_selected_to_buy_General_Motors"),
    ("meantime-264435", "business", "meantime", "corpus_gm/264435_Fiat_plans_to_buy_majority_stake_in_Chrysler"),
    ("meantime-71426", "business", "meantime", "corpus_airbus/71426_Aer_Lingus_buys_twelve_new_long-haul_Airbus_jets"),
    ("meantime-199629", "business", "meantime", "corpus_apple/199629_Apple_executive_leaves_company"),
    # disasters / accidents
    ("gum-news-crane", "disaster", "gum", "GUM_news_crane"),
    ("gum-news-stampede", "disaster", "gum", "GUM_news_stampede"),
    ("gum-news-asylum", "disaster", "gum", "GUM_news_asylum"),
    ("meantime-78496", "disaster", "meantime", "corpus_airbus/78496_Airbus_A380_test_flight_delayed_after_accident"),
    # other: science, health, sport
    ("gum-news-warming", "other", "gum", "GUM_news_warming"),
    ("gum-news-iodine", "other", "gum", "GUM_news_iodine"),
    ("gum-news-soccer", "other", "gum", "GUM_news_soccer"),
    ("gum-news-afghan", "other", "gum", "GUM_news_afghan"),
    # dev additions (2026-12-08): 28 more documents to tune on, labelled before the rules they measure
    ("re3d-centcom-isil-leader-killed", "conflict", "re3d", "CENTCOM/28829CF80D445874061C5948E6A3751D"),
    ("re3d-centcom-hospital-complex", "conflict", "re3d", "CENTCOM/482C10613016D2F430C464B2D13A8F41"),
    ("re3d-centcom-tanks-destroyed", "conflict", "re3d", "CENTCOM/6874F49C56340E2BD65BF958916C97AE"),
    ("re3d-centcom-sdf-next-phase", "conflict", "re3d", "CENTCOM/8BC6B4D334BC5607D97A1BA18854B513"),
    ("re3d-centcom-dayr-az-zawr", "conflict", "re3d", "CENTCOM/E9035FF1D0DA74A11674C82688C05C51"),
    ("re3d-centcom-soldier-death", "conflict", "re3d", "CENTCOM/5FBCC6E1D5B4B2A699196670789C6B0B"),
    ("re3d-uk-barrel-bombs", "conflict", "re3d", "UK Government/1718A3656CA87E3826A28BC3D041F024"),
    ("re3d-uk-tribe-killed", "conflict", "re3d", "UK Government/32AACD4CCB88ACB2C0FAB156E7BDCC2F"),
    ("re3d-state-camp-hurriya", "conflict", "re3d", "US State Department/6413ED35E27EFB504C689047F2F17B0F"),
    ("re3d-uk-resolution-2249", "politics", "re3d", "UK Government/208C0A8E536C75AB9D151D7030276BE9"),
    ("re3d-uk-johnson-jaafari", "politics", "re3d", "UK Government/85F0CF36CAEE839799563350B30B96B1"),
    ("re3d-uk-pm-hollande", "politics", "re3d", "UK Government/8B3BA274503F6D30F7E80C41E7568744"),
    ("re3d-uk-syria-sanctions", "politics", "re3d", "UK Government/CBD73D24324D3C3A3A76AC430E05A069"),
    ("re3d-state-turkey-election", "politics", "re3d", "US State Department/1E4938BF59D806C4E3AC9DDF2CC3E87F"),
    ("re3d-state-rewards-for-justice", "crime", "re3d", "US State Department/204532F7EDD22A40E15407ADA16AC058"),
    ("re3d-state-iraqi-museum", "other", "re3d", "US State Department/E1526BBD89FAB8E7914B3CF5867666CC"),
    ("re3d-wiki-karbouly", "crime", "re3d", "Wikipedia/76F75D985AD7642B43A8AA4DBC146621"),
    ("meantime-108294", "politics", "meantime", "corpus_airbus/108294_Government_Accountability_Office_requests_rerun_of_US_Air_Force_tanker_bid"),
    ("meantime-129865", "disaster", "meantime", "corpus_airbus/129865_Airbus_offers_funding_to_search_for_black_boxes_from_Air_France_disaster"),
    ("meantime-149731", "disaster", "meantime", "corpus_airbus/149731_Technical_problem_on_Airbus_A400M_maiden_flight"),
    ("meantime-1173", "crime", "meantime", "corpus_airbus/1173_Internal_emails_expose_Boeing-Air_Force_contract_discussions"),
    ("meantime-87805", "disaster", "meantime", "corpus_airbus/87805_Indonesia_transport_minister"),
    ("meantime-11716", "business", "meantime", "corpus_airbus/11716_Airbus_wins_Qatar_Airways_order_worth_15bn"),
    ("meantime-60083", "crime", "meantime", "corpus_apple/60083_Apple_Corps_resolve"),
    ("meantime-37313", "crime", "meantime", "corpus_apple/37313_Beatles_Apple_Corps"),
    ("meantime-10450", "business", "meantime", "corpus_apple/10450_Apple_Computer_CEO"),
    ("gum-news-warhol", "other", "gum", "GUM_news_warhol"),
    ("gum-news-expo", "other", "gum", "GUM_news_expo"),
]

GUM_LICENCE = "CC BY 2.5 (Wikinews text, via GUM; annotations CC BY 4.0, Zeldes 2017)"
MEANTIME_LICENCE = "CC BY 2.5 (Wikinews text); MEANTIME corpus CC BY 4.0 (c) 2015 FBK / NewsReader"


def _dateline(text: str) -> str | None:
    """The article date printed under a Wikinews headline ("Friday, July 21, 2017"), as ISO.

    Preferred over GUM's ``dateCreated``, which is the page's creation and can differ from the printed
    date by days (gum-news-afghan) or years (gum-news-imprisoned).
    """
    import datetime as dt

    lines = text.splitlines()
    m = re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\w+ \d{1,2}, \d{4})", lines[1] if len(lines) > 1 else "")
    return dt.datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat() if m else None


def gum_doc(corpora: Path, name: str) -> tuple[str, str | None, str | None]:
    lines = (corpora / "gum" / "dep" / f"{name}.conllu").read_text(encoding="utf-8").splitlines()
    paras: list[list[str]] = []
    meta: dict[str, str] = {}
    for line in lines:
        if line.startswith("# meta::"):
            k, _, v = line[len("# meta::"):].partition(" = ")
            meta[k] = v
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paras.append([])
        elif line.startswith("# text = "):
            if not paras:
                paras.append([])
            paras[-1].append(line[len("# text = "):])
    text = "\n".join(" ".join(p) for p in paras if p)
    date = _dateline(text) or meta.get("dateCreated")
    date = date[:10] if date and re.match(r"\d{4}-\d\d-\d\d", date) else None
    return text, date, meta.get("sourceURL")


def meantime_doc(corpora: Path, loc: str) -> tuple[str, str | None, str | None]:
    spec = importlib.util.spec_from_file_location("meantime_text", GOLD / "meantime_text.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    text, dct, url = mod.rebuild(corpora / "meantime" / "intra-doc_annotation" / f"{loc}.xml")
    return text, (dct or "")[:10] or None, url


def re3d_doc(corpora: Path, loc: str) -> tuple[str, str | None, str | None, str]:
    folder, _, doc_id = loc.partition("/")
    path = corpora / "re3d" / folder / "documents.json"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get("_id") == doc_id:
                licence = (corpora / "re3d" / folder / "LICENSE").read_text(encoding="utf-8").strip().splitlines()[0]
                return d["text"], None, d.get("sourceUrl") or d.get("url"), f"re3d/{folder}: {licence}"
    raise KeyError(f"{doc_id} not in {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    out = GOLD / "texts"
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for doc_id, topic, corpus, loc in DOCUMENTS:
        if corpus == "gum":
            text, date, url = gum_doc(args.corpora, loc)
            licence = GUM_LICENCE
        elif corpus == "meantime":
            text, date, url = meantime_doc(args.corpora, loc)
            licence = MEANTIME_LICENCE
        else:
            text, date, url, licence = re3d_doc(args.corpora, loc)
        (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        manifest.append({"id": doc_id, "topic": topic, "corpus": corpus, "source_file": loc, "url": url,
                         "date": date, "licence": licence, "words": len(text.split())})
    import yaml

    (GOLD / "documents.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"{len(manifest)} documents, {sum(m['words'] for m in manifest)} words")


if __name__ == "__main__":
    main()
