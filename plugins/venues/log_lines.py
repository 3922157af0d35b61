"""Print each build message on one line, and stop on venue problems without a Python traceback."""

from __future__ import annotations

import logging
import sys

from rich.logging import RichHandler

STOPPED = "the build stopped on the venue problems above: fix them and build again (make validate lists them too)"


class WithoutVenueTraceback(logging.Filter):
    """Replace Pelican's traceback for a build stopped on venue problems with one plain line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and _stopped_on_venues(record.exc_info[1]):
            record.msg, record.args, record.exc_info, record.exc_text = STOPPED, (), None, None
        return True


def _stopped_on_venues(error: BaseException | None) -> bool:
    """Tell whether an exception was raised while the venues plugin stopped the build (VenueErrors, or Pelican's
    RuntimeError for the error it logged under --fatal errors)."""
    from .site.generator import VenueErrors, stop_on_errors

    if isinstance(error, VenueErrors):
        return True
    trace = error.__traceback__ if error is not None else None
    while trace is not None:
        if trace.tb_frame.f_code is stop_on_errors.__code__:
            return True
        trace = trace.tb_next
    return False


def keep_lines_whole(_pelican=None) -> None:
    """Swap Pelican's rich log handler for a plain one: rich wraps a message at the terminal's width, which cuts
    venues/x.yaml:7:1: ... in two, and editors and CI then cannot link it."""
    root = logging.getLogger()
    for index, handler in enumerate(root.handlers):
        if isinstance(handler, RichHandler):
            plain = logging.StreamHandler(sys.stderr)
            plain.setLevel(handler.level)
            plain.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
            for kept in handler.filters:
                plain.addFilter(kept)
            plain.addFilter(WithoutVenueTraceback())
            root.handlers[index] = plain
