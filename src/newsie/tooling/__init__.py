"""Training, corpus building, dev scoring, model cards and evaluation tooling.

Nothing in the runtime (pipeline, components, rules, schema, IO, the CLI's extract/show/evaluate)
imports this package: it needs the ``[train]``/``[eval]`` extras and the shared corpora.
"""
