"""The GitHub Action (`action.yml`): validate for code scanning and annotations, the diff of
a pull request in the job summary and, with a token, as one sticky comment.

Run as `python -m journeyops.integrations.github_action` by the action, with its inputs as
`INPUT_*` variables and GitHub's own (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`,
`GITHUB_EVENT_PATH`, ...). Everything it does is the command line's doing: it runs
`journeyops` in a subprocess, so the action and a user's own steps behave the same. The
exit status is validate's: 1 fails the step on errors, warnings do not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Marks the one comment the action owns on a pull request, so a new run edits it in place.
MARKER = "<!-- journeyops -->"
# GitHub refuses a comment over 65,536 characters.
COMMENT_LIMIT = 65_000


def main(environ: Mapping[str, str] = os.environ) -> int:
    path = environ.get("INPUT_PATH") or "."
    sarif = environ.get("INPUT_SARIF") or "journeyops.sarif"
    checked = _journeyops("validate", "-f", "sarif", "-o", sarif, "-f", "github", "--", path)
    sys.stdout.write(checked.stdout)
    sys.stderr.write(checked.stderr)
    outputs = {"status": str(checked.returncode), "sarif": sarif}
    base = _pull_request_base(environ)
    if base is not None:
        # The base is a commit id from GitHub's payload; the folder follows it as PATH (an
        # existing folder, so not taken for the head), after `--` as for validate.
        diffed = _journeyops("diff", "--format", "markdown", "--", base, path)
        summary = diffed.stdout if diffed.returncode in (0, 1) else f"```\n{diffed.stderr}```\n"
        _append(environ.get("GITHUB_STEP_SUMMARY"), summary)
        token = environ.get("INPUT_TOKEN")
        if token:
            outputs["comment"] = _sticky_comment(environ, token, summary)
    if (environ.get("INPUT_RENDER") or "false").lower() == "true":
        site = environ.get("INPUT_SITE") or "site"
        rendered = _journeyops("render", "--out", site, "--", path)
        sys.stderr.write(rendered.stderr)
        outputs["site"] = site
    _append(environ.get("GITHUB_OUTPUT"), "".join(f"{k}={v}\n" for k, v in outputs.items()))
    return 1 if checked.returncode == 1 else (0 if checked.returncode == 0 else 2)


def _journeyops(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeyops", *args], capture_output=True, text=True, check=False
    )


def _pull_request_base(environ: Mapping[str, str]) -> str | None:
    """The base commit of the pull request the run is for, from the event payload."""
    event = environ.get("GITHUB_EVENT_PATH")
    if not event:
        return None
    try:
        payload: Any = json.loads(Path(event).read_text(encoding="utf-8"))
        base = payload["pull_request"]["base"]["sha"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return base if isinstance(base, str) and base.isalnum() else None


def _append(file: str | None, text: str) -> None:
    if file:
        with open(file, "a", encoding="utf-8") as handle:  # noqa: PTH123 - GitHub's own file
            handle.write(text)


def _sticky_comment(environ: Mapping[str, str], token: str, summary: str) -> str:
    """Post the summary as the pull request's journeyops comment, or edit the one there;
    returns `created` or `updated`."""
    payload = json.loads(Path(environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    number = payload["pull_request"]["number"]
    api = environ.get("GITHUB_API_URL", "https://api.github.com")
    issue = f"{api}/repos/{environ['GITHUB_REPOSITORY']}/issues/{number}"
    body = MARKER + "\n" + summary
    if len(body) > COMMENT_LIMIT:
        note = "\n\n(cut: the whole diff is in the job summary)\n"
        body = body[: COMMENT_LIMIT - len(note)] + note
    comments = _request("GET", f"{issue}/comments?per_page=100", token)
    mine = next((c for c in comments if str(c.get("body", "")).startswith(MARKER)), None)
    if mine is None:
        _request("POST", f"{issue}/comments", token, {"body": body})
        return "created"
    _request(
        "PATCH",
        f"{api}/repos/{environ['GITHUB_REPOSITORY']}/issues/comments/{mine['id']}",
        token,
        {"body": body},
    )
    return "updated"


def _request(method: str, url: str, token: str, data: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(
        url,
        method=method,
        data=None if data is None else json.dumps(data).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


if __name__ == "__main__":
    sys.exit(main())
