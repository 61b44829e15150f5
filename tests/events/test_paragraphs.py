"""Issue #17, class 5: nothing crosses a paragraph break into a role (a dateline, a headline).

Before: the parser glued the headline (or a "CITY YYYY-MM-DD" dateline) to the first body sentence, and the
headline's place became the location or the owner of an event in the body ("Baghdad\\nA car bomb attack").
"""

from __future__ import annotations


def _role_spans(rec):
    for role in ("actors", "targets", "location", "destination", "source", "theme", "time", "quantity"):
        value = getattr(rec, role)
        for arg in value if isinstance(value, list) else [value]:
            if arg is not None:
                yield role, arg


def test_headline_glued_to_the_body_stays_out_of_roles(run_fixed) -> None:
    text = "Car bomb kills 12 in Baghdad\nA car bomb attack killed 12 people in Baghdad on Tuesday."
    records = run_fixed(text, {"Baghdad": "GPE", "Tuesday": "DATE"})
    assert records
    for rec in records:
        for role, arg in _role_spans(rec):
            assert "\n" not in arg.text, (rec.type, role, arg.text)
            if "+mention" in (arg.rule or ""):
                continue  # taken from another mention of the same event (class 3), not through the parse
            trigger_para = text[:rec.trigger.start].count("\n")
            assert text[:arg.start].count("\n") == trigger_para, (rec.type, role, arg.text)


def test_dateline_is_no_role(run_fixed) -> None:
    text = "KABUL 2023-05-01\nGunmen attacked a police checkpoint in Kandahar on Monday."
    records = run_fixed(text, {"KABUL": "GPE", "2023-05-01": "DATE", "Kandahar": "GPE", "Monday": "DATE"},
                        date="2023-05-01")
    rec = next(r for r in records if r.type == "ATTACK")
    assert rec.time.text == "Monday" and rec.location.text == "Kandahar"
    assert all("KABUL" not in arg.text and "2023-05-01" not in arg.text for _, arg in _role_spans(rec))


def test_a_line_wrapped_inside_a_sentence_is_no_paragraph_break(run_fixed, pick) -> None:
    """re3d texts wrap lines inside sentences ("the U.S.-led \\ncoalition\\n conducted"): no wall there."""
    text = "Davis said the U.S.-led\ncoalition\n attacked five ISIL targets on Monday."
    rec = pick(run_fixed(text, {"Davis": "PERSON", "U.S.-led": "GPE", "ISIL": "ORG", "Monday": "DATE"}), "ATTACK")
    assert rec.actors and "coalition" in rec.actors[0].text and rec.source.text == "Davis"
