"""The role-finder registry (a leaf module: it imports no stage module, so any stage may import it).

A finder is a small function over the dependency parse, named in ``lexicon.yaml``
("subject", "prep:to,into", "embedded:destination"); ``roles.py`` defines and
registers them with :func:`finder`, ``resources.py`` validates the lexicon's
finder names against :data:`FINDERS`, and :func:`run_finder` calls one by its
lexicon spelling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsie.events.model import Candidate, Context, Fill

Finder = Callable[["Context", "Candidate", tuple[str, ...]], "Fill | None"]
#: finder name -> function; filled when ``newsie.events.roles`` is imported
FINDERS: dict[str, Finder] = {}


def finder(name: str) -> Callable[[Any], Any]:
    """Register a finder under the name the lexicon uses for it."""

    def register(fn: Finder) -> Finder:
        FINDERS[name] = fn
        return fn

    return register


def parse_spec(spec: str) -> tuple[str, tuple[str, ...]]:
    """``"prep:to,into"`` -> ``("prep", ("to", "into"))``."""
    name, _, raw = spec.partition(":")
    return name, tuple(a.strip() for a in raw.split(",") if a.strip()) if raw else ()


def run_finder(ctx: Context, cand: Candidate, spec: str) -> Fill | None:
    """Run one finder written as ``name`` or ``name:arg1,arg2`` in the lexicon."""
    name, args = parse_spec(spec)
    return FINDERS[name](ctx, cand, args)
