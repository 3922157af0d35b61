"""Settings for a local build of the Spaces of Sanctuary site."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"

PATH = str(ROOT / "content")
THEME = str(ROOT / "theme")
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []
STATIC_PATHS = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DIRECT_TEMPLATES = ["index", "languages"]
INDEX_SAVE_AS = "index.html"
LANGUAGES_SAVE_AS = "languages/index.html"

# No feeds, archives or author pages: this is a directory, not a blog.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_SAVE_AS = ""
DEFAULT_PAGINATION = False

# auto_reload off: one build never sees a template change, and checking every file's time cost 7% of a large build.
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"], "autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "auto_reload": False}

# translations: every page in every language, in one run. English at the root, the others under /<code>/.
# "reviewed": checked by a native speaker. Until then the pages say the translation is machine-made.
# To add a language: add it here, run `make translations`, translate its messages.po (see TRANSLATING.md).
TRANSLATIONS_LANGUAGES = {
    "en": {"name": "English", "locale": "en_GB", "reviewed": True},
    "ar": {"name": "العربية", "reviewed": False},
    "fa": {"name": "فارسی", "reviewed": False},
    "ps": {"name": "پښتو", "reviewed": False},
    "ckb": {"name": "کوردی", "reviewed": False},
    "ti": {"name": "ትግርኛ", "reviewed": False},
    "uk": {"name": "Українська", "reviewed": False},
    "sq": {"name": "Shqip", "reviewed": False},
    "vi": {"name": "Tiếng Việt", "reviewed": False},
}
TRANSLATIONS_PATH = str(ROOT / "theme" / "translations")
TRANSLATIONS_HELP_URL = "https://github.com/portsmouth-sanctuary/spaces-of-sanctuary/blob/main/TRANSLATING.md"

PLUGIN_PATHS = [str(ROOT / "plugins")]
# Order matters: Pelican imports plugins one by one, and geocoding uses the venues plugin's model;
# offline hashes the files minify has written.
PLUGINS = ["translations", "venues", "geocoding", "venue_map", "safety", "minify", "fragment_cache", "offline"]

# venues: one YAML file per accredited venue. Every plugin's other settings have their defaults in the plugin's
# config.py (plugins/*/config.py, plugins/safety/settings.py): set one here only to change it for this city.
VENUES_PATH = str(ROOT / "venues")

# minify: the theme's own CSS and JavaScript are served minified (Leaflet's scripts come minified).
MINIFY_ENABLED = True

# The city: what another City of Sanctuary group changes to run its own site (see docs/new-city.md).
# Its name, as readers know it: every page says it ("Spaces of Sanctuary in Portsmouth"), in every language.
VENUES_CITY = "Portsmouth"
# Its districts and neighbourhoods: place names, never people's, to the check for a person named in a venue file.
VENUES_PLACE_NAMES = ("Southsea", "Fratton", "Eastney", "Cosham", "North End", "Pompey")
# The schemes of plugins/venues/schema.json its venues may belong to: Spaces of Sanctuary and the city's partners.
VENUES_SCHEMES = ("sos", "psss")
# The group that runs the site ("Run by ..." at the foot of every page; the open data's organisation).
AUTHOR = f"{VENUES_CITY} City of Sanctuary"
SITENAME = f"Spaces of Sanctuary {VENUES_CITY}"
# The one address readers write to (a venue page's "Email us about this place" and the pages that name it).
CONTACT_EMAIL = "sanctuary@example.org"  # PLACEHOLDER: not a real address yet, as in content/pages/become-a-space.md
# What is printed (posters, leaflets) links to the published site, even from a local build.
VENUES_PUBLIC_SITEURL = "https://portsmouth-sanctuary.github.io/spaces-of-sanctuary"
VENUES_REPORT_URL = "https://github.com/portsmouth-sanctuary/spaces-of-sanctuary/issues/new?template=report-a-problem.yml&venue={slug}"
# geocoding: file location, then cache, then Nominatim, then the postcode centroid.
GEOCODING_POSTCODES_PATH = str(ROOT / "data" / "postcodes" / "po.csv")  # Code-Point Open extract, see its README
GEOCODING_USER_AGENT = f"spaces-of-sanctuary-portsmouth/1.0 ({CONTACT_EMAIL})"
# (south, west, north, east): Portsmouth and a margin around it.
GEOCODING_SERVICE_AREA = (50.74, -1.17, 50.90, -0.95)
# venue_map: where the map opens.
MAP_CENTER = (50.8058, -1.0872)
MAP_ZOOM = 13
