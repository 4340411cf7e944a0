"""The workspace format as pydantic models. Pure data: no I/O, no YAML, no printing."""

from journeyops.model.config import Config
from journeyops.model.insight import Insight
from journeyops.model.journey import Journey, Kpi, Pain, Stage, Step
from journeyops.model.opportunity import Opportunity
from journeyops.model.persona import Persona

MODELS_BY_KIND: dict[str, type[Persona | Journey | Insight | Opportunity]] = {
    "persona": Persona,
    "journey": Journey,
    "insight": Insight,
    "opportunity": Opportunity,
}
KINDS = tuple(MODELS_BY_KIND)

__all__ = [
    "KINDS",
    "MODELS_BY_KIND",
    "Config",
    "Insight",
    "Journey",
    "Kpi",
    "Opportunity",
    "Pain",
    "Persona",
    "Stage",
    "Step",
]
