"""Editing plan files in place: ruamel round-trip composition, byte-exact splices, atomic
writes, unified diffs (:mod:`elecsafe.edit.document`, :mod:`elecsafe.edit.session`); the
safe repairs of ``elecsafe fix`` (:mod:`elecsafe.edit.fixes`).

Import the submodules directly: ``check`` counts fixable findings through
:mod:`elecsafe.edit.fixes` without loading ruamel."""
