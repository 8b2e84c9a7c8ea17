"""PRV: privacy (domain.md §2.11 and §5).

The most useful data in a plan (personal mobiles, homes, vulnerability) is what threatens
election workers (CSSE "Protect the privacy of election workers and their families"), and git
history is permanent. These rules read the raw tracked data, so they also run when the schema
rejected the plan (a `mobile:` key is both an unknown key and a leak).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.lint.context import Context, missing
from elecsafe.lint.rule import Example, Rule
from elecsafe.lint.rules.pii import scan, strings
from elecsafe.model.plan import node_at
from elecsafe.model.sites import ADDRESS_FIELDS, PUBLIC_VENUE_KINDS

E, W = Severity.ERROR, Severity.WARNING

# -- PRV001 -----------------------------------------------------------------------------------

_PERSONAL_TOKENS = frozenset(
    {
        "mobile",
        "cell",
        "cellphone",
        "phone",
        "telephone",
        "tel",
        "email",
        "dob",
        "birthday",
        "whatsapp",
        "ssn",
    }
)
_PERSONAL_JOINED = (
    "emailaddress",
    "dateofbirth",
    "homeaddress",
    "personaladdress",
    "contactmethods",
    "phonenumber",
    "mobilenumber",
    "homephone",
)
_SCHEMA_KEYS = frozenset({"mobile_exchanged_with", "phone_only"})
_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@cache
def personal_key(key: str) -> bool:
    """Whether a key names personal contact data (``mobile``, ``home_address``, ``dob``...)."""
    if key in _SCHEMA_KEYS:
        return False
    lowered = _CAMEL.sub("_", key).lower()
    tokens = set(_SPLIT.split(lowered))
    joined = "".join(tokens_in_order(lowered))
    return bool(tokens & _PERSONAL_TOKENS) or any(p in joined for p in _PERSONAL_JOINED)


def tokens_in_order(lowered: str) -> list[str]:
    return [t for t in _SPLIT.split(lowered) if t]


def _keys(data: Any) -> Iterator[tuple[KeyPath, str]]:
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                yield (*here, key), str(key)
                stack.append(((*here, key), child))
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in enumerate(value))


# Inside an organisation's public_contact, whatever its shape, a switchboard number or a
# generic inbox is what belongs there: a mapping-shaped public_contact ({phone: ..., email:
# ...}) is a shape error (SCH003), not a leak. A mobile or a date of birth still is.
_PUBLIC_CONTACT_TOKENS = frozenset({"phone", "telephone", "tel", "email"})


def _public_contact_key(path: KeyPath, key: str) -> bool:
    if not (len(path) >= 4 and path[0] == "organisations" and path[2] == "public_contact"):
        return False
    tokens = set(tokens_in_order(_CAMEL.sub("_", key).lower()))
    personal = (_PERSONAL_TOKENS - _PUBLIC_CONTACT_TOKENS) | {"home", "personal", "private"}
    return bool(tokens & _PUBLIC_CONTACT_TOKENS) and not tokens & personal


def _prv001(ctx: Context) -> Iterator[Finding]:
    raw = ctx.raw
    for path, key in _keys(raw):
        if personal_key(key) and not _public_contact_key(path, key):
            yield ctx.report(
                path,
                f"key '{key}' holds personal contact data in a tracked file",
                anchor="key",
            )
    organisations = raw.get("organisations")
    if not isinstance(organisations, list):
        return
    for i, org in enumerate(organisations):
        contacts = org.get("public_contact") if isinstance(org, dict) else None
        if not isinstance(contacts, list):
            continue
        for j, contact in enumerate(contacts):
            if isinstance(contact, dict) and contact.get("kind") == "mobile":
                yield ctx.report(
                    ("organisations", i, "public_contact", j, "kind"),
                    "a mobile number is listed as a public contact",
                    hint="public contacts are switchboards and generic inboxes; personal mobiles "
                    "go in private/",
                )


PRV001 = Rule(
    code="PRV001",
    check=_prv001,
    name="no-personal-contact-fields",
    severity=E,
    scope="all",
    needs_plan=False,
    summary="No personal contact fields (mobile, phone, e-mail, home address, date of birth) "
    "in tracked files, not even in free-form sections; public contacts are never mobiles.",
    rationale=(
        "CSSE Our Principles: 'Protect the privacy of election workers and their families as a defense against "
        "threats … Protecting confidentiality and personally identifying material is critical'. "
        "Roadmap §VII asks key contacts to exchange cell numbers: the plan records that they did "
        "(`mobile_exchanged_with`), while the numbers live in the git-ignored private/ layer."
    ),
    fix="Move the contact details to private/contacts.yaml (keyed by person id) and delete the "
    "key; if it was committed, purge it from git history and change the number.",
    bad=Example(
        "mous:\n  - id: mou\n    title: MoU\n    parties: [{org: office}, {org: office}]\n"
        "    purpose: cooperation\n    scope: {period: May 2027}\n    last_reviewed: 2027-01-01\n"
        "    sections:\n      contacts: see annex\n      duty_mobile: SPOC on call\n",
        problems=((10, 7),),
    ),
    good=Example(
        "mous:\n  - id: mou\n    title: MoU\n    parties: [{org: office}, {org: office}]\n"
        "    purpose: cooperation\n    scope: {period: May 2027}\n    last_reviewed: 2027-01-01\n"
        "    sections:\n      contacts: see the contact sheet (internal audience)\n"
    ),
)


# -- PRV002 -----------------------------------------------------------------------------------

_HOME = re.compile(r"\b(home|homes|residence|residential address|house of)\b", re.IGNORECASE)


def _prv002(ctx: Context) -> Iterator[Finding]:
    for i, site in enumerate(ctx.plan.sites):
        field = next((n for n in ADDRESS_FIELDS if getattr(site, n)), None)
        if field is None or (field == "address" and site.kind in PUBLIC_VENUE_KINDS):
            continue
        if _HOME.search(site.id.replace("-", " ")) or _HOME.search(site.name):
            yield ctx.report(
                ("sites", i, field),
                f"site '{site.id}' looks like a private home and carries an address",
                hint="a restricted address is still written down in a shared plan: keep homes "
                "in police systems only",
            )
    assessment = ctx.plan.threat_assessment
    factor = assessment.factors.get("candidate_homes_and_locations") if assessment else None
    if factor is not None and factor.narrative:
        kinds = [k for k in scan(factor.narrative) if k != "an e-mail address"]
        if kinds:
            yield ctx.report(
                ("threat_assessment", "factors", "candidate_homes_and_locations", "narrative"),
                f"the candidates' homes factor contains {kinds[0]}",
                hint="describe homes generically (numbers, areas, measures), never an address",
            )


PRV002 = Rule(
    code="PRV002",
    check=_prv002,
    name="no-candidate-homes",
    severity=E,
    scope="all",
    summary="No address of a candidate's or campaigner's home anywhere; the threat factor "
    "refers to homes only generically.",
    rationale=(
        "APP Threat assessment: it lists 'candidates'/campaigners' homes and other regularly "
        "attended locations' as a factor to consider — the assessment weighs them without "
        "writing them down in a shared plan (CSSE Our Principles: protect the privacy of election workers and "
        "their families)."
    ),
    fix="Remove the address; keep homes in police systems and describe the measure generically.",
    bad=Example(
        "sites:\n  - id: candidate-home\n    name: Candidate home\n    kind: constituency_office\n"
        "    jurisdiction: area\n    address: Orchard Lane, Westmoor\n",
        problems=((6, 14),),
    ),
    good=Example(
        "threat_assessment:\n  id: ta\n  prepared_on: 2027-03-01\n  prepared_by: alice\n"
        "  version: '1'\n  scope: whole force area\n  factors:\n"
        "    candidate_homes_and_locations:\n"
        "      narrative: 14 candidates asked for advice; patrol plan agreed\n"
    ),
)


# -- PRV003 -----------------------------------------------------------------------------------

PRIVATE_SAMPLE = "private/contacts.yaml"


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(directory), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


_ENC = re.compile(
    r"^ENC\[[A-Z0-9_]+,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:[a-z]+\]$"
)
SOPS_METADATA = ("mac", "version", "lastmodified")


def _encrypted(path: Path) -> bool:
    """A SOPS file by SOPS's own structure, not by substrings: a top-level ``sops`` mapping
    with ``mac``, ``version`` and ``lastmodified``, and every other leaf value an
    ``ENC[AES256_GCM,data:...,iv:...,tag:...,type:...]`` envelope (at least one)."""
    from elecsafe.load.yaml_reader import read_yaml

    try:
        raw = path.read_bytes()
    except OSError:
        return False
    data = read_yaml(raw, str(path), positions=False).data
    if not isinstance(data, dict) or not isinstance(data.get("sops"), dict):
        return False
    metadata = data["sops"]
    if not all(key in metadata for key in SOPS_METADATA):
        return False
    if not (isinstance(metadata["mac"], str) and _ENC.match(metadata["mac"])):
        return False
    leaves = [value for key, value in data.items() if key != "sops"]
    seen = 0
    while leaves:
        value = leaves.pop()
        if isinstance(value, dict):
            leaves.extend(value.values())
        elif isinstance(value, list):
            leaves.extend(value)
        elif isinstance(value, str) and _ENC.match(value):
            seen += 1
        elif value is not None and not isinstance(value, bool | int | float):
            return False  # a plaintext string beside the envelopes
        elif isinstance(value, int | float) and not isinstance(value, bool):
            return False
    return seen > 0


def _gitignore_patterns(text: str) -> list[tuple[bool, str]]:
    """(negated, pattern) per line of a .gitignore, as git reads them (comments, escapes,
    trailing spaces)."""
    out: list[tuple[bool, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        line = line.rstrip(" ") if not line.endswith("\\ ") else line
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        if line.startswith(("\\#", "\\!")):
            line = line[1:]
        if line:
            out.append((negated, line))
    return out


def _gitignore_match(pattern: str, relative: str, is_dir: bool) -> bool:
    """Does one .gitignore pattern (relative to its folder) match ``relative``?"""
    import fnmatch

    directory_only = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    if directory_only and not is_dir:
        return False
    if pattern.startswith("**/"):
        pattern, anchored = pattern[3:], False
    regex = fnmatch.translate(pattern).replace(".*", "[^/]*").replace("[^/]*[^/]*", ".*")
    if anchored:
        return re.match(regex, relative) is not None
    return re.match(regex, relative.rsplit("/", 1)[-1]) is not None


def _ignored_by_gitignore_files(directory: Path, relative: str) -> bool:
    """Without git: is ``relative`` (under ``directory``) ignored, by git's rules? Every
    .gitignore from the repository top (or the file system root) down to the file's folder,
    later and deeper patterns winning, ``!`` re-including; a path under an ignored directory
    stays ignored (git does not look inside it)."""
    folders = [directory, *directory.parents]
    for index, folder in enumerate(folders):
        if (folder / ".git").exists():
            folders = folders[: index + 1]
            break
    folders.reverse()  # top first
    target = (directory / relative).resolve()
    parts = target.relative_to(folders[0].resolve()).parts if folders else ()
    # each prefix of the path is decided in turn: an ignored directory ends the walk
    for depth in range(1, len(parts) + 1):
        prefix_ignored = False
        is_dir = depth < len(parts)
        for folder in folders:
            ignore = folder / ".gitignore"
            try:
                base = folder.resolve()
                rel_to_folder = "/".join(parts[:depth])
                rel_to_folder = str(
                    (folders[0].resolve() / rel_to_folder).relative_to(base)
                ).replace("\\", "/")
            except ValueError:
                continue
            if not ignore.is_file():
                continue
            try:
                text = ignore.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for negated, pattern in _gitignore_patterns(text):
                if _gitignore_match(pattern, rel_to_folder, is_dir):
                    prefix_ignored = not negated
        if prefix_ignored:
            return True
    return False


def _prv003(ctx: Context) -> Iterator[Finding]:
    directory = ctx.directory.resolve()
    private: list[Path] = []
    for listed in ctx.loaded.private_files:
        path = directory / "private" / Path(listed).name
        if path.is_symlink():  # git would commit the link, the loader reads where it points
            yield _private_finding(
                ctx,
                path,
                "this private file is a symbolic link; keep the contact layer as plain files "
                "inside private/",
            )
            continue
        private.append(path)
    top = _git(directory, "rev-parse", "--show-toplevel")
    in_repo = top is not None and top.returncode == 0
    plan_path = ("include",) if "include" in ctx.raw else ()
    if not in_repo:
        for path in private:
            relative = path.relative_to(directory).as_posix()
            if not _ignored_by_gitignore_files(directory, relative):
                yield _private_finding(
                    ctx, path, "no .gitignore keeps this private file out of git"
                )
                break
        return
    for path in private:
        relative = path.relative_to(directory).as_posix()
        tracked = _git(directory, "ls-files", "--error-unmatch", "--", relative)
        if tracked is not None and tracked.returncode == 0:
            if not _encrypted(path):
                yield _private_finding(
                    ctx, path, "this private file is tracked by git in plain text"
                )
            continue
        ignored = _git(directory, "check-ignore", "-q", "--", relative)
        if ignored is not None and ignored.returncode == 1:
            yield _private_finding(ctx, path, "this private file is not git-ignored")
    if not private:
        ignored = _git(directory, "check-ignore", "-q", "--no-index", "--", PRIVATE_SAMPLE)
        if ignored is not None and ignored.returncode == 1:
            yield ctx.report(
                plan_path,
                "private/ is not git-ignored: contact details added there would be committed",
                hint="add 'private/*' (and '!private/*.example.yaml') to .gitignore",
                anchor="key" if plan_path else "value",
            )


def _private_finding(ctx: Context, path: Path, message: str) -> Finding:
    from elecsafe.load.loader import display_path

    finding = ctx.report((), message)
    return finding.at(display_path(path), 1, 1)


PRV003 = Rule(
    code="PRV003",
    check=_prv003,
    name="private-layer-ignored",
    severity=E,
    scope="all",
    needs_plan=False,
    summary="The private layer (private/*.yaml) is git-ignored, or recognisably encrypted "
    "(SOPS); a plaintext private file tracked by git is an error.",
    rationale=(
        "CSSE Our Principles: 'Protecting confidentiality and personally identifying material is critical in a "
        "heightened threat environment.' Git history is permanent and copied to every clone, so "
        "the contact layer must never be committed in clear."
    ),
    fix="Add 'private/*' and '!private/*.example.yaml' to .gitignore; if the file was "
    "committed, remove it from history and rotate the numbers. Privacy rules are not "
    "suppressible: PRV003 cannot be waived, ignored, re-graded or suppressed inline.",
    bad=Example(
        "notes: contacts in private/\n",
        files={"private/contacts.yaml": "contacts: {}\n"},
        problems=(("private/contacts.yaml", 1, 1),),
    ),
    good=Example(
        "notes: contacts in private/\n",
        files={"private/contacts.yaml": "contacts: {}\n", ".gitignore": "private/*\n"},
    ),
)


# -- PRV005 -----------------------------------------------------------------------------------

PUBLIC_CHANNEL_KINDS = frozenset({"email_inbox", "phone_line", "web_form"})
NON_PUBLIC_ADDRESSES = frozenset(ADDRESS_FIELDS[1:])


def _allowed(raw: dict[str, Any], path: KeyPath) -> bool:
    """Public contact fields, where contact details are expected and public."""
    if len(path) >= 3 and path[0] == "organisations" and path[2] == "public_contact":
        return True
    if len(path) == 3 and path[0] == "sites" and path[2] in NON_PUBLIC_ADDRESSES:
        return True  # any site's location, withheld by audience (field sensitivity)
    if len(path) == 3 and path[0] == "sites" and path[2] == "address":
        site = node_at(raw, path[:2])
        return isinstance(site, dict) and site.get("kind") in PUBLIC_VENUE_KINDS
    if len(path) == 4 and path[:2] == ("threat_reporting", "channels") and path[3] == "address":
        channel = node_at(raw, path[:3])
        return isinstance(channel, dict) and channel.get("kind") in PUBLIC_CHANNEL_KINDS
    return False


def _prv005(ctx: Context) -> Iterator[Finding]:
    raw = ctx.raw
    for key, value in raw.items():
        if key == "threat_assessment":
            continue  # THR008 scans it (with person names as well)
        for path, text in strings(value, (key,)):
            kinds = scan(text)
            if kinds and not _allowed(raw, path):
                yield ctx.report(
                    path,
                    f"free text seems to contain {' and '.join(kinds)}",
                    hint=_site_address_hint(path),
                )


def _site_address_hint(path: KeyPath) -> str | None:
    """A back-office site's public ``address``: say where its address belongs."""
    if len(path) == 3 and path[0] == "sites" and path[2] == "address":
        return (
            "only a public venue's address is public: record this site's address as "
            "partners_address (partner agencies) or restricted_address (internal edition only)"
        )
    return None


