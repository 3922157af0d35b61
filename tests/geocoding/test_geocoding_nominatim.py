"""geocoding.nominatim: geopy's real client against a local server; every fault becomes one plain sentence."""

from __future__ import annotations

import pytest
from geocoding.config import GeocodingConfig
from geocoding.nominatim import Found, NominatimClient, NominatimUnavailable

ADDRESS = "1 Guildhall Square, Portsmouth PO1 2AB"


def client(settings) -> NominatimClient:
    return NominatimClient(GeocodingConfig.from_settings(settings, environ={}))


def test_an_answer_is_the_first_place_and_the_question_is_polite(nominatim, settings):
    nominatim.answer = (50.7976543, -1.0928765)
    found = client(settings).search(ADDRESS)
    assert found == Found(50.7976543, -1.0928765, "Guildhall Square, Portsmouth, England, PO1 2AB, United Kingdom")
    [request] = nominatim.requests
    assert (request.query["q"], request.query["countrycodes"]) == (ADDRESS, "gb")
    assert request.user_agent == "spaces-of-sanctuary-tests/1.0"


def test_an_empty_list_is_found_nothing(nominatim, settings):
    nominatim.mode = "not_found"
    assert client(settings).search(ADDRESS) is None


@pytest.mark.parametrize(("mode", "words"), [
    ("http_429", "answered HTTP 429 (too many requests)"),
    ("http_503", "answered HTTP 503"),
    ("garbage", "not JSON"),
    ("wrong_shape", "unexpected shape"),
    ("slow", "no answer within 0.3 s"),
    ("drip", "sent no complete answer within 1 s"),
    ("error_object", "unexpected shape: {'error': 'Unable to geocode'} instead of a list of places"),
    ("empty_object", "unexpected shape: {} instead of a list of places"),
])
def test_each_fault_is_one_exception_that_says_what_went_wrong(nominatim, settings, mode, words):
    nominatim.mode = mode
    if mode == "drip":
        # Each byte well within a generous socket timeout, even on a loaded machine: only the deadline can stop it.
        settings["GEOCODING_TIMEOUT_SECONDS"], nominatim.drip_seconds = 0.9, 0.05
    with pytest.raises(NominatimUnavailable) as fault:
        client(settings).search(ADDRESS)
    assert words in str(fault.value)
    assert len(nominatim.requests) == 1  # no retry behind the caller's back
