"""Stories, one story's events and coverage, and why an article is in its event (titles are untrusted)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from rashomon.cli.render.common import SHORT_ID, Column, cell, fitted_table
from rashomon.cluster.languages import MARGIN_ONE_EVENT
from rashomon.reads import Explanation, StoryDetail, StorySummary

_BARS = " ▁▂▃▄▅▆▇█"


STORY_COLUMNS = (
    Column("story", priority=0), Column("articles", priority=1, justify="right"),
    Column("outlets", priority=3, justify="right"), Column("first", priority=2), Column("last", priority=4),
    Column("events", priority=5, justify="right"),
    Column("headline · who and where", text=True, narrowest=40),
)
EVENT_COLUMNS = (
    Column("published", priority=2), Column("outlet", priority=1, widest=18),
    Column("article", priority=3, widest=SHORT_ID), Column("title", text=True, narrowest=30),
)


def stories_table(console: Console, stories: Sequence[StorySummary]) -> None:
    rows = [[story.story, story.articles, story.outlets, story.first or "–", story.last or "–", story.events,
             (story.headline or "–", Text(" · ".join(story.entities), style="dim"))] for story in stories]
    console.print(fitted_table(console.width, STORY_COLUMNS, rows,
                               title=f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}"))


def story_detail(console: Console, story: StoryDetail) -> None:
    console.print(Text(f"Story {story.story.id}: {len(story.events)} events", style="bold"))
    for event in story.events:
        rows = [[article["published"] or "–", article["outlet_label"], article["article"][:SHORT_ID],
                 article["headline"]] for article in (story.articles[a] for a in event.article_ids)]
        console.print(fitted_table(console.width, EVENT_COLUMNS, rows, title=f"event {event.id}"))
    console.print(Text("Coverage over time (articles a day):"))
    sparkline = coverage_line(story.coverage, console.width)
    if sparkline:
        console.print(Text(sparkline))
    if story.coverage.get("undated"):
        console.print(Text(f"{story.coverage['undated']} undated"))


def coverage_line(coverage: dict[str, int], width: int) -> str | None:
    """Articles a day as one line of bars in at most ``width`` cells: when there are more days than room, each
    bar counts several days (the fewest that fit, said at the end)."""
    days = [day for day in coverage if day != "undated"]
    if not days:
        return None
    counts = [coverage[day] for day in days]
    per_bar = 1
    while True:
        bins = [sum(counts[i:i + per_bar]) for i in range(0, len(counts), per_bar)]
        top = max(bins)
        bars = "".join(_BARS[max(1, round(8 * count / top))] if count else "·" for count in bins)
        unit = "" if per_bar == 1 else f", a bar is {per_bar} days"
        line = f"{days[0]} {bars} {days[-1]}  (peak {top}{unit})"
        if len(line) <= width or len(bins) == 1:
            return line
        per_bar += 1


CANDIDATE_COLUMNS = (
    Column("event", priority=0), Column("story", priority=1), Column("score", priority=0, justify="right"),
    Column("words", priority=4, justify="right"), Column("best", priority=7, justify="right"),
    Column("centroid", priority=8, justify="right"), Column("bg", priority=9, justify="right"),
    Column("meaning", priority=5, justify="right"), Column("bg", priority=10, justify="right"),
    Column("near", priority=11, justify="right"), Column("entities", priority=6, justify="right"),
    Column("days", priority=3, widest=20), Column("shared entities", priority=2, widest=24, lines=2),
    Column("shared words", text=True, narrowest=20, lines=2),
)
CANDIDATE_LEGEND = ("words: the word cosine less the background, mean over the nearest members (best: the highest; "
                    "centroid: to the event's centroid; bg: the background); meaning: the same for the vectors; "
                    "near: members among the nearest; entities: overlap of the names")


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
    rows = [[c["event"], c["story"], *_candidate_figures(c), ", ".join(c["shared_entities"]),
             ", ".join(c["shared_words"])] for c in recorded["candidates"]]
    if rows:
        console.print(fitted_table(console.width, CANDIDATE_COLUMNS, rows, title="candidates weighed"))
        console.print(Text(CANDIDATE_LEGEND, style="dim"))
    else:
        console.print(Text("no candidates: the first article of its kind"))
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
    columns = (Column("meaning weight", priority=1), Column("ranks", priority=1), Column("event threshold", priority=1),
               *(Column(name, priority=2, justify="right") for name in names), Column("mean", justify="right"))
    rows = []
    for point in points:
        model = point.model
        mark = "bold green" if (model.meaning_weight, model.background_ranks, model.event_threshold) == (
            chosen.meaning_weight, chosen.background_ranks, chosen.event_threshold) else ""
        figures = (f"{model.meaning_weight}", f"{model.background_ranks[0]}–{model.background_ranks[1]}",
                   f"{model.event_threshold}", *(f"{f1:.3f}" for f1 in point.f1), f"{point.mean_f1:.3f}")
        rows.append([Text(figure, style=mark) for figure in figures])
    console.print(fitted_table(console.width, columns, rows, title="B-cubed F1 at each grid point"))
    from rashomon.train.clusters import file_bests

    best = file_bests(points)
    point = next(p for p in points if (p.model.meaning_weight, p.model.background_ranks, p.model.event_threshold)
                 == (chosen.meaning_weight, chosen.background_ranks, chosen.event_threshold))
    console.print(Text(f"chosen: meaning weight {chosen.meaning_weight}, ranks "
                       f"{chosen.background_ranks[0]}–{chosen.background_ranks[1]}, event threshold "
                       f"{chosen.event_threshold}, story threshold {chosen.story_threshold}: good on every file "
                       f"(at most {point.shortfall(best):.3f} below a file's best), mean B-cubed F1 "
                       f"{point.mean_f1:.3f}"))
