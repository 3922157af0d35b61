"""Opening hours the parser refuses: each likely slip named, and a corrected version to copy when one parses."""

from __future__ import annotations

import opening_hours
import pytest
from venues.check.hours_hints import hours_message

TAIL = (' Write it like "Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off" (days are Mo Tu We Th Fr Sa Su, '
        "PH is public holidays), or delete the line if you do not know the hours.")


@pytest.mark.parametrize(("written", "hints", "meant"), [
    ("Monday to Friday 9am-5pm", [
        'Write days with two letters, Mo Tu We Th Fr Sa Su: "Monday" → "Mo".',
        'Write a range of days with a dash and no spaces: "Mo-Fr".',
        'Write times on the 24-hour clock: "9am" → "09:00".',
    ], "Mo-Fr 09:00-17:00"),
    ("Mo-Fr 9.30-17.00", ['Write times with a colon: "9.30" → "09:30".'], "Mo-Fr 09:30-17:00"),
    ("Mo-Fr 09:00 to 17:00", ['Write a range of times with a dash: "09:00-17:00".'], "Mo-Fr 09:00-17:00"),
    ("Mo-Fr: 09:00-17:00", ['Put no colon after the days: "Mo-Fr 09:00-17:00".'], "Mo-Fr 09:00-17:00"),
    ("Mo-Fr 09:00-17:00 Sa 10:00-13:00",
     ['Separate each group of days with a semicolon: "Mo-Fr 09:00-17:00; Sa 10:00-13:00".'],
     "Mo-Fr 09:00-17:00; Sa 10:00-13:00"),
    ("“Mo-Fr 09:00-17:00”",
     ['Take out the curly quotes (“ ”): put straight double quotes (") around the whole value.'],
     "Mo-Fr 09:00-17:00"),
    ("Sa 12pm-3.30pm", ['Write times on the 24-hour clock: "12pm" → "12:00".'], "Sa 12:00-15:30"),
])
def test_each_slip_is_named_and_the_mended_hours_are_offered(written, hints, meant):
    assert not opening_hours.validate(written)
    message = hours_message(written)
    assert message == (f'opening_hours: "{written}" is not in OpenStreetMap opening hours format.'
                       + "".join(f" {hint}" for hint in hints) + f' Did you mean "{meant}"?' + TAIL)
    assert opening_hours.validate(meant)


def test_a_range_with_no_last_day_is_named_but_not_guessed():
    message = hours_message("Mo- 09:00-17:00")
    assert '"Mo-" is a range of days with no last day: write both days, for example "Mo-Fr".' in message
    assert "Did you mean" not in message


def test_hours_with_no_known_slip_get_the_format_and_no_guess():
    assert hours_message("whenever") == ('opening_hours: "whenever" is not in OpenStreetMap opening hours format.'
                                         + TAIL)
