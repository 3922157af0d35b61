"""Mutate valid venue files at random: the result is a venue or problems with file:line, never a crash or a lost venue."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from venues.check import load
from venues.check.catalogue import check_file, read_catalogue

from tests.conftest import BUILD_DAY, FIXTURES, ROOT

SEEDS = sorted((FIXTURES / "venues" / "valid").glob("*.yaml")) + sorted((ROOT / "venues").glob("example-*.yaml"))
# What coordinators and attackers type: YAML's own marks, spaces and tabs, quotes, escapes, and hidden characters.
MARKS = ["\n", "\r\n", "\r", " ", "  ", "\t", ":", ": ", "- ", "#", " #", "[", "]", "{", "}", ",", "'", '"', "\\", "&a ",
         "*a", "!!python/object:os.system ", "|", ">", "%YAML 1.1\n", "---\n", "...\n", "? ", "<<: ", "\u00a0", "\u202e",
         "\u200b", "\u200d", "\ufeff", "\x00", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\ud7ff", "\ufffe", "é",
         "e\u0301", "а", "0x1F", "1e400", ".nan", "~", "null", "yes", "no", "2026-02-30", "\\u202e", "\\0"]
CHUNK = st.one_of(st.sampled_from(MARKS), st.text(max_size=8), st.text(st.characters(codec="utf-8"), max_size=4))


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """Draw a valid venue file and apply a few insertions, deletions, repeats and swaps to its text."""
    seed = draw(st.sampled_from(SEEDS))
    text = seed.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat", "indent", "replace"]))
        if action == "insert":
            text = text[:at] + "".join(draw(st.lists(CHUNK, min_size=1, max_size=5))) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif action == "repeat":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index] * draw(st.integers(1, 300)))
            text = "".join(lines)
        elif action == "indent":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = " " * draw(st.integers(1, 5)) + lines[index]
            text = "".join(lines)
        else:
            text = text[:at] + draw(CHUNK) + text[at + 1:]
    raw = text.encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # now and then, bytes that may not be UTF-8 at all
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=3)) + raw[at:]
    return seed.name, raw


def assert_placed(problems, source: str, raw: bytes) -> None:
    """Check that every problem names the file and a line and column inside it, with words to act on."""
    lines = raw.count(b"\n") + raw.count(b"\r") + 1
    for problem in problems:
        assert problem.file == source
        assert 1 <= problem.line <= lines + 1, problem
        assert problem.column >= 1, problem
        assert problem.message and problem.message[0].islower() or problem.message[0] in "\"*", problem
        assert "Traceback" not in problem.message and "<unicode string>" not in problem.message, problem


@settings(max_examples=1000, deadline=datetime.timedelta(seconds=10), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_a_mutated_venue_file_is_a_venue_or_problems_at_lines(case):
    name, raw = case
    with tempfile.TemporaryDirectory() as folder:
        venues = Path(folder) / "venues"
        venues.mkdir()
        path = venues / "mutated.yaml"
        path.write_bytes(raw)
        # check_file, not read_catalogue: read_catalogue's last guard would turn a crash into a problem and hide it.
        loaded, problems, venue = check_file(path, Path(folder), BUILD_DAY)
        assert_placed(problems, "venues/mutated.yaml", raw)
        errors = [problem for problem in problems if problem.severity == "error"]
        assert (venue is None) == bool(errors), (name, problems)
        event("a venue" if venue else f"problem: {errors[0].message[:30]}")


@settings(max_examples=60, deadline=datetime.timedelta(seconds=10), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_a_broken_file_never_loses_another_venue(case):
    _, raw = case
    with tempfile.TemporaryDirectory() as folder:
        venues = Path(folder) / "venues"
        venues.mkdir()
        (venues / "broken.yaml").write_bytes(raw)
        shutil.copy(FIXTURES / "venues" / "valid" / "full.yaml", venues / "untouched.yaml")
        catalogue = read_catalogue(venues, Path(folder), BUILD_DAY)
        assert "untouched" in [venue.slug for venue in catalogue.venues]
        assert not any(problem.file == "venues/untouched.yaml" and "the same venue" not in problem.message
                       for problem in catalogue.problems)


@settings(max_examples=300, deadline=datetime.timedelta(seconds=10), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_parsing_the_scanned_tokens_reads_a_file_exactly_as_reading_its_text(case):
    # load.py parses the tokens it scanned for its own checks instead of scanning the text twice more: the data,
    # the marks and every problem (words, line and column) must be what PyYAML reading the text gives.
    _, raw = case
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        return
    scanned = load.load_text(text, "venues/mutated.yaml", "mutated")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "_loader_for", lambda text, tokens: load._Loader(text))
        read = load.load_text(text, "venues/mutated.yaml", "mutated")
    assert scanned == read
