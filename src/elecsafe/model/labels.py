"""Enumerated values as a reader expects them, by the field kind templates name.

Each table lives beside the ``Literal`` it labels (``SITE_KIND_LABELS`` beside ``SiteKind``);
this index gives templates one name per table (``{{ site.kind | label("site_kind") }}``) and
tests/model/test_labels.py keeps every table in step with its ``Literal``. Values missing
from a table fall back to ``humanize`` in the render filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elecsafe.model.agreements import (
    AGREEMENT_TYPE_LABELS,
    MAA_PARTY_ROLE_LABELS,
    AgreementType,
    MaaPartyRole,
)
from elecsafe.model.base import CONTACT_METHOD_LABELS, ContactMethodKind
from elecsafe.model.comms import (
    AUDIENCE_LABELS,
    CHANNEL_KIND_LABELS,
    RADIO_FUNCTION_LABELS,
    Audience,
    ChannelKind,
    RadioFunction,
)
from elecsafe.model.learning import SUBMISSION_LABELS, SubmissionBody
from elecsafe.model.roles import (
    BRONZE_FUNCTION_LABELS,
    FRAMEWORK_LABELS,
    ICS_POSITION_LABELS,
    BronzeFunction,
    CommandFramework,
    IcsPositionKind,
)
from elecsafe.model.sites import (
    PRESENCE_LABELS,
    RATING_LABELS,
    SITE_KIND_LABELS,
    PolicePresence,
    RagRating,
    SiteKind,
)
from elecsafe.model.timetable import MEETING_TYPE_LABELS, MeetingType

# kind -> (the Literal, its labels)
LABELLED: dict[str, tuple[Any, Mapping[Any, str]]] = {
    "site_kind": (SiteKind, SITE_KIND_LABELS),
    "maa_party_role": (MaaPartyRole, MAA_PARTY_ROLE_LABELS),
    "agreement_type": (AgreementType, AGREEMENT_TYPE_LABELS),
    "bronze_function": (BronzeFunction, BRONZE_FUNCTION_LABELS),
    "ics_position": (IcsPositionKind, ICS_POSITION_LABELS),
    "framework": (CommandFramework, FRAMEWORK_LABELS),
    "submission": (SubmissionBody, SUBMISSION_LABELS),
    "channel_kind": (ChannelKind, CHANNEL_KIND_LABELS),
    "contact_method": (ContactMethodKind, CONTACT_METHOD_LABELS),
    "audience": (Audience, AUDIENCE_LABELS),
    "presence": (PolicePresence, PRESENCE_LABELS),
    "rating": (RagRating, RATING_LABELS),
    "radio_function": (RadioFunction, RADIO_FUNCTION_LABELS),
    "meeting_type": (MeetingType, MEETING_TYPE_LABELS),
}
ENUM_LABELS: dict[str, Mapping[Any, str]] = {kind: table for kind, (_, table) in LABELLED.items()}

__all__ = ["ENUM_LABELS", "LABELLED"]
