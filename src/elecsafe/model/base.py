"""Building blocks shared by every part of the plan schema.

Two kinds of metadata ride on the fields, so that rules, renders and the calendar need no
parallel tables that could drift:

* **sensitivity** (``public`` < ``partners`` < ``restricted``): what an audience may see.
  A model declares its default with ``default_sensitivity``; a field overrides it with
  ``Field(json_schema_extra={"sensitivity": ...})`` (use :func:`sens`).
* **references**: ``Annotated[str, RefTo("person")]`` marks a field holding the id of another
  entity; :mod:`elecsafe.model.refs` checks every one of them generically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)


class Sensitivity(str, Enum):
    PUBLIC = "public"
    PARTNERS = "partners"
    RESTRICTED = "restricted"

    @property
    def rank(self) -> int:
        return {"public": 0, "partners": 1, "restricted": 2}[self.value]


# Audiences of a rendered document: an audience sees fields up to its rank.
AUDIENCE_RANK = {"public": 0, "partners": 1, "internal": 2}


class StrictModel(BaseModel):
    """Unknown keys are errors; models build lazily so ``elecsafe --help`` stays fast."""

    # Field descriptions are the attribute docstrings; model/schema.py reads them when a schema
    # is written (use_attribute_docstrings=True would parse every model's source at start-up).
    model_config = ConfigDict(extra="forbid", defer_build=True, frozen=False)
    default_sensitivity: ClassVar[Sensitivity] = Sensitivity.PARTNERS


class RenamedKeysModel(StrictModel):
    """A model that still reads keys under their old names for one schema version.

    ``renamed_keys`` maps old name -> new name; the old key is read as the new one (written
    together, the old one stays and is an unknown key), and :mod:`elecsafe.load.renamed`
    reports each one (SCH004) with the new name.
    """

    renamed_keys: ClassVar[dict[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _read_renamed_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        renamed = {o: n for o, n in cls.renamed_keys.items() if o in data and n not in data}
        return {renamed.get(k, k): v for k, v in data.items()} if renamed else data


def sens(level: Literal["public", "partners", "restricted"], **kwargs: Any) -> Any:
    """``Field`` with a sensitivity marking, e.g. ``rating: RAG = sens("restricted")``."""
    extra = dict(kwargs.pop("json_schema_extra", {}) or {})
    extra["sensitivity"] = level
    return Field(json_schema_extra=extra, **kwargs)


@cache
def field_sensitivity(model: type[BaseModel], name: str) -> Sensitivity:
    info = model.model_fields[name]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    level = extra.get("sensitivity")
    if isinstance(level, str):
        return Sensitivity(level)
    default: Sensitivity = getattr(model, "default_sensitivity", Sensitivity.PARTNERS)
    return default


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of an entity of one of ``kinds``; ``hint``: what to do
    when the id is unknown and nothing close exists (default: define the entity)."""

    kinds: tuple[str, ...]
    hint: str = ""

    def __init__(self, *kinds: str, hint: str = "") -> None:
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "hint", hint)


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$"),
    Field(description="lowercase slug, unique across the plan"),
]
PersonRef = Annotated[str, RefTo("person")]
OrgRef = Annotated[str, RefTo("organisation")]
RoleRef = Annotated[str, RefTo("role")]
SiteRef = Annotated[str, RefTo("site")]
JurisdictionRef = Annotated[str, RefTo("jurisdiction")]
ElectionRef = Annotated[str, RefTo("election")]
MeetingRef = Annotated[str, RefTo("meeting")]
TimetableRef = Annotated[str, RefTo("milestone", "meeting", "training", "exercise", "action")]
TrainingRef = Annotated[str, RefTo("training", "exercise")]
AgreementRef = Annotated[str, RefTo("mou", "mutual_aid")]
PartyRef = Annotated[str, RefTo("role", "organisation", "person")]

NonEmptyStr = Annotated[str, StringConstraints(min_length=1)]
Time = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Reason = Annotated[str, StringConstraints(min_length=3), Field(description="why; never empty")]


