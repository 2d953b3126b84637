"""Untrusted text in every terminal view: outlets, titles, names, quotes and file names print literally."""

import json

import pytest

from tests.built import build

OUTLET = "bad [/x] outlet"  # a closing tag that opens nothing: Rich raises if it reads it as markup
TITLE = "[bold]Shouted[/bold] claims"
SPEAKER = "Jens [/] Stoltenberg"


@pytest.fixture
def hostile(store, settings, tmp_path):
    return build(store, settings, tmp_path, outlet=OUTLET, title=TITLE, speaker=SPEAKER)


def _shown(cli, *args):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_cli_render_story_prints_outlet_and_title_literally(cli, hostile):
    shown = _shown(cli, "story", "1")
    assert OUTLET in shown and TITLE in shown


def test_cli_render_every_view_of_articles_prints_them_literally(cli, hostile):
    assert OUTLET in _shown(cli, "articles") and TITLE in _shown(cli, "articles")
    shown = _shown(cli, "show", hostile.first.id)
    assert OUTLET in shown and TITLE in shown and SPEAKER in shown
    assert SPEAKER in _shown(cli, "entities")
    assert "2021-12-23" in _shown(cli, "stories")


def test_cli_render_quotes_groups_and_reasons_print_names_literally(cli, hostile):
    assert SPEAKER in _shown(cli, "quotes")
    groups = _shown(cli, "quote-groups")
    assert SPEAKER in groups and OUTLET in groups
    assert SPEAKER in _shown(cli, "why", hostile.second.id)


def test_cli_render_rejected_file_names_print_literally(cli, tmp_path):
    (tmp_path / "in").mkdir()
    hostile_name = tmp_path / "in" / "[red]empty[bold] [link=x].txt"  # no "/" in a file name: open tags only
    hostile_name.write_text(" \n")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1 and "[red]empty[bold] [link=x].txt" in result.stdout
    assert "[red]empty[bold] [link=x].txt" in _shown(cli, "rejections")
    (rejection,) = json.loads(_shown(cli, "rejections", "--json"))
    assert rejection["input"] == str(hostile_name)


def test_cli_render_compare_and_divergences_print_outlets_and_words_literally(cli, hostile):
    shown = _shown(cli, "compare", "1")
    assert OUTLET in shown and "NATO never promised not to expand" in shown
    assert "NATO never promised not to expand" in _shown(cli, "divergences")
    (fact, *_) = json.loads(_shown(cli, "compare", "--event", "1", "--json"))["facts"]
    assert set(fact["reports"]) == {OUTLET, "Example Herald"}
    wrong = cli("compare")
    assert wrong.exit_code == 1 and "give a story number, or --event N" in wrong.stderr


def test_cli_render_timeline_and_provenance_print_outlets_and_speakers_literally(cli, hostile):
    shown = _shown(cli, "timeline", "1")
    assert OUTLET in shown and "by 23 Dec 2021" in shown
    assert SPEAKER in shown  # the speaker of the words only bounded by publication
    (entry,) = json.loads(_shown(cli, "timeline", "1", "--json"))["entries"]  # one fact, reported by both
    assert (entry["when"]["label"], entry["kind"], entry["fact"]) == ("by 23 Dec 2021", "reported", 1)
    assert [(r["column"], r["published"]) for r in entry["reports"]] == [
        (OUTLET, "2021-12-23"), ("Example Herald", "2021-12-25")]
    assert "No article names an origin" in _shown(cli, "provenance", "1")
    found = json.loads(_shown(cli, "provenance", "1", "--json"))
    assert (found["origins"], found["ties"], found["copies"]) == ([], [], [])
    assert {a["column"] for a in found["articles"]} == {OUTLET, "Example Herald"}
