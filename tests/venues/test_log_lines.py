"""venues.log_lines: a build message stays on one line, and a stop on venue problems shows no Python traceback."""

from __future__ import annotations

import logging
import sys

import pytest
from rich.logging import RichHandler
from venues.log_lines import STOPPED, WithoutVenueTraceback, keep_lines_whole
from venues.model import Problem
from venues.site.generator import VenueErrors, stop_on_errors


def record_of(error: BaseException) -> logging.LogRecord:
    try:
        raise error
    except BaseException:
        return logging.LogRecord("pelican", logging.CRITICAL, __file__, 1, "%s", ("boom",), sys.exc_info())


def test_a_stop_on_venue_problems_becomes_one_plain_line():
    record = record_of(VenueErrors([Problem("venues/x.yaml", 3, 1, "fix it")]))
    assert WithoutVenueTraceback().filter(record) is True
    assert (record.getMessage(), record.exc_info) == (STOPPED, None)


def test_pelicans_own_error_raised_inside_stop_on_errors_counts_too():
    try:
        stop_on_errors([Problem("venues/x.yaml", 3, 1, "fix it")])
    except VenueErrors as stopped:
        # Pelican's --fatal errors raises its own RuntimeError from inside the logging call in stop_on_errors.
        wrapped = RuntimeError("fatal")
        wrapped.__traceback__ = stopped.__traceback__
        record = record_of(wrapped)
        record.exc_info = (RuntimeError, wrapped, stopped.__traceback__)
    assert WithoutVenueTraceback().filter(record) and record.getMessage() == STOPPED


def test_any_other_error_keeps_its_traceback():
    record = record_of(ValueError("a fault in the code"))
    assert WithoutVenueTraceback().filter(record) and record.exc_info is not None and record.getMessage() == "boom"


@pytest.fixture
def root_handlers():
    root = logging.getLogger()
    saved = list(root.handlers)
    yield root
    root.handlers[:] = saved


def test_pelicans_rich_handler_is_swapped_for_a_plain_one_that_keeps_its_level_and_filters(root_handlers):
    rich = RichHandler(level=logging.WARNING)
    kept = logging.Filter("pelican")
    rich.addFilter(kept)
    root_handlers.handlers[:] = [rich]
    keep_lines_whole()
    [plain] = root_handlers.handlers
    assert type(plain) is logging.StreamHandler and plain.level == logging.WARNING
    assert kept in plain.filters and any(isinstance(f, WithoutVenueTraceback) for f in plain.filters)
