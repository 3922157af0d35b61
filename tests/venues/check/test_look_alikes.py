"""Names are what they look like: a look-alike or a copy of another venue's name is flagged, by Unicode's own data."""

from __future__ import annotations

import pytest
from venues.check.catalogue import read_catalogue
from venues.check.look_alikes import mixed_alphabets, skeletons

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

MINIMAL = (FIXTURES / "venues" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def write(folder, slug, name, postcode="PO1 2DX"):
    text = MINIMAL.replace("Minimal Test Venue", name).replace("PO1 2DX", postcode)
    (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")


def problems(tmp_path, *venues):
    folder = tmp_path / "venues"
    folder.mkdir()
    for venue in venues:
        write(folder, *venue)
    return [str(problem) for problem in read_catalogue(folder, tmp_path, BUILD_DAY).problems]


@pytest.mark.parametrize("look_alike", ["Сentral Library", "Centra1 Library", "CentraI Library", "CENTRAL LIBRARY",
                                        "Central  Library"])
def test_look_alikes_share_a_skeleton(look_alike):
    assert skeletons("Central Library") & skeletons(look_alike)


@pytest.mark.parametrize("other", ["Central Libraries", "Eastney Library", "مكتبة المركز", "Central Café"])
def test_different_names_do_not(other):
    assert not skeletons("Central Library") & skeletons(other)


def test_a_look_alike_at_another_postcode_is_a_warning_on_both_files(tmp_path):
    found = problems(tmp_path, ("central", "Central Library", "PO1 2AB"), ("fake", "Сentral Library", "PO4 9AB"))
    words = ("looks like", "but the two are written with different characters (they differ in U+0421 "
             "(CYRILLIC CAPITAL LETTER ES)). A look-alike name can pass for another venue: if this is its own place, "
             "make the difference plain to read; if not, type the name again on your keyboard.")
    assert found == [
        f'venues/central.yaml:1:7: name: "Central Library" {words[0]} "Сentral Library" in venues/fake.yaml, {words[1]}',
        'venues/fake.yaml:1:7: name: "Сentral Library" mixes alphabets inside a word: U+0421 (CYRILLIC CAPITAL '
        "LETTER ES) looks like a letter of the other alphabet but is not one. A look-alike name can pass for another "
        "venue: type the name again on your keyboard.",
        f'venues/fake.yaml:1:7: name: "Сentral Library" {words[0]} "Central Library" in venues/central.yaml, {words[1]}',
    ]


def test_a_look_alike_at_the_same_postcode_is_the_same_venue(tmp_path):
    found = problems(tmp_path, ("central", "Central Library"), ("copy", "Сentral Library"))
    assert 'venues/copy.yaml:1:7: the same venue ("Сentral Library", PO1 2DX) is already in venues/central.yaml. ' \
           "Keep one file per venue: update that file instead, or delete this one." in found


def test_the_same_name_at_another_postcode_is_a_warning(tmp_path):
    found = problems(tmp_path, ("central", "Central Library", "PO1 2AB"), ("north", "Central Library", "PO2 9AA"))
    assert found == [
        'venues/central.yaml:1:7: name: "Central Library" is also the name of the venue in venues/north.yaml (at '
        "PO2 9AA). If it is the same place, keep one file; if it is another branch, add what tells them apart to the "
        'name, for example "Central Library (North End)".',
        'venues/north.yaml:1:7: name: "Central Library" is also the name of the venue in venues/central.yaml (at '
        "PO1 2AB). If it is the same place, keep one file; if it is another branch, add what tells them apart to the "
        'name, for example "Central Library (North End)".',
    ]


@pytest.mark.parametrize(("name", "odd"), [("Cafе Hope", ["е"]), ("Café Hope", []), ("مكتبة Central", []),
                                           ("Καφέ Central", []), ("ካፌ 24", [])])
def test_only_a_word_mixing_alphabets_is_flagged(name, odd):
    assert mixed_alphabets(name) == odd


def test_the_example_venues_raise_no_look_alike_warning(tmp_path):
    catalogue = read_catalogue(ROOT / "venues", ROOT, BUILD_DAY)
    assert not [problem for problem in catalogue.problems if "look" in problem.message or "also the name" in problem.message]
