"""`journeys/<id>.svg`: a journey's flow and emotion curve in one picture for slides and
wikis. Drawn from the model as text (no Graphviz, so it is there with `--no-diagrams` too),
with its own styles inside, since it is opened without the site's stylesheet."""

from __future__ import annotations

from html import escape

from journeyops import __version__
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.render.emotion_curve import (
    STEP_WIDTH,
    Frame,
    curve_body,
    drawn_scale,
    points,
)

BOX_TOP, BOX_HEIGHT, NAME_CHARS = 52, 44, 17
CURVE_TOP = BOX_TOP + BOX_HEIGHT + 48

STYLE = (
    "text{font:12px sans-serif;fill:#1f2328}.title{font-size:15px;font-weight:bold}"
    ".stage{font-weight:bold}.tick{text-anchor:end;fill:#57606a}"
    ".box{fill:#f6f8fa;stroke:#57606a}.box.truth{stroke:#1f2328;stroke-width:3}"
    ".arrow{stroke:#57606a;marker-end:url(#arrow)}.band-0{fill:#f6f8fa}.band-1{fill:#eaeef2}"
    ".neutral{stroke:#57606a;stroke-dasharray:4 3}.truth-rule{stroke:#1f2328;stroke-dasharray:2 2}"
    ".line{fill:none;stroke:#0550ae;stroke-width:2.5}.point{fill:#0550ae}"
    ".before .line{stroke:#6e7781;stroke-dasharray:6 4}.before .point{fill:#6e7781}"
)


def journey_svg(journey: Journey, scale: EmotionScale, before: Journey | None = None) -> str:
    """A standalone SVG document (with its XML declaration) of the flow over the curve."""
    found = points(journey)
    frame = Frame(len(found), drawn_scale(scale, journey, *([before] if before else [])), CURVE_TOP)
    height = frame.bottom + 24
    boxes = []
    for i, point in enumerate(found):
        x = frame.x(i, len(found)) - STEP_WIDTH / 2 + 8
        name = point.name.replace("\n", " ")
        short = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "\u2026"
        truth = " truth" if point.moment_of_truth else ""
        boxes.append(
            f"<g><title>{escape(point.stage)}: {escape(point.name)}</title>"
            f'<rect class="box{truth}" x="{x:.1f}" y="{BOX_TOP}" width="{STEP_WIDTH - 16}" '
            f'height="{BOX_HEIGHT}" rx="6"/>'
            f'<text x="{x + 6:.1f}" y="{BOX_TOP + 26}">{escape(short)}</text></g>'
        )
        if i:
            boxes.append(
                f'<line class="arrow" x1="{x - 16:.1f}" y1="{BOX_TOP + 22}" '
                f'x2="{x - 2:.1f}" y2="{BOX_TOP + 22}"/>'
            )
    title = f"{journey.title}: flow and emotion curve"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{frame.width}" height="{height}" '
        f'viewBox="0 0 {frame.width} {height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
        # The mark base.html puts in every page: how `render.output` knows a file of a
        # killed render as its own.
        f'<metadata><meta name="generator" content="journeyops {__version__}"/></metadata>'
        f"<style>{STYLE}</style>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0 0L10 5L0 10z" fill="#57606a"/></marker></defs>'
        f'<rect width="100%" height="100%" fill="#ffffff"/>'
        f'<text class="title" x="12" y="22">{escape(journey.title)}</text>'
        f"{''.join(boxes)}{curve_body(journey, frame, before)}</svg>\n"
    )
