"""Command structure: gold/silver/bronze or ICS positions, drawn (a chart, Mermaid in
Markdown) and as a table."""

from __future__ import annotations

import re
from typing import Any

from elecsafe.model.roles import ICS_LEVELS, ICS_PARENTS
from elecsafe.render.chart import ChartTree, chart_tier
from elecsafe.render.documents.sources import Sources, items, mermaid_text, plain
from elecsafe.render.filters import label
from elecsafe.render.markdown import MdSafe
from elecsafe.render.redact import Record


def build(src: Sources, _: None = None) -> dict[str, Any]:
    command = src.view.command
    if not isinstance(command, Record):
        return {"command": command, "mermaid": None, "rows": [], "chart": None}
    rows: list[dict[str, Any]] = []
    lines = ["flowchart TD"]
    figure = ChartTree()

    def node(ident: str, level: str, role_id: str, detail: str = "", indent: str = "    ") -> str:
        ident = re.sub(r"[^A-Za-z0-9_]", "_", ident)
        role_label, holder, deputy = (
            src.lookups.role_label(role_id),
            src.lookups.role_holder(role_id),
            src.lookups.role_deputy(role_id),
        )
        rows.append(
            {
                "level": level,
                "role": role_label,
                "detail": detail,
                "holder": holder,
                "deputy": deputy,
            }
        )
        texts = [plain(role_label)]
        scope = detail.split(": ", 1)[-1]
        if detail and scope.lower() not in str(role_label).lower():
            texts.append(plain(detail))
        texts += [f"Holder: {plain(holder)}", f"Deputy: {plain(deputy)}"]
        parts = [mermaid_text(text) for text in texts]
        lines.append(f'{indent}{ident}["{"<br/>".join(parts)}"]')
        figure.node(ident, chart_tier(level), texts[0], tuple(texts[1:]))
        return ident

    def edge(parent: str, child: str, dashed: bool = False) -> None:
        lines.append(f"    {parent} {'-.->' if dashed else '-->'} {child}")
        figure.edge(parent, child, dashed)

    gold = node("gold_0", "Gold", command.gold.assignment) if command.gold else None
    silvers: dict[Any, str] = {}
    for i, silver in enumerate(items(command.silver)):
        area = src.lookups.jurisdiction_name(silver.area) if silver.area else ""
        ident = node(f"silver_{i}", "Silver", silver.assignment, str(area))
        silvers[silver.area if silver.area else f"silver_{i}"] = ident
        if gold:
            edge(gold, ident)
    for i, bronze in enumerate(items(command.bronze)):
        if bronze.type == "functional":
            what = bronze.function_other or label(bronze.function, "bronze_function")
            detail = f"functional: {what}"
        else:
            detail = f"geographical: {src.lookups.jurisdiction_name(bronze.area)}"
        ident = node(f"bronze_{i}", "Bronze", bronze.assignment, detail)
        if bronze.type == "geographical" and bronze.area in silvers:
            edge(silvers[bronze.area], ident)
        elif len(silvers) == 1:
            edge(next(iter(silvers.values())), ident)
        elif gold:  # several silvers: the plan does not say which one a bronze serves
            edge(gold, ident, dashed=True)
    positions = [p for p in items(command.ics) if isinstance(p, Record)]
    top = [p for p in positions if p.position in ("incident_commander", "unified_command")]
    if top:  # ICS 207: IC or unified command, command staff and sections beneath it
        lines.append("    subgraph ics_command [Incident command]")
        for i, position in enumerate(top):
            node(
                f"ics_c{i}",
                ICS_LEVELS[position.position],
                position.assignment,
                label(position.position, "ics_position"),
                "        ",
            )
        lines.append("    end")
        figure.top_label = "Unified command" if len(top) > 1 else ""
    idents: dict[str, str] = {}
    rest = [p for p in positions if p not in top]
    for i, position in enumerate(rest):
        ident = node(
            f"ics_{i}",
            ICS_LEVELS.get(position.position, "ICS"),
            position.assignment,
            label(position.position, "ics_position"),
        )
        idents.setdefault(position.position, ident)
    for i, position in enumerate(rest):
        parent = idents.get(ICS_PARENTS.get(position.position, ""))
        if parent:
            edge(parent, f"ics_{i}")
        elif top:
            lines.append(f"    ics_command --> ics_{i}")
            figure.edge("", f"ics_{i}")
    return {
        "command": command,
        "mermaid": MdSafe("\n".join(lines)),
        "rows": rows,
        "chart": figure.chart(f"Command structure of {src.plan.title}"),
    }
