"""Every model against published worked examples, and properties every ranking must have."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.model.scoring_config import (
    IceOptions,
    OpportunityScoreOptions,
    RiceOptions,
    ValueOptions,
    WeightedOptions,
    WsjfOptions,
)
from journeyops.scoring import BUILTIN, MODEL_TYPES
from journeyops.scoring.base import ScoringModel
from journeyops.scoring.ice import Ice
from journeyops.scoring.rice import Rice
from journeyops.scoring.ulwick import OpportunityScore
from journeyops.scoring.value import Value
from journeyops.scoring.weighted import Weighted
from journeyops.scoring.wsjf import Wsjf


def score(model: ScoringModel[Any], **raw: float | str) -> float:
    values = {spec.name: spec.parse(raw[spec.name]) for spec in model.inputs()}
    return model.compute(values).score


def test_rice_intercom_example() -> None:
    # Intercom: 500 customers a month x 30% choosing it x 3 months = 450 a quarter;
    # impact 3 (massive), confidence 100%, effort 2 person-months -> 675.
    reach = 500 * 0.30 * 3
    assert reach == pytest.approx(450)
    rice = Rice(RiceOptions(type="rice"))
    assert score(rice, reach=reach, impact=3, confidence="100%", effort=2) == pytest.approx(675)
    assert score(rice, reach=450, impact=3, confidence=1, effort=2) == pytest.approx(675)
    assert score(rice, reach=450, impact=3, confidence="80%", effort=2) == pytest.approx(540)


def test_ice_product_and_mean() -> None:
    assert score(Ice(IceOptions(type="ice")), impact=8, confidence=6, ease=3) == 144
    mean = Ice(IceOptions(type="ice", combine="mean"))
    assert score(mean, impact=8, confidence=6, ease=4) == pytest.approx(6)


def test_wsjf_ranks_the_smaller_job_first() -> None:
    wsjf = Wsjf(WsjfOptions(type="wsjf"))
    first = score(wsjf, business_value=100, time_criticality=50, risk_reduction=20, job_size=10)
    second = score(wsjf, business_value=80, time_criticality=30, risk_reduction=10, job_size=5)
    assert (first, second) == (17, 24)
    assert second > first


def test_wsjf_strict_scale_accepts_only_modified_fibonacci() -> None:
    strict = Wsjf(WsjfOptions(type="wsjf", strict_scale=True))
    assert score(strict, business_value=13, time_criticality=8, risk_reduction=3, job_size=5) == 4.8
    with pytest.raises(ValueError, match="one of 1, 2, 3, 5, 8, 13, 20"):
        score(strict, business_value=100, time_criticality=8, risk_reduction=3, job_size=5)


def test_ulwick_opportunity_score() -> None:
    ulwick = OpportunityScore(OpportunityScoreOptions(type="opportunity"))
    assert score(ulwick, importance=8, satisfaction=4) == 12
    assert score(ulwick, importance=5, satisfaction=7) == 5


def test_value_weighted_mean_and_per_effort() -> None:
    assert score(Value(ValueOptions(type="value")), customer_value=80, business_value=40) == 60
    weighted = Value(
        ValueOptions(type="value", customer_weight=3, business_weight=1, per_effort=True)
    )
    assert score(weighted, customer_value=80, business_value=40, effort=2) == 35


def test_weighted_scorecard_with_divisor() -> None:
    options = WeightedOptions.model_validate(
        {
            "type": "weighted",
            "criteria": [{"input": "fit", "max": 5, "weight": 2}, {"input": "reach", "max": 10}],
            "divisor": {"input": "effort"},
        }
    )
    assert score(Weighted(options), fit=4, reach=6, effort=2) == 7


@pytest.mark.parametrize(
    ("model", "raw", "message"),
    [
        (
            Rice(RiceOptions(type="rice")),
            {"impact": 4},
            "impact is 4, but must be one of 3, 2, 1, 0.5, 0.25",
        ),
        (
            Rice(RiceOptions(type="rice")),
            {"confidence": 1.5},
            'confidence is 1.5, but must be 0..1 (or a percentage such as "80%")',
        ),
        (Rice(RiceOptions(type="rice")), {"effort": 0}, "effort is 0, but must be above 0"),
        (
            Ice(IceOptions(type="ice")),
            {"ease": "80%"},
            "'80%' is text, but ease must be a number (1..10)",
        ),
    ],
)
def test_out_of_range_inputs_say_what_is_allowed(
    model: ScoringModel[Any], raw: dict[str, Any], message: str
) -> None:
    [(name, value)] = raw.items()
    spec = next(s for s in model.inputs() if s.name == name)
    with pytest.raises(ValueError) as error:
        spec.parse(value)
    assert str(error.value) == message


def test_every_model_type_is_registered_and_builtins_need_no_config() -> None:
    assert set(MODEL_TYPES) == {"rice", "ice", "wsjf", "opportunity", "value", "weighted"}
    assert set(BUILTIN) == set(MODEL_TYPES) - {"weighted"}


def _valid_values(model: ScoringModel[Any]) -> st.SearchStrategy[dict[str, float]]:
    def one(spec: Any) -> st.SearchStrategy[float]:
        if spec.allowed:
            return st.sampled_from(spec.allowed)
        low = spec.minimum if spec.minimum is not None else (spec.above or 0) + 0.01
        high = spec.maximum if spec.maximum is not None else 1000.0
        return st.floats(low, high, allow_nan=False)

    return st.fixed_dictionaries({spec.name: one(spec) for spec in model.inputs()})


INCREASING = {  # inputs that can only raise the score; the others can only lower it
    "rice": ({"reach", "impact", "confidence"}, {"effort"}),
    "ice": ({"impact", "confidence", "ease"}, set()),
    "wsjf": ({"business_value", "time_criticality", "risk_reduction"}, {"job_size"}),
    "opportunity": ({"importance"}, {"satisfaction"}),
    "value": ({"customer_value", "business_value"}, set()),
}


@pytest.mark.parametrize("name", sorted(INCREASING))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_scores_are_monotonic_in_each_input(name: str, data: st.DataObject) -> None:
    model = MODEL_TYPES[name](BUILTIN[name])
    values = data.draw(_valid_values(model))
    base = model.compute(values).score
    up, down = INCREASING[name]
    for spec in model.inputs():
        bigger = data.draw(_valid_values(model))[spec.name]
        if bigger <= values[spec.name]:
            continue
        changed = model.compute({**values, spec.name: bigger}).score
        if spec.name in up:
            assert changed >= base or math.isclose(changed, base)
        elif spec.name in down:
            assert changed <= base or math.isclose(changed, base)