PRV005 = Rule(
    code="PRV005",
    check=_prv005,
    name="no-personal-data-in-text",
    severity=E,
    scope="all",
    needs_plan=False,
    summary="Free text (notes, agendas, narratives, section text) contains no phone numbers, "
    "e-mail addresses, street addresses or postcodes, except in contact and address fields "
    "(organisation public_contact, the address of a public venue, any site's partners_address "
    "or restricted_address, the address of a generic reporting inbox or line).",
    rationale=(
        "CSSE Our Principles: 'Protect the privacy of election workers and their families'. A number pasted "
        "into meeting notes is as permanent in git history as a `mobile:` key, and a finding "
        "must not copy it into CI logs either: the message names the kind of data only."
    ),
    fix="Move the detail to private/ (by person id) or to a public contact field; a "
    "back-office site's address goes in its partners_address or restricted_address; if it is a "
    "public number, suppress with # elecsafe: ignore[PRV005] and say why.",
    bad=Example(
        "timetable:\n  meetings:\n    - id: intro\n      title: Introductions\n"
        "      meeting_type: introductory\n      when: 2027-01-20\n"
        "      notes: Sergeant's mobile is 07700 900123\n",
        problems=((7, 14),),
    ),
    good=Example(
        "timetable:\n  meetings:\n    - id: intro\n      title: Introductions\n"
        "      meeting_type: introductory\n      when: 2027-01-20\n"
        "      notes: mobile numbers exchanged (see people.mobile_exchanged_with)\n"
    ),
)


