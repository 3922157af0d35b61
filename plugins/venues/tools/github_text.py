"""Escape text for GitHub: workflow commands (annotations) and the Markdown of summaries and issues."""

from __future__ import annotations

import re

# What GitHub's own toolkit escapes (@actions/core, command.ts): in a command's data, % CR LF; in a property
# (file=..., line=...), also : and , which would end the property or start the data.
DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
PROPERTY_ESCAPES = {**DATA_ESCAPES, ":": "%3A", ",": "%2C"}
# The marks that make links, images, emphasis, code, tables and HTML are escaped with a backslash (CommonMark allows
# it before any ASCII punctuation); quotes, colons and full stops stay as they are, so messages read as written.
# @ (a mention) and # (an issue link) become character references: GitHub's autolinking never sees them.
MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]<>!~]")  # | is for markdown_table to escape, once
REFERENCES = {"@": "&#64;", "#": "&#35;"}
BARE_LINKS = {"://": "&#58;//", "www.": "www&#46;"}  # nor its bare-link autolinking
LINE_BREAKS = re.compile(r"[\r\n\u0085\u2028\u2029]+")


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return "".join(DATA_ESCAPES.get(character, character) for character in text)


def escape_property(text: str) -> str:
    """Escape the value of a workflow command's property, such as file=."""
    return "".join(PROPERTY_ESCAPES.get(character, character) for character in str(text))


def workflow_command(command: str, message: str, **properties: object) -> str:
    """Write a workflow command such as ::error file=venues/x.yaml,line=3,col=1::message, escaped."""
    written = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{command} {written}::{escape_data(message)}" if written else f"::{command}::{escape_data(message)}"


def markdown_text(text: str) -> str:
    """Escape venue text for Markdown on GitHub: no links, images, mentions, issue links, HTML or line breaks."""
    flat = LINE_BREAKS.sub(" ", str(text))
    escaped = MARKDOWN_PUNCTUATION.sub(lambda match: "\\" + match.group(), flat)
    escaped = "".join(REFERENCES.get(character, character) for character in escaped)
    for written, reference in BARE_LINKS.items():
        escaped = escaped.replace(written, reference)
    return escaped


def markdown_code(text: str) -> str:
    """Write text as inline code, fenced with more backticks than any run inside it, on one line."""
    flat = LINE_BREAKS.sub(" ", str(text))
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded}{fence}"
