"""Editing plan files in place: ruamel round-trip composition, byte-exact splices, atomic
writes, unified diffs (see :mod:`elecsafe.edit.document`)."""

from elecsafe.edit.document import EditError, YamlDocument
from elecsafe.edit.session import Change, PlanEdit, write_file

__all__ = ["Change", "EditError", "PlanEdit", "YamlDocument", "write_file"]
