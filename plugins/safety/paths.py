"""Keep each content page to its own path: never under the venues, the map, the theme or another page's."""

from __future__ import annotations

import logging
import re
from itertools import chain
from pathlib import Path

from venues.check.load import display_path
from venues.model import Problem
from venues.urls import DEFAULTS as URL_DEFAULTS

from .settings import enabled, setting

log = logging.getLogger(__name__)

# The metadata through which a page chooses where it is written or where links to it point.
PATH_KEYS = ("slug", "save_as", "url", "override_save_as")
ONE_FOLDER = re.compile(r"[\w-]+")  # a slug is one folder name: no "/", no ".", no ".."


class PagePathErrors(Exception):
    """Stop the build because a content page would write where it must not."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"safety: {len(problems)} content page(s) must be fixed:\n{lines}")


def reserved_names(settings: dict) -> set[str]:
    """Return the first folders (or file names without extension) that belong to the site, not to content pages."""
    names = set(setting(settings, "SAFETY_RESERVED_NAMES"))
    names.add(settings.get("THEME_STATIC_DIR", "theme"))
    names.update(code.lower() for code in settings.get("TRANSLATIONS_LANGUAGES") or {})
    # Every output kind's *_SAVE_AS (INDEX_SAVE_AS, MAP_SAVE_AS, ...) whose first folder is fixed, set or by default.
    for key, value in {**URL_DEFAULTS, **settings}.items():
        if key.endswith("_SAVE_AS") and isinstance(value, str) and value:
            first = value.split("/", 1)[0]
            if "{" not in first:
                names.add(first.split(".", 1)[0].lower())
    return names


def language_prefix(settings: dict, lang: str | None) -> str:
    """Return the folder a language's pages are written under: "" for the default language, else "ar/"."""
    default = settings.get("DEFAULT_LANG", "en")
    return "" if not lang or lang == default else f"{lang}/"


def page_problems(page, reserved: set[str]) -> list[tuple[str, str]]:
    """Return what is wrong with where one page is written and linked, as (metadata key, message) pairs."""
    settings = page.settings
    slug = page.slug or ""
    prefix = language_prefix(settings, getattr(page, "lang", None))
    problems = []
    if not ONE_FOLDER.fullmatch(slug):
        problems.append(("slug", f"Slug: {slug} must be one word of letters, numbers and hyphens (no / or .), "
                                 "like about or staying-safe"))
    elif slug.lower() in reserved:
        problems.append(("slug", f"Slug: {slug} is a name the site uses for its own pages ({slug}/): "
                                 "choose another slug"))
    if "override_save_as" in page.metadata:
        problems.append(("override_save_as", "a page may not overwrite another file: remove the Override_save_as line"))
    if "save_as" in page.metadata and not problems:
        allowed = (f"{prefix}{slug}/index.html", f"{prefix}{slug}.html")
        if page.save_as not in allowed:
            owner = owner_of(page.save_as, prefix, reserved)
            problems.append(("save_as", f"Save_as: {page.save_as} would write {owner}. A page is written from its "
                                        f"Slug: remove the Save_as line, or write Save_as: {allowed[0]}"))
    if "url" in page.metadata and not problems:
        save_as = page.save_as
        allowed = {save_as, save_as.removesuffix("index.html")}
        if page.url not in allowed:
            problems.append(("url", f"URL: {page.url} would send readers somewhere else than this page, which is "
                                    f"written to {save_as}: remove the URL line"))
    return problems


def owner_of(path: str, prefix: str, reserved: set[str]) -> str:
    """Say whose place a path is, for the message: the site's own pages', another language's, another page's."""
    first, _, rest = (path.removeprefix(prefix) if path.startswith(prefix) else path).partition("/")
    if first.split(".", 1)[0].lower() in reserved:
        return f"{'under ' + first + '/' if rest else first}, which belongs to the site's own pages"
    if not path.startswith(prefix):
        return f"outside this language's folder ({prefix})"
    return "somewhere else than this page's own folder"


def metadata_line(source: Path, key: str) -> int:
    """Return the line of a metadata key in a Markdown page's header, or 1 when it is not written there."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"\s*{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break  # the header ends at the first blank line
        if pattern.match(line):
            return number
    return 1


def check_page_paths(generator) -> None:
    """Stop the build, naming each file and line, when a content page would write outside its own path."""
    settings = generator.settings
    if not enabled(settings):
        return
    reserved = reserved_names(settings)
    root = Path(settings["PATH"]).parent
    problems = []
    pages = chain(generator.pages, generator.translations, generator.hidden_pages, generator.hidden_translations,
                  generator.draft_pages, generator.draft_translations)
    for page in pages:
        source = Path(page.source_path)
        for key, message in page_problems(page, reserved):
            line = metadata_line(source, key)
            problems.append(Problem(display_path(source, root), line, 1, message))
    if problems:
        failure = PagePathErrors(sorted(problems, key=lambda problem: (problem.file, problem.line)))
        # One message for them all: with --fatal errors, Pelican stops at the first error logged.
        log.error("%s", failure)
        raise failure
