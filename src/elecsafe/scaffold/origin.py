"""Where this elecsafe came from, so a scaffold's CI installs the same thing (never a guess).

pip records how it installed a distribution in ``direct_url.json`` (PEP 610, "Recording the
Direct URL Origin of installed distributions"): a VCS URL and commit, a local directory or an
archive. No such file means an installer took a release from a package index. From that we
derive one pip requirement that reinstalls exactly this elecsafe elsewhere, or none when the
source only exists on this machine (a checkout, a wheel file): then ``init`` writes a line the
user must fill in and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

DISTRIBUTION = "elecsafe"

Kind = Literal["index", "vcs", "archive", "local"]


@dataclass(frozen=True)
class InstallSource:
    """How this elecsafe was installed.

    ``requirement`` is a pinned pip requirement for the same code (``elecsafe==0.1.0``,
    ``elecsafe @ git+<repository URL>@<commit>``), or ``None`` when the source is only
    on this machine. ``where`` says in words what was found, for ``init``'s notes.
    """

    kind: Kind
    requirement: str | None
    where: str


def installed_source() -> InstallSource:
    """The source of the installed elecsafe distribution (importlib.metadata)."""
    from importlib import metadata

    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree without installing
        return InstallSource("local", None, "a source tree that is not installed")
    return from_direct_url(dist.read_text("direct_url.json"), dist.version)


def from_direct_url(text: str | None, version: str) -> InstallSource:
    """Interpret a ``direct_url.json`` (``None``: the file is absent) of elecsafe ``version``."""
    if text is None:
        return InstallSource("index", f"{DISTRIBUTION}=={version}", f"release {version}")
    try:
        record: Any = json.loads(text)
    except ValueError:
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
        return InstallSource("local", None, "an unreadable direct_url.json")
    url = _without_credentials(record["url"])
    subdirectory = record.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if isinstance(subdirectory, str) else ""
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict) and isinstance(vcs.get("commit_id"), str) and _remote(url):
        commit, tool = vcs["commit_id"], vcs.get("vcs", "git")
        requirement = f"{DISTRIBUTION} @ {tool}+{url}@{commit}{fragment}"
        return InstallSource("vcs", requirement, f"{url} at commit {commit}")
    archive = record.get("archive_info")
    if isinstance(archive, dict) and _remote(url):
        digest = _hash(archive)
        pinned = f"{url}#{digest}" if digest and "#" not in url else url
        return InstallSource("archive", f"{DISTRIBUTION} @ {pinned}", url)
    if isinstance(record.get("dir_info"), dict) and record["dir_info"].get("editable"):
        return InstallSource("local", None, "an editable checkout on one machine")
    return InstallSource("local", None, "a directory or file on one machine")


def _remote(url: str) -> bool:
    return urlsplit(url).scheme in {"https", "http", "ssh", "git"}


def _hash(archive: dict[str, Any]) -> str | None:
    hashes = archive.get("hashes")
    if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
        return f"sha256={hashes['sha256']}"
    legacy = archive.get("hash")
    return legacy if isinstance(legacy, str) and "=" in legacy else None


def _without_credentials(url: str) -> str:
    """PEP 610 asks installers to strip credentials; strip whatever is left (``git@`` for SSH
    is not a credential and stays)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    userinfo, _, host = parts.netloc.rpartition("@")
    keep = userinfo == "git"
    return urlunsplit(parts._replace(netloc=f"git@{host}" if keep else host))
