"""YAML 1.2 meaning of plain scalars, identical to ruamel.yaml's.

The fast reader parses with libyaml but must give every scalar the value that ruamel's
round-trip loader (used by the formatter) gives it: `yes`/`no`/`on` stay strings, `0o17` is 15,
`1_000` is 1000. Rather than re-implement those rules, this module reads ruamel's own resolver
table and hands every candidate to ruamel's own constructors. Plain words that cannot be
anything but a string never reach ruamel, which keeps the common case a single set lookup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import implicit_resolvers

TAG_PREFIX = "tag:yaml.org,2002:"
STR_TAG = TAG_PREFIX + "str"
# Tags a user may write explicitly (`!!str 0123`); every other tag is refused.
SCALAR_TAGS = frozenset(
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)

_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions and _tag in SCALAR_TAGS:
        # ruamel wraps its patterns in a lazy proxy; compiling once skips the proxy per match.
        _compiled = re.compile(_regexp.pattern, _regexp.flags)
        for _char in _first:
            _RESOLVERS.setdefault(_char, []).append((_tag, _compiled))
# `<<` (merge), `=` (value) and `!&*` are not values; the reader handles merge keys itself.
TRIGGERS = frozenset(_RESOLVERS)

_constructor: Any = YAML(typ="safe", pure=True).constructor


class ScalarError(ValueError):
    """A scalar with an explicit tag whose text does not fit the tag (`!!int abc`)."""


def plain(text: str) -> Any:
    """The value of an untagged, unquoted scalar."""
    if text[:1] not in TRIGGERS:
        return text
    return resolve(text)


@lru_cache(maxsize=65536)
def resolve(text: str) -> Any:
    """`plain` for words that may be more than a string. Cached: numbers, dates and booleans
    repeat across files, and every value this returns is immutable."""
    for tag, regexp in _RESOLVERS[text[:1]]:
        if regexp.match(text):
            return construct(tag, text)
    return text


def construct(tag: str, text: str) -> Any:
    """The value of `text` under one of `SCALAR_TAGS`, built by ruamel's safe constructor."""
    if tag == STR_TAG:
        return text
    method = getattr(_constructor, "construct_yaml_" + tag[len(TAG_PREFIX) :])
    try:
        return method(ScalarNode(tag, text))
    except Exception as error:  # ruamel raises ValueError, TypeError or its own error types
        raise ScalarError(f"'{text}' is not a valid !!{tag[len(TAG_PREFIX) :]}") from error
