"""Text that reaches GitHub is escaped: annotations cannot start commands, Markdown cannot link, show or mention."""

from __future__ import annotations

import datetime
import re

from venues.model import Accreditation, Address, Venue
from venues.tools.cli import github_annotation
from venues.tools.github_text import markdown_code, markdown_text
from venues.tools.renewals import Renewal, renewals_markdown

from scripts.pr_summary import Change, Row, summary_markdown

NAME = "[Click here](https://evil.example) ![x](https://evil.example/x.png) @everyone #1 <img src=x> `tick` *bold*\n# Heading"


def test_a_file_name_cannot_start_a_workflow_command_of_its_own():
    from venues.model import Problem

    problem = Problem("venues/a\n::notice title=x::owned,b:c.yaml", 1, 2, "100% wrong\r\n::error::again")
    written = github_annotation(problem)
    assert "\n" not in written and "\r" not in written
    assert written == ("::error file=venues/a%0A%3A%3Anotice title=x%3A%3Aowned%2Cb%3Ac.yaml,line=1,col=2::"
                       "100%25 wrong%0D%0A::error::again")


def test_venue_text_in_markdown_cannot_link_show_mention_or_break_lines():
    escaped = markdown_text(NAME)
    for made in ("@everyone", "#1", "\n", "https://"):
        assert made not in escaped, made
    assert not re.search(r"(?<!\\)[\[\]!<>`*]", escaped)  # every mark that makes Markdown is escaped
    assert escaped.startswith("\\[Click here\\](https&#58;//evil.example)")
    assert markdown_code("a`b") == "``a`b``" and markdown_code("x\ny") == "`x y`"


def venue(name: str) -> Venue:
    return Venue(slug="x", source="venues/x.yaml", name=name, kind="cafe", address=Address("1 Road", "PO1 2AB"),
                 offers=("wifi",), accreditation=Accreditation(datetime.date(2026, 1, 1), datetime.date(2026, 12, 1)))


def test_the_renewals_issue_and_the_pull_request_summary_escape_the_name():
    day = datetime.date(2026, 11, 27)
    issue = renewals_markdown([Renewal(venue(NAME), 4)], day, 30)
    summary = summary_markdown([Row(Change("added", "venues/x.yaml"), venue(NAME), "file")], day)
    for text in (issue, summary):
        assert markdown_text(NAME) in text
        assert "https://evil" not in text and "@everyone" not in text and not re.search(r"(?<!\\)<img", text)
