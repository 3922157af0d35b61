"""Explain opening hours the parser refuses: the likely slips, and a corrected version to copy."""

from __future__ import annotations

import re

import opening_hours

# A day as the OpenStreetMap opening hours format writes it; PH is public holidays.
DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"


def _clock(hour: str, minute: str | None, half: str) -> str:
    """Write a 12-hour time on the 24-hour clock: 5, 30, pm gives 17:30."""
    hours = int(hour) % 12 + (12 if half.lower().startswith("p") else 0)
    return f"{hours:02d}:{minute or '00'}"


# Each common slip in opening hours: what finds it, how to mend it, and what to tell the coordinator.
HOURS_SLIPS = [
    (re.compile(r"[“”„‟‘’]"), lambda match: "",
     lambda match: "take out the curly quotes (“ ”): put straight double quotes (\") around the whole value"),
    (re.compile(r"\b(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
                r"sat(?:urday)?|sun(?:day)?)\b\.?", re.IGNORECASE),
     lambda match: match[1][:2].capitalize(),
     lambda match: f'write days with two letters, Mo Tu We Th Fr Sa Su: "{match[0]}" → "{match[1][:2].capitalize()}"'),
    (re.compile(rf"\b({DAY})\s*(?:to|till|until|–|—|\s-\s)\s*({DAY})\b"), lambda match: f"{match[1]}-{match[2]}",
     lambda match: f'write a range of days with a dash and no spaces: "{match[1]}-{match[2]}"'),
    (re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?", re.IGNORECASE),
     lambda match: _clock(match[1], match[2], match[3]),
     lambda match: f'write times on the 24-hour clock: "{match[0].strip()}" → "{_clock(match[1], match[2], match[3])}"'),
    (re.compile(r"\b(\d{1,2})\.(\d{2})\b"), lambda match: f"{int(match[1]):02d}:{match[2]}",
     lambda match: f'write times with a colon: "{match[0]}" → "{int(match[1]):02d}:{match[2]}"'),
    (re.compile(r"(\d{2}:\d{2})\s*(?:to|till|until|–|—)\s*(\d{2}:\d{2})"), lambda match: f"{match[1]}-{match[2]}",
     lambda match: f'write a range of times with a dash: "{match[1]}-{match[2]}"'),
    (re.compile(rf"\b({DAY}(?:-{DAY})?)\s*:\s+"), lambda match: f"{match[1]} ",
     lambda match: f'put no colon after the days: "{match[1]} 09:00-17:00"'),
    (re.compile(rf"\b({DAY})-(?=[\s;,]|$)"), lambda match: match[0],
     lambda match: f'"{match[0]}" is a range of days with no last day: write both days, for example "{match[1]}-Fr"'),
    (re.compile(rf"(\d{{2}}:\d{{2}}|off|closed)\s+(?={DAY}\b)"), lambda match: f"{match[1]}; ",
     lambda match: 'separate each group of days with a semicolon: "Mo-Fr 09:00-17:00; Sa 10:00-13:00"'),
    (re.compile(r"\s*;\s*$"), lambda match: "", lambda match: "take out the ; at the end"),
]


def hours_message(hours: str) -> str:
    """Explain opening hours the parser refuses, with the likely slips and a corrected version."""
    hints, mended = [], hours
    for pattern, mend, hint in HOURS_SLIPS:
        found = pattern.search(mended)
        if found:
            hints.append(hint(found))
            mended = pattern.sub(mend, mended)
    message = f'opening_hours: "{hours}" is not in OpenStreetMap opening hours format.'
    message += "".join(f" {hint[0].upper()}{hint[1:]}." for hint in hints)
    if mended != hours and opening_hours.validate(mended):
        message += f' Did you mean "{mended.strip()}"?'
    return (message + ' Write it like "Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off" (days are Mo Tu We Th Fr Sa Su, '
                      "PH is public holidays), or delete the line if you do not know the hours.")
