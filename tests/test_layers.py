"""The import layers of ``.importlinter`` hold, checked with import-linter on every run.

Data flows one way: documents -> model -> mix -> render / sei / payload / exports, with the front ends (cli, tui)
on top; only the studio imports Textual; the mix imports no render; push imports no cli. Each contract is a test
of its own, so a failure names the rule and prints import-linter's report (the chain of imports that breaks it).
"""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

CONFIG = Path(__file__).resolve().parent.parent / ".importlinter"
PREFIX = "importlinter:contract:"


def _contracts() -> list[str]:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    return [section.removeprefix(PREFIX) for section in parser.sections() if section.startswith(PREFIX)]


CONTRACTS = _contracts()


def test_the_required_layers_are_contracts():
    required = {"model-is-the-bottom", "only-the-studio-imports-textual", "mix-draws-nothing", "push-imports-no-cli"}
    assert required <= set(CONTRACTS)


@pytest.mark.parametrize("contract", CONTRACTS)
def test_the_import_contract_holds(contract, capsys):
    kept = lint_imports(config_filename=str(CONFIG), limit_to_contracts=(contract,), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert kept == 0, report
    assert "KEPT" in report and "BROKEN" not in report
