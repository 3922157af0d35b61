"""The postcode districts, listed once for the page and the build messages, in the order people count them."""

from __future__ import annotations

from venues.site.postcode_files import district_names, districts


def test_districts_are_listed_in_natural_order(tmp_path):
    extract = tmp_path / "po.csv"
    extract.write_text("postcode,lat,lon\nPO10 7AA,50.85,-0.93\nPO2 9AA,50.81,-1.07\nPO1 2AB,50.79,-1.09\n"
                       "PO1 3AX,50.80,-1.10\n", encoding="utf-8")
    assert district_names(extract) == ["PO1", "PO2", "PO10"]
    assert districts(extract)["PO1"] == {"2AB": [50.79, -1.09], "3AX": [50.8, -1.1]}
