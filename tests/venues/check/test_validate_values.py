"""Venue values a coordinator gets wrong: each is refused with the file, the line and the fix in plain words."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest
import yaml
from venues.check.catalogue import read_catalogue
from venues.check.load import load_text
from venues.check.schema_messages import PATTERN_HINTS
from venues.check.validate import check_rules, check_schema
from venues.schema import SCHEMA_PATH

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

TEMPLATE = ROOT / "venues" / "_template.yaml"
MINIMAL = FIXTURES / "venues" / "valid" / "minimal.yaml"
DRAMA_NUMBER = re.compile(r"(?:01632|\+44 1632) ?960 ?\d{3}")  # Ofcom's numbers for drama: 01632 960000 to 960999


def loaded_venue(text: str):
    loaded, problems = load_text(text, "venues/x.yaml", "x")
    assert problems == []
    return loaded


def messages(tmp_path, name: str, text: str) -> list[str]:
    folder = tmp_path / "venues"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return [str(problem) for problem in read_catalogue(folder, tmp_path, BUILD_DAY).problems]


def test_the_template_copied_unchanged_is_refused_at_each_left_over_value(tmp_path):
    found = messages(tmp_path, "new-venue.yaml", TEMPLATE.read_text(encoding="utf-8"))
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    left_over = [message for message in found if "left over from venues/_template.yaml" in message
                 or "is the map point from venues/_template.yaml" in message]
    assert left_over == found
    for value in (template["name"], template["address"]["street"], *template["contact"].values()):
        assert sum(f'"{value}" is left over' in message for message in found) == 1, value
    assert sum(message.startswith("venues/new-venue.yaml:") for message in found) == len(found) == 8


def test_a_real_venue_may_keep_the_templates_postcode_and_opening_hours(tmp_path):
    # Both are things a real venue may honestly share: the valid fixture must keep sharing them to show it.
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    real = FIXTURES / "venues" / "valid" / "rule-real-venue-shares-template-choices.yaml"
    venue = yaml.safe_load(real.read_text(encoding="utf-8"))
    assert venue["opening_hours"] == template["opening_hours"]
    assert venue["address"]["postcode"] == template["address"]["postcode"]
    assert messages(tmp_path, real.name, real.read_text(encoding="utf-8")) == []


def test_the_template_is_a_valid_example_venue(tmp_path):
    text = TEMPLATE.read_text(encoding="utf-8") + "example: true\n"
    assert messages(tmp_path, "new-venue.yaml", text) == []


def test_an_edited_template_value_is_accepted(tmp_path):
    text = TEMPLATE.read_text(encoding="utf-8").replace("Name of the Venue", "Eastney Community Hall")
    assert not any('name: "' in message for message in messages(tmp_path, "new-venue.yaml", text))


def test_example_numbers_in_the_template_hints_and_schema_are_ofcom_drama_numbers():
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert DRAMA_NUMBER.fullmatch(template["contact"]["phone"])
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for text in (PATTERN_HINTS["phone"], schema["properties"]["contact"]["properties"]["phone"]["description"]):
        numbers = re.findall(r'"([+0-9 ]{8,})"', text)
        assert numbers and all(DRAMA_NUMBER.fullmatch(number) for number in numbers), text


def test_a_file_ending_in_yaml_txt_is_told_only_to_end_in_yaml(tmp_path):
    found = messages(tmp_path, "central-library.yaml.txt", MINIMAL.read_text(encoding="utf-8"))
    assert found == ['venues/central-library.yaml.txt:1:1: venue files must end in .yaml: rename the file, '
                     'for example "central-library.yaml".']


def test_a_bad_name_with_a_wrong_ending_is_told_the_ending_first(tmp_path):
    found = messages(tmp_path, "Central Library.txt", MINIMAL.read_text(encoding="utf-8"))
    assert found == ['venues/Central Library.txt:1:1: venue files must end in .yaml: rename the file, '
                     'for example "central-library.yaml".']


@pytest.mark.parametrize(("today", "refused"), [
    (datetime.date(2025, 12, 31), True),
    (datetime.date(2026, 1, 1), False),  # trained on the build day itself
    (datetime.date(2026, 6, 1), False),
])
def test_a_training_after_the_build_day_is_refused(today, refused):
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8"))
    found = [problem.message for problem in check_rules(loaded, today=today)]
    assert found == (["accreditation: trained_on (2026-01-01) is in the future: write the day the training took "
                      "place, as YYYY-MM-DD. Add a venue only once its training is done."] if refused else [])


@pytest.mark.parametrize(("hours", "meant"), [
    ("Mon-Fri 09:00-17:00; Sat 10:00-13:00", "Mo-Fr 09:00-17:00; Sa 10:00-13:00"),
    ("Monday to Friday 9am-5pm", "Mo-Fr 09:00-17:00"),
    ("Tues-Thurs 10am-4.30pm", "Tu-Th 10:00-16:30"),
    ("Mo-Fr 9.00-17.00", "Mo-Fr 09:00-17:00"),
    ("“Mo-Fr 09:00-17:00”", "Mo-Fr 09:00-17:00"),
    ("Mo–Fr 09:00–17:00", "Mo-Fr 09:00-17:00"),
    ("Mo-Fr 09:00-17:00 Sa 10:00-13:00", "Mo-Fr 09:00-17:00; Sa 10:00-13:00"),
    ("Mo-Fr: 09:00-17:00", "Mo-Fr 09:00-17:00"),
    ("Mo-Fr 09:00-17:00;", "Mo-Fr 09:00-17:00"),
    ("Mo-Fr 12pm-12:30pm", "Mo-Fr 12:00-12:30"),
])
def test_opening_hours_slips_get_a_corrected_version_and_no_parser_output(hours, meant):
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8") + f"opening_hours: {json.dumps(hours, ensure_ascii=False)}\n")
    [message] = [problem.message for problem in check_rules(loaded)]
    assert f'Did you mean "{meant}"?' in message
    assert message.endswith('Write it like "Mo-Fr 09:00-17:00; Sa 10:00-16:00; PH off" (days are Mo Tu We Th Fr Sa '
                            "Su, PH is public holidays), or delete the line if you do not know the hours.")
    assert "-->" not in message and "expected" not in message and "EOI" not in message


@pytest.mark.parametrize(("written", "code"), [("English", "en"), ("Arabic", "ar"), ("persian", "fa"),
                                               ("Tigrinya", "ti"), ("UK", "uk"), ("Central Kurdish", "ckb")])
def test_a_language_written_as_a_name_or_in_capitals_is_given_its_code_once(written, code):
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8").replace("languages: [en]", f"languages: [en, {written}]"))
    found = [problem.message for problem in check_schema(loaded) + check_rules(loaded)]
    assert found == [f'languages (item 2): "{written}" is not a language code. Use a short code such as en, ar, fa, '
                     f'ps, ckb, ti, uk, sq or vi. Write "{code}" instead.']


def test_the_loader_keeps_what_the_coordinator_typed_for_each_value():
    text = MINIMAL.read_text(encoding="utf-8") + 'status: yes\ncontact:\n  phone: 02371234567\n  email: "a@b.org"\n'
    loaded = loaded_venue(text)
    assert (loaded.data["status"], loaded.data["contact"]["phone"]) == (True, 333789559)  # what YAML made of them
    assert loaded.scalar_text[("status",)] == "yes"
    assert loaded.scalar_text[("contact", "phone")] == "02371234567"
    assert loaded.scalar_text[("contact", "email")] == "a@b.org"  # the value, without YAML's quotes
    assert loaded.scalar_text[("languages", 0)] == "en"


@pytest.mark.parametrize(("typed", "fixed"), [
    # YAML reads a number of digits 0 to 7 that starts with 0 as octal: only these lose their 0 (and change).
    ("02371234567", "023 7123 4567"),
    ("07700100123", "07700 100123"),
    ("01614560123", "0161 456 0123"),
    ("01134560123", "0113 456 0123"),
    ("03001234567", "0300 123 4567"),
    ("01632760123", "01632 760123"),
    ("0237123456", "0237123456"),  # not 11 digits: left as typed
])
def test_a_phone_number_read_as_a_number_is_given_back_in_quotes_and_grouped(typed, fixed):
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8") + f"contact:\n  phone: {typed}\n")
    assert [problem.message for problem in check_schema(loaded)] == [
        f'contact: phone: {typed} was read as a number, so its leading 0 is lost: put it in quotes, phone: "{fixed}".']


def test_a_phone_number_with_its_country_code_read_as_a_number_is_spaced_with_it():
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8") + "contact:\n  phone: +442371234567\n")
    assert [problem.message for problem in check_schema(loaded)] == [
        'contact: phone: +442371234567 was read as a number, so its + is lost: put it in quotes, '
        'phone: "+44 23 7123 4567".']


@pytest.mark.parametrize(("line", "message"), [
    ("name: 1984", 'name: 1984 was read as a number: put it in quotes, name: "1984".'),
    ("opening_hours: off", 'opening_hours: off was read as true or false, not as a text: put it in quotes, '
                           'opening_hours: "off".'),
    ("languages: [en, on]", 'languages (item 2): on was read as true or false, not as a text: put it in quotes, "on".'),
    ("kind: 0x1F", 'kind: "0x1F" is not one of the choices. Use one of: '),
])
def test_a_value_yaml_reads_as_a_number_or_true_or_false_is_quoted_as_typed(line, message):
    text = MINIMAL.read_text(encoding="utf-8")
    key = line.split(":")[0]
    text = "\n".join(line if row.startswith(f"{key}:") else row for row in text.splitlines()) + "\n"
    if f"\n{key}:" not in "\n" + text:
        text += line + "\n"
    [found] = [problem.message for problem in check_schema(loaded_venue(text))]
    assert found.startswith(message)


@pytest.mark.parametrize(("line", "message"), [
    ("  lat: 50,7976", 'location: lat: "50,7976" has a comma: write the number with a dot, lat: 50.7976.'),
    ('  lat: "50.7976"', 'location: lat: "50.7976" is in quotes, so it is read as a text. Remove the quotes: lat: 50.7976.'),
])
def test_a_number_written_as_text_gets_the_number_to_write(line, message):
    loaded = loaded_venue(MINIMAL.read_text(encoding="utf-8") + f"location:\n{line}\n  lon: -1.09\n")
    assert [problem.message for problem in check_schema(loaded)] == [message]


def test_an_example_venue_may_use_example_addresses_but_a_real_one_may_not(tmp_path):
    example = FIXTURES / "venues" / "valid" / "rule-example-venue-keeps-template-values.yaml"
    real = example.read_text(encoding="utf-8").replace("example: true", "example: false")
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(example, folder / "example-venue.yaml")
    (folder / "real-venue.yaml").write_text(real.replace("Name of the Venue", "Real Venue"), encoding="utf-8")
    problems = read_catalogue(folder, tmp_path).problems
    assert {problem.file for problem in problems} == {"venues/real-venue.yaml"}


@pytest.mark.parametrize(("trained", "renew", "suggested"), [
    ("2024-02-29", "2026-03-01", "2025-02-28"),  # a leap day: two years on is 28 February
    ("2025-06-30", "2027-07-01", "2026-06-30"),
])
def test_renew_by_more_than_two_years_after_training_is_refused_on_the_day_after(trained, renew, suggested):
    def found(renew_by: str) -> list[str]:
        text = (MINIMAL.read_text(encoding="utf-8").replace("2026-01-01", trained)
                .replace("2027-01-01", renew_by))
        return [problem.message for problem in check_rules(loaded_venue(text), BUILD_DAY)]

    last_day = (datetime.date.fromisoformat(renew) - datetime.timedelta(days=1)).isoformat()
    assert found(last_day) == []
    assert found(renew) == [f"accreditation: renew_by ({renew}) is more than 2 years after trained_on ({trained}). "
                            "Training is renewed about once a year: check the year, "
                            f"for example renew_by: {suggested}"]
