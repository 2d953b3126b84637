"""How stories, events and clustering reasons look in the terminal (titles are untrusted: plain Text only)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from rich.console import Console
from rich.table import Table
from rich.text import Text

_BARS = " ▁▂▃▄▅▆▇█"


def story_record(row) -> dict:
    return {"story": row.story, "events": row.events, "articles": row.articles, "outlets": row.outlets,
            "first": row.first, "last": row.last}


def stories_table(console: Console, rows: Sequence) -> None:
    table = Table(title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}", title_justify="left")
    for name in ("story", "events", "articles", "outlets", "first", "last"):
        table.add_column(name, justify="right" if name in ("events", "articles", "outlets") else "left")
    for row in rows:
        table.add_row(str(row.story), str(row.events), str(row.articles), str(row.outlets),
                      str(row.first or "–"), str(row.last or "–"))
    console.print(table)


def story_record_detail(story_id: int, rows: Sequence) -> dict:
    events: dict[int, list] = defaultdict(list)
    for row in rows:
        events[row.event_id].append({"article": row.id, "outlet": row.outlet, "published": row.published,
                                     "title": row.title})
    return {"story": story_id, "events": [{"event": event, "articles": articles} for event, articles in events.items()],
            "coverage": coverage([row.published for row in rows])}


def coverage(days: Sequence[date | None]) -> dict[str, int]:
    """Articles per publication day, from the first to the last (undated ones under "undated")."""
    counts = Counter(day for day in days if day is not None)
    result: dict[str, int] = {}
    if counts:
        day, last = min(counts), max(counts)
        while day <= last:
            result[day.isoformat()] = counts.get(day, 0)
            day += timedelta(days=1)
    undated = sum(day is None for day in days)
    if undated:
        result["undated"] = undated
    return result


def story_detail(console: Console, record: dict) -> None:
    console.print(Text(f"Story {record['story']}: {len(record['events'])} events", style="bold"))
    for event in record["events"]:
        table = Table(title=f"event {event['event']}", title_justify="left")
        for name in ("published", "outlet", "article", "title"):
            table.add_column(name)
        for article in event["articles"]:
            table.add_row(str(article["published"] or "–"), article["outlet"] or "–", article["article"],
                          Text(article["title"] or ""))
        console.print(table)
    console.print(Text("Coverage over time (articles a day):"))
    dated = {day: count for day, count in record["coverage"].items() if day != "undated"}
    if dated:
        top = max(dated.values())
        bars = "".join(_BARS[round(8 * count / top)] if count else "·" for count in dated.values())
        console.print(Text(f"{min(dated)} {bars} {max(dated)}  (peak {top})"))
    if record["coverage"].get("undated"):
        console.print(Text(f"{record['coverage']['undated']} undated"))


def why_detail(console: Console, explained: dict) -> None:
    console.print(Text(f"{explained['article']}: event {explained['event']}, story {explained['story']} — "
                       f"{explained['decision']}", style="bold"))
    console.print(Text(f"joins an event at a score ≥ {explained['event_threshold']} (within "
                       f"{explained['event_window_days']} days); a story at ≥ {explained['story_threshold']}. "
                       "Score: the mean, over the event's latest members among the nearest articles, of the "
                       "word cosine less the background (scaled by length), plus the meaning weight times "
                       "the vector cosine less its background"))
    table = Table(title="candidates weighed", title_justify="left")
    for name in ("event", "story", "score", "words: mean", "best", "centroid", "background", "meaning: mean",
                 "background", "near", "entities", "days", "shared entities", "shared words"):
        table.add_column(name)
    for c in explained["candidates"]:
        table.add_row(str(c["event"]), str(c["story"]), *_candidate_figures(c),
                      Text(", ".join(c["shared_entities"])), Text(", ".join(c["shared_words"])))
    console.print(table if explained["candidates"] else Text("no candidates: the first article of its kind"))
    for move in explained["moves"]:
        console.print(Text(f"moved from event {move['from_event']} to {move['to_event']} when article "
                           f"{move['because']} bridged them"))


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
    figures.append(days if candidate.get("in_event_window", True) else f"{days}: outside")
    return figures


def training_grid(console: Console, points: list, names: list[str], chosen) -> None:
    """Every grid point's B-cubed F1 on each gold file; the chosen one marked."""
    table = Table(title="B-cubed F1 at each grid point", title_justify="left")
    for name in ("meaning weight", "ranks", "event threshold", *names, "mean"):
        table.add_column(name)
    for point in points:
        model = point.model
        mark = "bold green" if (model.meaning_weight, model.background_ranks, model.event_threshold) == (
            chosen.meaning_weight, chosen.background_ranks, chosen.event_threshold) else None
        table.add_row(f"{model.meaning_weight}", f"{model.background_ranks[0]}–{model.background_ranks[1]}",
                      f"{model.event_threshold}", *(f"{f1:.3f}" for f1 in point.f1), f"{point.mean_f1:.3f}",
                      style=mark)
    console.print(table)
    best = max(point.mean_f1 for point in points)
    console.print(Text(f"chosen: meaning weight {chosen.meaning_weight}, ranks "
                       f"{chosen.background_ranks[0]}–{chosen.background_ranks[1]}, event threshold "
                       f"{chosen.event_threshold}, story threshold {chosen.story_threshold}: "
                       f"mean B-cubed F1 {best:.3f}"))


def story_scores(console: Console, scores: dict) -> None:
    systems = [name for name, value in scores.items() if isinstance(value, dict) and "bcubed" in value]
    table = Table(title=f"Clustering at the {scores['level']} level, {scores['articles']} articles",
                  title_justify="left")
    for name in ("system", "B-cubed P", "B-cubed R", "B-cubed F1", "ARI", "clusters"):
        table.add_column(name)
    for name in systems:
        value = scores[name]
        table.add_row(name, *(f"{value['bcubed'][k]:.3f}" for k in ("precision", "recall", "f1")),
                      f"{value['ari']:.3f}", f"{value['clusters']} (gold {value['gold_clusters']})")
    console.print(table)
