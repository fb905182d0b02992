"""``khabar train`` / ``khabar bench ner|pos``: option errors are one-line user errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.cli import train as cli_train
from khabar.errors import ConfigError


def test_missing_data_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="pass --data PATH"):
        cli_train._data_dir(tmp_path / "nowhere")


def test_bench_pos_rejects_unknown_split(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="dev or test"):
        cli_train.bench_pos(data=tmp_path, split="train", as_json=True)


def test_commands_are_registered() -> None:
    from typer.testing import CliRunner

    from khabar.cli.main import app

    out = CliRunner().invoke(app, ["train", "--help"])
    assert out.exit_code == 0 and "ner" in out.output and "pos" in out.output
    out = CliRunner().invoke(app, ["bench", "--help"])
    assert out.exit_code == 0 and "ner" in out.output and "pos" in out.output


def test_extract_rejects_unknown_ner_backend(tmp_path: Path) -> None:
    import subprocess
    import sys

    art = tmp_path / "a.txt"
    art.write_text("زار الرئيس ماكرون بغداد أمس.", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "khabar.cli.main", "extract", str(art), "--ner", "bert", "-f", "json"],
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "unknown NER backend 'bert'" in r.stderr and "Traceback" not in r.stderr
