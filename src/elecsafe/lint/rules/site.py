"""SITE: polling places and stations, count centres, drop boxes (domain.md §2.6).

Ratings, presence levels and drop-box security details are restricted: messages name the
site id and the missing key, never the value (a CI log must not tell anyone where the police
will not be).
"""

from __future__ import annotations

from collections.abc import Iterator

from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.common import listing
from elecsafe.model.sites import ASSESSED_KINDS, CANVASS_KINDS, COUNT_KINDS, VOTING_KINDS, Site

E, W = Severity.ERROR, Severity.WARNING
PRESENCE_KINDS = VOTING_KINDS | COUNT_KINDS
US_VOTING_KINDS = frozenset({"us_polling_place", "early_voting_site", "vote_center"})


def _parent(ctx: Context, site: Site) -> Site | None:
    """A UK polling station shares the building (and its assessment) of its polling place."""
    if site.kind == "polling_station" and site.parent_site:
        return ctx.index.sites.get(site.parent_site)
    return None


def assessed(ctx: Context, site: Site) -> bool:
    parent = _parent(ctx, site)
    return site.vulnerability is not None or (
        parent is not None and parent.vulnerability is not None
    )


def has_presence(ctx: Context, site: Site) -> bool:
    parent = _parent(ctx, site)
    return site.police_presence is not None or (
        parent is not None and parent.police_presence is not None
    )


def site_yaml(id_: str, kind: str, extra: str = "") -> str:
    return (
        f"  - id: {id_}\n    name: {id_.replace('-', ' ').title()}\n    kind: {kind}\n"
        f"    jurisdiction: area\n{extra}"
    )


SITES = "sites:\n"
RATED = (
    "    vulnerability:\n      rating: green\n      assessed_on: 2027-02-01\n"
    "      assessed_by: alice\n"
)


