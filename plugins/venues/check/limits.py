"""Refuse a venue file too big, too long or too deep to check, and anything in the folder that is not a file."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from ..model import Problem

# A real venue file is about 1 KB. The schema allows 20 descriptions of 1,000 characters: 3 bytes each in the
# scripts that need the most (Tigrinya, Pashto) is 60 KB, so 100 KB is room to spare and still quick to check.
MAX_FILE_BYTES = 100_000
# A description of 1,000 characters written on one line, after its field name, fits.
MAX_LINE_CHARACTERS = 2_000
# The template's deepest value (description: > fa: text, or accreditation: > schemes: > item) is three levels down.
MAX_DEPTH = 10
# Lines as an editor counts them (GitHub's editor shows no break for U+0085, U+2028 or U+2029).
EDITOR_LINE_BREAK = re.compile("\r\n|\r|\n")

NESTING_STARTS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                  yaml.FlowSequenceStartToken)
NESTING_ENDS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def not_a_file(path: Path, source: str) -> Problem | None:
    """Refuse a link, folder, pipe or device where a venue file should be; None for a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return Problem(source, 1, 1, f"this file cannot be read ({error.strerror}). Check that it exists, or delete it.")
    if stat.S_ISLNK(mode):
        # A link would publish whatever it points at, and messages would name the other file.
        return Problem(source, 1, 1, "this is a link to another file or folder, not a venue file of its own. Replace it with "
                                     "a copy of the venue file, or delete it.")
    if stat.S_ISREG(mode):
        return None
    kind = next((words for test, words in KINDS if test(mode)), "not a regular file")
    return Problem(source, 1, 1, f"this is {kind}, not a venue file. Move it out of the venues folder, or delete it.")


def read_limited(path: Path, source: str) -> tuple[bytes | None, Problem | None]:
    """Read a regular file's bytes without following a link or waiting on a pipe; refuse one over the size limit."""
    problem = not_a_file(path, source)
    if problem:
        return None, problem
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        return None, Problem(source, 1, 1, f"this file cannot be read ({error.strerror}). Check that it exists, "
                                           "or delete it.")
    with os.fdopen(descriptor, "rb") as file:
        # Checked again on the open file: the name could have been swapped for a link or pipe since lstat.
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None, Problem(source, 1, 1, "this is not a regular file. Move it out of the venues folder, "
                                               "or delete it.")
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return None, Problem(source, 1, 1, f"the file is more than {MAX_FILE_BYTES:,} bytes, far more than a venue "
                                           "needs (most are about 1,000). Check that this is a venue file, and "
                                           "shorten its descriptions.")
    return data, None


def long_lines(text: str, source: str) -> list[Problem]:
    """Return a problem at the first line longer than the limit."""
    long = [(number, len(line)) for number, line in enumerate(EDITOR_LINE_BREAK.split(text), start=1)
            if len(line) > MAX_LINE_CHARACTERS]
    if not long:
        return []
    # One message is enough: a file with thousands of long lines is not a venue file.
    (number, length), others = long[0], len(long) - 1
    more = f" ({others:,} more line{'s are' if others > 1 else ' is'} too long after it)" if others else ""
    return [Problem(source, number, MAX_LINE_CHARACTERS + 1, (
        f"line {number} has {length:,} characters, more than the {MAX_LINE_CHARACTERS:,} a line may have{more}. "
        "Shorten it, or write a long description over several lines under description: |"))]


def too_deep(tokens: list[yaml.Token], source: str) -> list[Problem]:
    """Return a problem at the first value nested deeper than a venue file ever needs."""
    # Counted on the scanner's tokens, which PyYAML reads without recursion: building the data recurses once a level.
    depth = 0
    for token in tokens:
        if isinstance(token, NESTING_STARTS):
            depth += 1
            if depth > MAX_DEPTH:
                line, column = token.start_mark.line + 1, token.start_mark.column + 1
                return [Problem(source, line, column, (
                    f"line {line} puts a value {depth} levels deep, more than the {MAX_DEPTH} a venue file may "
                    "have (the template goes 3 deep). Check the brackets ([ ] and { }) and the spaces at the start "
                    "of the lines, against venues/_template.yaml."))]
        elif isinstance(token, NESTING_ENDS):
            depth -= 1
    return []
