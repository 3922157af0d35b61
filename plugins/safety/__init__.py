"""Keep readers safe: one Content Security Policy, and content pages sanitised and kept to their own paths."""

from pelican import signals

from .paths import check_page_paths
from .sanitise import sanitise_page
from .settings import apply_settings


def register():
    """Set the policy and the exit address, clean each content page, and check where pages are written."""
    signals.initialized.connect(apply_settings)
    signals.content_object_init.connect(sanitise_page)
    signals.page_generator_finalized.connect(check_page_paths)
