"""Tables that read at 80 columns and wider (issue 25): columns chosen by width, text cut at a word with "…",
no figure squeezed to "0.…", a one-line coverage sparkline; on the analyzed seed articles."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from rashomon import reads
from rashomon.cli.render import articles as render_articles
from rashomon.cli.render import compare as render_compare
from rashomon.cli.render import quotes as render_quotes
from rashomon.cli.render import provenance as render_provenance
from rashomon.cli.render import stories as render_stories
from rashomon.cli.render import timeline as render_timeline
from rashomon.cli.render.common import Column, fitted_table, shortened, wrapped
from rashomon.reads.labels import headline
from rashomon.settings import Settings
from rashomon.store import Store

WIDTHS = (80, 120)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Store:
    """The five seed articles, ingested and analyzed once for this module."""
    from rashomon import samples
    from rashomon.ingest.session import ingest
    from rashomon.pipeline.runner import analyze

    settings = Settings.load(environ={}, db=str(tmp_path_factory.mktemp("seeds") / "store.db"))
    store = Store.open(settings.db)
    ingest(store, [str(p) for p in samples.seed_paths()], settings)
    analyze(store, settings)
    yield store
    store.close()


def _drawn(width: int, render, value) -> str:
    console = Console(width=width, file=io.StringIO(), highlight=False, soft_wrap=False, color_system=None)
    render(console, value)
    return console.file.getvalue()


def _views(store: Store) -> dict:
    clustered = next(iter(reads.placements(store)))
    joined = next(a for a in reads.placements(store) if reads.why(store, a).recorded["candidates"])
    return {"quotes": (render_quotes.quotes_table, reads.quotes(store)),
            "quote-groups": (render_quotes.quote_groups, reads.quote_groups(store)),
            "stories": (render_stories.stories_table, reads.stories(store)),
            "story": (render_stories.story_detail, reads.story(store, 1)),
            "why": (render_stories.why_detail, reads.why(store, joined)),
            "why first": (render_stories.why_detail, reads.why(store, clustered)),
            "articles": (render_articles.articles_table, reads.articles(store)),
            "entities": (render_articles.entities_table, reads.entities(store)),
            "show": (render_articles.article_detail, reads.article(store, clustered)),
            "compare": (render_compare.comparison, reads.compare(store, story=1)),
            "divergences": (render_compare.divergences, reads.divergences(store)),
            "timeline": (render_timeline.timeline, reads.timeline(store, 1)),
            "provenance": (render_provenance.provenance, reads.provenance(store, 1))}


@pytest.mark.parametrize("width", WIDTHS)
def test_render_width_every_line_of_every_view_fits_the_terminal(seeds, width):
    for name, (render, value) in _views(seeds).items():
        for line in _drawn(width, render, value).splitlines():
            assert cell_len(line) <= width, (name, line)


@pytest.mark.parametrize("width", WIDTHS)
def test_render_width_no_figure_is_squeezed_to_an_ellipsis(seeds, width):
    for name, (render, value) in _views(seeds).items():
        drawn = _drawn(width, render, value)
        assert not re.search(r"\d\.…", drawn), name  # "0.…", as `why` showed in every cell


def _shown_columns(table) -> dict[str, tuple[int, list[str]]]:
    """Each drawn column's header: its width and its cells' plain text."""
    return {column.header: (column.width, [cell.plain for cell in column.cells]) for column in table.columns}


def test_render_width_quotes_columns_at_80_and_120(seeds):
    rows = render_quotes.quote_rows(reads.quotes(seeds))
    narrow = _shown_columns(fitted_table(80, render_quotes.QUOTE_COLUMNS, rows))
    wide = _shown_columns(fitted_table(120, render_quotes.QUOTE_COLUMNS, rows))
    assert {"outlet", "speaker", "what was said"} <= set(narrow)
    assert not {"kind", "cue", "said on"} & set(narrow)
    assert {"outlet", "speaker", "kind", "trust", "what was said"} <= set(wide)
    assert narrow["what was said"][0] >= 34 and wide["what was said"][0] >= 0.4 * 120
    assert wide["what was said"][0] > narrow["what was said"][0]


@pytest.mark.parametrize("width", WIDTHS)
def test_render_width_quote_text_is_cut_only_at_a_word_and_marked(seeds, width):
    quotes = reads.quotes(seeds)
    rows = render_quotes.quote_rows(quotes)
    columns = _shown_columns(fitted_table(width, render_quotes.QUOTE_COLUMNS, rows))
    column_width, cells = columns["what was said"]
    cut = 0
    for row, shown in zip(rows, cells, strict=True):
        said = " ".join(row[5].split())
        lines = shown.split("\n")
        assert len(lines) <= 2 and all(cell_len(line) <= column_width for line in lines)
        joined = " ".join(lines)
        if joined == said:
            continue
        cut += 1
        assert joined.endswith("…"), (said, shown)
        kept = joined[:-1]
        assert said.startswith(kept) and said[len(kept)] == " ", (said, shown)  # at a word, never inside one
    assert cut > 0  # some seed quotes are longer than two lines at these widths


def test_render_width_figures_in_why_are_whole_or_not_shown(seeds):
    joined = next(a for a in reads.placements(seeds) if reads.why(seeds, a).recorded["candidates"])
    explained = reads.why(seeds, joined)
    drawn = _drawn(80, render_stories.why_detail, explained)
    for candidate in explained.recorded["candidates"]:
        assert f"{candidate['score']:.3f}" in drawn
    assert "not shown at 80 columns:" in drawn and "shared words" in drawn


def test_render_width_story_titles_are_never_blank_and_sparkline_is_one_line(seeds):
    detail = reads.story(seeds, 1)
    by_id = {a.id: a for a in reads.articles(seeds).articles}
    for entry in detail.articles.values():
        article = by_id[entry["article"]]
        assert entry["headline"] == headline(article.title, article.text)
        assert entry["headline"].strip()
    drawn = _drawn(80, render_stories.story_detail, detail)
    line = drawn.splitlines()[drawn.splitlines().index("Coverage over time (articles a day):") + 1]
    dated = sorted(day for day in detail.coverage if day != "undated")
    assert line.startswith(dated[0]) and f"{dated[-1]}  (peak " in line


def test_render_width_coverage_of_many_days_is_binned_to_one_line():
    from datetime import date, timedelta

    days = [date(2020, 1, 1) + timedelta(days=n) for n in range(400)]
    coverage = reads.coverage([day for n, day in enumerate(days) for _ in range(n % 3)])
    line = render_stories.coverage_line(coverage, 80)
    assert "\n" not in line and cell_len(line) <= 80
    # 398 days (2 Jan 2020 to 2 Feb 2021): bars of 14 days make 29 bars and 80 cells; of 13, 31 bars and 82
    assert line.startswith("2020-01-02 ") and line.endswith(" 2021-02-02  (peak 15, a bar is 14 days)")
    assert len(line.split(" ")[1]) == 29 and cell_len(line) == 80
    assert render_stories.coverage_line({"2020-01-01": 2, "2020-01-02": 0, "2020-01-03": 1}, 80) == \
        "2020-01-01 █·▄ 2020-01-03  (peak 2)"


def test_render_width_stories_show_headline_and_top_entities(seeds):
    import numpy as np

    (story, *_) = reads.stories(seeds)
    members = [a for a, (_, s) in reads.placements(seeds).items() if s == story.story]
    vectors = reads.article_vectors(seeds)
    unit = np.stack([vectors[a] / np.linalg.norm(vectors[a]) for a in members])
    titled = np.array([bool(reads.article(seeds, a).article.title) for a in members])
    assert titled.any() and not titled.all()  # the seeds have untitled articles: a title is preferred
    central = members[int(np.argmax(np.where(titled, unit @ unit.mean(axis=0), -np.inf)))]
    assert story.headline == reads.article(seeds, central).article.title
    assert len(story.entities) == 3
    drawn = _drawn(80, render_stories.stories_table, reads.stories(seeds))
    assert story.entities[0] in drawn and "headline" in drawn


def test_render_width_shortened_and_wrapped_cut_at_words():
    assert shortened(Text("NATO never promised not to expand"), 20).plain == "NATO never promised…"
    assert shortened(Text("Antidisestablishmentarianism"), 10).plain == "Antidises…"  # one word: cut, marked
    assert shortened(Text("short"), 10).plain == "short"
    assert [line.plain for line in wrapped(Text("the quick brown fox jumps over the lazy dog"), 12, 2)] == [
        "the quick", "brown fox…"]
    path = "/tmp/some/long/path/to/a/file.txt"
    assert [line.plain for line in wrapped(Text(path), 16, 3)] == ["/tmp/some/long/p", "ath/to/a/file.tx", "t"]


def test_render_width_drops_least_important_columns_first():
    columns = (Column("id", priority=0), Column("figure", priority=2, justify="right"),
               Column("when", priority=1), Column("text", text=True, narrowest=10))
    rows = [["a1", "0.305", "2021-12-23", "NATO never promised not to expand"]]
    assert [c.header for c in fitted_table(40, columns, rows).columns] == ["id", "figure", "when", "text"]
    assert [c.header for c in fitted_table(30, columns, rows).columns] == ["id", "when", "text"]
    assert [c.header for c in fitted_table(20, columns, rows).columns] == ["id", "text"]
    narrow = fitted_table(30, columns, rows)
    assert narrow.caption.plain.startswith("not shown at 30 columns: figure")
