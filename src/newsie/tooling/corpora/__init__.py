"""newsie.tooling.corpora: the NER training corpus builder.

``python -m newsie.tooling.corpora build --corpora ../shared/corpora --out runs/corpus``
reads the shared gold corpora (one reader per corpus, label maps in
``data/<corpus>.yaml``), cuts documents into examples of at most 120 words,
puts whole documents into dev (gold spans only), adds en_core_web_md silver
spans to training examples for the labels a corpus does not annotate, and adds
purely silver Wikinews sentences.  See :mod:`newsie.tooling.corpora.build` for the
output contract and ``ATTRIBUTION.md`` for sources and licences.  Importing
this package is cheap: readers load lazily from :mod:`newsie.tooling.corpora.build`.
"""
