"""The quickstart notebook executes headless without a cell error, stays small and has no absolute paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NB = Path(__file__).resolve().parents[2] / "notebooks" / "quickstart.ipynb"


def test_notebook_is_small_and_portable() -> None:
    assert NB.stat().st_size < 1_000_000
    raw = NB.read_text(encoding="utf-8")
    nb = json.loads(raw)
    assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), "stored without outputs"
    for needle in ("/work/", "/home/", "/tmp/", "/root/"):
        assert needle not in raw, f"absolute path {needle!r} in the stored notebook"


@pytest.mark.slow
def test_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    nb = nbformat.read(NB, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NB.parent)}})
    client.execute()  # raises CellExecutionError on any failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    assert os.environ["HF_HUB_OFFLINE"] == "1"
