"""Run the checks over a loaded plan and decide the exit code.

Order: loader findings (YAML, schema, references) -> configuration -> timetable resolver ->
each enabled rule (wrapped: a rule that fails becomes an INTERNAL finding naming it, never a
traceback) -> positions through the source map -> select/ignore and severity overrides ->
waivers -> inline suppressions -> sorted, de-duplicated findings and the readiness summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from elecsafe import clock
from elecsafe.findings import Finding, KeyPath, Severity, dotted
from elecsafe.lint.config import Settings, is_always_on, is_unsuppressible, resolve_settings
from elecsafe.lint.context import Context
from elecsafe.lint.readiness import Measure
from elecsafe.lint.registry import Rule, registry
from elecsafe.load.loader import LoadedPlan

if TYPE_CHECKING:
    from elecsafe.dates import ResolvedTimetable
    from elecsafe.lint.timeline import Timeline


@dataclass
class LintOptions:
    strict: bool = False  # warnings fail too
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    today: date | None = None
    extended: bool = False  # also run the rules outside the core set
    # The gate before signing and briefing: placeholders are errors, warnings fail, and every
    # readiness measure must be complete (READY001).
    ready: bool = False


@dataclass
class LintResult:
    loaded: LoadedPlan
    findings: list[Finding] = field(default_factory=list)
    options: LintOptions = field(default_factory=LintOptions)
    readiness: list[Measure] = field(default_factory=list)
    today: date = field(default_factory=clock.today)
    rules_run: list[str] = field(default_factory=list)
    timeline: Timeline | None = None  # the dates of this run, resolved once (None: no plan)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # of the rules that ran

    def param(self, code: str, name: str) -> Any:
        """A parameter of a rule as this run used it (the plan's value or the default)."""
        if code in self.params:
            return self.params[code][name]
        rule = registry().get(code)
        return rule.params[name] if rule is not None else None

    @property
    def placeholders(self) -> int:
        """Values still to fill in (TODO ...): the plan is a draft while any remain."""
        return len(self.loaded.placeholders)

    @property
    def fail_level(self) -> Severity:
        return Severity.WARNING if self.options.strict or self.options.ready else Severity.ERROR

    @property
    def failed(self) -> bool:
        return any(f.severity.rank >= self.fail_level.rank for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return dict(sorted(counts.items()))


def internal(rule_code: str, exc: BaseException, path: KeyPath = ()) -> Finding:
    # The exception text is not shown: it could quote a value from the plan.
    return Finding(
        "INTERNAL",
        Severity.ERROR,
        f"rule {rule_code} stopped with {type(exc).__name__}; its checks did not run",
        "please report this to the elecsafe developers; the other rules ran normally",
        path,
    )


def _timeline(loaded: LoadedPlan, today: date, findings: list[Finding]) -> Timeline | None:
    from elecsafe.lint.timeline import Timeline

    plan = loaded.plan
    if plan is None:
        return None
    try:
        timeline = Timeline.build(plan, today)
    except Exception as exc:  # the resolver met something it did not expect
        findings.append(internal("timetable resolver", exc))
        return Timeline(plan, None)
    return timeline


def _run_rules(
    ctx: Context, settings: Settings, ran: list[str], params: dict[str, dict[str, Any]]
) -> list[Finding]:
    out: list[Finding] = []
    country = ctx.country
    for rule in registry().values():
        if rule.check is None or not settings.enabled(rule) or not rule.applies_to(country):
            continue
        if rule.needs_plan and ctx.loaded.plan is None:
            continue
        ran.append(rule.code)
        params[rule.code] = settings.params_for(rule)
        try:
            out += list(rule.check(ctx.for_rule(rule, params[rule.code])))
        except Exception as exc:
            out.append(internal(rule.code, exc))
    return out


def _path_through(raw: Any, path: KeyPath) -> list[str]:
    """The entity ids a key path passes through (so a waiver may name an id)."""
    from elecsafe.model.plan import nodes_along

    return [
        node["id"]
        for node in nodes_along(raw, path)
        if isinstance(node, dict) and isinstance(node.get("id"), str)
    ]


def _waived(finding: Finding, waiver_path: str | None, raw: Any) -> bool:
    if not waiver_path:
        return True
    shown = finding.dotted_path
    if shown == waiver_path or shown.startswith((waiver_path + ".", waiver_path + "[")):
        return True
    return waiver_path in _path_through(raw, finding.path)


def _apply_waivers(
    findings: list[Finding], settings: Settings, loaded: LoadedPlan, today: date, active: set[str]
) -> list[Finding]:
    live = []
    out: list[Finding] = []
    for placed in settings.waivers:
        where = placed.where
        if is_unsuppressible(placed.waiver.code):
            out.append(
                Finding(
                    "LINT003",
                    Severity.WARNING,
                    f"{placed.waiver.code} cannot be waived: privacy rules are not suppressible",
                    f"remove the waiver and fix what {placed.waiver.code} reports",
                ).at(where.file, where.line, where.column)
            )
            continue
        if placed.waiver.until < today:
            out.append(
                Finding(
                    "LINT002",
                    Severity.WARNING,
                    f"waiver for {placed.waiver.code} expired on {placed.waiver.until.isoformat()}",
                    "fix the findings it covered, or renew it with a new 'until' and reason",
                ).at(where.file, where.line, where.column)
            )
        else:
            live.append(placed)
    for finding in findings:
        waiver = next(
            (
                p
                for p in live
                if p.waiver.code == finding.code and _waived(finding, p.waiver.path, loaded.raw)
            ),
            None,
        )
        if waiver is None:
            out.append(finding)
        else:
            waiver.used = True
    for placed in live:
        if not placed.used and placed.waiver.code in active:
            where = placed.where
            out.append(
                Finding(
                    "LINT001",
                    Severity.WARNING,
                    f"waiver for {placed.waiver.code} matches no finding",
                    "remove the waiver: the finding it covered is gone",
                ).at(where.file, where.line, where.column)
            )
    return out


def run(loaded: LoadedPlan, options: LintOptions | None = None) -> LintResult:
    options = options or LintOptions()
    today = options.today or clock.today()
    rules = registry()
    settings = resolve_settings(loaded, options.select, options.ignore)
    settings.extended = settings.extended or options.extended
    findings: list[Finding] = list(loaded.findings)
    timeline = _timeline(loaded, today, findings)
    if timeline is not None:
        findings += timeline.findings  # every date finding: resolution is eager
    ctx = Context(loaded, today, timeline)
    ran: list[str] = []
    params: dict[str, dict[str, Any]] = {}
    findings += _run_rules(ctx, settings, ran, params)

    # Codes checked in this run: loader and resolver codes always are, rules when they ran.
    active = {c for c, r in rules.items() if r.origin != "rule" and settings.enabled(r)}
    active |= set(ran)

    enabled = _enabled(settings)
    located = loaded.locate_all([f for f in findings if enabled(f.code)])
    located = _settle(loaded, located + settings.findings, settings, today, active)
    measures: list[Measure] = []
    if loaded.plan is not None and timeline is not None:
        from elecsafe.lint.readiness import measure

        try:
            measures = measure(ctx)
        except Exception as exc:
            located.append(internal("readiness summary", exc))
    if options.ready:
        located = _ready_gate(loaded, located, measures)
    unique = {(f.code, f.file, f.line, f.column, f.message): f for f in located}
    ordered = capped(loaded, sorted(unique.values(), key=Finding.sort_key))
    return LintResult(loaded, ordered, options, measures, today, ran, timeline, params)


def capped(loaded: LoadedPlan, findings: list[Finding]) -> list[Finding]:
    """The findings cap (``ELECSAFE_MAX_FINDINGS``) over every source at once: the loader
    caps each file and the schema errors, but 100,000 sites each missing a field reached
    the reporters whole. Past the cap the most severe are kept and one YML004 says how many
    were not shown, at the highest severity among them (the exit code stays what it was)."""
    from elecsafe.load.loader import limits_from_env

    limit = limits_from_env().max_findings
    notes = [f for f in findings if CAP_HINT in f.hint]  # a source's own "N more" notes stay
    rest = [f for f in findings if CAP_HINT not in f.hint]
    if len(rest) <= limit:
        return findings
    by_severity = sorted(rest, key=lambda f: -f.severity.rank)  # stable: errors kept first
    kept, dropped = by_severity[:limit], by_severity[limit:]
    worst = max(dropped, key=lambda f: f.severity.rank).severity
    note = Finding(
        "YML004",
        worst,
        f"{len(dropped):,} more findings not shown (the limit is {limit:,})",
        f"fix the findings above, or {CAP_HINT}",
    ).at(loaded.display_path(loaded.plan_file), 1, 1)
    return [*sorted([*kept, *notes], key=Finding.sort_key), note]


CAP_HINT = "raise ELECSAFE_MAX_FINDINGS"


def _ready_gate(
    loaded: LoadedPlan, located: list[Finding], measures: list[Measure]
) -> list[Finding]:
    """``check --ready``: every placeholder is an error (whatever the configuration says: a plan
    is signed as a whole), and every readiness measure left incomplete is READY001, even when
    the rule that reports its gaps is ignored or waived."""
    from elecsafe.lint.readiness import incomplete

    placeholders = [
        replace(f, severity=Severity.ERROR) for f in loaded.findings if f.code == "TODO001"
    ]
    kept = [f for f in located if f.code != "TODO001"]
    return kept + placeholders + [loaded.locate(f) for f in incomplete(measures)]


def resolve_dates(loaded: LoadedPlan, today: date) -> tuple[ResolvedTimetable, list[Finding]]:
    """The dates of a loaded plan (which must have a plan) for the date commands (timetable,
    calendar), with the findings they report: the loader's errors (duplicate keys, include
    problems, broken references: never dropped silently) and the resolver's findings,
    positioned and settled by the plan's own lint configuration."""
    from elecsafe.dates import resolve_plan

    assert loaded.plan is not None
    errors = [loaded.locate(f) for f in loaded.findings if f.severity is Severity.ERROR]
    resolved = resolve_plan(loaded.plan, today=today)
    located = errors + [loaded.locate(f) for f in resolved.findings]
    findings = apply_plan_config(loaded, located, today)
    return resolved, sorted(dict.fromkeys(findings), key=Finding.sort_key)


def apply_plan_config(
    loaded: LoadedPlan, findings: list[Finding], today: date | None = None
) -> list[Finding]:
    """The plan's own lint settings (``ignore``, severity overrides, waivers and inline
    ``# elecsafe: ignore[...]`` comments) applied to positioned findings met outside ``check``
    (``timetable``, ``calendar``), so a finding settled for ``check`` is settled everywhere.
    Problems with the settings themselves (expired or unused waivers, unknown codes) are
    ``check``'s to report, not these commands'."""
    settings = resolve_settings(loaded, [], [])
    enabled = _enabled(settings)
    kept = [f for f in findings if enabled(f.code)]
    kept = _settle(loaded, kept, settings, today or clock.today(), active=set())
    return [f for f in kept if not f.code.startswith("LINT")]


def _enabled(settings: Settings) -> Callable[[str], bool]:
    rules = registry()

    def enabled(code: str) -> bool:
        rule = rules.get(code)
        return rule is None or settings.enabled(rule)

    return enabled


def _settle(
    loaded: LoadedPlan, located: list[Finding], settings: Settings, today: date, active: set[str]
) -> list[Finding]:
    """Waivers, then inline suppressions, then severity overrides: one pipeline for ``check``
    and for the commands that report date findings. ``active``: the codes checked in this run
    (only their unused waivers and suppressions are reported)."""
    from elecsafe.lint.suppression import apply_suppressions, read_suppressions
    from elecsafe.load.loader import display_path

    located = _apply_waivers(located, settings, loaded, today, active)
    suppressions = read_suppressions((display_path(p), p) for p in loaded.files)
    located = apply_suppressions(located, suppressions, lambda code: code in active)
    enabled = _enabled(settings)
    return [_override(f, settings) for f in located if enabled(f.code)]


def _override(finding: Finding, settings: Settings) -> Finding:
    level = settings.severity.get(finding.code)
    if (
        level is None
        or level is finding.severity
        or is_always_on(finding.code)
        or is_unsuppressible(finding.code)
    ):
        return finding
    return replace(finding, severity=level)


def describe_path(path: KeyPath) -> str:
    return dotted(path) or "plan"


def rule_for(code: str) -> Rule | None:
    return registry().get(code)
