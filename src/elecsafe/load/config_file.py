"""``.elecsafe.yaml``: the plan directory's lint configuration file, read and validated.

The file has the shape of the plan's ``lint:`` block (:class:`elecsafe.model.plan.LintConfig`).
Reading it is the loader's job (YAML with positions, schema errors as findings); what the
settings mean is :mod:`elecsafe.lint.config`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from elecsafe.findings import Finding, Severity
from elecsafe.load.sourcemap import SourceMap

if TYPE_CHECKING:
    from elecsafe.model.plan import LintConfig

CONFIG_FILE = ".elecsafe.yaml"
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration is a few hundred bytes


@dataclass(frozen=True)
class ConfigFile:
    config: LintConfig
    source_map: SourceMap


def read_config_file(directory: Path) -> tuple[ConfigFile | None, list[Finding]]:
    """The validated configuration file of ``directory`` (None: absent or unusable) and the
    findings of reading it (YAML errors, schema errors, LINT003 when it cannot be read)."""
    from pydantic import ValidationError

    from elecsafe.load.loader import display_path
    from elecsafe.load.schema_errors import error_to_finding
    from elecsafe.load.yaml_reader import read_yaml
    from elecsafe.model.plan import LintConfig

    path = directory / CONFIG_FILE
    if not path.is_file():
        return None, []
    shown = display_path(path)

    def unusable(why: str) -> tuple[None, list[Finding]]:
        return None, [Finding("LINT003", Severity.WARNING, why).at(shown, 1, 1)]

    try:  # the size is checked before the file is read, and the read is bounded
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return unusable(f"{CONFIG_FILE} is larger than {MAX_CONFIG_BYTES:,} bytes; not read")
        with path.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        return unusable(f"cannot read {CONFIG_FILE} ({exc.strerror})")
    if len(raw) > MAX_CONFIG_BYTES:  # it grew, or claims a size it does not have
        return unusable(f"{CONFIG_FILE} is larger than {MAX_CONFIG_BYTES:,} bytes; not read")
    result = read_yaml(raw, shown)
    if not result.ok:
        return None, result.findings
    source_map = SourceMap(result.pos, shown)
    try:
        config = LintConfig.model_validate(result.data or {})
    except ValidationError as exc:
        findings = []
        for error in exc.errors(include_url=False):
            finding, anchor = error_to_finding(error, result.data, LintConfig)
            where = source_map.locate(finding.path, anchor)
            findings.append(finding.at(where.file, where.line, where.column))
        return None, [*result.findings, *findings]
    return ConfigFile(config, source_map), result.findings


__all__ = ["CONFIG_FILE", "ConfigFile", "read_config_file"]
