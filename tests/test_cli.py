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
