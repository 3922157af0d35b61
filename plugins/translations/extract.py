"""Extract the words of the venue schema's choices (offers, kinds, features) for translation."""

from __future__ import annotations

import json


def extract_schema(fileobj, keywords, comment_tags, options):
    """Yield (line, funcname, message, comments) for each title and description of a choice."""
    # Babel's extractor protocol; the theme shows these words through gettext as _(choice.title).
    schema = json.load(fileobj)
    seen = set()

    def walk(node, path):
        if isinstance(node, dict):
            if "const" in node:
                for key in ("title", "description"):
                    text = node.get(key)
                    if text and text not in seen:
                        seen.add(text)
                        yield 0, "gettext", text, [f"{key} of the choice {node['const']!r} ({'/'.join(path)})"]
            for key, value in node.items():
                yield from walk(value, (*path, key) if key not in {"oneOf", "items", "properties"} else path)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, path)

    yield from walk(schema, ())
