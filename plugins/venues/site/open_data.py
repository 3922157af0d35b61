"""Write the open data files of the shown venues: venues.csv and Open Referral UK JSON."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from translations.context import language_name

from ..config import setting
from .csv_export import venues_csv
from .open_referral import id_namespace, services_page

CSV_SAVE_AS = "venues.csv"
OPEN_REFERRAL_SAVE_AS = "open-referral/services.json"


def write_open_data(generator, site_url: str) -> None:
    """Write venues.csv and the Open Referral UK services of the venues the site shows."""
    settings = generator.settings
    venues = generator.venues  # shown venues only: a hidden one is in no file
    output = Path(generator.output_path)
    languages = list(settings.get("TRANSLATIONS_LANGUAGES") or {settings.get("DEFAULT_LANG", "en"): {}})

    csv_path = output / settings.get("VENUES_CSV_SAVE_AS", CSV_SAVE_AS)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    # newline="": the CSV module writes its own CRLF line ends.
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(venues_csv(venues, site_url, languages))

    # The published address names the site in a local build too, so both give a venue the same identifiers.
    namespace = settings.get("VENUES_OPEN_REFERRAL_NAMESPACE")
    public_url = setting(settings, "VENUES_PUBLIC_SITEURL") or settings.get("SITEURL") or settings.get("SITENAME", "")
    codes = sorted({code for venue in venues for code in venue.languages})
    page = services_page(
        venues,
        generator.context["today"],
        site_url,
        organisation={"name": settings.get("AUTHOR", "City of Sanctuary")},
        namespace=uuid.UUID(namespace) if namespace else id_namespace(public_url),
        language_names={code: language_name(code, "en") for code in codes},
    )
    referral_path = output / settings.get("VENUES_OPEN_REFERRAL_SAVE_AS", OPEN_REFERRAL_SAVE_AS)
    referral_path.parent.mkdir(parents=True, exist_ok=True)
    referral_path.write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
