"""The action's script in a simulated GitHub run: a pull request's event payload, the
runner's output and summary files, and a stand-in for GitHub's comment API on loopback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from journeyops.integrations.github_action import MARKER
from tests.conftest import ROOT, git

NORTHWIND = ROOT / "examples" / "northwind"


class GitHubServer(ThreadingHTTPServer):
    """A stand-in for GitHub's API: the issue comments of one pull request, and every
    request it was sent (method, path, authorization)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FakeGitHub)
        self.comments: dict[int, dict[str, Any]] = {}
        self.seen: list[tuple[str, str, str]] = []


class FakeGitHub(BaseHTTPRequestHandler):
    server: GitHubServer

    def _reply(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> Any:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def do_GET(self) -> None:
        self.server.seen.append(("GET", self.path, self.headers["Authorization"]))
        self._reply(200, list(self.server.comments.values()))

    def do_POST(self) -> None:
        comments = self.server.comments
        comment = {"id": 100 + len(comments), "body": self._body()["body"]}
        comments[comment["id"]] = comment
        self.server.seen.append(("POST", self.path, self.headers["Authorization"]))
        self._reply(201, comment)

    def do_PATCH(self) -> None:
        number = int(self.path.rsplit("/", 1)[1])
        self.server.comments[number]["body"] = self._body()["body"]
        self.server.seen.append(("PATCH", self.path, self.headers["Authorization"]))
        self._reply(200, self.server.comments[number])

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def github() -> Iterator[GitHubServer]:
    server = GitHubServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose head retitles a journey of the base; the base's commit id."""
    repo = tmp_path / "repo"
    shutil.copytree(NORTHWIND, repo / "journeys-ws", ignore=shutil.ignore_patterns(".journeyops-*"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    journey = repo / "journeys-ws" / "journeys" / "close-account.yaml"
    text = journey.read_text(encoding="utf-8")
    journey.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    git(repo, "commit", "-qam", "head")
    return repo, base


def run_action(repo: Path, base: str, api: str, **inputs: str) -> tuple[int, dict[str, str]]:
    event = repo.parent / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": base}}}))
    files = {name: repo.parent / name for name in ("output", "summary")}
    environ = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_OUTPUT": str(files["output"]),
        "GITHUB_STEP_SUMMARY": str(files["summary"]),
        "GITHUB_REPOSITORY": "acme/journeys",
        "GITHUB_API_URL": api,
        "INPUT_PATH": "journeys-ws",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    done = subprocess.run(
        [sys.executable, "-m", "journeyops.integrations.github_action"],
        cwd=repo,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    produced = {
        name: f.read_text(encoding="utf-8") if f.exists() else "" for name, f in files.items()
    }
    return done.returncode, {"stdout": done.stdout, **produced}


def test_the_action_writes_sarif_summary_outputs_and_one_sticky_comment(
    tmp_path: Path, github: GitHubServer
) -> None:
    repo, base = pull_request(tmp_path)
    api = f"http://127.0.0.1:{github.server_address[1]}"
    status, produced = run_action(repo, base, api, token="t0ken")
    assert status == 0, produced
    outputs = dict(line.split("=", 1) for line in produced["output"].splitlines())
    assert outputs == {"status": "0", "sarif": "journeyops.sarif", "comment": "created"}
    sarif = json.loads((repo / "journeyops.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "close-account" in produced["summary"] and "Renamed " in produced["summary"]
    [comment] = github.comments.values()
    assert comment["body"] == MARKER + "\n" + produced["summary"]
    # A second run edits the same comment instead of adding one.
    status, produced = run_action(repo, base, api, token="t0ken")
    assert status == 0
    assert produced["output"].splitlines()[-1] == "comment=updated"
    assert len(github.comments) == 1
    methods = [method for method, _, _ in github.seen]
    assert methods == ["GET", "POST", "GET", "PATCH"]
    assert {auth for _, _, auth in github.seen} == {"Bearer t0ken"}
    assert github.seen[1][1] == "/repos/acme/journeys/issues/7/comments"


def test_the_action_fails_on_errors_with_annotations_and_no_token_no_comment(
    tmp_path: Path, github: GitHubServer
) -> None:
    repo, base = pull_request(tmp_path)
    journey = repo / "journeys-ws" / "journeys" / "close-account.yaml"
    journey.write_text(journey.read_text().replace("personas: [", "personas: [nobody, ", 1))
    api = f"http://127.0.0.1:{github.server_address[1]}"
    status, produced = run_action(repo, base, api, render="true")
    assert status == 1
    assert "::error file=journeys-ws/journeys/close-account.yaml" in produced["stdout"]
    assert "status=1\n" in produced["output"] and "comment=" not in produced["output"]
    assert "site=site\n" in produced["output"]
    assert (repo / "site" / "index.html").is_file()  # rendered, the broken journey left out
    assert github.seen == []


def test_action_yml_runs_the_tested_script_with_every_input() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    [run] = [step for step in action["runs"]["steps"] if step.get("id") == "run"]
    assert run["run"] == "python3 -m journeyops.integrations.github_action"
    assert set(run["env"]) == {f"INPUT_{name.upper()}" for name in action["inputs"]}
    assert '"$GITHUB_ACTION_PATH"' in action["runs"]["steps"][0]["run"]
    [upload] = [step for step in action["runs"]["steps"] if "uses" in step]
    assert (
        upload["if"] == "inputs.render == 'true'" and upload["with"]["path"] == "${{ inputs.site }}"
    )
