"""Codes reported while reading the plan (YAML, schema, placeholders).

The loader (:mod:`elecsafe.load`) reports these; they are registered here so that `elecsafe rules`, `elecsafe rule CODE`,
SARIF rule descriptions and `--select`/`--ignore` cover them like every other rule.
"""

from __future__ import annotations

from elecsafe.findings import Severity
from elecsafe.lint.rule import Example, Rule

E, W = Severity.ERROR, Severity.WARNING

YML001 = Rule(
    code="YML001",
    name="yaml-syntax",
    severity=E,
    scope="all",
    origin="loader",
    summary="The file is valid YAML (one document, spaces for indentation, balanced quotes).",
    rationale=(
        "Nothing else can be checked in a file that does not parse. A plan is read by people "
        "in pull requests as much as by the tool, so the error points at the exact character."
    ),
    fix="Fix the indentation or quoting at the position shown.",
    bad=Example('sites:\n  - id: hall\n    name: "Town Hall\n', problems=((4, 1),)),
    good=Example("sites: []\n"),
)

YML002 = Rule(
    code="YML002",
    name="duplicate-key",
    severity=E,
    scope="all",
    origin="loader",
    summary="No key is written twice in a mapping, nor defined in two included files.",
    rationale=(
        "YAML keeps only one of two duplicate keys and a reviewer cannot tell which: a changed "
        "value could hide behind an unchanged one."
    ),
    fix="Remove one of the two keys (lists and mappings of the same key in two files are merged).",
    bad=Example("notes: first\nnotes: second\n", problems=((2, 1),)),
    good=Example("notes: first and second\n"),
)

YML003 = Rule(
    code="YML003",
    name="no-aliases",
    severity=E,
    scope="all",
    origin="loader",
    summary="No YAML anchors and aliases (`&x` / `*x`).",
    rationale=(
        "Aliases hide what a reviewer sees and allow 'billion laughs' files that exhaust memory; "
        "a plan never needs them."
    ),
    fix="Write the value out in full.",
    bad=Example("notes: &n shared text\nlegal_refs:\n  - citation: *n\n", problems=((3, 15),)),
    good=Example("notes: shared text\nlegal_refs:\n  - citation: shared text\n"),
)

YML004 = Rule(
    code="YML004",
    name="size-limits",
    severity=E,
    scope="all",
    origin="loader",
    summary="Files stay within the size and nesting limits.",
    rationale=(
        "Limits are applied before anything walks the data, so a hostile or corrupted file is "
        "refused in well under a second instead of exhausting the machine."
    ),
    fix="Split a huge file into included files; raise ELECSAFE_MAX_FILE_BYTES or "
    "ELECSAFE_MAX_DEPTH if a real plan needs it.",
    bad=Example(
        "notes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
        problems=((1, 71),),
    ),
    good=Example("notes: a short note\n"),
)

YML005 = Rule(
    code="YML005",
    name="utf-8",
    severity=E,
    scope="all",
    origin="loader",
    summary="Files are encoded as UTF-8.",
    rationale="A plan is shared between organisations and systems; one encoding avoids mojibake.",
    fix="Save the file as UTF-8.",
    bad=Example("notes: café\n", encoding="latin-1", problems=((1, 11),)),
    good=Example("notes: café\n"),
)

YML006 = Rule(
    code="YML006",
    name="no-tags",
    severity=E,
    scope="all",
    origin="loader",
    summary="No YAML tags other than the standard ones.",
    rationale="Custom tags are how YAML loaders are tricked into building objects; a plan is data.",
    fix="Remove the tag.",
    bad=Example("notes: !secret hidden\n", problems=((1, 8),)),
    good=Example("notes: hidden\n"),
)

YML007 = Rule(
    code="YML007",
    name="include-inside-plan",
    severity=E,
    scope="all",
    origin="loader",
    summary="`include:` names YAML files inside the plan directory, each once, outside private/.",
    rationale=(
        "An include that escapes the plan directory would merge files nobody reviews; the "
        "private layer is merged automatically and must never be named in a tracked file."
    ),
    fix="Use paths relative to plan.yaml, without '..'; remove includes of private/.",
    bad=Example("include: [../elsewhere.yaml]\n", problems=((1, 11),)),
    good=Example("notes: everything lives beside plan.yaml\n"),
)

