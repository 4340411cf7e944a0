"""What a journey map page adds to the journey itself: its lanes, surveys and KPIs, emotion
curve and links (the journeys that zoom into each step, the redesign it is compared with),
and the pages that go with it: the standalone SVG and the comparison page.

`site.pages` calls `context` for each journey page and `companion_pages` once; templates
only lay out what is gathered here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.render.compare import compare_path, comparison
from journeyops.render.emotion_curve import Point, emotion_curve_svg, points
from journeyops.render.journey_svg import journey_svg
from journeyops.render.lanes import lanes
from journeyops.render.map_table import emotion_table, map_table
from journeyops.render.measures import Measure, measures
from journeyops.render.pages import SiteData

Measures = Mapping[tuple[str, str | None], list[Measure]]


def svg_path(journey: Journey) -> str:
    return f"journeys/{journey.id}.svg"


def gather(data: SiteData) -> Measures:
    """Every journey's surveys and KPIs, once per render."""
    return measures(data.workspace)


def _before(data: SiteData, journey: Journey) -> Journey | None:
    """The current journey a future one redesigns, when it is published."""
    if journey.state != "future" or not journey.replaces:
        return None
    return data.journey_by_id(journey.replaces)


def context(data: SiteData, journey: Journey, found: Measures) -> dict[str, Any]:
    """The journey page's own values, beside what `site.pages` passes every page."""
    scale = data.workspace.config.taxonomy.emotion
    before = _before(data, journey)
    futures = data.replaced_by.get(journey.id, [])
    found_points = points(journey)
    rated = [p for p in found_points if p.emotion is not None]
    shown = lanes(data, journey)
    return {
        "lanes": shown,
        "map_table": map_table(data, journey, shown, found, scale),
        "measures": found,
        "curve": Markup(emotion_curve_svg(journey, scale, before)) if rated else None,
        "points": found_points,
        "emotion_tables": _emotion_tables(journey, found_points, before, scale),
        "before": before,
        "futures": futures,
        "compare_links": [
            (future, compare_path(future)) for future in ([journey] if before else futures)
        ],
        "svg_file": f"{journey.id}.svg" if journey.steps() else None,
        "scale": scale,
    }


def _emotion_tables(
    journey: Journey, found: list[Point], before: Journey | None, scale: EmotionScale
) -> Markup:
    tables = emotion_table(found, f"Emotion at each step of {journey.title}", scale)
    if before is not None and (earlier := points(before)):
        caption = f"Emotion at each step of the as-is journey, {before.title}"
        tables += emotion_table(earlier, caption, scale)
    return Markup(tables)


def companion_pages(
    data: SiteData, env: Environment, common: Mapping[str, Any], only: str | None = None
) -> dict[str, Callable[[], str]]:
    """The standalone SVG of every journey with steps, and a comparison page for every
    future journey whose current journey is published (`only`: for one journey), each made
    when called."""
    scale = data.workspace.config.taxonomy.emotion
    site: dict[str, Callable[[], str]] = {}
    template = env.get_template("compare.html")

    def compared(before: Journey, journey: Journey) -> str:
        both = [j for j in (before, journey) if points(j)]
        return template.render(
            root="../",
            comparison=comparison(before, journey),
            curve=Markup(emotion_curve_svg(journey, scale, before)) if both else None,
            scale=scale,
            **common,
        )

    for journey in data.journeys:
        if only is not None and journey.id != only:
            continue
        before = _before(data, journey)
        if journey.steps():
            site[svg_path(journey)] = partial(journey_svg, journey, scale, before)
        if before is not None and only is None:
            site[compare_path(journey)] = partial(compared, before, journey)
    return site
