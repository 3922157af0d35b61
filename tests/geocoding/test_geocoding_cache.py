"""geocoding.cache: one sorted entry per normalised address, written only when it changed, faults at their line."""

from __future__ import annotations

import json

from geocoding.cache import NOT_FOUND, GeocodeCache, cache_key, found_nothing


def test_the_key_is_the_address_trimmed_with_single_spaces_in_small_letters():
    assert cache_key("  1 Guildhall  Square ,Portsmouth   PO1 2AB ") == "1 guildhall square, portsmouth po1 2ab"
    assert cache_key("1 Guildhall Square, Portsmouth PO1 2AB") == cache_key("1 GUILDHALL SQUARE,PORTSMOUTH PO1 2AB")


def test_a_point_is_rounded_and_the_file_written_sorted_only_when_it_changed(tmp_path):
    path = tmp_path / "data" / "cache.json"
    cache = GeocodeCache(path)
    assert cache.entries == {} and cache.faults == [] and cache.save() is False and not path.exists()
    cache.put("b street", 50.123456789, -1.987654321, "nominatim", display_name="B Street")
    cache.put("a street", 50.1, -1.2, "postcode", **NOT_FOUND)
    assert cache.save() is True
    text = path.read_text(encoding="utf-8")
    assert text.index('"a street"') < text.index('"b street"') and text.endswith("}\n")
    assert json.loads(text)["b street"] == {"lat": 50.123457, "lon": -1.987654, "source": "nominatim",
                                            "display_name": "B Street"}

    again = GeocodeCache(path)
    again.put("b street", 50.1234571, -1.9876539, "nominatim", display_name="B Street")  # the same once rounded
    assert again.save() is False
    assert found_nothing(again.get("a street")) and not found_nothing(again.get("b street"))


def test_a_broken_file_is_read_as_empty_with_each_fault_at_its_line(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text('{\n  "good": {"lat": 50.8, "lon": -1.1, "source": "nominatim"},\n'
                    '  "bad": {"lat": "50.8", "lon": -1.1, "source": "nominatim"},\n'
                    '  "odd": {"lat": 50.8, "lon": -1.1, "source": "guess"}\n}\n', encoding="utf-8")
    cache = GeocodeCache(path)
    assert list(cache.entries) == ["good"]
    assert [(line, column) for line, column, _ in cache.faults] == [(3, 3), (4, 3)]
    assert 'broken entry for "bad"' in cache.faults[0][2]

    path.write_text('{"a": ', encoding="utf-8")
    [(line, column, what)] = GeocodeCache(path).faults
    assert (line, what.startswith("is not valid JSON")) == (1, True)
    path.write_text("[]", encoding="utf-8")
    assert GeocodeCache(path).faults == [(1, 1, "is not a JSON object of addresses ({...})")]
