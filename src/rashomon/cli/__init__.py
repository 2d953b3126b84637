"""The `rashomon` command: thin commands over the library, drawn with Rich.

    app.py       the Typer app, shared options, errors, JSON output and progress bars
    corpus.py    ingest, analyze, demo, rejections
    export.py    export (every kind of record, JSONL or CSV)
    browse.py    articles, show, entities, quotes, quote-groups
    find.py      search
    listing.py   the filter and page options that articles, quotes, stories and search share
    stories.py   stories, story, why
    compare.py   compare, divergences, provenance, timeline
    measure.py   eval …, train …
    render/      how each answer looks in the terminal (untrusted text always as Text)

Every command is listed here, in the order `rashomon --help` shows them.
"""

from rashomon.cli import browse, compare, corpus, export, find, measure, stories
from rashomon.cli.app import app, eval_app, train_app

COMMANDS = (
    (app, "ingest", corpus.ingest_command), (app, "articles", browse.articles_command),
    (app, "analyze", corpus.analyze_command), (app, "entities", browse.entities_command),
    (app, "quotes", browse.quotes_command), (app, "quote-groups", browse.quote_groups_command),
    (app, "search", find.search_command), (app, "stories", stories.stories_command), (app, "story", stories.story_command),
    (app, "why", stories.why_command), (app, "compare", compare.compare_command),
    (app, "divergences", compare.divergences_command), (app, "provenance", compare.provenance_command),
    (app, "timeline", compare.timeline_command), (app, "show", browse.show_command), (app, "export", export.export_command),
    (app, "rejections", corpus.rejections_command), (app, "demo", corpus.demo_command),
    (eval_app, "extraction", measure.eval_extraction_command), (eval_app, "dates", measure.eval_dates_command),
    (eval_app, "attributions", measure.eval_attributions_command), (eval_app, "stories", measure.eval_stories_command),
    (eval_app, "divergences", measure.eval_divergences_command),
    (train_app, "clusters", measure.train_clusters_command), (train_app, "cues", measure.train_cues_command),
    (train_app, "confidence", measure.train_confidence_command),
)
for group, name, command in COMMANDS:
    group.command(name)(command)


def main() -> None:
    app()


__all__ = ["app", "main"]
