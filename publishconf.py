"""Settings for the published build: absolute URLs from the Pages configuration."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://portsmouth-sanctuary.github.io/spaces-of-sanctuary").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
