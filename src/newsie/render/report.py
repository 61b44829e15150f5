"""A self-contained HTML report of one article: displaCy entities and the event records with evidence.

Why self-contained: the report is attached to bug reports and opened offline,
so it carries its CSS inline and loads nothing (no scripts, fonts or images).
Evidence highlighting uses the records' document character offsets, mapped
into the evidence sentence, so what is highlighted is exactly what the
extractor pointed at (not a re-search of the words, which would mark the
wrong "Russia" in a sentence that names it twice).
"""

from __future__ import annotations

import html
from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from newsie.schema import LIST_ROLES, ROLES, EventRecord, Result

_CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 2em auto; max-width: 96em;
       color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
.meta { color: #555; font-size: .9em; margin-bottom: 1.5em; }
.meta span { margin-right: 1.5em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: .88em; }
th, td { border: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
tr.evidence td { background: #fcfcf7; line-height: 1.7; border-bottom: 2px solid #ccc; }
.rule { font-size: .75em; color: #777; margin-left: 1em; }
.type { font-weight: 600; white-space: nowrap; }
.role { white-space: nowrap; color: #555; }
mark { padding: 0 .15em; border-radius: .2em; }
mark.trigger { background: #ffd54f; font-weight: 600; }
mark.arg { background: #b3e5fc; }
mark.time { background: #c8e6c9; }
mark.quantity, mark.age { background: #f8bbd0; }
.rolelabel { font-size: .7em; color: #333; vertical-align: super; margin-left: .15em; }
.empty { color: #777; font-style: italic; }
.modality { font-size: .8em; color: #444; }
"""


def _sentence_bounds(doc: Doc, index: int) -> tuple[int, int] | None:
    if not doc.has_annotation("SENT_START"):
        return (0, len(doc.text)) if index == 0 else None
    for i, sent in enumerate(doc.sents):
        if i == index:
            return sent.start_char, sent.end_char
    return None


def _spans(ev: EventRecord) -> list[tuple[int, int, str, str]]:
    """``(start, end, css class, role)`` of the trigger and every filled role, in document offsets."""
    out = [(ev.trigger.start, ev.trigger.end, "trigger", "trigger")]
    for role in ROLES:
        css = role if role in ("time", "quantity", "age") else "arg"
        label = role.removesuffix("s") if role in LIST_ROLES else role  # each actor is marked "actor"
        for arg in ev.participants(role):
            out.append((arg.start, arg.end, css, label))
    return out


def highlight_evidence(ev: EventRecord, doc: Doc) -> str:
    """The evidence sentence as HTML with the trigger and role fillers marked.

    Spans are placed by their document offsets relative to the sentence; if the
    evidence is not the document sentence (a merged record, say) the spans are
    found in the evidence by their text instead.  Overlapping spans keep the
    first (the trigger wins), so the markup is always well-formed.
    """
    text = ev.evidence or ""
    bounds = None if ev.sentence is None else _sentence_bounds(doc, ev.sentence)
    base = None
    if bounds is not None:
        start = doc.text.find(text, max(0, bounds[0] - 1), bounds[1] + 1) if text else -1
        base = start if start >= 0 else None
    placed: list[tuple[int, int, str, str]] = []
    for s, e, css, role in _spans(ev):
        if base is not None and base <= s and e <= base + len(text):
            rs, re_ = s - base, e - base
        else:
            span_text = doc.text[s:e] if e <= len(doc.text) else ""
            pos = text.find(span_text) if span_text else -1
            if pos < 0:
                continue
            rs, re_ = pos, pos + len(span_text)
        if re_ <= rs or any(rs < pe and ps < re_ for ps, pe, _, _ in placed):
            continue
        placed.append((rs, re_, css, role))
    placed.sort()
    parts, cursor = [], 0
    for s, e, css, role in placed:
        parts.append(html.escape(text[cursor:s]))
        label = "" if role == "trigger" else f'<span class="rolelabel">{role}</span>'
        parts.append(f'<mark class="{css}" title="{role}">{html.escape(text[s:e])}{label}</mark>')
        cursor = e
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def _role_cell(ev: EventRecord, role: str) -> str:
    """The role's filler(s) with norm/value/code/country in brackets; list roles one per line."""
    return "<br>".join(_arg_cell(arg, role) for arg in ev.participants(role))


def _arg_cell(arg: Any, role: str) -> str:
    extra: list[str] = []
    for attr in ("norm", "value", "label", "code", "country"):
        v = getattr(arg, attr, None)
        if v and v != arg.text:
            extra.append(str(v))
    if role in ("quantity", "age") and (arg.min is not None or arg.max is not None):
        extra.append(f"{arg.min}–{arg.max}" if arg.min != arg.max else f"{arg.min}")
    suffix = f' <span class="modality">({html.escape(", ".join(extra))})</span>' if extra else ""
    return html.escape(arg.text) + suffix


def events_table(doc: Doc, events: list[EventRecord]) -> str:
    """An HTML table: one row per event record, only the role columns some record fills."""
    if not events:
        return '<p class="empty">No event records were extracted from this article.</p>'
    roles = [r for r in ROLES if any(ev.participants(r) for ev in events)]
    head = "".join(f"<th>{r}</th>" for r in ["#", "type", "trigger", *roles])
    width = 3 + len(roles)
    rows = []
    for i, ev in enumerate(events):
        cells = [
            f'<td rowspan="2">{i + 1}</td>',
            f'<td class="type">{html.escape(ev.type)}<br><span class="modality">{html.escape(ev.modality)}'
            f"{' · CAMEO ' + html.escape(ev.cameo) if ev.cameo else ''}</span></td>",
            f"<td>{html.escape(ev.trigger.text)}</td>",
            *(f"<td>{_role_cell(ev, r)}</td>" for r in roles),
        ]
        rows.append(f'<tr class="ev">{"".join(cells)}</tr>')
        # the evidence gets a full-width row: squeezed into a column it becomes unreadable
        rows.append(f'<tr class="evidence"><td colspan="{width - 1}">{highlight_evidence(ev, doc)}'
                    f' <span class="rule">rule: {html.escape(ev.rule or "")}</span></td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def entities_html(doc: Doc) -> str:
    """displaCy's entity markup (inline styles only) for the whole article."""
    return displacy.render(doc, style="ent", page=False, jupyter=False)


def render_report(doc: Doc, result: Result, *, title: str | None = None) -> str:
    """The full self-contained HTML page for one processed article."""
    heading = title or result.title or result.id or "newsie report"
    meta: list[tuple[str, Any]] = [
        ("id", result.id), ("date", result.date or "none (relative dates unanchored)"), ("source", result.path),
        ("entities", len(result.entities)), ("event records", len(result.events)),
        ("model", result.model), ("newsie", result.newsie),
    ]
    meta_html = "".join(f"<span><b>{html.escape(k)}</b>: {html.escape(str(v))}</span>" for k, v in meta if v is not None)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(str(heading))}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(str(heading))}</h1><div class=\"meta\">{meta_html}</div>"
        f"<h2>Event records</h2>{events_table(doc, list(result.events))}"
        f"<h2>Entities</h2>{entities_html(doc)}"
        "</body></html>\n"
    )


__all__ = ["render_report", "events_table", "highlight_evidence", "entities_html"]
