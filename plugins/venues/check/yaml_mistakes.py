"""Explain YAML syntax mistakes in plain words, at the line where the coordinator can fix them."""

from __future__ import annotations

import itertools
import re
from functools import cache

import yaml

from ..model import Problem
from ..schema import venue_schema


def invisible_spaces(text: str, tokens: list[yaml.Token], source: str) -> list[Problem]:
    """Return a problem for each line indented, or spaced after its colon, with non-breaking spaces."""
    problems = []
    inside_text = _lines_inside_text(tokens)
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        if number in inside_text:
            continue
        indented = INVISIBLE_INDENT.match(line)
        after_colon = INVISIBLE_AFTER_KEY.match(line)
        if indented:
            problems.append(Problem(source, number, len(indented.group(1)) + 1, (
                f"line {number} is indented with invisible non-breaking spaces (often pasted from Word or an email), "
                "which YAML does not count as spaces. Delete the spaces at the start of the line and type them "
                "again with the space bar.")))
        elif after_colon:
            problems.append(Problem(source, number, len(after_colon.group(1)) + 1, (
                f"line {number} has an invisible non-breaking space after the colon (often pasted from Word or an "
                "email), which YAML does not count as a space. Delete the space after the colon and type it again "
                "with the space bar.")))
    return problems


def _lines_inside_text(tokens: list[yaml.Token]) -> set[int]:
    """Return the numbers of the lines that continue a value over several lines, such as the text under description: |."""
    # Inside a value, a non-breaking space is part of the text and YAML reads it fine; the scanner knows where each
    # value ends. A value's end mark at column 0 is the start of the next line, which is not part of the value.
    lines = set()
    for token in tokens:
        if isinstance(token, yaml.ScalarToken):
            start, end = token.start_mark, token.end_mark
            last = end.line if end.column else end.line - 1  # counted from 0, so line last + 1 is the last one
            lines.update(range(start.line + 2, last + 2))
    return lines


# A non-breaking space (U+00A0) looks like a space but is text to YAML: at the start of a line or right after
# "field:", it moves the line out of its group or glues the field name to its value.
# Lines counted the way YAML counts them, so that they match the lines of its tokens.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
INVISIBLE_INDENT = re.compile(r"^([ \t]*)\u00a0[ \t\u00a0]*\S")
INVISIBLE_AFTER_KEY = re.compile(r"^([ \t]*[A-Za-z_][A-Za-z0-9_-]*:)\u00a0")
# A note after a value starts "# " (as in venues/_template.yaml); a # stuck to the text after it ("#2", "room #3")
# is part of the value, which YAML would still cut there.
STUCK_COMMENT = re.compile(r"([ \t]+)#\S")


def values_cut_by_comments(tokens: list[yaml.Token], source: str) -> list[Problem]:
    """Return a problem for each unquoted value that a # cuts short, e.g. street: Unit 3 #2 Example Street."""
    problems = []
    in_brackets = 0
    for token, following in itertools.pairwise([*tokens, None]):
        if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
            in_brackets += 1
        elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
            in_brackets -= 1
        end = token.end_mark
        # Matched in place: the pattern cannot pass a line's end, and copying the rest of the line for each token
        # took time growing with the square of a line's length (minutes for one long line of short items).
        stuck = STUCK_COMMENT.match(end.buffer, end.pointer)
        if not stuck:
            continue
        column = end.column + len(stuck.group(1)) + 1
        if isinstance(token, yaml.ScalarToken) and token.plain:
            said = f'the # and the text after it are dropped (YAML reads them as a note), so only "{token.value}" is kept.'
            start = token.start_mark
        elif isinstance(token, (yaml.ValueToken, yaml.BlockEntryToken)) and not in_brackets \
                and _ends_empty_value(token, following):
            said = "a value starting with # is read as a note, so the value is left empty."
            start = _mark_at(end, column - 1)
        else:
            continue
        if in_brackets:
            fix = "Put that item in double quotes, with the # inside them."
        elif start.line != end.line:
            fix = "Put the whole value in double quotes."
        else:
            fix = f"Put the whole value in double quotes, like this: {_quoted_to_line_end(start)}"
            if isinstance(token, yaml.ScalarToken) and " " not in token.value:
                # After one word (kind: cafe #coffee) the # more likely starts a note that lacks its space.
                fix += " (or, if the # starts a note, put a space after it: # like this)"
        problems.append(Problem(source, end.line + 1, column, f"{said} {fix}"))
    return problems


# After "field:" or "-" with nothing but a note, these tokens show that the value is empty (not a group below it).
EMPTY_VALUE_ENDS = (yaml.KeyToken, yaml.BlockEndToken, yaml.StreamEndToken)


def _ends_empty_value(token: yaml.Token, following: yaml.Token | None) -> bool:
    """Tell whether the token after "field:" or "-" shows that nothing but a note was written there."""
    # A "-" after "- #note" is the next item of an empty one; a "-" after "offers: #note" starts offers' list, which
    # YAML allows at the same indent as offers.
    if isinstance(following, yaml.BlockEntryToken):
        return isinstance(token, yaml.BlockEntryToken)
    return isinstance(following, EMPTY_VALUE_ENDS)


