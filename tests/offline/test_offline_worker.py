"""offline.worker: the service worker is the manifest as data on its first line, then our own code, minified."""

from __future__ import annotations

import json

from offline.worker import SOURCE, worker_script


def test_the_first_line_is_the_manifest_and_the_rest_the_workers_code():
    manifest = {"version": "abc", "list": "venues/", "languages": {"en": "", "ar": "ar/"}, "name": "«كافيه»"}
    first, code = worker_script(manifest).split("\n", 1)
    assert json.loads(first.removeprefix("var OFFLINE=").removesuffix(";")) == manifest
    assert "«كافيه»" in first  # kept as written, not escaped
    assert "OFFLINE.list" in code and len(code) < len(SOURCE.read_text(encoding="utf-8"))
    assert '"venues/"' not in code  # the worker spells no page's address: the manifest does