# -- extended ---------------------------------------------------------------------------------

_CASE_DATA = re.compile(
    r"\b(crime (ref|reference|number)|URN|CAD \d|case (no|number)|informant|complainant|"
    r"suspect)\b",
    re.IGNORECASE,
)


def _prv006(ctx: Context) -> Iterator[Finding]:
    for key in ("debrief", "threat_assessment"):
        value = ctx.raw.get(key)
        for path, text in strings(value, (key,)):
            if _CASE_DATA.search(text):
                yield ctx.report(
                    path,
                    "text refers to case data (crime numbers, complainants, suspects, informants)",
                )


PRV006 = Rule(
    code="PRV006",
    check=_prv006,
    name="aggregates-only",
    severity=W,
    scope="all",
    core=False,
    needs_plan=False,
    summary="The debrief and the threat assessment hold aggregates only: no crime numbers, "
    "complainants, suspects or informants.",
    rationale=(
        "APP Crown Prosecution Service: it lists the case details police pass to the CPS "
        "(complainant, suspect, offence); those belong in police systems, and CSSE Our Principles: it asks for "
        "'publicly accessible mechanisms for tracking reported threats' — counts, not cases."
    ),
    fix="Replace case details with counts in debrief.aggregates.",
    bad=Example(
        "debrief:\n  considerations:\n    allegations: crime ref 44/1234 under review\n",
        problems=((3, 18),),
    ),
    good=Example("debrief:\n  aggregates: {allegations: 4, arrests: 1}\n"),
)