def _mark_at(mark: yaml.Mark, column: int) -> yaml.Mark:
    """Return a mark at another column of the same line."""
    pointer = mark.pointer - mark.column + column
    return yaml.Mark(mark.name, pointer, mark.line, column, mark.buffer, pointer)


def _quoted_to_line_end(start: yaml.Mark) -> str:
    """Return the line with everything from start to its end put in double quotes, e.g. street: "Unit 3 #2"."""
    line = _line_from(start.buffer, start.pointer - start.column)
    value = line[start.column:].rstrip().replace("\\", "\\\\").replace('"', '\\"')
    return (line[:start.column] + '"' + value + '"').strip()


def _line_from(buffer: str, pointer: int) -> str:
    """Return the text from pointer to the end of its line."""
    end = pointer
    while end < len(buffer) and buffer[end] not in "\0\r\n\x85\u2028\u2029":
        end += 1
    return buffer[pointer:end]


def syntax_problem(error: yaml.MarkedYAMLError, tokens: list[yaml.Token], source: str) -> Problem:
    """Place a YAML syntax error on the line to fix and say how in plain words."""
    context = error.context or ""
    problem = (error.problem or "").strip()
    found = error.problem_mark or error.context_mark
    opened = error.context_mark
    if found is None:
        return Problem(source, 1, 1, f"this is not valid YAML: {problem}.")
    if "\\t" in problem or "tab" in problem:  # PyYAML writes the tab as \t
        return _at(source, found, f"line {found.line + 1} has a tab character, which YAML does not allow here. "
                                  "Use spaces, not tabs: replace the tab with spaces.")
    # PyYAML's context mark is where the mistake started: the key without a colon, the open quote or bracket.
    if context == "while scanning a quoted scalar" and opened:
        return _unclosed_quote(source, opened)
    if context == "while scanning a double-quoted scalar" and "escape" in problem:
        return _at(source, found, "a backslash (\\) inside double quotes must be written twice (\\\\). "
                                  "Or put the value in single quotes (') instead.")
    if context == "while scanning a simple key" and opened:
        return _at(source, opened, _missing_colon(opened))
    if context in ("while parsing a flow sequence", "while parsing a flow mapping") and opened and opened.line < found.line:
        bracket = opened.buffer[opened.pointer]
        return _at(source, opened, f"the {bracket} on line {opened.line + 1} is never closed. "
                                   f"Add {CLOSING[bracket]} at the end of the list on that line, for example "
                                   "offers: [safe-space, wifi].")
    quote = _quote_closed_late(tokens, found)
    if quote:
        return _unclosed_quote(source, quote.start_mark)
    quote = _quote_followed_by_text(tokens, found)
    if quote:
        return _at(source, found, _text_after_quote(quote))
    if problem.startswith("expected <block end>") and "<block" in problem.removeprefix("expected <block end>"):
        return _at(source, found, f"line {found.line + 1} is not lined up with the lines above it: start it with the "
                                  "same number of spaces as the other lines of its group.")
    indent = _indent_mistake(found)
    if indent:
        return _at(source, _mark_at(found, 0), indent)
    if problem == "mapping values are not allowed here":
        return _at(source, found, _colon_in_value(found))
    # PyYAML's own words ("expected <block end>", "mapping values") mean nothing to a coordinator: say where and what.
    return _at(source, found, f"this is not valid YAML at line {found.line + 1}. Check the spaces at the start of "
                              "the line (use spaces, not tabs, as many as the other lines of its group) and put text "
                              "containing a colon (:) or # in quotes.")


FIELD_LINE = re.compile(r"^( *)(?:- +)?([A-Za-z_][A-Za-z0-9_-]*):(?:\s|$)")


def _indent_mistake(found: yaml.Mark) -> str | None:
    """Explain a field line indented differently from the fields of its group, in spaces counted for the reader."""
    lines = found.buffer.rstrip("\0").split("\n")
    if found.line >= len(lines):
        return None
    this = FIELD_LINE.match(lines[found.line])
    if not this:
        return None
    spaces, key = len(this.group(1)), this.group(2)
    # The field above on the same level: the nearest earlier field line that is not the group's own "name:" line.
    for above in range(found.line - 1, -1, -1):
        before = FIELD_LINE.match(lines[above])
        if not before:
            continue
        if lines[above].rstrip().endswith(":") and len(before.group(1)) < spaces:
            return None  # the first field of a group may start at any indent: YAML takes that as the group's
        other = len(before.group(1))
        if other == spaces:
            return None
        group = next((FIELD_LINE.match(lines[line]).group(2) for line in range(above, -1, -1)
                      if FIELD_LINE.match(lines[line]) and len(FIELD_LINE.match(lines[line]).group(1)) < other), None)
        others = f"the other fields of `{group}:` have {other}" if group else \
            "the fields at the top of the file have none"
        return (f"line {found.line + 1} has {spaces} space{'' if spaces == 1 else 's'} before `{key}:`; {others}. "
                f"Start the line with {other if group else 'no'} spaces, like the line above it.")
    return None


