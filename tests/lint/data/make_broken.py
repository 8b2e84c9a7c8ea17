# Regenerates the broken plans from the rule examples plus hand-written parts:
#   python tests/lint/data/make_broken.py
# (then review the diff: the hand-written parts at the end keep rules from cancelling out).
import shutil
from pathlib import Path

from elecsafe.lint.examples import BASE_GB, BASE_US, country_of
from elecsafe.lint.registry import registry

out = Path(__file__).resolve().parent
for country, base in (("GB", BASE_GB), ("US", BASE_US)):
    name = "broken-uk" if country == "GB" else "broken-us"
    d = out / name
    if d.exists():
        shutil.rmtree(d)
    (d / "parts").mkdir(parents=True)
    for code, rule in registry().items():
        if rule.origin == "loader" or code == "INTERNAL":
            continue
        if country_of(rule, rule.bad) != country:
            continue
        if rule.bad.files:
            continue
        (d / "parts" / f"{code.lower()}.yaml").write_text(
            f"# {code} {rule.name}: {rule.summary}\n" + rule.bad.yaml
        )
    text = base.replace("include: [example.yaml]", "include: [parts/*.yaml]")
    (d / "plan.yaml").write_text(
        "# A deliberately broken plan: every rule fires at least once (tests/lint/test_broken_plans.py).\n"
        + text
    )

uk = out / "broken-uk" / "parts"
us = out / "broken-us" / "parts"
for name in (
    "dbf001",
    "thr001",
    "thr002",
    "thr003",
    "thr004",
    "thr005",
    "thr006",
    "thr008",
    "cmd001",
    "cmd004",
):
    (uk / f"{name}.yaml").unlink()
for name in ("thr007",):
    (us / f"{name}.yaml").unlink()
(uk / "cmd001.yaml").write_text("""\
# CMD001 gold-silver-bronze: silver and bronze, but no gold
command:
  silver: [{assignment: ra-silver}]
""")
(us / "cmd004.yaml").write_text("""\
# CMD004 distinct-command-levels: the same person holds gold and silver
roles:
  - {id: us-gold, role: gold_commander, organisation: office, holder: alice}
  - {id: us-silver, role: silver_commander, organisation: office, holder: alice}
command:
  gold: {assignment: us-gold}
  silver: [{assignment: us-silver}]
""")
(uk / "dbf001.yaml").write_text("""\
# DBF001 debrief-after-poll: linted with --today after polling day, the debrief is incomplete
debrief:
  considerations:
    polling_day: quiet at most stations
""")
(uk / "thr.yaml").write_text("""\
# THR001-THR008: one threat assessment with every gap
threat_assessment:
  id: ta
  prepared_on: 2026-12-01          # THR001: old at polling day and no review_due
  prepared_by: alice
  version: '1'
  scope: malpractice, intimidation and threats to peaceful voting
  inputs:                          # THR004: no previous_debrief input
    - {kind: intelligence, ref: force briefing}
  factors:                         # THR003: most factors missing
    relevant_intelligence: {narrative: Alice Example reported approaches}   # THR008: a name
    participants: {status: considered}                                     # THR003: no narrative
  harms:                           # THR002: most harms missing
    physical_assault: {rating: high}                                       # THR005
    hate_crime: {rationale: still to assess}                               # THR002
  # THR006: no scale_drivers
""")
(us / "thr007.yaml").write_text("""\
# THR007 us-harms: a US assessment without the US extension harms
threat_assessment:
  id: us-ta
  prepared_on: 2028-10-20
  prepared_by: alice
  version: '1'
  scope: threats to election workers and voters
  review_due: 2028-11-01
""")
(uk / "doc001.yaml").write_text("""\
# DOC001 mou-per-local-authority: a council holding a poll without an MoU
jurisdictions:
  - {id: south, name: South District, kind: district_council, parent: area}
organisations:
  - {id: south-council, name: South District Council, kind: local_authority, sector: election_administration, jurisdictions: [south]}
""")
t = (uk / "mtg009.yaml").read_text().replace("id: ttx", "id: ttx-past")
(uk / "mtg009.yaml").write_text(t)
t = (
    (us / "tt005.yaml")
    .read_text()
    .replace("      when: 2028-10-02\n", "      when: 2028-10-02\n      election: poll\n")
)
(us / "tt005.yaml").write_text(t)
t = (uk / "mtg002.yaml").read_text().replace("joint_agency_working_group", "spoc_esm")
(uk / "mtg002.yaml").write_text(t)
(uk / "prv007.yaml").write_text("""\
# PRV007 temporary-staff-retention: the test adds private contacts for tess without retain_until
people:
  - {id: tess, display_name: Tess Example, organisation: office, is_temporary_staff: true}
""")
(uk / "site010.yaml").write_text("""\
# SITE010 site-covered: a site in an area no law enforcement agency covers
jurisdictions:
  - {id: elsewhere, name: Elsewhere, kind: ward}
sites:
  - id: remote-hall
    name: Remote Hall
    kind: polling_place
    jurisdiction: elsewhere
    vulnerability: {rating: green, assessed_on: 2027-02-01, assessed_by: alice}
    police_presence: none
""")
# Cases that contradict a part of broken-uk (COM007 needs no impartiality block; TT010 needs one)
second = out / "broken-uk-2"
if second.exists():
    shutil.rmtree(second)
(second / "parts").mkdir(parents=True)
(second / "parts" / "com007.yaml").write_text((uk / "com007.yaml").read_text())
(uk / "com007.yaml").unlink()
(second / "plan.yaml").write_text(
    "# A second broken UK plan, for cases that contradict broken-uk.\n"
    + BASE_GB.replace("include: [example.yaml]", "include: [parts/*.yaml]")
)