def _prv007(ctx: Context) -> Iterator[Finding]:
    poll = ctx.poll
    if poll is None or not ctx.has_private_layer:
        return
    days = ctx.param("days")
    people = ctx.index.people
    for person_id, contact in ctx.contacts.items():
        person = people.get(person_id)
        if person is None or not person.is_temporary_staff:
            continue
        until = contact.retain_until
        if until is None or (until - poll).days > days:
            position = next(i for i, p in enumerate(ctx.plan.people) if p.id == person_id)
            yield missing(
                ctx,
                ("people", position, "is_temporary_staff"),
                f"private contact details of temporary staff '{person_id}' are kept "
                f"beyond polling day + {days} days",
            )


PRV007 = Rule(
    code="PRV007",
    check=_prv007,
    name="temporary-staff-retention",
    severity=Severity.INFO,
    scope="all",
    core=False,
    params={"days": 90},
    summary="Private contacts of temporary staff carry retain_until no later than polling day "
    "+ `days` (90).",
    rationale=(
        "CSSE Our Principles: protect 'personally identifying material'; data kept after it is needed is data "
        "that can leak."
    ),
    fix="Set retain_until in private/contacts.yaml and delete the entries after it.",
    bad=Example(
        "people:\n  - {id: tess, display_name: Tess Example, organisation: office, "
        "is_temporary_staff: true}\n",
        files={
            "private/contacts.yaml": "contacts:\n  tess: {availability: polling day}\n",
            ".gitignore": "private/*\n",
        },
        problems=((2, 5),),
    ),
    good=Example(
        "people:\n  - {id: tess, display_name: Tess Example, organisation: office, "
        "is_temporary_staff: true}\n",
        files={
            "private/contacts.yaml": "contacts:\n  tess: {retain_until: 2027-06-30}\n",
            ".gitignore": "private/*\n",
        },
    ),
)

RULES: tuple[Rule, ...] = (PRV001, PRV002, PRV003, PRV005, PRV006, PRV007)
