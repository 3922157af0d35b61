"""Check venue data against the schema and the rules between fields and files."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import opening_hours
from dateutil.relativedelta import relativedelta

from .. import schema, text
from ..city import NO_CITY, City
from ..model import Problem
from ..phones import check_phone
from ..schema import venue_schema
from .characters import visible
from .hours_hints import hours_message
from .language_codes import check_language_codes
from .leftovers import check_leftovers
from .links import ALLOWED_LINK, description_links
from .load import LoadedFile
from .look_alikes import skeletons
from .personal_data import check_personal_data
from .schema_messages import schema_messages

# The UK postcode areas with the letter O in them (Colchester, Oldham, Oxford, Portsmouth, Southampton, York):
# typed with a zero, the postcode still matches the pattern, so it is caught here, in any city.
AREAS_WITH_O = ("CO", "OL", "OX", "PO", "SO", "YO")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A venue's page is venues/<slug>/: these names are the site's own pages under venues/, now or planned (listings by
# offer, language and area; posters, cards, the leaflet, the network page and the map), and would be taken over.
RESERVED_SLUGS = frozenset({
    "offers", "languages", "areas", "poster", "posters", "card", "cards", "leaflet", "network", "map", "index", "feed",
    "search", "open-data", "data", "print", "all", "new", "static", "theme", "images", "css", "js",
    # The map page gives each venue's list entry its slug as an id (map/#slug): these ids are the page's own.
    "places", "main-content", "sos-map-title",
})
MAX_RENEWAL_YEARS = 2  # training is renewed yearly (CONTRIBUTING.md); two years leaves room for a late refresher


def _validator():
    """Return a validator of the venue schema that also checks formats, such as dates."""
    return jsonschema.Draft202012Validator(venue_schema(), format_checker=jsonschema.FormatChecker())


def check_schema(loaded: LoadedFile) -> list[Problem]:
    """Return every schema problem of one loaded file, each at its line."""
    problems = []
    if not isinstance(loaded.data, dict):
        return [Problem(loaded.source, *loaded.where(()), "the file must be a group of fields such as name:, kind:, "
                                                          "address:. Copy venues/_template.yaml and fill it in.")]
    for error in _validator().iter_errors(loaded.data):
        for path, at_key, message in schema_messages(error, loaded):
            problems.append(Problem(loaded.source, *loaded.where(path, key=at_key), message))
    # Several parts of the schema can ask for the same field: say each thing once.
    return list(dict.fromkeys(problems))


def check_rules(loaded: LoadedFile, today: datetime.date | None = None, city: City = NO_CITY) -> list[Problem]:
    """Return problems the schema cannot see: file name, dates, codes, opening hours, links, left-over values."""
    data, source = loaded.data, loaded.source
    today = today or datetime.datetime.now(ZoneInfo("Europe/London")).date()
    problems = _check_file_name(loaded)
    problems += _check_dates(loaded, today)
    problems += check_language_codes(loaded)
    problems += _check_postcode(loaded)
    problems += _check_schemes(loaded, city)
    problems += check_phone(loaded)
    hours = data.get("opening_hours")
    if isinstance(hours, str) and not opening_hours.validate(hours):
        problems.append(Problem(source, *loaded.where(("opening_hours",)), hours_message(hours)))
    for path, link in description_links(data):
        if not ALLOWED_LINK.match(link):
            problems.append(Problem(source, *loaded.where(path),
                                    f'description: the link "{link}" is not allowed. Links must start with '
                                    "https://, http://, tel: or mailto:."))
    if data.get("example") is not True:
        problems += check_leftovers(loaded)
    return problems + check_personal_data(loaded, city)


def _check_file_name(loaded: LoadedFile) -> list[Problem]:
    """Refuse a file name that is not small letters, numbers and dashes ending in .yaml."""
    name = Path(loaded.source).name
    if not name.endswith(".yaml"):
        # Check the ending first: in "x.yaml.txt" the part before the ending is "x.yaml", not a name to judge.
        stem = name
        while Path(stem).suffix.lower() in {".txt", ".yml", ".yaml"}:
            stem = stem[: -len(Path(stem).suffix)]
        example = f"{stem}.yaml" if SLUG.match(stem) else "central-library.yaml"
        return [Problem(loaded.source, 1, 1, f'venue files must end in .yaml: rename the file, for example "{example}".')]
    if not SLUG.match(loaded.slug):
        return [Problem(loaded.source, 1, 1, f'the file name "{loaded.slug}" must use only small letters, numbers '
                                             'and dashes, for example "central-library.yaml".')]
    if loaded.slug in RESERVED_SLUGS:
        return [Problem(loaded.source, 1, 1, f'the file name "{loaded.slug}" is taken by a page of the site itself '
                                             f"(venues/{loaded.slug}/). Rename the file with the venue's own name, "
                                             'for example "central-library.yaml".')]
    return []


def _check_postcode(loaded: LoadedFile) -> list[Problem]:
    """Refuse "P01 2AB": the pattern allows a zero there, but no UK postcode area has one, and some have an O."""
    address = loaded.data.get("address") if isinstance(loaded.data.get("address"), dict) else {}
    postcode = address.get("postcode")
    compact = "".join(postcode.split()).upper() if isinstance(postcode, str) else ""
    for area in AREAS_WITH_O:
        place = area.index("O")
        if compact.startswith(area.replace("O", "0")) and len(compact) >= 5:
            before = f"{area[0]} and zero" if place else "zero"
            return [Problem(loaded.source, *loaded.where(("address", "postcode")),
                            f'address: postcode: "{postcode}" starts with {before}: the {("first", "second")[place]} '
                            f'character is the letter O, not zero: {text.normalise_postcode(area + compact[2:])}.')]
    return []


def _check_schemes(loaded: LoadedFile, city: City) -> list[Problem]:
    """Refuse a scheme the schema knows but this city has no part in (VENUES_SCHEMES)."""
    accreditation = loaded.data.get("accreditation") if isinstance(loaded.data.get("accreditation"), dict) else {}
    named = accreditation.get("schemes") if isinstance(accreditation.get("schemes"), list) else []
    if city.schemes is None:
        return []
    known = schema.schemes()
    return [Problem(loaded.source, *loaded.where(("accreditation", "schemes", index)),
                    f'accreditation: schemes: "{key}" ({known[key].title}) is not a scheme of this site. Write '
                    f'{" or ".join(city.schemes)}, or take it out.')
            for index, key in enumerate(named) if key in known and key not in city.schemes]


def _check_dates(loaded: LoadedFile, today: datetime.date) -> list[Problem]:
    """Refuse a training day after today, and a renewal day before the training or years after it."""
    data = loaded.data
    accreditation = data.get("accreditation") if isinstance(data.get("accreditation"), dict) else {}
    trained, renew = (_date(accreditation.get(key)) for key in ("trained_on", "renew_by"))
    problems = []
    if trained and trained > today:
        problems.append(Problem(loaded.source, *loaded.where(("accreditation", "trained_on")),
                                f"accreditation: trained_on ({trained}) is in the future: write the day the "
                                "training took place, as YYYY-MM-DD. Add a venue only once its training is done."))
    if trained and renew and renew <= trained:
        problems.append(Problem(loaded.source, *loaded.where(("accreditation", "renew_by")),
                                f"accreditation: renew_by ({renew}) must be after trained_on ({trained}). "
                                "Check both dates."))
    # relativedelta gives the same day so many years on, and 28 February for 29 February.
    elif trained and renew and renew > trained + relativedelta(years=MAX_RENEWAL_YEARS) and data.get("example") is not True:
        # A slip in the year (2072 for 2027) would keep a venue listed long after its training lapsed.
        problems.append(Problem(loaded.source, *loaded.where(("accreditation", "renew_by")),
                                f"accreditation: renew_by ({renew}) is more than {MAX_RENEWAL_YEARS} years after "
                                f"trained_on ({trained}). Training is renewed about once a year: check the year, "
                                f"for example renew_by: {trained + relativedelta(years=1)}"))
    return problems


def _date(value: object) -> datetime.date | None:
    """Read a YYYY-MM-DD text as a date, or return None."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_duplicates(files: list[LoadedFile]) -> list[Problem]:
    """Return a problem for each venue that repeats, or looks like, another file's name at the same postcode."""
    seen: dict[tuple[str, str], LoadedFile] = {}
    problems = []
    for loaded in files:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        address = data.get("address") if isinstance(data.get("address"), dict) else {}
        name, postcode = data.get("name"), address.get("postcode")
        if not isinstance(name, str) or not isinstance(postcode, str):
            continue
        # Compared as a reader sees them: a copy with a zero-width space, or a Cyrillic С for a Latin C, is the same.
        keys = [(form, text.normalise_postcode(postcode)) for form in sorted(skeletons(name))]
        first = next((seen[key] for key in keys if key in seen), None)
        if first is not None:
            problems.append(Problem(loaded.source, *loaded.where(("name",)),
                                    f'the same venue ("{visible(name)}", {keys[0][1]}) is already in {first.source}. '
                                    "Keep one file per venue: update that file instead, or delete this one."))
        else:
            seen.update(dict.fromkeys(keys, loaded))
    return problems
