"""Settings, environment overrides and the Nominatim endpoint."""

import pytest
from geocoding.config import GeocodingConfig


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
