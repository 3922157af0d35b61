"""Warn about personal data in a venue file: a mobile number, a personal email, a named person's checks or training."""

from __future__ import annotations

import functools
import re

from .. import schema
from ..city import NO_CITY, City
from ..model import Problem
from ..phones import is_mobile, mobiles_in, parse_phone
from .load import LoadedFile

# Free email services: an address there is usually a person's own, not a venue's (a sole trader's shop or café
# may honestly use one, so those kinds are not warned about).
PERSONAL_EMAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "live.co.uk",
    "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk",
    "btinternet.com", "sky.com", "talktalk.net", "virginmedia.com", "ntlworld.com", "protonmail.com", "proton.me",
    "gmx.com", "gmx.co.uk", "mail.com", "yandex.com", "zoho.com",
})
PERSONS_BUSINESS_KINDS = {"shop", "cafe"}
# A person's name near these words says who was checked or trained: published, it points people at them.
CHECK_WORDS = re.compile(r"\b(DBS|volunteers?|trained|training|safeguarding lead)\b", re.IGNORECASE)
FULL_NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
NEAR = 60  # characters either side of the check word
# Capitalised words that start sentences or name directions, days, languages and this network, not people
# (the city's own places come from its settings: VENUES_CITY, VENUES_PLACE_NAMES).
_NOT_NAMES_TEXT = """
the a an our we you they this that these those ask staff all any every each some please here there it its
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december north south east west end
english arabic farsi persian pashto kurdish sorani tigrinya ukrainian albanian vietnamese french spanish polish
space spaces sanctuary city safe scheme dbs library church mosque centre center hub café cafe shop
community college school surgery pharmacy station help point council team volunteers volunteer trained training
front desk reception room hall road street lane free wi fi wifi open closed when if for with from on in at by
"""
NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


@functools.cache
def scheme_words() -> frozenset[str]:
    """Return the lower-case words of the partner schemes' names (schema.json): a scheme is no one's name."""
    return frozenset(word.casefold() for choice in schema.schemes().values() for word in choice.title.split())


def check_personal_data(loaded: LoadedFile, city: City = NO_CITY) -> list[Problem]:
    """Return a warning for each piece of personal data the file seems to publish; the city's places are no one's name."""
    data = loaded.data
    problems = _mobile_phone(loaded) + _personal_email(loaded)
    for path, written in _texts(data):
        problems += _mobiles_in_text(loaded, path, written) + _named_checks(loaded, path, written, city)
    return problems


def _texts(data: dict) -> list[tuple[tuple, str]]:
    """Return (path, text) for the name and each description."""
    texts = [(("name",), data["name"])] if isinstance(data.get("name"), str) else []
    description = data.get("description")
    if isinstance(description, str):
        texts.append((("description",), description))
    elif isinstance(description, dict):
        texts += [(("description", key), value) for key, value in description.items() if isinstance(value, str)]
    return texts


def _mobile_phone(loaded: LoadedFile) -> list[Problem]:
    contact = loaded.data.get("contact") if isinstance(loaded.data.get("contact"), dict) else {}
    phone = contact.get("phone")
    number = parse_phone(phone) if isinstance(phone, str) else None
    if number is None or not is_mobile(number):
        return []
    return [Problem(loaded.source, *loaded.where(("contact", "phone")), (
        f'contact: phone: "{phone}" is a mobile number. A mobile is often someone\'s own phone, and everything in '
        "the file is published for anyone to ring: write the venue's public landline, or leave the mobile only if it "
        "is the venue's own public number."), severity="warning")]


def _mobiles_in_text(loaded: LoadedFile, path: tuple, written: str) -> list[Problem]:
    mobile = next(mobiles_in(written), None)
    if mobile is None:
        return []
    return [Problem(loaded.source, *loaded.where(path), (
        f'{": ".join(map(str, path))}: "{mobile}" is a mobile number. A mobile is often someone\'s '
        "own phone: write the venue's public number under contact: phone: instead, and take it out of the "
        "text."), severity="warning")]


def _personal_email(loaded: LoadedFile) -> list[Problem]:
    contact = loaded.data.get("contact") if isinstance(loaded.data.get("contact"), dict) else {}
    email = contact.get("email")
    if not isinstance(email, str) or loaded.data.get("kind") in PERSONS_BUSINESS_KINDS:
        return []
    domain = email.rpartition("@")[2].strip().casefold()
    if domain not in PERSONAL_EMAIL_DOMAINS:
        return []
    return [Problem(loaded.source, *loaded.where(("contact", "email")), (
        f'contact: email: "{email}" is a personal email address ({domain}), often someone\'s own inbox: write the '
        "venue's public address (for example enquiries@ the venue's own website), or leave it only if the venue "
        "itself uses it."), severity="warning")]


def _named_checks(loaded: LoadedFile, path: tuple, written: str, city: City) -> list[Problem]:
    venue_words = {word.casefold() for word in re.findall(r"\w+", str(loaded.data.get("name", "")))} | city.words | scheme_words()
    for check in CHECK_WORDS.finditer(written):
        nearby = written[max(0, check.start() - NEAR):check.end() + NEAR]
        for name in FULL_NAME.finditer(nearby):
            words = [word.casefold().rstrip(".") for word in name.group().split()]
            if any(word in NOT_NAMES or word in venue_words for word in words):
                continue
            return [Problem(loaded.source, *loaded.where(path), (
                f'{": ".join(map(str, path))}: "{name.group()}" looks like a person\'s name next to '
                f'"{check.group()}". Who was checked or trained is personal data, and published it points people at '
                'them: write "trained staff" or "our volunteers" instead.'), severity="warning")]
    return []
