"""Codes about the checking itself: suppressions, waivers, configuration, internal errors."""

from __future__ import annotations

from elecsafe.findings import Severity
from elecsafe.lint.rule import Example, Rule

W, E = Severity.WARNING, Severity.ERROR

LINT001 = Rule(
    code="LINT001",
    name="unused-suppression",
    severity=W,
    scope="all",
    origin="runner",
    summary="Every `# elecsafe: ignore[CODE]` comment and every waiver suppresses a finding.",
    rationale=(
        "A suppression outlives the problem it excused; left in place it would silently hide "
        "the next, different problem on that line."
    ),
    fix="Remove the comment or waiver (or the code from it).",
    bad=Example(
        "jurisdictions:\n  - id: north  # elecsafe: ignore[REF001] legacy id\n"
        "    name: North\n    kind: ward\n",
        problems=((2, 16),),
    ),
    good=Example("jurisdictions:\n  - id: north\n    name: North\n    kind: ward\n"),
)

LINT002 = Rule(
    code="LINT002",
    name="expired-waiver",
    severity=W,
    scope="all",
    origin="runner",
    summary="Waivers in the `lint:` block (or .elecsafe.yaml) have not expired.",
    rationale=(
        "A waiver accepts a known gap for a while, with a reason; Public Safety & Elections, Introduction: agencies "
        "'revisit and update' their arrangements, so an accepted gap must come back for review."
    ),
    fix="Fix the findings the waiver covered, or renew it with a new 'until' and reason.",
    bad=Example(
        "lint:\n  waivers:\n    - code: MTG011\n      reason: review meeting date not agreed\n"
        "      until: 2026-01-31\n",
        problems=((3, 7),),
    ),
    good=Example(
        "lint:\n  waivers:\n    - code: MTG011\n      reason: review meeting date not agreed\n"
        "      until: 2027-06-30\n"
    ),
)

LINT003 = Rule(
    code="LINT003",
    name="valid-lint-config",
    severity=W,
    scope="all",
    origin="runner",
    summary="Suppressions and the lint configuration name real rule codes and parameters, "
    "with a reason.",
    rationale="A misspelt code in a suppression or in `ignore` does nothing, which is worse "
    "than an error: the reader believes a decision was recorded.",
    fix="Use codes and parameter names from `elecsafe rules` / `elecsafe rule CODE`.",
    bad=Example("lint:\n  ignore: [MTG999]\n", problems=((2, 12),)),
    good=Example("lint:\n  ignore: [MTG012]\n"),
)


READY001 = Rule(
    code="READY001",
    name="readiness-complete",
    severity=E,
    scope="all",
    origin="runner",
    summary="Under `check --ready`, every readiness measure is complete (n/n), whatever the "
    "configuration ignores or waives.",
    rationale=(
        "`check --ready` is the gate before an agreement is signed or officers are briefed. "
        "The readiness line counts the duties the guidance sets: APP Memorandum of "
        "understanding (an MoU with each local authority), APP Threat assessment (harms and "
        "factors), Public Safety & Elections, Draft and update mutual aid agreements (the "
        "topics of a mutual aid agreement) and Roadmap §VII (a next meeting decided at each "
        "meeting). A "
        "measure short of complete means a duty is not met, even where a rule's findings were "
        "waived; an entry that still holds a TODO placeholder counts as not done."
    ),
    fix="Close the gaps the rule named in the message reports, or fill in the placeholders.",
    bad=Example(
        "lint:\n"
        "  ignore: [MTG001]\n"
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    physical_assault: {likelihood: 2, impact: 3, rating: medium}\n"
        "    personal_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    social_media_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    disorder: {likelihood: 2, impact: 3, rating: medium}\n"
        "    criminal_damage: {likelihood: 2, impact: 3, rating: medium}\n"
        "    notified_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    spontaneous_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    hate_crime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    cybercrime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_disruption: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_interference: {likelihood: 2, impact: 3, rating: medium}\n"
        "  factors:\n"
        "    relevant_intelligence: {narrative: considered with partners}\n"
        "    previous_history: {narrative: considered with partners}\n"
        "    potential_for_offences: {narrative: considered with partners}\n"
        "    community_dynamics: {narrative: considered with partners}\n"
        "    party_control_influence: {narrative: considered with partners}\n"
        "    participants: {narrative: considered with partners}\n"
        "    campaign_events: {narrative: considered with partners}\n"
        "    premises: {narrative: considered with partners}\n"
        "    candidate_homes_and_locations: {narrative: considered with partners}\n"
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n",
        problems=(("plan.yaml", 1, 1),),
        country="US",
    ),
    good=Example(
        "lint:\n"
        "  ignore: [MTG001]\n"
        "threat_assessment:\n"
        "  id: ta\n"
        "  prepared_on: 2027-04-10\n"
        "  prepared_by: alice\n"
        "  version: '1'\n"
        "  scope: malpractice, intimidation and threats to peaceful voting\n"
        "  review_due: 2027-04-25\n"
        "  harms:\n"
        "    physical_assault: {likelihood: 2, impact: 3, rating: medium}\n"
        "    personal_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    social_media_harassment: {likelihood: 2, impact: 3, rating: medium}\n"
        "    disorder: {likelihood: 2, impact: 3, rating: medium}\n"
        "    criminal_damage: {likelihood: 2, impact: 3, rating: medium}\n"
        "    notified_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    spontaneous_protest: {likelihood: 2, impact: 3, rating: medium}\n"
        "    hate_crime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    cybercrime: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_disruption: {likelihood: 2, impact: 3, rating: medium}\n"
        "    process_interference: {likelihood: 2, impact: 3, rating: medium}\n"
        "  factors:\n"
        "    relevant_intelligence: {narrative: considered with partners}\n"
        "    previous_history: {narrative: considered with partners}\n"
        "    potential_for_offences: {narrative: considered with partners}\n"
        "    community_dynamics: {narrative: considered with partners}\n"
        "    party_control_influence: {narrative: considered with partners}\n"
        "    participants: {narrative: considered with partners}\n"
        "    campaign_events: {narrative: considered with partners}\n"
        "    premises: {narrative: considered with partners}\n"
        "    candidate_homes_and_locations: {narrative: considered with partners}\n"
        "timetable:\n"
        "  meetings:\n"
        "    - id: intro\n"
        "      title: Introductory meeting\n"
        "      meeting_type: introductory\n"
        "      when: 2027-01-20\n"
        "      final: true\n",
        country="US",
    ),
)

INTERNAL = Rule(
    code="INTERNAL",
    name="internal-error",
    severity=E,
    scope="all",
    origin="runner",
    summary="A rule stopped on data it did not expect; its checks did not run.",
    rationale="A check that did not run must not look like a check that passed, so the run "
    "fails and names the rule; the message never quotes plan values.",
    fix="Report it to the elecsafe developers with the rule code; the other rules ran normally.",
    bad=Example(""),
    good=Example(""),
)

RULES: tuple[Rule, ...] = (READY001, LINT001, LINT002, LINT003, INTERNAL)
