"""Read venue YAML files, keeping the line of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Problem
from . import characters, limits, yaml_mistakes

Path_ = tuple  # a path into the data, e.g. ("address", "postcode") or ("offers", 2)


class _Loader(yaml.SafeLoader):
    """Load YAML safely, leaving dates as text so the schema can check them."""


# Dates stay strings: JSON Schema checks them with format "date", and the model parses them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _ScannedLoader(_Loader):
    """Parse and compose tokens already scanned from a file, instead of scanning its text again."""

    # Scanning is most of PyYAML's time in Python, and every file is scanned first for the checks that need its
    # tokens (depth, invisible spaces, values cut by comments): parsing those tokens twice more (aliases, then the
    # data) saves two of three scans, about a third of reading the files. The tokens carry the same marks.

    def __init__(self, tokens: list[yaml.Token]):
        super().__init__("")
        self._scanned, self._next = tokens, 0

    def check_token(self, *choices) -> bool:
        """Say whether a token is left (of one of the choices, if given), as the scanner's own does."""
        if self._next >= len(self._scanned):
            return False
        return not choices or isinstance(self._scanned[self._next], choices)

    def peek_token(self) -> yaml.Token | None:
        """Return the next token without taking it."""
        return self._scanned[self._next] if self._next < len(self._scanned) else None

    def get_token(self) -> yaml.Token | None:
        """Take the next token."""
        token = self.peek_token()
        self._next += 1
        return token


def _loader_for(text: str, tokens: list[yaml.Token]) -> _Loader:
    """Return a loader over the scanned tokens when the scan reached the end; else one that reads the text."""
    # A scan that stopped at a mistake leaves the text to PyYAML, which stops at the same place with its own words.
    if tokens and isinstance(tokens[-1], yaml.StreamEndToken):
        return _ScannedLoader(tokens)
    return _Loader(text)


@dataclass
class LoadedFile:
    """Hold one venue file's data and where each part of it is."""

    source: str
    slug: str
    data: object = None
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # What the coordinator typed for each single value, e.g. "yes" for status: yes (read as True) or
    # "02371234567" for phone: 02371234567 (read as the octal number 333789559): messages quote it back.
    scalar_text: dict[Path_, str] = field(default_factory=dict)
    # What the coordinator typed for a field name YAML reads as something else, e.g. "no" for the language key
    # no: (Norwegian, read as False): the key in data is then "False".
    key_text: dict[Path_, str] = field(default_factory=dict)

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
    """Return the (line, column) where a node starts, counting from 1."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node: yaml.Node, path: Path_, loaded: LoadedFile, problems: list[Problem]):
    """Turn a composed node into Python data, recording marks and duplicate keys."""
    loaded.value_marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve YAML merge keys (<<) the way PyYAML does
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            typed = None
            if not isinstance(key, str):
                key, typed = str(key), key_node.value
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
            if typed is not None:
                loaded.key_text[child] = typed
            result[key] = _build(loader, value_node, child, loaded, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, index), loaded, problems) for index, item in enumerate(node.value)]
    # The node's text is what was typed, before YAML turns yes into True or 0237... into a number. For an unquoted
    # value on one line it is the very text in the file; elsewhere the file also holds YAML's own marks (quotes,
    # a tag, > or |, line breaks and indents), which the node's text leaves out and messages do not need.
    loaded.scalar_text[path] = node.value
    return characters.nfc(loader.construct_object(node, deep=True))


def load_text(text: str, source: str, slug: str) -> tuple[LoadedFile, list[Problem]]:
    """Parse one venue file's text; return its data and any YAML problems."""
    loaded = LoadedFile(source=source, slug=slug)
    # What could stall or crash the parser, or hide text, is refused before YAML reads a character of it.
    problems = limits.long_lines(text, source) or characters.hidden_in_file(text, source)
    if problems:
        return loaded, problems
    tokens = _tokens(text)
    # An invisible space misplaces every line after it; an alias can loop or multiply a value: refuse before building.
    problems = limits.too_deep(tokens, source) or yaml_mistakes.invisible_spaces(text, tokens, source) \
        or _aliases(text, tokens, source)
    if problems:
        return loaded, problems
    cut = yaml_mistakes.values_cut_by_comments(tokens, source)
    loader = _loader_for(text, tokens)
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(Problem(source, 1, 1, "the file is empty. Copy venues/_template.yaml and fill it in."))
            return loaded, problems
        loaded.data = _build(loader, node, (), loaded, problems)
    except yaml.MarkedYAMLError as error:
        syntax = yaml_mistakes.syntax_problem(error, tokens, source)
        # A # inside a value can end a list early: then the # is the mistake to fix, not what follows from it.
        if not any(problem.line == syntax.line for problem in cut):
            problems.append(syntax)
    except yaml.YAMLError:
        # Not placed by PyYAML (its reader's own faults): its words would only be jargon here.
        problems.append(Problem(source, 1, 1, "this is not valid YAML: the file holds something YAML cannot read. "
                                              "Copy its text into a new file from venues/_template.yaml and save it."))
    finally:
        loader.dispose()
    if loaded.data is not None:
        problems += characters.hidden_in_values(loaded.data, loaded.where, source)
    return loaded, problems + cut


