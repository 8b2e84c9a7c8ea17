"""The one finding type shared by the loader, the schema checks and the guidance rules.

Why one type: YAML syntax errors, schema errors and guidance rules all end up in the same
reporters (text, concise, json, sarif, github), sorted by position, counted by code.
Rules report a *key path* (``("sites", 3, "vulnerability")``); the runner fills in
``file``/``line``/``column`` through the plan's SourceMap, so rules never touch YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

KeyPath = tuple[str | int, ...]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    hint: str = ""
    path: KeyPath = ()
    file: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # Where the finding points *inside* the path: the key itself (unknown key), the
    # value (most findings) or the enclosing mapping (missing key).
    anchor: str = field(default="value", compare=False)

    def at(
        self, file: str, line: int, column: int, end_line: int = 0, end_column: int = 0
    ) -> Finding:
        return replace(
            self,
            file=file,
            line=line,
            column=column,
            end_line=end_line or line,
            end_column=end_column or column,
        )

    @property
    def dotted_path(self) -> str:
        return dotted(self.path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def dotted(path: KeyPath) -> str:
    """``("sites", 3, "name")`` -> ``sites[3].name``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class PlanError(Exception):
    """The plan could not be read at all (no such path, no plan.yaml): exit code 2."""
