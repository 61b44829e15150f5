"""``newsie.models``: the shipped model folders (``newsie-ner/``), installed as package data of ``newsie``.

This folder of the repository is mapped to the subpackage ``newsie.models`` by
pyproject.toml (``package-dir``), so the weights are in the wheel without being
copied in the repository; :func:`newsie.pipeline.models_dir` finds them with
:mod:`importlib.resources`.
"""
