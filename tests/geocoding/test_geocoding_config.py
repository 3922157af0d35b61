"""Settings, environment overrides and the Nominatim endpoint."""

import pytest
from geocoding.config import SERVICE_AREA_MARGIN_DEGREES, UK_AREA, GeocodingConfig


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [
        ("http://127.0.0.1:8123", ("http", "127.0.0.1:8123")),
        ("https://nominatim.openstreetmap.org/", ("https", "nominatim.openstreetmap.org")),
        ("https://example.org/nominatim/", ("https", "example.org/nominatim")),
        ("127.0.0.1:8123", ("https", "127.0.0.1:8123")),
    ],
)
def test_nominatim_endpoint_splits_scheme_and_domain(url, endpoint):
    assert GeocodingConfig.from_settings({"GEOCODING_NOMINATIM_URL": url}, {}).nominatim_endpoint() == endpoint


def test_environment_overrides_url_and_offline():
    settings = {"GEOCODING_NOMINATIM_URL": "https://nominatim.example", "GEOCODING_OFFLINE": False}
    config = GeocodingConfig.from_settings(settings, {"NOMINATIM_URL": "http://127.0.0.1:1", "GEOCODING_OFFLINE": "1"})
    assert config.nominatim_url == "http://127.0.0.1:1"
    assert config.offline is True
    assert GeocodingConfig.from_settings(settings, {"GEOCODING_OFFLINE": "0"}).offline is False
    assert GeocodingConfig.from_settings({**settings, "GEOCODING_OFFLINE": True}, {}).offline is True


def test_service_area_edges_are_inside():
    config = GeocodingConfig.from_settings({"GEOCODING_SERVICE_AREA": (50.0, -2.0, 51.0, -1.0)}, {})
    assert config.inside_service_area(50.0, -2.0)
    assert config.inside_service_area(51.0, -1.0)
    assert not config.inside_service_area(51.0001, -1.5)
    assert not config.inside_service_area(50.5, -0.9999)


def test_without_a_service_area_it_is_the_postcode_extract_and_a_margin(tmp_path):
    extract = tmp_path / "zz.csv"
    extract.write_text("postcode,lat,lon\nZZ1 1AA,52.1,-1.5\nZZ1 1AB,52.3,-1.2\n", encoding="utf-8")
    config = GeocodingConfig.from_settings({"GEOCODING_POSTCODES_PATH": str(extract)}, {})
    margin = SERVICE_AREA_MARGIN_DEGREES
    assert config.service_area == pytest.approx((52.1 - margin, -1.5 - margin, 52.3 + margin, -1.2 + margin))
    assert config.inside_service_area(52.2, -1.3) and not config.inside_service_area(50.8, -1.09)  # not Portsmouth


def test_without_an_extract_either_the_service_area_is_the_uk(tmp_path):
    config = GeocodingConfig.from_settings({"GEOCODING_POSTCODES_PATH": str(tmp_path / "none.csv")}, {})
    assert config.service_area == UK_AREA


def test_the_user_agent_names_the_site_and_its_contact_unless_set():
    config = GeocodingConfig.from_settings({"SITENAME": "Spaces of Sanctuary Leeds", "CONTACT_EMAIL": "a@example.org"}, {})
    assert config.user_agent == "spaces-of-sanctuary/1.0 (Spaces of Sanctuary Leeds; a@example.org)"
    assert GeocodingConfig.from_settings({"GEOCODING_USER_AGENT": "x/1 (y)"}, {}).user_agent == "x/1 (y)"
