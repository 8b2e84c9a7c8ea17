"""Site locations: a back-office site keeps its address at the level its partners may see."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from elecsafe.model.base import Sensitivity, field_sensitivity
from elecsafe.model.sites import Site

BASE = {
    "id": "warehouse",
    "name": "Ballot warehouse",
    "kind": "ballot_storage",
    "jurisdiction": "a",
}


def test_non_public_address_fields_carry_their_sensitivity() -> None:
    assert field_sensitivity(Site, "address") is Sensitivity.PUBLIC
    assert field_sensitivity(Site, "partners_address") is Sensitivity.PARTNERS
    assert field_sensitivity(Site, "restricted_address") is Sensitivity.RESTRICTED
    assert field_sensitivity(Site, "access_notes") is Sensitivity.RESTRICTED


def test_any_site_kind_may_record_a_restricted_address_and_access_notes() -> None:
    site = Site.model_validate(
        {**BASE, "restricted_address": "14 Quarry Road", "access_notes": "Rear dock gate only"}
    )
    assert site.any_address == "14 Quarry Road"
    assert site.address is None


def test_a_site_has_one_address() -> None:
    with pytest.raises(
        ValidationError,
        match="partners_address and restricted_address",
    ):
        Site.model_validate({**BASE, "partners_address": "x", "restricted_address": "y"})
    with pytest.raises(ValidationError, match="address and restricted_address"):
        Site.model_validate({**BASE, "address": "x", "restricted_address": "y"})


def test_presence_windows_are_restricted_and_need_both_times_or_none() -> None:
    assert field_sensitivity(Site, "presence_windows") is Sensitivity.RESTRICTED
    window = {"id": "w", "from": "poll", "start": "22:00"}
    with pytest.raises(ValidationError, match="give both 'start' and 'end'"):
        Site.model_validate({**BASE, "presence_windows": [window]})
    site = Site.model_validate({**BASE, "presence_windows": [{**window, "end": "04:00"}]})
    (parsed,) = site.presence_windows
    assert (parsed.level, parsed.to, parsed.staffed_by) == ("occasional", None, [])


def test_observer_rules_say_who_may_observe() -> None:
    from elecsafe.model.org import ObserverRules

    assert field_sensitivity(ObserverRules, "may_not") is Sensitivity.PUBLIC
    with pytest.raises(ValidationError, match="at least 1 item"):
        ObserverRules.model_validate({"who": [], "may": ["watch"]})
    assert ObserverRules.model_validate({"who": ["accredited observers"]}).disputes_to is None


def test_ballot_transport_is_restricted_and_names_what_moves() -> None:
    from elecsafe.model.plan import Plan
    from elecsafe.model.sites import BallotTransport

    assert field_sensitivity(Plan, "ballot_transport") is Sensitivity.RESTRICTED
    move = {"id": "m", "from_site": "a", "to_site": "b", "what": "ballots"}
    assert BallotTransport.model_validate(move).escort is None
    with pytest.raises(ValidationError):
        BallotTransport.model_validate({**move, "what": "voters"})
