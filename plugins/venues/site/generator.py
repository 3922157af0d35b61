"""Put venues in Pelican's context and write the directory, venue pages and GeoJSON."""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

from blinker import signal
from pelican.generators import Generator
from pelican.plugins._utils import plugin_enabled

from .. import schema
from ..check.catalogue import build_day, hidden_reason, read_catalogue, renewal_due
from ..city import city_of
from ..config import setting
from ..model import Problem
from ..urls import url_of, url_setting
from .geojson import feature_collection
from .leaflet import write_leaflet
from .listings import write_listings
from .network_page import write_network_page
from .open_data import write_open_data
from .page_words import write_page_words
from .postcode_files import write_postcode_files
from .posters import install_poster_helpers, write_posters
from .present import present
from .schema_file import write_schema
from .search_index import write_search_index

log = logging.getLogger(__name__)

venues_loaded = signal("venues_loaded")


class VenueErrors(Exception):
    """Stop the build because venue files need fixing."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"venues: {len(problems)} problem(s) in venue files must be fixed:\n{lines}")


def stop_on_errors(problems: list[Problem]) -> None:
    """Log the warnings, then every error in one message, and stop the build if there was one."""
    for problem in problems:
        if problem.severity != "error":
            log.warning("venues: %s", problem)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        failure = VenueErrors(errors)
        # One message for them all: with --fatal errors, Pelican stops at the first error logged.
        log.error("%s", failure)
        raise failure


class VenuesGenerator(Generator):
    """Load venues/*.yaml, resolve their positions, and write their pages."""

    def generate_context(self):
        settings = self.settings
        today = build_day(settings)
        folder = Path(settings["VENUES_PATH"])
        catalogue = read_catalogue(folder, folder.parent, today, city_of(settings))
        stop_on_errors(catalogue.problems)

        self.all_venues = catalogue.venues  # shown or hidden: the network page counts them all
        shown = []
        for venue in catalogue.venues:
            reason = hidden_reason(venue, today)
            if reason:
                log.warning("venues: %s is not shown because %s", venue.source, reason)
                continue
            if renewal_due(venue, today, setting(settings, "VENUES_RENEWAL_WARNING_DAYS")):
                log.warning("venues: %s must renew its training by %s", venue.source, venue.accreditation.renew_by)
            shown.append(venue)

        # Receivers (geocoding) fill positions, by slug; the venues themselves are never changed.
        positions = {}
        stop_on_errors([problem for _receiver, result in venues_loaded.send(self, venues=shown, positions=positions)
                        for problem in result or ()])
        stop_on_errors([Problem(venue.source, venue.line, 1, "has no position: is the geocoding plugin enabled?")
                        for venue in shown if venue.slug not in positions])

        report_url = setting(settings, "VENUES_REPORT_URL")
        schedule_days = setting(settings, "VENUES_SCHEDULE_DAYS")
        shown.sort(key=lambda venue: venue.name.casefold())
        self.venues = [present(venue, today, report_url, schedule_days, url_setting(settings, "VENUES", slug=venue.slug)[0],
                               positions[venue.slug])
                       for venue in shown]
        install_poster_helpers(self)
        self.context.update(
            venues=self.venues,
            venues_count=len(self.venues),
            VENUES_DIRECTORY_URL=url_setting(settings, "VENUES_DIRECTORY")[0],
            VENUES_NETWORK_URL=url_setting(settings, "VENUES_NETWORK")[0],
            # A slugged kind's URL for templates, by its settings pair: url_of("VENUES_POSTER", slug=venue.slug).
            url_of=functools.partial(url_of, settings),
            VENUES_WORDS_URL=url_setting(settings, "VENUES_WORDS")[0],
            today=today,
            OFFERS=schema.offers(),
            KINDS=schema.kinds(),
            ACCESSIBILITY=schema.accessibility_features(),
            SCHEMES=city_of(settings).scheme_choices(),
        )
        log.info("venues: %d shown of %d valid venue files", len(self.venues), len(catalogue.venues))

    def generate_output(self, writer):
        relative = self.settings.get("RELATIVE_URLS", False)
        # First: the directory links to the listings and sorts by the postcode files.
        write_postcode_files(self)
        write_page_words(self, writer)
        write_listings(self, writer)
        directory_save_as = url_setting(self.settings, "VENUES_DIRECTORY")[1]
        write_search_index(self)
        writer.write_file(
            directory_save_as,
            self.get_template("directory"),
            self.context,
            relative_urls=relative,
            page_name=directory_save_as.removesuffix(".html"),
        )
        venue_template = self.get_template("venue")
        for venue in self.venues:
            save_as = url_setting(self.settings, "VENUES", slug=venue.slug)[1]
            writer.write_file(save_as, venue_template, self.context, relative_urls=relative, venue=venue,
                              page_name=save_as.removesuffix(".html"))
        write_schema(self)
        site_url = self.settings.get("SITEURL", "") if not relative else ""
        geojson_path = Path(self.output_path) / self.settings.get("VENUES_GEOJSON_SAVE_AS", "venues.geojson")
        geojson_path.write_text(
            json.dumps(feature_collection(self.venues, site_url), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        write_open_data(self, site_url)
        write_network_page(self, writer)
        write_posters(self, writer)
        write_leaflet(self, writer)


def get_generators(pelican):
    """Offer the venues generator to Pelican, when this build enables the plugin."""
    # Signals outlive a build: in a process that runs several builds (the tests), only answer our own.
    return VenuesGenerator if plugin_enabled("venues", pelican.settings.get("PLUGINS")) else None
