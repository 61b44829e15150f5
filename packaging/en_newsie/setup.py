"""``en_newsie``: newsie's pipeline as an installed spaCy pipeline package, so ``spacy.load("en_newsie")`` works.

Why a second, tiny distribution: ``spacy.load(name)`` loads a name only if a
distribution of that name is installed.  The weights stay package data of
``newsie`` (no second copy); this package only depends on the same newsie version.
Its version is read from newsie's one version source at build time.
"""

import re
from pathlib import Path

from setuptools import setup

INIT = Path(__file__).resolve().parents[2] / "src" / "newsie" / "__init__.py"
VERSION = re.search(r'^__version__ = "([^"]+)"', INIT.read_text(encoding="utf-8"), re.M).group(1)

setup(
    name="en_newsie",
    version=VERSION,
    description="spacy.load('en_newsie'): newsie's English news pipeline (entities and event records)",
    license="Apache-2.0",
    python_requires=">=3.11,<3.12",
    packages=["en_newsie"],
    install_requires=[f"newsie=={VERSION}"],
)
