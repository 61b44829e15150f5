"""CLI surface: --help and --version, in-process and as the installed console script."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import newsie
from newsie.cli import SUBCOMMANDS, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsie {newsie.__version__}"


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_each_subcommand_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    assert "usage: newsie " + name in capsys.readouterr().out


def test_console_script_runs() -> None:
    exe = shutil.which("newsie") or str(sys.executable).replace("python", "newsie")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert newsie.__version__ in out.stdout


def _run_module(*args: str, cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    import os
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_python_dash_m_newsie() -> None:
    out = _run_module("-m", "newsie", "--version")
    assert out.returncode == 0 and out.stdout.strip() == f"newsie {newsie.__version__}"


def test_extract_on_a_missing_path_fails_at_once_before_loading_models(tmp_path) -> None:
    code = (
        "import sys\nfrom newsie.cli import main\n"
        f"rc = main(['extract', {str(tmp_path / 'nope.txt')!r}])\n"
        "print(rc, 'spacy' in sys.modules, 'torch' in sys.modules)\n"
    )
    out = _run_module("-c", code)
    assert out.stdout.split() == ["2", "False", "False"], out.stderr
    assert "nope.txt: no such file or folder" in out.stderr


def test_train_is_delegated_to_the_tooling_only_when_run() -> None:
    code = (
        "import sys\nfrom newsie.cli import main\n"
        "from newsie.cli import build_parser\nbuild_parser()\n"
        "print('newsie.tooling.cli' in sys.modules)\n"
    )
    assert _run_module("-c", code).stdout.strip() == "False"


def test_logging_options(capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from newsie.cli import setup_logging

    setup_logging(quiet=1)
    logging.getLogger("newsie.show").info("hidden")
    logging.getLogger("newsie.show").warning("shown")
    setup_logging()
    logging.getLogger("newsie.show").info("visible")
    err = capsys.readouterr().err
    assert "hidden" not in err and "newsie show: warning: shown" in err and "newsie show: visible" in err
