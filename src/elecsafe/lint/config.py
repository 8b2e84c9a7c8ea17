"""Rule configuration: the plan's ``lint:`` block, ``.elecsafe.yaml`` and the command line.

Both files have the same shape (:class:`elecsafe.model.plan.LintConfig`)::

    lint:
      select: [MAA, MTG001]        # only these families / codes (default: the core set)
      ignore: [MTG012]
      extended: true               # also run the rules outside the core set
      severity: {MTG002: error}    # promote or demote a rule
      params: {MTG002: {max_gap_days: 21}}
      waivers:
        - {code: DOC001, path: organisations[4], reason: "MoU being re-signed", until: 2027-03-31}

When both exist they are merged: lists are joined, mappings merged (the plan's block wins),
``extended`` is true if either says so. ``--select`` on the command line replaces ``select``;
``--ignore`` adds to ``ignore``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from elecsafe.findings import Finding, KeyPath, Severity
from elecsafe.lint.registry import Rule, family_of, matches, registry, unknown_selectors
from elecsafe.load.config_file import read_config_file
from elecsafe.load.sourcemap import Location, SourceMap

if TYPE_CHECKING:
    from elecsafe.load.loader import LoadedPlan
    from elecsafe.model.plan import LintConfig, Waiver

# Findings that mean the plan (or the configuration itself) could not be read in full:
# never filtered away, or a mistyped `select` could hide its own mistake.
ALWAYS_ON = frozenset({"YML", "SCH", "INTERNAL"})
ALWAYS_ON_CODES = frozenset({"LINT003"})
# Privacy rules no configuration can switch off: not ignored (config or --ignore), not
# re-graded, not waived, not suppressed inline (``--select`` of other codes still narrows a
# run to those codes) (a plaintext contacts file in git is never a
# judgement call). A waiver or suppression naming one is itself reported (LINT003).
UNSUPPRESSIBLE = frozenset({"PRV003"})


@dataclass
class PlacedWaiver:
    waiver: Waiver
    where: Location
    used: bool = False


@dataclass
class Settings:
    select: list[str] = field(default_factory=list)
    select_exact: set[str] = field(default_factory=set)
    ignore: list[str] = field(default_factory=list)
    extended: bool = False
    severity: dict[str, Severity] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    waivers: list[PlacedWaiver] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def enabled(self, rule: Rule) -> bool:
        """Whether findings of ``rule`` are reported (and, for rule functions, whether it runs)."""
        if rule.family in ALWAYS_ON or rule.code in ALWAYS_ON_CODES:
            return True
        if matches(rule.code, self.ignore) and not is_unsuppressible(rule.code):
            return False
        if self.select and not matches(rule.code, self.select):
            return False
        return rule.core or self.extended or rule.code in self.select_exact

    def params_for(self, rule: Rule) -> dict[str, Any]:
        return {**rule.params, **self.params.get(rule.code, {})}


def _lint003(message: str, where: Location, hint: str) -> Finding:
    """A mistake in the configuration (here: codes the registry does not know)."""
    return Finding("LINT003", Severity.WARNING, message, hint).at(
        where.file, where.line, where.column
    )


class _Source:
    """One configuration block and where its keys are written."""

    def __init__(self, config: LintConfig, source_map: SourceMap, prefix: KeyPath) -> None:
        self.config = config
        self.source_map = source_map
        self.prefix = prefix

    def at(self, *path: str | int, anchor: str = "value") -> Location:
        return self.source_map.locate((*self.prefix, *path), anchor)  # type: ignore[arg-type]


def _check_codes(source: _Source, key: str, codes: list[str], out: list[Finding]) -> None:
    for index, code in enumerate(codes):
        for bad in unknown_selectors([code]):
            out.append(
                _lint003(
                    f"unknown rule code or family '{bad}' in {key}",
                    source.at(key, index),
                    "see `elecsafe rules` for the codes",
                )
            )


def _absorb(settings: Settings, source: _Source) -> None:
    config, out = source.config, settings.findings
    rules = registry()
    _check_codes(source, "select", config.select, out)
    _check_codes(source, "ignore", config.ignore, out)
    settings.select += [c for c in config.select if c not in settings.select]
    settings.select_exact |= {c for c in config.select if c in rules}
    settings.ignore += [c for c in config.ignore if c not in settings.ignore]
    settings.extended = settings.extended or config.extended
    for code, level in config.severity.items():
        if code not in rules:
            out.append(
                _lint003(
                    f"unknown rule code '{code}' in severity",
                    source.at("severity", code, anchor="key"),
                    "see `elecsafe rules`",
                )
            )
            continue
        settings.severity.setdefault(code, Severity(level))
    for code, values in config.params.items():
        rule = rules.get(code)
        if rule is None:
            out.append(
                _lint003(
                    f"unknown rule code '{code}' in params",
                    source.at("params", code, anchor="key"),
                    "see `elecsafe rules`",
                )
            )
            continue
        accepted = settings.params.setdefault(code, {})
        for name, value in values.items():
            if name not in rule.params:
                known = ", ".join(rule.params) or "none"
                out.append(
                    _lint003(
                        f"{code} has no parameter '{name}'",
                        source.at("params", code, name, anchor="key"),
                        f"parameters of {code}: {known}",
                    )
                )
            elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
                out.append(
                    _lint003(
                        f"parameter {code}.{name} must be a whole number of 0 or more",
                        source.at("params", code, name),
                        f"the default is {rule.params[name]}",
                    )
                )
            else:
                accepted.setdefault(name, value)
    for index, waiver in enumerate(config.waivers):
        where = source.at("waivers", index)
        if waiver.code not in rules:
            out.append(
                _lint003(
                    f"waiver for unknown rule code '{waiver.code}'",
                    source.at("waivers", index, "code"),
                    "see `elecsafe rules`",
                )
            )
            continue
        settings.waivers.append(PlacedWaiver(waiver, where))


def resolve_settings(
    loaded: LoadedPlan, select: list[str] | None = None, ignore: list[str] | None = None
) -> Settings:
    """The effective configuration for one run, with LINT003 findings for its mistakes."""
    settings = Settings()
    if loaded.plan is not None:
        _absorb(settings, _Source(loaded.plan.lint, loaded.source_map, ("lint",)))
    from_file, problems = read_config_file(loaded.directory)
    settings.findings += problems
    if from_file is not None:
        _absorb(settings, _Source(from_file.config, from_file.source_map, ()))
    if select:
        settings.select = list(select)
        settings.select_exact = {c for c in select if c in registry()}
    if ignore:
        settings.ignore += [c for c in ignore if c not in settings.ignore]
    return settings


def cli_selector_problems(codes: list[str]) -> list[str]:
    """Unknown codes given on the command line (the CLI turns these into exit 2)."""
    return unknown_selectors(codes)


def is_unsuppressible(code: str) -> bool:
    return code in UNSUPPRESSIBLE


def is_always_on(code: str) -> bool:
    return family_of(code) in ALWAYS_ON or code in ALWAYS_ON_CODES
