"""Search hits, each as a line saying where it is (article, outlet, date, characters, who) and the match in
its context, indented below; then the stories the hits fall in. Every part from an article is Text."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID
from rashomon.reads import SearchHit, SearchResults


def search_results(console: Console, results: SearchResults, first: int = 1) -> None:
    if not results.hits:
        console.print(Text(f"Nothing found for {results.query!r}."))
        return
    for number, hit in enumerate(results.hits, start=first):
        console.print(_where(number, hit))
        console.print(Padding(_match(hit), (0, 0, 0, 4)))
    if results.stories:
        console.print(Text("in stories: " + "; ".join(
            f"{s.story} ({s.hits} hit{'' if s.hits == 1 else 's'} in {s.articles} "
            f"article{'' if s.articles == 1 else 's'})" for s in results.stories), style="dim"))


def _where(number: int, hit: SearchHit) -> Text:
    who = f"quote · {hit.speaker or 'unattributed'}" if hit.kind == "quote" else "passage"
    at = f"at {hit.span[0]}-{hit.span[1]}" if hit.span else "in the title"
    line = Text(f"{number:>2}. ", style="bold")
    line.append(Text(who, style="bold"))
    line.append(Text(f" · {hit.article_id[:SHORT_ID]} · {hit.outlet or 'unknown outlet'} · "
                     f"{hit.published or 'undated'} · {at}"))
    line.append(f" ({'+'.join(hit.matched_by)})", style="dim")
    return line


def _match(hit: SearchHit) -> Text:
    """The snippet with the matched characters in bold."""
    text = Text(hit.snippet)
    text.stylize("bold reverse", *hit.snippet_match)
    return text
