"""Load the gettext catalogue of each language straight from its .po file."""

from __future__ import annotations

import io
import logging
import re
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


# Templates mark translated words as safe HTML (Jinja's newstyle gettext), and a reviewer may not read the
# language: so a translation may not hold the characters that open a tag or leave an attribute.
MARKUP = re.compile(r'[<>"]')


class UnsafeTranslation(ValueError):
    """Stop the build: a translation holds characters that could change the page's HTML."""


def unsafe_messages(catalog) -> list[str]:
    """Return the msgids whose translation holds <, > or a straight double quote."""
    unsafe = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.id and any(MARKUP.search(text or "") for text in strings):
            unsafe.append(message.id if isinstance(message.id, str) else message.id[0])
    return unsafe


@cache
def _compiled(path: Path, modified: float) -> Translations:
    with path.open("rb") as source:
        catalog = read_po(source)
    unsafe = unsafe_messages(catalog)
    if unsafe:
        raise UnsafeTranslation(
            f"translations: {path}: the translation of {unsafe[0]!r} (and {len(unsafe) - 1} more) holds <, > or \". "
            "Remove them; for quotation marks use the language's own (« », “ ”)."
        )
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