YML008 = Rule(
    code="YML008",
    name="inline-collection-slip",
    severity=E,
    scope="all",
    origin="loader",
    summary="Inline collections say what they seem to: no unquoted ',' splitting a value "
    "inside {...}, no unquoted ': ' inside [...] or {...}.",
    rationale=(
        "Inside {...} and [...] a comma ends a value and ': ' starts one, so "
        "`{name: State Elections Division, Phoenix}` silently becomes a name plus a key "
        "'Phoenix'. The schema would then report an unknown key and send the reader to the "
        "wrong fix; this names the YAML mistake and the quoting that fixes it."
    ),
    fix='Quote the value (name: "first part, second part"), or write the mapping or list '
    "one entry per line.",
    bad=Example(
        "organisations:\n  - {id: sos, name: Secretary of State, Elections Division, "
        "kind: state_election_office, sector: election_administration, jurisdictions: [area]}\n",
        problems=((2, 41),),
    ),
    good=Example(
        'organisations:\n  - {id: sos, name: "Secretary of State, Elections Division", '
        "kind: state_election_office, sector: election_administration, jurisdictions: [area]}\n"
    ),
)

SCH001 = Rule(
    code="SCH001",
    name="unknown-key",
    severity=E,
    scope="all",
    origin="loader",
    summary="Every key is one the schema knows (with a 'did you mean' hint).",
    rationale=(
        "A misspelt key is silently ignored by most tools; here it is an error so that a "
        "'deputy' typed as 'deptuy' cannot leave a critical role without a deputy unnoticed."
    ),
    fix=(
        "Correct the spelling or the indentation; `elecsafe schema` lists the keys. "
        "`elecsafe fix` renames a key that has exactly one close known key."
    ),
    fixable=True,
    bad=Example(
        "people:\n  - id: bob\n    display_name: Bob Example\n    organisation: office\n"
        "    titel: Inspector\n",
        problems=((5, 5),),
    ),
    good=Example(
        "people:\n  - id: bob\n    display_name: Bob Example\n    organisation: office\n"
        "    title: Inspector\n"
    ),
)

SCH002 = Rule(
    code="SCH002",
    name="required-key",
    severity=E,
    scope="all",
    origin="loader",
    summary="Required keys are present.",
    rationale="The model's required fields are what every later check and document relies on.",
    fix="Add the key named in the message.",
    bad=Example("people:\n  - id: bob\n    display_name: Bob Example\n", problems=((2, 5),)),
    good=Example("people:\n  - id: bob\n    display_name: Bob Example\n    organisation: office\n"),
)

SCH003 = Rule(
    code="SCH003",
    name="value-type",
    severity=E,
    scope="all",
    origin="loader",
    summary="Values have the expected type and shape (text, number, list, mapping, id).",
    rationale="A list where a mapping is expected, or a number where an id is expected, "
    "would make every rule that reads the value guess.",
    fix="Write the value in the shape `elecsafe schema` describes.",
    bad=Example(
        "jurisdictions:\n  - id: north\n    name: North\n    kind: ward\n"
        "    registered_voters: many\n",
        problems=((5, 24),),
    ),
    good=Example(
        "jurisdictions:\n  - id: north\n    name: North\n    kind: ward\n"
        "    registered_voters: 5400\n"
    ),
)

SCH004 = Rule(
    code="SCH004",
    name="renamed-key",
    severity=W,
    scope="all",
    origin="loader",
    summary="No key under a name the schema has since changed (still read for one schema version).",
    rationale=(
        "Keys that look like booleans to YAML 1.1 readers (on, off, yes, no, y, n) are read as "
        "true or false by PyYAML and the validators and editors built on it, so a plan that "
        "elecsafe reads correctly fails elsewhere. Such keys were renamed; the old name still "
        "works for one schema version."
    ),
    fix="Rename the key as the hint says (on: submitted_on in debrief submissions, "
    "referred_on in an incident referral); elecsafe fix does it.",
    fixable=True,
    bad=Example(
        "debrief:\n  submissions:\n    - to: electoral_commission\n      on: 2027-07-01\n",
        problems=((4, 7),),
    ),
    good=Example(
        "debrief:\n  submissions:\n    - to: electoral_commission\n      submitted_on: 2027-07-01\n"
    ),
)

TODO001 = Rule(
    code="TODO001",
    name="placeholder",
    severity=W,
    scope="all",
    origin="loader",
    summary="No placeholder text (a value starting with TODO) is left in the plan.",
    rationale="`elecsafe init` scaffolds a plan with TODO markers; each one is a decision "
    "still to take with the partner agency.",
    fix="Replace the TODO with the real value.",
    bad=Example("notes: TODO agree the review date\n", problems=((1, 8),)),
    good=Example("notes: reviewed every quarter\n"),
)

RULES: tuple[Rule, ...] = (
    YML001,
    YML002,
    YML003,
    YML004,
    YML005,
    YML006,
    YML007,
    YML008,
    SCH001,
    SCH002,
    SCH003,
    SCH004,
    TODO001,
)
