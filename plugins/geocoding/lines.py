"""Find where a field sits in a venue's file, so a message can point at its line."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from venues.load import LoadedFile, load_file
from venues.model import Venue


class FieldLines:
    """Give the (line, column) of a venue's fields, reading each venue file at most once and only when asked."""

    # A Venue keeps only the line of its first key; the marks of every key live in venues.load's LoadedFile,
    # which the catalogue does not keep. Reading the file again with the same loader, and only for a venue
    # that has a problem, gives exactly the lines `make validate` would.

    def __init__(self, folder: Path | str | None):
        self.folder = Path(folder) if folder else None
        self._files: dict[str, LoadedFile | None] = {}

    def key(self, venue: Venue, *path: str) -> tuple[int, int]:
        """Return where a key is written (e.g. "location"), or the venue's first line if it cannot be found."""
        return self._where(venue, path, key=True)

    def value(self, venue: Venue, *path: str) -> tuple[int, int]:
        """Return where a value is written (e.g. "address", "postcode"), or the venue's first line."""
        return self._where(venue, path, key=False)

    def _where(self, venue: Venue, path: tuple[str, ...], key: bool) -> tuple[int, int]:
        loaded = self._load(venue)
        marks = {} if loaded is None else loaded.key_marks if key else loaded.value_marks
        return marks.get(path, (venue.line, 1))

    def _load(self, venue: Venue) -> LoadedFile | None:
        if venue.source not in self._files:
            self._files[venue.source] = self._read(venue)
        return self._files[venue.source]

    def _read(self, venue: Venue) -> LoadedFile | None:
        if self.folder is None:
            return None
        path = self.folder / PurePosixPath(venue.source).name
        if not path.is_file():
            return None
        loaded, problems = load_file(path)
        # A file edited since it was loaded may no longer parse: then the venue's first line is the best guess.
        return loaded if loaded.data is not None and not problems else None
