"""Field-level changes inside one document: items matched by id, plain lists as sets."""

from __future__ import annotations

from journeyops.diff.fields import FieldChange, field_changes


def changes(before: dict[str, object], after: dict[str, object]) -> list[FieldChange]:
    """The changes without their words (tested on their own below)."""
    return [FieldChange(c.path, c.change, c.before, c.after) for c in field_changes(before, after)]


def journey(*steps: dict[str, object], tags: list[str] | None = None) -> dict[str, object]:
    return {
        "id": "j",
        "title": "J",
        "tags": tags or [],
        "stages": [{"id": "s", "steps": list(steps)}],
    }


def step(step_id: str, name: str = "", **extra: object) -> dict[str, object]:
    return {"id": step_id, "name": name or step_id.title(), **extra}


def test_a_step_inserted_at_the_front_is_one_added_step_not_every_step_changed() -> None:
    before = journey(step("a"), step("b"))
    after = journey(step("new", "Brand new"), step("a"), step("b"))
    assert changes(before, after) == [
        FieldChange("stages[s].steps[new]", "added", None, "Brand new")
    ]


def test_changes_inside_an_item_are_named_by_the_ids_on_the_way() -> None:
    before = journey(step("a", emotion=-2, pains=[{"id": "p", "text": "Slow", "severity": "low"}]))
    after = journey(step("a", emotion=1, pains=[{"id": "p", "text": "Slow", "severity": "high"}]))
    assert changes(before, after) == [
        FieldChange("stages[s].steps[a].emotion", "changed", -2, 1),
        FieldChange("stages[s].steps[a].pains[p].severity", "changed", "low", "high"),
    ]


def test_removed_items_are_shown_by_their_name_and_a_new_order_is_its_own_change() -> None:
    before = journey(step("a", "Alpha"), step("b"), step("c"))
    after = journey(step("c"), step("b"))
    assert changes(before, after) == [
        FieldChange("stages[s].steps[a]", "removed", "Alpha", None),
        FieldChange("stages[s].steps", "reordered", ["b", "c"], ["c", "b"]),
    ]


def test_plain_lists_compare_as_sets_with_reordering_reported_apart() -> None:
    assert changes(journey(tags=["x", "y"]), journey(tags=["y", "z"])) == [
        FieldChange("tags", "removed", "x", None),
        FieldChange("tags", "added", None, "z"),
    ]
    assert changes(journey(tags=["x", "y"]), journey(tags=["y", "x"])) == [
        FieldChange("tags", "reordered", ["x", "y"], ["y", "x"])
    ]


def test_a_field_that_appears_or_goes_is_added_or_removed_and_equal_data_has_no_changes() -> None:
    assert changes({"id": "o", "owner": None}, {"id": "o", "owner": "Team"}) == [
        FieldChange("owner", "added", None, "Team")
    ]
    assert changes({"scores": {"reach": 5}}, {"scores": {}}) == [
        FieldChange("scores", "removed", {"reach": 5}, None)
    ]
    assert changes(journey(step("a")), journey(step("a"))) == []


def test_every_change_names_the_items_on_the_way_and_an_added_item_its_details() -> None:
    before = journey(step("a", "Verify the email", emotion=-1, pains=[]))
    pain = {"id": "p", "text": "Link expired", "severity": "high"}
    after = journey(step("a", "Verify the email", emotion=1, pains=[pain]))
    emotion, added = field_changes(before, after)
    assert (emotion.trail, emotion.label) == (("s", "Verify the email"), "emotion")
    assert (added.trail, added.label, added.after) == (
        ("s", "Verify the email"),
        "pains",
        "Link expired",
    )
    assert added.details == (("severity", "high"),)
