"""Write the network's progress page (network/) for partners and funders: no personal data, no examples counted."""

from __future__ import annotations

from ..urls import url_setting
from .progress import CHART_MONTHS, RENEWAL_DAYS, VOLUNTEER_TARGET, network_progress


def write_network_page(generator, writer) -> None:
    """Count every valid venue file as of the build day and write the page in every language."""
    settings = generator.settings
    progress = network_progress(
        generator.all_venues,
        generator.context["today"],
        int(settings.get("VENUES_VOLUNTEER_TARGET") or VOLUNTEER_TARGET),
        int(settings.get("VENUES_NETWORK_RENEWAL_DAYS") or RENEWAL_DAYS),
        int(settings.get("VENUES_NETWORK_MONTHS") or CHART_MONTHS),
    )
    save_as = url_setting(settings, "VENUES_NETWORK")[1]
    writer.write_file(save_as, generator.get_template("network"), generator.context,
                      relative_urls=settings.get("RELATIVE_URLS", False), progress=progress,
                      page_name=save_as.removesuffix(".html"))
