"""Write the page scripts' words once per language, so that no page carries them itself."""

from __future__ import annotations

import datetime

from ..urls import url_setting


def open_now_times(venues) -> list[datetime.time]:
    """Return every time at which a shown venue opens or closes, in order: the words name each one."""
    return sorted({time for venue in venues if venue.schedule for time in venue.schedule.times})


def write_page_words(generator, writer) -> None:
    """Write VENUES_WORDS_SAVE_AS in every language from the theme's words.js; a no-op when no hours are known."""
    venues = generator.context.get("venues") or []
    schedules = [venue.schedule for venue in venues if venue.schedule]
    if not schedules:
        return
    # One file a language, cached by the phone, instead of about 1.5 KB of the same words in every page's <head>.
    writer.write_file(
        url_setting(generator.settings, "VENUES_WORDS")[1],
        generator.env.get_template("words.js"),
        generator.context,
        relative_urls=generator.settings.get("RELATIVE_URLS", False),
        open_now_times=open_now_times(venues),
        open_now_until=schedules[0].until,
    )
