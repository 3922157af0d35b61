"""The VENUES_* settings and their defaults, written once (the output paths each module writes are still its own)."""

from __future__ import annotations

from .schedule import SCHEDULE_DAYS

DEFAULTS = {
    # The city or town the site serves, as readers know it: every page names it, and a venue file without
    # town: is in it. No default: a site must say (pelicanconf.py's block "The city").
    "VENUES_CITY": "",
    # Its districts and neighbourhoods (Southsea, North End...): names of places, never of people, to the check
    # that warns about a person named in a venue's description.
    "VENUES_PLACE_NAMES": (),
    # The schemes of schema.json (accreditation: schemes:) this city's venues may belong to: Spaces of Sanctuary,
    # and the city's own partner schemes. A new partner scheme is added to schema.json, then named here.
    "VENUES_SCHEMES": ("sos",),
    # A datetime.date to build "as of" a day; None means today.
    "VENUES_TODAY": None,
    # A venue whose training must be renewed within this many days gets a warning at build time.
    "VENUES_RENEWAL_WARNING_DAYS": 30,
    # Days of opening hours each page carries for "open now"; the site is rebuilt daily.
    "VENUES_SCHEDULE_DAYS": SCHEDULE_DAYS,
    # Days of hours in the directory's search index: fetched fresh, never kept offline, so two weeks are plenty,
    # and each day more is bytes a phone reads for every place.
    "VENUES_SEARCH_SCHEDULE_DAYS": 14,
    # "Report a problem" on a venue's page: a URL with {slug}, or "" for no link.
    "VENUES_REPORT_URL": "",
    # What is printed (posters, leaflets) links to this published site, even from a local build; "" for SITEURL.
    "VENUES_PUBLIC_SITEURL": "",
    # GitHub Pages publishes sites of at most 1 GB ("GitHub Pages limits" in GitHub's documentation): the build
    # warns from 80% of this and fails above it. 0 turns the check off (a host without the limit).
    "VENUES_OUTPUT_LIMIT_BYTES": 1_000_000_000,
}


def setting(settings: dict, name: str):
    """Return a VENUES_* setting, or its default."""
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value
