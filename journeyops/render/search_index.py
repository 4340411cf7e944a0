"""The site's search index: one JavaScript file that every page loads by a relative
`<script src>` when its reader first searches, so search works from `file://` (no fetch)
and a workspace of 2,000 journeys does not weigh on every page.

The index holds ids and titles only, in short arrays; `search.js` builds each result's
link from its kind and id. It is user text inside a script, so the JSON is escaped beyond
what JSON needs: `<`, `>` and `&` (no `</script>` or `<!--` can form, should a team's
template inline it) and U+2028/U+2029 (line breaks to JavaScript before ES2019).
"""

from __future__ import annotations

import json
from typing import Any

from journeyops.render.pages import SiteData
from journeyops.report.safe_text import unicode_safe

INDEX_FILE = "search-index.js"
_TABLE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def index_entries(data: SiteData) -> dict[str, list[list[Any]]]:
    """`j`: [id, title] per journey; `s`: [journey's position in `j`, step id, step name];
    `p`, `i`, `o`: [id, name or title] of personas, insights and opportunities."""
    journeys = data.journeys
    return {
        "j": [[j.id, j.title] for j in journeys],
        "s": [[n, step.id, step.name] for n, j in enumerate(journeys) for _, _, step in j.steps()],
        "p": [[pid, p.name] for pid, p in data.personas.items()],
        "i": [[iid, i.title] for iid, i in data.insights.items()],
        "o": [[s.opportunity.id, s.opportunity.title] for s in data.opportunities],
    }


def script_json(document: Any) -> str:
    """JSON that is safe inside any script: see the module's docstring."""
    text = json.dumps(_clean(document), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_TABLE)


def index_script(data: SiteData) -> str:
    return f"window.journeyopsIndex = {script_json(index_entries(data))};\n"


def _clean(value: Any) -> Any:
    # A lone surrogate cannot be written as UTF-8; it is shown as an escape, as elsewhere.
    if isinstance(value, str):
        return unicode_safe(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value
