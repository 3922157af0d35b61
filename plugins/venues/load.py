"""Read venue YAML files, keeping the line of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Problem

Path_ = tuple  # a path into the data, e.g. ("address", "postcode") or ("offers", 2)


class _Loader(yaml.SafeLoader):
    """Load YAML safely, leaving dates as text so the schema can check them."""


# Dates stay strings: JSON Schema checks them with format "date", and the model parses them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LoadedFile:
    """Hold one venue file's data and where each part of it is."""

    source: str
    slug: str
    data: object = None
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Return (line, column) of a value (or its key), or of its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        path = tuple(path)
        while path:
            if path in marks:
                return marks[path]
            if path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return self.value_marks.get((), (1, 1))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node: yaml.Node, path: Path_, loaded: LoadedFile, problems: list[Problem]):
    """Turn a composed node into Python data, recording marks and duplicate keys."""
    loaded.value_marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve YAML merge keys (<<) the way PyYAML does
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            child = (*path, key)
            if key in result:
                first_line = loaded.key_marks[child][0]
                line, column = _mark(key_node)
                problems.append(Problem(
                    loaded.source, line, column,
                    f'"{key}" is written twice (first on line {first_line}). Keep one and delete the other.',
                ))
                continue
            loaded.key_marks[child] = _mark(key_node)
            result[key] = _build(loader, value_node, child, loaded, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, index), loaded, problems) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_text(text: str, source: str, slug: str) -> tuple[LoadedFile, list[Problem]]:
    """Parse one venue file's text; return its data and any YAML problems."""
    loaded = LoadedFile(source=source, slug=slug)
    problems = _aliases(text, source)
    if problems:
        # An alias can point back at itself or multiply a value many times over: refuse before building.
        return loaded, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(Problem(source, 1, 1, "the file is empty. Copy venues/_template.yaml and fill it in."))
            return loaded, problems
        loaded.data = _build(loader, node, (), loaded, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(Problem(source, line, column, _explain_yaml_error(error)))
    except yaml.YAMLError as error:
        problems.append(Problem(source, 1, 1, f"this is not valid YAML ({error})."))
    finally:
        loader.dispose()
    return loaded, problems


def _aliases(text: str, source: str) -> list[Problem]:
    """Return a problem for each alias (*name) in the text; a syntax error is left to the loader."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                line, column = event.start_mark.line + 1, event.start_mark.column + 1
                problems.append(Problem(source, line, column, f"*{event.anchor} repeats another value: anchors and "
                                                              "aliases (& and *) are not allowed here. Write the value out."))
    except yaml.YAMLError:
        return []
    return problems


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    hint = "Check the indentation (use spaces, not tabs) and put text containing a colon (:) or # in quotes."
    if "tab" in problem:
        hint = "Use spaces, not tabs, to indent."
    return f"this is not valid YAML: {problem}. {hint}"


def load_file(path: Path, display_root: Path | None = None) -> tuple[LoadedFile, list[Problem]]:
    """Read and parse one venue file."""
    source = _display(path, display_root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return LoadedFile(source, path.stem), [Problem(source, 1, 1, "the file is not saved as UTF-8 text. Save it as UTF-8.")]
    return load_text(text, source, path.stem)


def venue_files(directory: Path) -> list[Path]:
    """List venue files in a folder, sorted; names starting with _ are templates, not venues."""
    files = [p for p in directory.iterdir() if p.is_file() and not p.name.startswith((".", "_"))]
    return sorted(files)


def _display(path: Path, root: Path | None) -> str:
    """Name a file as a coordinator sees it in the repository, e.g. venues/x.yaml."""
    root = root or path.parent.parent
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
