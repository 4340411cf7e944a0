"""A team's own templates (`render --templates DIR`) may come from a pull request: they run in
Jinja's sandbox and are read only from regular files inside their folder."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
WORKSPACE = ROOT / "examples" / "northwind"


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    (tmp_path / "theme").mkdir()
    return tmp_path / "theme"


def _render(cli: Cli, theme: Path) -> tuple[int, str, str, Path]:
    out = theme.parent / "site"
    shutil.rmtree(out, ignore_errors=True)
    status, stdout, err = cli(
        "render", str(WORKSPACE), "-o", str(out), "--no-diagrams", "--no-cache",
        "--templates", str(theme),
    )  # fmt: skip
    return status, stdout, err, out


def test_a_template_cannot_reach_python(cli: Cli, theme: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (theme / "index.html").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}"
        f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    )
    status, _, err, out = _render(cli, theme)
    assert status == 2
    assert "unsafe" in err or "not safely accessible" in err or "__class__" in err
    assert not marker.exists()
    assert not (out / "index.html").exists()


def test_a_template_cannot_change_the_data_it_shows(cli: Cli, theme: Path) -> None:
    (theme / "index.html").write_text("{% set _ = unscored.append(1) %}")
    status, _, err, _ = _render(cli, theme)
    assert status == 2 and "template error" in err and "append" in err


def test_a_linked_template_outside_the_folder_is_refused_not_published(
    cli: Cli, theme: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "credentials"
    secret.write_text("https://user:SECRET-TOKEN@example.com\n")
    (theme / "leak.html").symlink_to(secret)
    (theme / "index.html").write_text("{% include 'leak.html' %}")
    status, _, err, out = _render(cli, theme)
    assert status == 2
    assert "leak.html is a link out of the templates folder" in err
    assert "SECRET-TOKEN" not in err
    pages = [p.read_text() for p in out.rglob("*.html")] if out.exists() else []
    assert not any("SECRET-TOKEN" in page for page in pages)


def test_a_fifo_template_does_not_block_the_render(cli: Cli, theme: Path) -> None:
    os.mkfifo(theme / "base.html")
    status, _, err, _ = _render(cli, theme)
    assert status == 2 and "base.html is not a regular file" in err


def test_links_inside_the_folder_and_plain_overrides_still_work(cli: Cli, theme: Path) -> None:
    (theme / "shared.css").write_text("body { color: rebeccapurple; }")
    (theme / "style.css").symlink_to("shared.css")
    status, _, _, out = _render(cli, theme)
    assert status == 0
    assert "rebeccapurple" in (out / "style.css").read_text()


@pytest.mark.parametrize(
    ("expression", "error"),
    [
        ("{{ 1 // 0 }}", "ZeroDivisionError"),
        ("{{ journey.title + 1 }}", "TypeError"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
    ],
)
def test_an_expression_that_fails_is_a_located_problem_not_a_traceback(
    cli: Cli, theme: Path, expression: str, error: str
) -> None:
    main = f"{{% block main %}}\n{expression}{{% endblock %}}"
    (theme / "journey.html").write_text("{% extends 'base.html' %}" + main)
    status, _, err, out = _render(cli, theme)
    assert status == 2 and "Traceback" not in err
    assert f"journey.html:2: {error}: " in err and "(making journeys/" in err
    # The render stopped at the first map, and the folder says it is unfinished.
    assert not list(out.glob("journeys/*.html")) and list(out.glob("compare/*.html"))
    assert json.loads((out / ".journeyops-site").read_text())["complete"] is False
