"""Data files of the evaluator (label sets, label maps, event slots), kept as YAML so they are edited, not coded."""
