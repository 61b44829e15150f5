"""Build (and execute, storing outputs) notebooks/quickstart.ipynb.

The notebook is generated from this script so that its source is reviewable as
plain Python and so that re-running it after a model update refreshes the
stored outputs:  ``.venv/bin/python notebooks/make_quickstart.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
OUT = HERE / "quickstart.ipynb"

md = nbformat.v4.new_markdown_cell
code = nbformat.v4.new_code_cell

CELLS = [
    md(
        "# newsie quickstart\n\n"
        "newsie reads English news and returns **entities** (OntoNotes labels, with normalised values) and "
        "**event records** (who did what to whom, when, where, how many, according to whom), each field with "
        "its character offsets and the rule or model that produced it.  This notebook walks through the seed "
        "article, the evaluation against hand-labelled gold, and batch extraction.  Everything runs offline."
    ),
    code(
        "import os, pathlib, subprocess, sys, tempfile, warnings\n"
        "os.environ.setdefault('HF_HUB_OFFLINE', '1')\n"
        "warnings.filterwarnings('ignore', message='IProgress not found')  # tqdm without ipywidgets\n"
        "# find the repository from the notebook's folder: no absolute paths\n"
        "ROOT = pathlib.Path.cwd()\n"
        "while not (ROOT / 'data' / 'seeds').is_dir() and ROOT != ROOT.parent:\n"
        "    ROOT = ROOT.parent\n"
        "import newsie\n"
        "nlp = newsie.load()\n"
        "print('newsie', newsie.__version__)\n"
        "print(nlp.pipe_names)"
    ),
    md("## 1. One article, with its date\n\nThe article date anchors relative dates (\"Jan. 20\", \"last November\")."),
    code(
        "from newsie.api import make_doc\n"
        "seed = ROOT / 'data' / 'seeds' / '000_98ee1529b32d8bca.txt'\n"
        "text = seed.read_text(encoding='utf-8')\n"
        "doc = nlp(make_doc(nlp, text, date='2023-02-02', doc_id=seed.stem))\n"
        "result = newsie.doc_to_result(doc, nlp)\n"
        "print(len(result.entities), 'entities,', len(result.events), 'event records')"
    ),
    md("## 2. Entities (displaCy)"),
    code("from spacy import displacy\ndisplacy.render(doc, style='ent', jupyter=True)"),
    code(
        "import pandas as pd\n"
        "pd.set_option('display.max_colwidth', 60)\n"
        "values = [(e.text, e.label, e.norm.model_dump(exclude_none=True, exclude={'kind'}) if e.norm else None)\n"
        "          for e in result.entities if e.norm is not None]\n"
        "pd.DataFrame(values, columns=['text', 'label', 'normalised value'])"
    ),
    md("## 3. Event records"),
    code(
        "def who(arg):\n"
        "    return None if arg is None else (arg.norm or arg.text)\n"
        "\n"
        "def span(lo, hi):\n"
        "    if lo is None and hi is None:\n"
        "        return None\n"
        "    fmt = lambda v: '?' if v is None else f'{v:g}'\n"
        "    return fmt(lo) if lo == hi else f'{fmt(lo)}–{fmt(hi)}'\n"
        "\n"
        "events = pd.DataFrame([{\n"
        "    'type': e.type,\n"
        "    'actors': '; '.join(who(a) for a in e.actors) or None,\n"
        "    'targets': '; '.join(who(t) for t in e.targets) or who(e.theme),\n"
        "    'time': e.time.value if e.time else None,\n"
        "    'quantity': span(e.quantity.min, e.quantity.max) if e.quantity else None,\n"
        "    'unit': e.quantity.unit if e.quantity else None,\n"
        "    'ages': span(e.age.min, e.age.max) if e.age else None,\n"
        "    'modality': e.modality,\n"
        "    'source': who(e.source),\n"
        "    'summary': e.summary,\n"
        "} for e in result.events])\n"
        "events"
    ),
    md(
        "## 4. Timeline\n\nEvents placed by their normalised date.  Filled markers: a day anchored to the article "
        "date; hollow markers: a month, a fuzzy (\"late February\") or unanchored date.  The dashed line is the "
        "article date."
    ),
    code(
        "import datetime as dt\n"
        "import matplotlib.pyplot as plt\n"
        "import matplotlib.dates as mdates\n"
        "\n"
        "DAY_IN_MONTH = {'START': 5, 'MID': 15, 'END': 24, None: 15}\n"
        "\n"
        "def to_date(value, mod=None):\n"
        "    \"\"\"A plottable day for a TIMEX3 day/month/year value (month: its middle, or early/late part per mod);\n"
        "    None for durations, PAST_REF/FUTURE_REF and unanchored XXXX values.\"\"\"\n"
        "    if not value or value[0] in 'PX' or value.endswith('_REF'):\n"
        "        return None\n"
        "    try:\n"
        "        nums = [int(p) for p in value.split('-')[:3]]\n"
        "    except ValueError:\n"
        "        return None\n"
        "    if len(nums) == 1:\n"
        "        return dt.date(nums[0], 7, 1)\n"
        "    if len(nums) == 2:\n"
        "        return dt.date(nums[0], nums[1], DAY_IN_MONTH.get(mod, 15))\n"
        "    return dt.date(*nums)\n"
        "\n"
        "dated = [(e, to_date(e.time.value, e.time.mod)) for e in result.events if e.time and e.time.value]\n"
        "dated = [(e, d) for e, d in dated if d is not None]\n"
        "types = sorted({e.type for e, _ in dated})\n"
        "fig, ax = plt.subplots(figsize=(9, max(2.6, 0.6 + 0.45 * len(types))))\n"
        "for e, d in dated:\n"
        "    exact = e.time.precision == 'day' and e.time.anchored and not e.time.mod\n"
        "    ax.scatter([d], [types.index(e.type)], s=90, marker='o',\n"
        "               facecolors='tab:blue' if exact else 'none', edgecolors='tab:blue')\n"
        "    ax.annotate(e.time.text, (d, types.index(e.type)), xytext=(6, 4), textcoords='offset points', fontsize=8)\n"
        "ax.axvline(dt.date(2023, 2, 2), linestyle='--', color='grey')\n"
        "ax.set_yticks(range(len(types)), types)\n"
        "ax.xaxis.set_major_formatter(mdates.DateFormatter('%Y-%m-%d'))\n"
        "ax.set_title('seed article: events by normalised date')\n"
        "fig.autofmt_xdate(); fig.tight_layout()\n"
        "ax.set_ylim(-0.6, len(types) - 0.4)\n"
        "undated = [e.type for e in result.events if not (e.time and to_date(e.time.value, e.time.mod))]\n"
        "print(len(dated), 'dated records;', len(undated), 'without a calendar date:', ', '.join(undated))"
    ),
    md(
        "## 5. How far to trust it: evaluation against hand-labelled gold\n\n"
        "`data/gold/` holds hand-labelled articles (see `data/gold/GUIDELINES.md`).  newsie and the two spaCy "
        "baselines run over the same texts and are scored the same way (strict span + label)."
    ),
    code(
        "report = newsie.evaluate(ROOT / 'data' / 'gold', nlp=nlp, baselines=['sm', 'md'])\n"
        "scores = pd.DataFrame([{\n"
        "    'system': s.name,\n"
        "    'precision': s.entities.strict.precision,\n"
        "    'recall': s.entities.strict.recall,\n"
        "    'F1': s.entities.strict.f1,\n"
        "} for s in report.systems]).set_index('system')\n"
        "ax = (100 * scores).plot.bar(rot=0, figsize=(7, 3.5), ylim=(0, 100), title='entities, strict micro (%)')\n"
        "ax.legend(loc='lower right')\n"
        "ev = report.system('newsie').events\n"
        "print(f'{report.n_docs} gold documents, {report.n_gold_entities} entities, {report.n_gold_events} events')\n"
        "print(f'events: trigger classification F1 {100 * ev.trigger_classification.f1:.1f}')\n"
        "(100 * scores).round(1)"
    ),
    md("## 6. Batch extraction to Parquet\n\nThe same as `newsie extract data/seeds -o seeds.parquet --format parquet`."),
    code(
        "out = pathlib.Path(tempfile.mkdtemp()) / 'seeds.parquet'\n"
        "run = subprocess.run([sys.executable, '-m', 'newsie.cli', 'extract', str(ROOT / 'data' / 'seeds'),\n"
        "                      '-o', str(out), '--format', 'parquet'], capture_output=True, text=True)\n"
        "print(run.stderr.strip().splitlines()[-1])\n"
        "assert run.returncode == 0\n"
        "table = pd.read_parquet(out)\n"
        "print(table.shape[0], 'event rows;', len(pd.read_parquet(out.with_name('seeds.entities.parquet'))), 'entity rows')\n"
        "table[['doc_id', 'type', 'modality', 'summary']].head(12) if 'doc_id' in table else table.head(12)"
    ),
]


def build(execute: bool = True) -> Path:
    nb = nbformat.v4.new_notebook(cells=CELLS)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    if execute:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(nb, OUT)
    return OUT


if __name__ == "__main__":
    path = build(execute="--no-execute" not in sys.argv)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)")
