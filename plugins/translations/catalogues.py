"""Load the gettext catalogue of each language straight from its .po file."""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

log = logging.getLogger(__name__)

DOMAIN = "messages"


def catalogue_path(directory: Path, code: str) -> Path:
    """Return where a language's catalogue lives: <dir>/<code>/LC_MESSAGES/messages.po."""
    return Path(directory) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(path: Path, modified: float) -> Translations:
    with path.open("rb") as source:
        catalog = read_po(source)
    buffer = io.BytesIO()
    # Compiling in memory means no .mo file can be stale: the build always uses the .po as written.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def load_translations(directory: Path, code: str, default_code: str) -> NullTranslations:
    """Return the translations of a language; the default language needs none."""
    if code == default_code:
        return NullTranslations()
    path = catalogue_path(directory, code)
    if not path.is_file():
        log.error("translations: no catalogue for %s at %s: run make translations", code, path)
        return NullTranslations()
    return _compiled(path, path.stat().st_mtime)
