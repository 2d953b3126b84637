"""Stories, one story's events and coverage, and why an article is in its event (titles are untrusted)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.cli.render.common import cell
from rashomon.cluster.languages import MARGIN_ONE_EVENT
from rashomon.reads import Explanation, StoryDetail, StorySummary

_BARS = " ▁▂▃▄▅▆▇█"


def stories_table(console: Console, stories: Sequence[StorySummary]) -> None:
    table = Table(title=f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}", title_justify="left")
    for name in ("story", "events", "articles", "outlets", "first", "last"):
        table.add_column(name, justify="right" if name in ("events", "articles", "outlets") else "left")
    for story in stories:
        table.add_row(cell(story.story), cell(story.events), cell(story.articles), cell(story.outlets),
                      cell(story.first or "–"), cell(story.last or "–"))
    console.print(table)


def story_detail(console: Console, story: StoryDetail) -> None:
    console.print(Text(f"Story {story.story.id}: {len(story.events)} events", style="bold"))
    for event in story.events:
        table = Table(title=f"event {event.id}", title_justify="left")
        for name in ("published", "outlet", "article", "title"):
            table.add_column(name)
        for article in (story.articles[article_id] for article_id in event.article_ids):
            table.add_row(cell(article["published"] or "–"), cell(article["outlet_label"]), cell(article["article"]),
                          cell(article["headline"]))
        console.print(table)
    console.print(Text("Coverage over time (articles a day):"))
    dated = {day: count for day, count in story.coverage.items() if day != "undated"}
    if dated:
        top = max(dated.values())
        bars = "".join(_BARS[round(8 * count / top)] if count else "·" for count in dated.values())
        console.print(Text(f"{min(dated)} {bars} {max(dated)}  (peak {top})"))
    if story.coverage.get("undated"):
        console.print(Text(f"{story.coverage['undated']} undated"))


def why_detail(console: Console, explained: Explanation) -> None:
    recorded, current = explained.recorded, explained.current
    place = f"{explained.article}: event {explained.event}, story {explained.story}"
    if current is None:
        console.print(Text(f"{place} — {recorded['decision']}", style="bold"))
    else:
        console.print(Text(f"{place} — {_moved(current)}", style="bold"))
        console.print(Text(f"when it was first placed, in event {explained.moves[0]['from_event']}: "
                           f"{recorded['decision']}, for these reasons:"))
    console.print(Text(f"joins an event at a score ≥ {recorded['event_threshold']} (within "
                       f"{recorded['event_window_days']} days); a story at ≥ {recorded['story_threshold']}. "
                       "Score: the mean, over the event's latest members among the nearest articles, of the "
                       "word cosine less the background (scaled by length), plus the meaning weight times "
                       "the vector cosine less its background; in another language only its closest there "
                       "counts, by margin; a report of its own outlet counts zero"))
    table = Table(title="candidates weighed", title_justify="left")
    for name in ("event", "story", "score", "words: mean", "best", "centroid", "background", "meaning: mean",
                 "background", "near", "entities", "days", "shared entities", "shared words"):
        table.add_column(name)
    for c in recorded["candidates"]:
        table.add_row(cell(c["event"]), cell(c["story"]), *map(cell, _candidate_figures(c)),
                      cell(", ".join(c["shared_entities"])), cell(", ".join(c["shared_words"])))
    console.print(table if recorded["candidates"] else Text("no candidates: the first article of its kind"))
    for counterpart in recorded.get("counterparts", ()):
        console.print(Text(f"closest in {counterpart['language']}: article {counterpart['article']}, and it is that "
                           f"article's closest in this one's language (margin {counterpart['margin']:.3f}; "
                           f"{MARGIN_ONE_EVENT} counts as one event)"))
    for move in explained.moves:
        console.print(Text(_moved(move)))


def _moved(move: dict) -> str:
    """How a move came about, in words."""
    if move["how"] == "split off":
        return (f"split off event {move['from_event']} into event {move['to_event']} when article "
                f"{move['because']} joined it: the event's reports fell in two groups that share no specific "
                "content (names, figures, rare words)")
    link = f" (their members alike at {move['link']:.3f} on average)" if move["link"] is not None else ""
    return (f"moved from event {move['from_event']} to {move['to_event']} when article {move['because']} "
            f"bridged the two{link}")


def _candidate_figures(candidate: dict) -> list[str]:
    """The candidate's figures as recorded (a store clustered by an earlier model lacks some: –)."""
    features = candidate["features"]
    score = candidate.get("score", candidate.get("probability"))
    figures = [f"{score:.3f}" if score is not None else "–"]
    figures += [f"{features[k]:.2f}" if k in features else "–"
                for k in ("words_mean", "words_max", "words_centroid", "background", "meaning_mean",
                          "meaning_background")]
    figures.append(f"{features['near_members']:.0f}/{features['compared_members']:.0f}"
                   if "near_members" in features else "–")
    figures.append(f"{features['entities']:.2f}" if "entities" in features else "–")
    days = f"{features['days']:.0f}" if "days" in features else "–"
    days += " from a named day" if features.get("named_day") else ""  # undated: a day its text names
    figures.append(days if candidate.get("in_event_window", True) else f"{days}: outside")
    return figures


def training_grid(console: Console, points: list, names: list[str], chosen) -> None:
    """Every grid point's B-cubed F1 on each gold file; the chosen one marked."""
    table = Table(title="B-cubed F1 at each grid point", title_justify="left")
    for name in ("meaning weight", "ranks", "event threshold", *names, "mean"):
        table.add_column(cell(name))
    for point in points:
        model = point.model
        mark = "bold green" if (model.meaning_weight, model.background_ranks, model.event_threshold) == (
            chosen.meaning_weight, chosen.background_ranks, chosen.event_threshold) else None
        table.add_row(f"{model.meaning_weight}", f"{model.background_ranks[0]}–{model.background_ranks[1]}",
                      f"{model.event_threshold}", *(f"{f1:.3f}" for f1 in point.f1), f"{point.mean_f1:.3f}",
                      style=mark)
    console.print(table)
    from rashomon.train.clusters import file_bests

    best = file_bests(points)
    point = next(p for p in points if (p.model.meaning_weight, p.model.background_ranks, p.model.event_threshold)
                 == (chosen.meaning_weight, chosen.background_ranks, chosen.event_threshold))
    console.print(Text(f"chosen: meaning weight {chosen.meaning_weight}, ranks "
                       f"{chosen.background_ranks[0]}–{chosen.background_ranks[1]}, event threshold "
                       f"{chosen.event_threshold}, story threshold {chosen.story_threshold}: good on every file "
                       f"(at most {point.shortfall(best):.3f} below a file's best), mean B-cubed F1 "
                       f"{point.mean_f1:.3f}"))
