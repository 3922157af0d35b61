"""Shared fixtures: paths of the project and a real Pelican build into a temporary folder."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

# The build and the paths live in site_build.py, which the benchmarks import without pytest; tests import them here.
from tests.site_build import BUILD_DAY, FIXTURES, ROOT, build_site, only_languages  # noqa: F401


class CallCounter:
    """A function a template calls: it counts its calls and returns the count (a block or module made again shows it)."""

    def __init__(self):
        self.count = 0

    def __call__(self) -> int:
        self.count += 1
        return self.count


def output_files(output: Path) -> list[Path]:
    """Return every file of a built site, by its path inside the output, sorted."""
    return sorted(path.relative_to(output) for path in output.rglob("*") if path.is_file())


def differing_files(first: Path, second: Path) -> list[str]:
    """Return the files two builds both wrote with different bytes (the two must write the same files)."""
    files = output_files(first)
    assert files == output_files(second)
    return [str(name) for name in files if (first / name).read_bytes() != (second / name).read_bytes()]


def built_once(tmp_path_factory, worker_id: str, name: str, build: Callable[[Path], Path]) -> Path:
    """Build a site in a folder once for the whole run, and return its output: xdist's workers share one build."""
    if worker_id == "master":  # not under xdist: this session is the whole run
        return build(tmp_path_factory.mktemp(name))
    # pytest-xdist's way of sharing a session fixture: the run's temporary folder, common to every worker, and a
    # lock there. The first worker to ask builds; the others wait, then read where the output is.
    shared = tmp_path_factory.getbasetemp().parent / name
    done = shared / "output-path"
    with FileLock(f"{shared}.lock"):
        if not done.is_file():
            output = build(shared)
            done.write_text(str(output), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, worker_id) -> Path:
    """Build the site from the example venues once for the whole test run."""
    return built_once(tmp_path_factory, worker_id, "example-site", build_site)


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> tuple[Path, str]:
    """Build the examples as the published site is built (absolute URLs, SITEURL set) for a local server's address.

    Return the output folder and that SITEURL: serve the folder on its port and every link, and every QR code,
    points to the server.
    """
    site_url = f"http://127.0.0.1:{free_port()}"
    output = build_site(tmp_path_factory.mktemp("published-site"), SITEURL=site_url, RELATIVE_URLS=False)
    return output, site_url


LARGE_SITE_VENUES = 80
LARGE_SITE_MAX_CARDS = 20


@pytest.fixture(scope="session")
def large_site(tmp_path_factory, worker_id) -> Path:
    """Build a site of generated venues larger than its directory's card limit, once for the whole test run."""
    from scripts.bench_build import write_venues  # local: only the tests of the split directory need it

    def build(work: Path) -> Path:
        venues = work / "venues"
        venues.mkdir(parents=True, exist_ok=True)  # a failed build before may have left it
        write_venues(venues, LARGE_SITE_VENUES)
        return build_site(work, venues, VENUES_DIRECTORY_MAX_CARDS=LARGE_SITE_MAX_CARDS)

    return built_once(tmp_path_factory, worker_id, "large-site", build)


@pytest.fixture
def pelican_errors(caplog):
    """Collect error records that Pelican and the plugins log during a build."""
    caplog.set_level(logging.WARNING)
    return lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]