def _colon_in_value(found: yaml.Mark) -> str:
    """Explain a second "field:" on one line: a colon inside a value, or a field that needs a line of its own."""
    line = _line_from(found.buffer, found.pointer - found.column)
    field = FIELD_LINE.match(line)
    if not field:
        return (f"line {found.line + 1} has a colon (:) inside a value: put the whole value in double quotes, "
                'for example street: "Unit 3: Test Road"')
    start = _mark_at(found, field.end(0)) if field.end(0) < len(line) else found
    return (f"line {found.line + 1} has a colon (:) inside the value of `{field.group(2)}:`. Put the whole value in "
            f"double quotes, like this: {_quoted_to_line_end(start)} (or, if it is a field of its own, put it on a "
            "line of its own, under the other fields of its group).")


CLOSING = {"[": "]", "{": "}"}


def _at(source: str, mark: yaml.Mark | None, message: str) -> Problem:
    """Place a message at a mark, or at the start of the file when there is none."""
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(source, line, column, message)


def _unclosed_quote(source: str, opened: yaml.Mark) -> Problem:
    """Point at a quote that is never closed and say where to close it."""
    quote = opened.buffer[opened.pointer]
    return _at(source, opened, f"a quote ({quote}) opened on line {opened.line + 1} is never closed. "
                               f"Add the closing {quote} at the end of the value on that line.")


def _quote_closed_late(tokens: list[yaml.Token], found: yaml.Mark | None) -> yaml.Token | None:
    """Return a quoted value that runs over several lines and ends where the error is: its quote was left open."""
    if found is None:
        return None
    late = [token for token in tokens if isinstance(token, yaml.ScalarToken) and token.style in ("\"", "'")
            and token.start_mark.line < token.end_mark.line == found.line and token.end_mark.index <= found.index]
    return late[-1] if late else None


def _quote_followed_by_text(tokens: list[yaml.Token], found: yaml.Mark | None) -> yaml.Token | None:
    """Return a quoted value that more text follows on its line, as in name: "The Hub" Cafe."""
    for before, token in zip(tokens, tokens[1:], strict=False):
        if found and token.start_mark.index == found.index and isinstance(token, yaml.ScalarToken) \
                and isinstance(before, yaml.ScalarToken) and before.style in ("\"", "'") \
                and before.start_mark.line == before.end_mark.line == found.line:
            return before
    return None


def _text_after_quote(quote: yaml.ScalarToken) -> str:
    """Explain text after a closing quote, showing the line with the other kind of quotes around the whole value."""
    start = quote.start_mark
    line = _line_from(start.buffer, start.pointer - start.column)
    value = line[start.column:].rstrip()
    other = "double" if quote.style == "'" else "single"
    if len(value) > 1 and value[0] == value[-1] == quote.style:
        # name: 'St Mary's Hall': the quotes were meant around the value, and its own ' closed them early.
        fixed = _quoted(line[:start.column], value[1:-1], quote.style)
        return (f"line {start.line + 1} has text after the closing quote ({quote.style}): a {quote.style} inside the "
                f"value ends it early. Put {other} quotes around the value instead: {fixed}")
    fixed = _quoted(line[:start.column], value, quote.style)
    return (f"line {start.line + 1} has text after the closing quote ({quote.style}): put the whole value inside the "
            f"quotes. To keep the quote marks as part of the value, put {other} quotes around it: {fixed}")


def _quoted(before: str, value: str, quote: str) -> str:
    """Return the line with the value put in the other kind of quotes than quote, escaped as YAML needs."""
    if quote == "'":
        return (before + '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"').strip()
    return (before + "'" + value.replace("'", "''") + "'").strip()


def _missing_colon(opened: yaml.Mark) -> str:
    """Explain a line that has no colon after its field name, showing the fixed line when the field is known."""
    number = opened.line + 1
    line = _line_from(opened.buffer, opened.pointer).strip()
    name, _, value = line.partition(" ")
    field, colon, stuck = name.partition(":")
    if colon and field in _field_names():
        # kind:cafe has its colon: YAML only sees a field name when a space follows the colon.
        fixed = f"{field}: {stuck} {value.strip()}".rstrip()
        return (f"line {number} has no space after the colon, so YAML does not see a field name. "
                f"Put a space after the colon: {fixed}")
    if name in _field_names():
        return f"line {number} needs a colon after the field name. Write it as: {name}: {value.strip()}".rstrip()
    return (f"line {number} needs a colon after the field name, for example name: Central Library. "
            "If the line continues the text of the line above, join it to the end of that line.")


@cache
def _field_names() -> frozenset[str]:
    """Return every field name the schema knows, at any depth."""
    names = set()
    stack = [venue_schema()]
    while stack:
        part = stack.pop()
        if isinstance(part, dict):
            names.update(part.get("properties", {}))
            stack.extend(part.values())
        elif isinstance(part, list):
            stack.extend(part)
    return frozenset(names)
