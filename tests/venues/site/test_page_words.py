"""The page scripts' words: one file a language (words.js), not the same words in every page."""

from __future__ import annotations

import datetime
import json
import re

from venues.site.page_words import open_now_times


def words_of(path) -> dict:
    return json.loads(re.search(r"^window\.sosPageWords = (\{.*\});$", path.read_text(encoding="utf-8"), re.M).group(1))


def test_each_language_has_its_words_file_and_pages_load_it_instead_of_carrying_the_words(example_site):
    english = words_of(example_site / "words.js")["openNow"]
    arabic = words_of(example_site / "ar" / "words.js")["openNow"]
    assert english["openNow"] == "Open now" and english["days"][0] == "Monday"
    assert arabic["openNow"] != english["openNow"] and arabic["days"][0] != "Monday"
    assert english["times"]["1380"] == "23:00" and english["times"]["0"] == "midnight"
    for prefix, up in [("", "../../"), ("ar/", "../../../")]:
        page = (example_site / prefix / "venues" / "example-night-pharmacy" / "index.html").read_text(encoding="utf-8")
        assert "data-words='" not in page and "Monday" not in page.split("</head>", 1)[0]
        # The words first, then the script that reads them: deferred scripts run in the order they are written.
        assert f'<script defer src="{up}{prefix}words.js"></script>\n<script defer src="{up}theme/js/open-now.js">' in page


def test_the_words_name_every_time_a_shown_venue_opens_or_closes():
    def venue(times):
        return type("V", (), {"schedule": type("S", (), {"times": times})() if times is not None else None})()

    nine, five = datetime.time(9), datetime.time(17)
    assert open_now_times([venue([five, nine]), venue(None), venue([nine])]) == [nine, five]


def test_a_phone_keeps_each_languages_words_for_reading_offline(example_site):
    worker = (example_site / "service-worker.js").read_text(encoding="utf-8")
    assert '"words.js"' in worker and '"ar/words.js"' in worker