def _aliases(text: str, tokens: list[yaml.Token], source: str) -> list[Problem]:
    """Return a problem for each alias (*name) in the text; a syntax error is left to the loader."""
    problems = []
    loader = _loader_for(text, tokens)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line, column = event.start_mark.line + 1, event.start_mark.column + 1
                problems.append(Problem(source, line, column, f"*{event.anchor} repeats another value: anchors and "
                                                              "aliases (& and *) are not allowed here. Write the value out."))
    except yaml.YAMLError:
        return []
    finally:
        loader.dispose()
    return problems


def _tokens(text: str) -> list[yaml.Token]:
    """Return the YAML tokens of the text, up to the first syntax error."""
    tokens = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def load_file(path: Path, display_root: Path | None = None) -> tuple[LoadedFile, list[Problem]]:
    """Read and parse one venue file."""
    # Named as it is in the folder, never as the file a link points at.
    source = display_path(path, display_root, follow_links=False)
    data, problem = limits.read_limited(path, source)
    if problem:
        return LoadedFile(source, path.stem), [problem]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return LoadedFile(source, path.stem), [Problem(source, 1, 1, "the file is not saved as UTF-8 text. Save it as UTF-8.")]
    # Read as Python's text mode would: one \n for each \r\n or \r, so lines and columns are the same either way.
    return load_text(text.replace("\r\n", "\n").replace("\r", "\n"), source, path.stem)


def venue_files(directory: Path) -> list[Path]:
    """List venue files in a folder, sorted; hidden files and names starting with _ are not venues."""
    # Links, pipes and devices are listed too, so load_file refuses them by name instead of skipping them in silence;
    # a folder is one only when named like a venue file (other folders are unpublished_files' to report).
    files = [p for p in directory.iterdir() if not p.name.startswith((".", "_"))
             and (not p.is_dir() or p.is_symlink() or p.name.lower().endswith(YAML_SUFFIXES))]
    return sorted(files)


YAML_SUFFIXES = (".yaml", ".yml")
TEMPLATE_NAME = "_template.yaml"


def unpublished_files(directory: Path, display_root: Path | None = None) -> list[Problem]:
    """Return a problem for each YAML file in the folder that venue_files leaves out, but the template."""
    # Every YAML file in the folder is either on the site or an error: a file skipped in silence looks published.
    root = display_root or directory.parent
    folder = display_path(directory, root)
    problems = []
    for path in sorted(directory.rglob("*")):
        inside = path.relative_to(directory).parts
        # A hidden folder (.git, an editor's own) holds tools' files, not a coordinator's.
        if any(part.startswith(".") for part in inside[:-1]) or not path.name.lower().endswith(YAML_SUFFIXES) \
                or not path.is_file():
            continue
        source = display_path(path, root)
        if len(inside) > 1:
            problems.append(Problem(source, 1, 1, f"this file is in a subfolder, and only files directly in {folder}/ "
                                                  f"are published. Move it to {folder}/ or delete it."))
        elif path.name.startswith("_") and path.name != TEMPLATE_NAME:
            name = path.stem.lstrip("_") or "name-of-the-venue"
            problems.append(Problem(source, 1, 1, f"a file name starting with _ is not published (only {TEMPLATE_NAME} "
                                                  f"may start with _). Rename it to {name}.yaml, or delete it."))
        elif path.name.startswith("."):
            name = _name_without_suffix(path.name).lstrip("._") or "name-of-the-venue"
            problems.append(Problem(source, 1, 1, f"a file name starting with . is hidden, and hidden files are not "
                                                  f"published. Rename it to {name}.yaml, or delete it."))
    return problems


def _name_without_suffix(name: str) -> str:
    """Return a file name without its .yaml or .yml ending; Path.stem keeps the whole of ".yaml"."""
    for suffix in YAML_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[:-len(suffix)]
    return name


def display_path(path: Path, root: Path | None = None, follow_links: bool = True) -> str:
    """Name a file as a coordinator sees it in the repository, e.g. venues/x.yaml."""
    root = root or path.parent.parent
    # Without following links, only the folder is resolved: a link is named as itself, not as its target.
    resolved = path.resolve() if follow_links else path.parent.resolve() / path.name
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
