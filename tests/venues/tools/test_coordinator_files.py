"""What coordinators touch: the template, the field reference, the issue forms and the pull-request checklist."""

from __future__ import annotations

import re
import shutil
import subprocess

import yaml
from pelican.settings import read_settings
from venues.check.catalogue import read_catalogue

from tests.conftest import BUILD_DAY, FIXTURES, ROOT
from venues import schema

TEMPLATE = ROOT / "venues" / "_template.yaml"
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def form(name: str) -> dict:
    return yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))


def field(form_data: dict, field_id: str) -> dict:
    return next(item for item in form_data["body"] if item.get("id") == field_id)


def test_template_copied_unchanged_asks_for_the_venues_own_words_and_nothing_else(tmp_path):
    # The copy is well-formed: every problem is a value the coordinator has still to replace.
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(TEMPLATE, folder / "new-venue.yaml")
    catalogue = read_catalogue(folder, tmp_path)
    messages = [problem.message for problem in catalogue.problems]
    assert all("from venues/_template.yaml" in message for message in messages), messages
    # Listed by hand, not taken from the checks, so a check that goes missing is caught. The template's choices,
    # town, postcode, opening hours and dates are left out: a real venue may honestly share them.
    must_replace = {"name", "address: street", "location", "location: reason", "contact: phone", "contact: email",
                    "contact: website",
                    "description: en"}
    reported = [re.match(r"(?:[a-z_]+: )+", message).group().removesuffix(": ") for message in messages]
    assert sorted(reported) == sorted(must_replace), messages
    assert [problem.severity for problem in catalogue.problems] == ["error"] * len(messages)


def test_template_is_not_read_as_a_venue():
    catalogue = read_catalogue(ROOT / "venues", ROOT)
    assert "_template" not in {venue.slug for venue in catalogue.venues}


def test_template_points_editors_at_the_published_schema_and_explains_every_field():
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema={schema.venue_schema()['$id']}"
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    # Every field but "example", which only the project's fictional examples use.
    assert set(data) == set(schema.venue_schema()["properties"]) - {"example"}
    for group in ("address", "location", "contact", "accreditation"):
        assert set(data[group]) == set(schema.venue_schema()["properties"][group]["properties"])
    for number, line in enumerate(lines):
        if line and not line.startswith((" ", "#")):  # a top-level field: a note in plain English sits just above it
            assert lines[number - 1].startswith("# "), f"line {number + 1} ({line}) has no note above it"


def test_report_form_is_the_one_venue_pages_link_to():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    url = settings["VENUES_REPORT_URL"]
    assert "template=report-a-problem.yml" in url and "venue={slug}" in url
    report = form("report-a-problem.yml")
    venue = field(report, "venue")
    assert venue["type"] == "input" and venue["validations"]["required"] is True
    assert "urgent-help/" in report["body"][0]["attributes"]["value"]


def test_no_blank_issues_and_people_in_danger_go_to_urgent_help():
    config = form("config.yml")
    assert config["blank_issues_enabled"] is False
    first = config["contact_links"][0]
    assert first["url"].endswith("/urgent-help/") and "999" in first["name"]
    assert all("github.com" not in link["url"] for link in config["contact_links"])


def test_application_form_offers_the_schema_choices_and_asks_for_the_values():
    apply = form("apply.yml")
    assert apply["name"] == "Apply to become a Space of Sanctuary"
    assert field(apply, "kind")["attributes"]["options"] == [choice.title for choice in schema.kinds().values()]
    assert [option["label"] for option in field(apply, "offers")["attributes"]["options"]] == [
        choice.title for choice in schema.offers().values()]
    assert [option["label"] for option in field(apply, "accessibility")["attributes"]["options"]] == [
        choice.title for choice in schema.accessibility_features().values()]
    values = field(apply, "values")["attributes"]["options"]
    assert len(values) == 5 and all(option["required"] for option in values)
    assert "training" in field(apply, "training")["attributes"]["label"].lower()


def test_pull_request_template_is_the_reviewers_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    for topic in ("Training done", "Values agreed", "DBS checks", "agreed to be listed", "No personal data", "The pin is right"):
        assert sum(topic in box for box in boxes) == 1, topic


def test_yaml_files_pass_yamllint():
    paths = ["venues", ".github", ".pre-commit-config.yaml", ".yamllint.yml"]
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "yamllint"), "--config-file", ".yamllint.yml",
                             "--format", "parsable", *paths], cwd=ROOT, capture_output=True, text=True, timeout=60)
    errors = [line for line in result.stdout.splitlines() if "[error]" in line]
    assert result.returncode == 0 and errors == [], result.stdout


def fix_table_openings() -> list[re.Pattern]:
    """Read the message openings in CONTRIBUTING.md's table of fixes, with … standing for any text."""
    section = CONTRIBUTING.read_text(encoding="utf-8").split("## How to fix the common errors")[1].split("\n## ")[0]
    cells = [line.split(" | ")[0] for line in section.splitlines() if line.startswith("| ")]
    return [re.compile(".*?".join(re.escape(part) for part in opening.split("…")))
            for cell in cells for opening in re.findall(r"`([^`]+)`", cell)]


def test_every_venue_file_mistake_has_a_row_in_the_table_of_fixes(tmp_path):
    # The table is where a coordinator on GitHub's web editor looks up a message: a new message needs its row.
    folder = tmp_path / "venues"
    (folder / "drafts").mkdir(parents=True)
    for path in (FIXTURES / "venues" / "invalid").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    minimal = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "drafts" / "subfolder-venue.yaml").write_text(minimal, encoding="utf-8")
    (folder / "_draft-venue.yaml").write_text(minimal, encoding="utf-8")
    (folder / "phone-not-in-use.yaml").write_text(minimal.replace("Minimal", "Phone") + 'contact:\n  phone: "023 9200"\n',
                                                   encoding="utf-8")
    problems = read_catalogue(folder, tmp_path, BUILD_DAY).problems
    openings = fix_table_openings()
    missing = sorted({problem.message for problem in problems
                      if not any(opening.search(problem.message) for opening in openings)})
    for words in ("in a subfolder", "starting with _", "not a phone number in use"):  # the files above are read
        assert any(words in problem.message for problem in problems), words
    assert missing == [], "CONTRIBUTING.md's table of fixes has no row for:\n" + "\n".join(missing)
