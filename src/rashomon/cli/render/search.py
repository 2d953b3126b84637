"""Search hits, each as a line saying where it is (article, outlet, date, characters, who) and the match in
its context, indented below; then the stories the hits fall in. Every part from an article is Text."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID
from rashomon.reads import SearchHit, SearchResults


STORIES_SHOWN = 5


def search_results(console: Console, results: SearchResults, first: int = 1) -> None:
    if not results.hits:
        console.print(Text(f"Nothing found for {results.query!r}."))
        return
    for number, hit in enumerate(results.hits, start=first):
        console.print(_where(number, hit))
        console.print(Padding(_match(hit), (0, 0, 0, 4)))
    if results.stories:
        console.print(Text(_stories_line(results), style="dim"))


def _where(number: int, hit: SearchHit) -> Text:
    who = f"quote · {hit.speaker or 'unattributed'}" if hit.kind == "quote" else "passage"
    line = Text(f"{number:>2}. ", style="bold")
    line.append(Text(who, style="bold"))
    line.append(Text(f" · {hit.article_id[:SHORT_ID]} · {hit.outlet or 'unknown outlet'} · "
                     f"{hit.published or 'undated'}"))
    return line


def _match(hit: SearchHit) -> Text:
    """The snippet with the matched characters in bold, then where they are and how they were found."""
    text = Text(hit.snippet)
    text.stylize("bold reverse", *hit.snippet_match)
    at = f"characters {hit.span[0]}-{hit.span[1]}" if hit.span else "in the title"
    text.append(f"  ({at}; {'+'.join(hit.matched_by)})", style="dim")
    return text


def _stories_line(results: SearchResults) -> str:
    shown = [f"{s.story} ({s.hits} hit{'' if s.hits == 1 else 's'} in {s.articles} "
             f"article{'' if s.articles == 1 else 's'})" for s in results.stories[:STORIES_SHOWN]]
    more = len(results.stories) - STORIES_SHOWN
    return "in stories: " + "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