class Status(str, Enum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"
    NOT_REQUIRED = "not_required"


class SourceRef(StrictModel):
    """A citation for a field: statute, APP section, agreement clause."""

    default_sensitivity = Sensitivity.PUBLIC
    ref: NonEmptyStr
    """The citation: statute and section, guidance publication and section, or agreement clause."""
    note: str | None = None
    """What the source says, in a few words."""
    url: str | None = None
    """Link to the source text, if published."""


class Handling(StrictModel):
    """Protective marking printed in every document header and footer."""

    default_sensitivity = Sensitivity.PUBLIC
    marking: NonEmptyStr = Field(description="e.g. OFFICIAL-SENSITIVE, or a state exemption note")
    public_marking: str | None = Field(
        default=None,
        description="printed on public editions instead of the marking (e.g. OFFICIAL, or "
        "'Published by Pine Hollow County Elections'); none by default: a public edition "
        "carries no restrictive marking",
    )
    audience: Literal["public", "partners", "internal"] = "partners"
    """Widest audience of the plan: public, partners or internal."""
    exemption_note: str | None = None
    """Public-records exemption that applies (US), checked with counsel."""

    def marking_for(self, audience: str) -> str:
        """What a document for ``audience`` prints in its header and footer ("" for none)."""
        if audience == "public":
            return self.public_marking or ""
        return self.marking


ContactMethodKind = Literal[
    "work_phone",
    "mobile",
    "email",
    "radio_callsign",
    "radio_talkgroup",
    "pager",
    "secure_messaging",
    "in_person",
    "web_form",
]
CONTACT_METHOD_LABELS: dict[ContactMethodKind, str] = {
    "work_phone": "Work phone",
    "mobile": "Mobile",
    "email": "Email",
    "radio_callsign": "Radio call sign",
    "radio_talkgroup": "Radio talkgroup",
    "pager": "Pager",
    "secure_messaging": "Secure messaging",
    "in_person": "In person",
    "web_form": "Web form",
}


class ContactMethod(StrictModel):
    kind: ContactMethodKind
    """Kind of contact: work phone, mobile, e-mail, radio call sign or talkgroup, pager, ..."""
    value: NonEmptyStr
    """The number, address or call sign."""
    hours: str | None = None
    """When it is answered, e.g. 08:00-18:00 on working days."""
    sensitivity: Sensitivity = Sensitivity.PARTNERS
    """Who may see it: public, partners or restricted."""


class LegalRef(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    citation: NonEmptyStr
    """The law or regulation, as lawyers cite it."""
    summary: str | None = None
    """What it means for the plan, in a sentence."""
    jurisdiction: JurisdictionRef | None = None
    """Id of the jurisdiction where it applies, if not everywhere."""
    source_url: str | None = None
    """Link to the published text."""


# -- dates as written in the plan (resolved later by elecsafe.dates) ---------------------------

DateUnit = Literal["calendar_days", "days", "working_days", "business_days", "weeks", "months"]


class RelativeDate(StrictModel):
    """``{anchor: poll, offset: -25, unit: working_days, time: "16:00", roll: none}``."""

    default_sensitivity = Sensitivity.PUBLIC
    anchor: NonEmptyStr = Field(
        description="poll, another statutory anchor, or a timetable item id"
    )
    """What the date counts from: poll, an election id, a statutory key or a timetable entry id."""
    offset: int = 0
    """Units before (negative) or after (positive) the anchor."""
    unit: DateUnit = "calendar_days"
    """Unit of the offset: calendar (or plain) days, working (or business) days, weeks or months."""
    time: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] | None = (
        None
    )
    """Time of day, HH:MM."""
    roll: Literal["none", "forward", "backward"] | None = None
    """Where a date falling on a non-working day moves: none, forward or backward."""


class DateWindowBounds(StrictModel):
    default_sensitivity = Sensitivity.PUBLIC
    from_: DateSpecNoWindow = Field(alias="from")
    """First day of the window."""
    to: DateSpecNoWindow
    """Last day of the window."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)


class DateWindow(StrictModel):
    """A window such as the APP's "Jan/Feb": ``{window: {from: ..., to: ...}}``."""

    default_sensitivity = Sensitivity.PUBLIC
    window: DateWindowBounds
    """A period from one date to another, e.g. the early-voting period."""


def _date_spec_kind(value: Any) -> str | None:
    """Pick the one branch a value can be, so a bad date gets one clear error, not five."""
    if isinstance(value, dict):
        return "window" if "window" in value else "relative"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, str):
        return "expression"
    return None


# A string is either an ISO date the YAML reader left alone or the short form
# ("poll - 25 working days"); elecsafe.dates parses it and reports problems at its position.
DateSpecNoWindow = Annotated[
    Annotated[datetime, Tag("datetime")]
    | Annotated[date, Tag("date")]
    | Annotated[RelativeDate, Tag("relative")]
    | Annotated[str, Tag("expression")],
    Discriminator(
        _date_spec_kind,
        custom_error_type="date_spec",
        custom_error_message="expected a date, a date expression or {anchor, offset, unit}",
    ),
]
DateSpec = Annotated[
    Annotated[datetime, Tag("datetime")]
    | Annotated[date, Tag("date")]
    | Annotated[RelativeDate, Tag("relative")]
    | Annotated[DateWindow, Tag("window")]
    | Annotated[str, Tag("expression")],
    Discriminator(
        _date_spec_kind,
        custom_error_type="date_spec",
        custom_error_message="expected a date, a date expression or {anchor, offset, unit}",
    ),
]

DateWindowBounds.model_rebuild()