def _site001(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind in ASSESSED_KINDS and not assessed(ctx, site):
            yield missing(
                ctx,
                ("sites", i, "vulnerability"),
                f"site '{site.id}' has no vulnerability assessment",
            )


def _settled(ctx: Context, i: int, site: Site, key: str, *also: str) -> bool:
    """No placeholder left in the site's own ``key`` block (nor in the ``also`` keys that
    explain it), nor in its polling place's when the site shares that building's."""
    if not ctx.loaded.placeholders:
        return True
    keys = (key, *also)
    paths: list[KeyPath] = [("sites", i, k) for k in keys]
    parent = _parent(ctx, site)
    if parent is not None and getattr(site, key) is None:
        j = next((n for n, s in enumerate(ctx.plan.sites) if s is parent), None)
        if j is not None:
            paths += [("sites", j, k) for k in keys]
    return not ctx.draft(*paths)


def assessed_counts(ctx: Context) -> tuple[int, int]:
    sites = [(i, s) for i, s in enumerate(ctx.plan.sites) if s.kind in ASSESSED_KINDS]
    done = sum(1 for i, s in sites if assessed(ctx, s) and _settled(ctx, i, s, "vulnerability"))
    return done, len(sites)


def presence_counts(ctx: Context) -> tuple[int, int]:
    sites = [(i, s) for i, s in enumerate(ctx.plan.sites) if s.kind in PRESENCE_KINDS]
    # a level whose rationale is still a TODO is the scaffold's default, not a decision
    done = sum(
        1
        for i, s in sites
        if has_presence(ctx, s) and _settled(ctx, i, s, "police_presence", "presence_rationale")
    )
    return done, len(sites)


SITE001 = Rule(
    code="SITE001",
    check=_site001,
    name="site-vulnerability",
    severity=E,
    scope="all",
    summary="Every polling place or station, count centre and drop box has a vulnerability "
    "assessment (red/amber/green rating, assessed_on, assessed_by). A polling station "
    "shares the assessment of its polling place (parent_site).",
    rationale=(
        "APP Election-day considerations: 'locations and assessment of vulnerability'; Roadmap §II "
        "lists the 'security of physical offices, poll sites, count facilities, drop boxes'. "
        "The red/amber/green scale is the APP's polling-station assessment."
    ),
    fix="Add a vulnerability block with rating, assessed_on and assessed_by.",
    bad=Example(
        "sites:\n"
        "  - id: town-hall\n"
        "    name: Town Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: town-hall\n"
        "    name: Town Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2027-02-01\n"
        "      assessed_by: alice\n"
    ),
)


def _site002(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind in PRESENCE_KINDS and not has_presence(ctx, site):
            yield missing(
                ctx,
                ("sites", i, "police_presence"),
                f"site '{site.id}' has no police_presence level",
            )


SITE002 = Rule(
    code="SITE002",
    check=_site002,
    name="site-police-presence",
    severity=E,
    scope="all",
    summary="Every polling and count site has a police presence level (permanent, occasional "
    "or none).",
    rationale=(
        "APP Election-day considerations: 'police presence, namely, permanent, occasional or no "
        "police presence'. Writing 'none' is a decision; leaving it out is not."
    ),
    fix="Set police_presence to permanent, occasional or none.",
    bad=Example(
        "sites:\n"
        "  - id: count\n"
        "    name: Count\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2027-02-01\n"
        "      assessed_by: alice\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: count\n"
        "    name: Count\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2027-02-01\n"
        "      assessed_by: alice\n"
        "    police_presence: permanent\n"
    ),
)


def _site003(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        rating = site.vulnerability.rating if site.vulnerability else None
        if rating is None or rating == "green":
            continue
        if rating == "red" and site.police_presence == "none" and not site.presence_rationale:
            yield missing(
                ctx,
                ("sites", i, "presence_rationale"),
                f"site '{site.id}': its rating and presence level call for a presence_rationale",
            )
        assert site.vulnerability is not None
        if not any(m.owner for m in site.vulnerability.mitigations):
            yield missing(
                ctx,
                ("sites", i, "vulnerability", "mitigations"),
                f"site '{site.id}': its rating calls for a mitigation with an owner",
            )


SITE003 = Rule(
    code="SITE003",
    check=_site003,
    name="rated-site-mitigation",
    severity=W,
    scope="all",
    summary="A red or amber site has a mitigation with an owner; a red site with no police "
    "presence explains why (presence_rationale).",
    rationale=(
        "APP Election-day considerations: 'strategy and tactics to minimise risk' at "
        "polling stations; the APP's red/amber/green assessment exists to decide 'the level of "
        "police presence'. A high rating with no owner for its mitigation is an open risk."
    ),
    fix="Add a mitigation with an owner role; give presence_rationale for red sites without "
    "presence.",
    bad=Example(
        "sites:\n"
        "  - id: school\n"
        "    name: School\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: amber\n"
        "      assessed_on: 2027-02-01\n"
        "      assessed_by: alice\n"
        "    police_presence: occasional\n",
        problems=((7, 7),),
    ),
    good=Example(
        "sites:\n"
        "  - id: school\n"
        "    name: School\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: amber\n"
        "      assessed_on: 2027-02-01\n"
        "      assessed_by: alice\n"
        "      mitigations: [{text: extra patrol at closing, owner: ra-npt}]\n"
        "    police_presence: occasional\n"
        "roles:\n"
        "  - {id: ra-npt, role: npt_lead, organisation: office}\n"
    ),
)


def _site004(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if (
            site.kind in US_VOTING_KINDS
            and site.police_presence not in (None, "none")
            and site.presence_legal_basis is None
        ):
            yield missing(
                ctx,
                ("sites", i, "presence_legal_basis"),
                f"site '{site.id}': its police presence level needs a presence_legal_basis",
            )


SITE004 = Rule(
    code="SITE004",
    check=_site004,
    name="presence-legal-basis",
    severity=W,
    scope="US",
    summary="A US voting site with a planned police presence cites the state law that allows it.",
    rationale=(
        "Roadmap §II asks election offices to plan 'Communicating public safety expectations to the "
        "public'; uniformed presence at polls is restricted by state law in many states and can "
        "chill voting, so the plan records its legal basis."
    ),
    fix="Add presence_legal_basis with the state statute (citation, summary).",
    bad=Example(
        "sites:\n"
        "  - id: library\n"
        "    name: Library\n"
        "    kind: us_polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2028-02-01\n"
        "      assessed_by: alice\n"
        "    police_presence: occasional\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: library\n"
        "    name: Library\n"
        "    kind: us_polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2028-02-01\n"
        "      assessed_by: alice\n"
        "    police_presence: occasional\n"
        "    presence_legal_basis: {citation: WL Elec. Code 3-101}\n"
    ),
)


def _site006(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind != "ballot_drop_box":
            continue
        box = site.drop_box
        if box is None:
            yield missing(
                ctx,
                ("sites", i, "drop_box"),
                f"drop box '{site.id}' has no drop_box details (staffing, security)",
            )
            continue
        if box.staffing != "unstaffed":
            continue
        absent = [k for k in ("anchored", "video_surveillance") if not getattr(box, k)]
        if box.collection is None or box.collection.team_size < 2:
            absent.append("collection by a team of two or more")
        if box.collection is None or not box.collection.seal_log:
            absent.append("a seal log")
        if not box.key_custody:
            absent.append("key custody")
        if absent:
            yield ctx.report(
                ("sites", i, "drop_box"), f"unstaffed drop box '{site.id}' lacks {listing(absent)}"
            )


SITE006 = Rule(
    code="SITE006",
    check=_site006,
    name="unstaffed-drop-box",
    severity=W,
    scope="US",
    summary="An unstaffed drop box is anchored, under video surveillance, collected by a team "
    "of two with a seal log, and its key custody is recorded.",
    rationale=(
        "Roadmap §II: the 'security of … drop boxes' and of ballots is a need to discuss with law "
        "enforcement; chain of custody for the box and its keys is what an investigation will "
        "ask for after an attack on a box."
    ),
    fix="Complete the drop_box block: anchored, video_surveillance, collection (team_size >= 2, "
    "seal_log) and key_custody.",
    bad=Example(
        "sites:\n"
        "  - id: box-1\n"
        "    name: Box 1\n"
        "    kind: ballot_drop_box\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2028-02-01\n"
        "      assessed_by: alice\n"
        "    drop_box:\n"
        "      staffing: unstaffed\n"
        "      anchored: true\n",
        problems=((11, 7),),
    ),
    good=Example(
        "sites:\n"
        "  - id: box-1\n"
        "    name: Box 1\n"
        "    kind: ballot_drop_box\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2028-02-01\n"
        "      assessed_by: alice\n"
        "    drop_box:\n"
        "      staffing: unstaffed\n"
        "      anchored: true\n"
        "      video_surveillance: true\n"
        "      key_custody: [ra-clerk]\n"
        "      collection: {team_size: 2, seal_log: true}\n"
        "roles:\n"
        "  - {id: ra-clerk, role: local_election_official, organisation: office}\n"
    ),
)


def _site009(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind in ("polling_station", "polling_place") and site.cctv and site.cctv.internal:
            yield ctx.report(
                ("sites", i, "cctv", "internal"),
                f"site '{site.id}' records internal CCTV at a polling station",
            )


SITE009 = Rule(
    code="SITE009",
    check=_site009,
    name="no-internal-cctv",
    severity=E,
    scope="UK",
    summary="No UK polling station (or the polling place that houses it) records internal CCTV.",
    rationale=(
        "APP Election-day considerations: 'CCTV is not allowed inside polling stations. "
        "However, some of the buildings used as polling stations may have externally fitted "
        "CCTV which could provide evidence gathering opportunities.' A polling place is the "
        "building the stations are in, so its `cctv.internal` counts too."
    ),
    fix="Set cctv.internal to false (cameras must be covered or off inside the station); record "
    "external cameras as cctv.external.",
    bad=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    cctv: {external: true, internal: true}\n",
        problems=((6, 38),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    cctv: {external: true}\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------


def _site005(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind not in PRESENCE_KINDS or site.kind == "polling_station":
            continue
        absent = [k for k in ("site_contact", "le_agency") if getattr(site, k) is None]
        if absent:
            yield ctx.report(("sites", i), f"site '{site.id}' has no {listing(absent)}")


SITE005 = Rule(
    code="SITE005",
    check=_site005,
    name="site-contacts",
    severity=W,
    scope="all",
    core=False,
    summary="Every voting and count site names a site contact role and the responding law "
    "enforcement agency.",
    rationale=(
        "Roadmap §I and IV: know which agency covers each location and who the point of contact is; "
        "officers responding to a site need the person to call there."
    ),
    fix="Set site_contact (a role) and le_agency (an organisation).",
    bad=Example(
        "sites:\n  - id: hall\n    name: Hall\n    kind: count_centre\n    jurisdiction: area\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "    site_contact: ra-site\n"
        "    le_agency: office\n"
        "roles:\n"
        "  - {id: ra-site, role: site_contact, organisation: office}\n"
    ),
)


def _site007(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if site.kind not in COUNT_KINDS:
            continue
        count, plan = site.count, site.emergency_plan
        absent = []
        if count is None or not count.access_control:
            absent.append("access control")
        if count is None or not count.search_regime:
            absent.append("a search regime")
        if count is None or not count.ballot_box_receipt_log:
            absent.append("a ballot box receipt log")
        if plan is None or not (plan.evacuation and plan.ballot_security_on_evacuation):
            absent.append("an evacuation plan covering ballot security")
        if absent:
            yield ctx.report(("sites", i), f"count site '{site.id}' lacks {listing(absent)}")


SITE007 = Rule(
    code="SITE007",
    check=_site007,
    name="count-security",
    severity=W,
    scope="all",
    core=False,
    summary="Count centres have access control, a search regime, a ballot box receipt log and "
    "an evacuation plan that covers ballot security.",
    rationale=(
        "APP Command and planning considerations: 'maintaining the peace at election counts'; Roadmap §II lists "
        "the security of 'count facilities' and 'ballots'."
    ),
    fix="Fill the count and emergency_plan blocks of the site.",
    bad=Example(
        "sites:\n  - id: count\n    name: Count\n    kind: count_centre\n    jurisdiction: area\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: count\n"
        "    name: Count\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "    count: {access_control: accreditation, search_regime: bag search, ballot_box_receipt_log: true}\n"
        "    emergency_plan: {evacuation: true, ballot_security_on_evacuation: true}\n"
    ),
)


def _site008(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None:
        return
    limit = ctx.param("max_age_days")
    for i, site in enumerate(ctx.plan.sites):
        assessment = site.vulnerability
        if assessment is None:
            continue
        path = ("sites", i, "vulnerability")
        review = ctx.dates.date_of(assessment.next_review, (*path, "next_review"))
        latest = max(assessment.assessed_on, review) if review else assessment.assessed_on
        if (poll - latest).days > limit:
            yield ctx.report(
                (*path, "assessed_on"),
                f"the assessment of site '{site.id}' will be {(poll - latest).days} "
                f"days old at polling day (limit {limit}) and no review is "
                "scheduled in time",
            )


SITE008 = Rule(
    code="SITE008",
    check=_site008,
    name="assessment-age",
    severity=W,
    scope="all",
    core=False,
    params={"max_age_days": 90},
    summary="Each vulnerability assessment is (or is scheduled to be reviewed) at most "
    "max_age_days (90) before polling day.",
    rationale=(
        "APP Election-day considerations: 'locations and assessment of vulnerability'. An "
        "assessment from last year misses this year's tensions."
    ),
    fix="Re-assess the site, or set vulnerability.next_review within the window.",
    bad=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2026-06-01\n"
        "      assessed_by: alice\n",
        problems=((8, 20),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    vulnerability:\n"
        "      rating: green\n"
        "      assessed_on: 2026-06-01\n"
        "      assessed_by: alice\n"
        "      next_review: poll - 4 weeks\n"
    ),
)


def _site011(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    for i, site in enumerate(ctx.plan.sites):
        if site.kind not in VOTING_KINDS or site.kind == "polling_station":
            continue
        checklist = site.security_checklist
        done = checklist.completed_on if checklist else None
        if done is None or (poll is not None and done >= poll):
            yield missing(
                ctx,
                ("sites", i, "security_checklist"),
                f"site '{site.id}' has no physical security checklist completed before polling day",
            )


SITE011 = Rule(
    code="SITE011",
    check=_site011,
    name="security-checklist",
    severity=W,
    scope="all",
    core=False,
    summary="Every polling location has a physical security checklist completed before polling "
    "day.",
    rationale=(
        "Roadmap §II: identify 'the security of … poll sites'; a completed checklist is the record "
        "that the site was looked at with that question in mind."
    ),
    fix="Add security_checklist with name and completed_on.",
    bad=Example(
        "sites:\n  - id: hall\n    name: Hall\n    kind: polling_place\n    jurisdiction: area\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    security_checklist: {name: Polling place checklist, completed_on: 2027-03-01}\n"
    ),
)


def _site012(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        if (
            site.kind in VOTING_KINDS | COUNT_KINDS | CANVASS_KINDS
            and site.kind != "polling_station"
            and not site.address
        ):
            yield missing(ctx, ("sites", i, "address"), f"public venue '{site.id}' has no address")


SITE012 = Rule(
    code="SITE012",
    check=_site012,
    name="public-venue-address",
    severity=Severity.INFO,
    scope="all",
    core=False,
    summary="Public voting, count, canvass and certification venues carry their (published) "
    "address.",
    rationale=(
        "Roadmap §II: responding officers need the locations; polling place addresses are public, "
        "unlike homes (CSSE Our Principles: protect the privacy of election workers and their families)."
    ),
    fix="Add the venue's public address.",
    bad=Example(
        "sites:\n  - id: hall\n    name: Hall\n    kind: polling_place\n    jurisdiction: area\n",
        problems=((2, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "    address: Town Hall, Market Square\n"
    ),
)


def _site010(ctx: Context) -> Iterator[Finding]:
    from elecsafe.lint.rules.common import JurisdictionTree

    tree = JurisdictionTree(ctx.plan)
    roles = ctx.index.roles
    covered: set[str] = set()
    for org in ctx.plan.organisations:
        role = roles.get(org.primary_contact) if org.primary_contact else None
        if org.is_law_enforcement and role is not None and role.holder:
            for jid in org.jurisdictions:
                covered |= tree.down(jid)
    for i, site in enumerate(ctx.plan.sites):
        if site.jurisdiction not in covered:
            yield ctx.report(
                ("sites", i, "jurisdiction"),
                f"no law enforcement agency with a primary contact covers the area of site "
                f"'{site.id}'",
            )


SITE010 = Rule(
    code="SITE010",
    check=_site010,
    name="site-covered",
    severity=W,
    scope="all",
    core=False,
    summary="Every site lies in an area covered by a law enforcement agency whose primary "
    "contact has a holder.",
    rationale=(
        "Roadmap §I: identify 'police chiefs and sheriffs covering your jurisdiction'; Roadmap §II: the "
        "'security of … poll sites, count facilities, drop boxes' needs an agency that answers "
        "for each of them."
    ),
    fix="Add the agency of that area (with a primary contact), or correct the site's jurisdiction.",
    bad=Example(
        "sites:\n  - id: hall\n    name: Hall\n    kind: polling_place\n    jurisdiction: area\n",
        problems=((5, 19),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "organisations:\n"
        "  - {id: force, name: Police, kind: police_force, sector: law_enforcement, jurisdictions: [area], primary_contact: ra-spoc}\n"
        "roles:\n"
        "  - {id: ra-spoc, role: force_election_spoc, organisation: force, holder: alice}\n"
    ),
)


def _site013(ctx: Context) -> Iterator[Finding]:
    for i, move in enumerate(ctx.plan.ballot_transport):
        if move.what not in ("ballots", "ballot_boxes", "memory_devices"):
            continue
        gaps = []
        if len(set(move.custody)) < 2:
            gaps.append("two custodians")
        if not move.sealed:
            gaps.append("sealed containers")
        if not move.chain_of_custody_form:
            gaps.append("a chain-of-custody form")
        if gaps:
            yield ctx.report(
                ("ballot_transport", i),
                f"ballot transport '{move.id}' has no {listing(gaps)}",
            )


SITE013 = Rule(
    code="SITE013",
    check=_site013,
    name="ballot-chain-of-custody",
    severity=W,
    scope="all",
    summary="Ballots moved between sites travel with two custodians, in sealed containers, "
    "with a chain-of-custody form.",
    rationale=(
        "Roadmap §II: the 'security of ballots, voting machines, and equipment' is part of the "
        "security of the election; the EAC's chain of custody best practice (domain.md §1.8) "
        "asks for two people, sealed containers and a signed record at every hand-over, so "
        "that a box that went missing on the road can be proved intact or not."
    ),
    fix="Name two custodian roles, set sealed: true and name the chain-of-custody form.",
    bad=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "  - id: count\n"
        "    name: Count\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "roles:\n"
        "  - {id: ra-po, role: presiding_officer, organisation: office}\n"
        "  - {id: ra-clerk, role: other, organisation: office}\n"
        "ballot_transport:\n"
        "  - id: hall-to-count\n"
        "    from_site: hall\n"
        "    to_site: count\n"
        "    what: ballot_boxes\n",
        problems=((14, 5),),
    ),
    good=Example(
        "sites:\n"
        "  - id: hall\n"
        "    name: Hall\n"
        "    kind: polling_place\n"
        "    jurisdiction: area\n"
        "  - id: count\n"
        "    name: Count\n"
        "    kind: count_centre\n"
        "    jurisdiction: area\n"
        "roles:\n"
        "  - {id: ra-po, role: presiding_officer, organisation: office}\n"
        "  - {id: ra-clerk, role: other, organisation: office}\n"
        "ballot_transport:\n"
        "  - id: hall-to-count\n"
        "    from_site: hall\n"
        "    to_site: count\n"
        "    what: ballot_boxes\n"
        "    custody: [ra-po, ra-clerk]\n"
        "    sealed: true\n"
        "    chain_of_custody_form: Ballot box transfer form BT-1\n"
    ),
)


RULES: tuple[Rule, ...] = (
    SITE001,
    SITE002,
    SITE003,
    SITE004,
    SITE005,
    SITE006,
    SITE007,
    SITE008,
    SITE009,
    SITE010,
    SITE011,
    SITE012,
    SITE013,
)
