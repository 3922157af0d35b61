"""Turn venue text into safe HTML and tidy values for display."""

from __future__ import annotations

import markdown
import nh3
import phonenumbers

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "br"}
ALLOWED_SCHEMES = {"http", "https", "tel", "mailto"}
PHONE_REGION = "GB"  # a number written without a country code (023..., 07...) is a UK number
UK_COUNTRY_CODE = 44


def markdown_to_html(source: str) -> str:
    """Render Markdown to HTML, before sanitising."""
    return markdown.markdown(source, output_format="html")


def safe_html(source: str) -> str:
    """Render a venue's Markdown to HTML that keeps only plain text, lists and safe links."""
    return nh3.clean(
        markdown_to_html(source),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


def normalise_postcode(postcode: str) -> str:
    """Write a UK postcode in upper case with one space before the last three characters."""
    compact = "".join(postcode.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def parse_phone(written: str) -> phonenumbers.PhoneNumber | None:
    """Read a written phone number, a UK one unless it starts with a country code, or None when it is not one."""
    try:
        return phonenumbers.parse(written, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None


def is_whole_number(number: phonenumbers.PhoneNumber) -> bool:
    """Tell whether a number has the length to ring from anywhere: not too short or long, not lacking its area code."""
    # is_possible_number() also passes a number that rings only from its own area (IS_POSSIBLE_LOCAL_ONLY).
    return phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE


def tel_href(phone: str) -> str:
    """Turn a written phone number into a tel: link in international form (tel:+442392688000)."""
    # The international form rings the venue from any phone, a foreign SIM included; 023... only from a UK one.
    number = parse_phone(phone)
    if number is None or not is_whole_number(number):
        # Validation refuses such a number; keep what was written rather than make up another.
        return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
